"""Template helpers for the application timeline."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.applications.choices import RefusalReason

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
