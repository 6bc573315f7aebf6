"""The journey-abroad source of a person's timeline (core.timeline): each dated step in words, newest first."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from vieclam.abroad.choices import JourneyState, ReturnKind
from vieclam.abroad.models import JourneyEvent
from vieclam.core.timeline import TimelineEntry

# What an entry shows (one query: the event, its journey's few columns, the country's name, the recorder's name).
EVENT_FIELDS = (
    "journey_id", "state", "on", "note", "journey__contract_months", "journey__foreign_employer",
    "journey__return_kind", "journey__return_reason", "journey__expected_return_on", "journey__country__name_vi",
    "recorded_by__username",
)  # fmt: skip


def event_title(event: JourneyEvent) -> str:
    journey = event.journey
    country = journey.country.name_vi if journey.country_id else ""
    label = str(JourneyState(event.state).label)
    if event.state == JourneyState.DEPARTED:
        text = _("Xuất cảnh đi làm việc ở {country}").format(country=country or "—")
        parts = [journey.foreign_employer] if journey.foreign_employer else []
        if journey.contract_months:
            parts.append(_("hợp đồng {months} tháng").format(months=journey.contract_months))
        return f"{text} ({', '.join(parts)})" if parts else text
    if event.state == JourneyState.RETURNED:
        if journey.return_kind == ReturnKind.EARLY:
            return _("Về nước trước hạn: {reason}").format(reason=journey.return_reason)
        return _("Về nước đúng hạn hợp đồng")
    if event.state == JourneyState.REGISTERED and country:
        return _("Đăng ký đi làm việc ở {country}").format(country=country)
    return label


def journey_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    rows = (
        JourneyEvent.objects.filter(person=person)
        .select_related("journey", "journey__country", "recorded_by")
        .only(*EVENT_FIELDS)
        .order_by("-on", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=row.on,
            kind="abroad",
            title=event_title(row),
            detail=row.note,
            actor=row.recorded_by.username if row.recorded_by else "",
            url=reverse("abroad:journey_detail", args=[row.journey_id]),
        )
        for row in rows
    ]
