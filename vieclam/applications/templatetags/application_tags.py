"""Template helpers for the application timeline and the applicant's contact."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.applications.choices import RefusalReason
from vieclam.people.consents import CONTACT_HIDDEN, contact_visible

register = template.Library()


@register.simple_tag
def event_details(event, contract_names=None) -> list[str]:
    """What a transition recorded, as short Vietnamese lines: interview time, contract and start date, reason."""
    data, names, lines = event.data or {}, contract_names or {}, []
    if data.get("interview_at"):
        moment = timezone.localtime(dt.datetime.fromisoformat(data["interview_at"]))
        lines.append(_("Phỏng vấn lúc {at}").format(at=f"{moment:%H:%M %d/%m/%Y}"))
    if data.get("contract_type"):
        lines.append(_("Hợp đồng: {name}").format(name=names.get(data["contract_type"], data["contract_type"])))
    if data.get("start_date"):
        lines.append(_("Bắt đầu làm việc: {day}").format(day=f"{dt.date.fromisoformat(data['start_date']):%d/%m/%Y}"))
    if data.get("refusal_reason") in RefusalReason.values:
        lines.append(_("Lý do: {reason}").format(reason=RefusalReason(data["refusal_reason"]).label))
    return lines


@register.simple_tag
def applicant_phone(application, viewer) -> str:
    """The applicant's phone as `viewer` may read it: staff and the person themself always; an employer only
    when the person has published it (people.consents), else the notice that it is hidden. The selectors annotate
    `contact_published` on the rows, so a list costs no query per row."""
    person = application.person
    published = getattr(application, "contact_published", None)
    if not contact_visible(viewer=viewer, person=person, published=published):
        return str(CONTACT_HIDDEN)
    return person.phone or "—"
