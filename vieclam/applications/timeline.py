"""Applications and referrals on a person's timeline (core.timeline): every dated transition, with the vacancy."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from vieclam.applications.choices import ApplicationChannel, ApplicationStatus
from vieclam.applications.models import ApplicationEvent
from vieclam.core.timeline import TimelineEntry

# What an entry shows: the vacancy's description and the employer's record (dozens of columns, long texts) are not
# read for a history that may list hundreds of events.
ENTRY_FIELDS = (
    "at", "from_status", "to_status", "note", "actor_username", "application__channel", "application__start_date",
    "application__vacancy__title", "application__vacancy__employer__name",
)  # fmt: skip


STATUS_LABELS = dict(ApplicationStatus.choices)


def application_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    events = (
        ApplicationEvent.objects.filter(application__person=person)
        .select_related("application__vacancy__employer")
        .only(*ENTRY_FIELDS)
        .order_by("-at", "-pk")
    )
    return [_entry(event) for event in events[:limit]]


def _entry(event: ApplicationEvent) -> TimelineEntry:
    application = event.application
    vacancy = application.vacancy
    if event.to_status == ApplicationStatus.SUBMITTED and not event.from_status:
        referred = application.channel == ApplicationChannel.REFERRED
        title = _("Được giới thiệu việc làm") if referred else _("Ứng tuyển")
    else:
        # A dict of the labels, not get_to_status_display(): that rebuilds a hashable copy of the choices (every
        # lazy label translated) on each call, ≈ 0,1 ms an entry.
        title = str(STATUS_LABELS.get(event.to_status, event.to_status))
    detail = f"{vacancy.title} — {vacancy.employer.name}"
    if event.to_status == ApplicationStatus.HIRED and application.start_date:
        detail += " · " + _("làm việc từ %(day)s") % {"day": application.start_date.strftime("%d/%m/%Y")}
    return TimelineEntry(
        at=event.at,
        kind="application",
        title=title,
        detail=detail + (f" · {event.note}" if event.note else ""),
        actor=event.actor_username,
        url=reverse("applications:application_detail", args=[application.pk]),
    )
