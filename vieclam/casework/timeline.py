"""Timeline sources "counselling" and "group_session" (core.timeline), registered in CaseworkConfig.ready()."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from vieclam.accounts.scoping import scope_for
from vieclam.casework.models import CounsellingSession, GroupAttendance
from vieclam.casework.selectors import counselling_title, group_title
from vieclam.codelists.models import CodeItem
from vieclam.core.timeline import TimelineEntry

__all__ = ("counselling_timeline", "group_session_timeline")


# What an entry shows of a code item and of a user (a user row is some twenty columns, a code item a dozen).
NAME = ("name_vi", "name_en")
USER = ("first_name", "last_name", "username")


def _topics(path: str = "topics") -> Prefetch:
    return Prefetch(path, queryset=CodeItem.objects.only(*NAME).order_by("order"))


def counselling_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The person's newest counselling sessions (index casework_session_person_date)."""
    sessions = (
        CounsellingSession.objects.filter(person=person)
        .select_related("channel", "counsellor")
        .only("held_on", "outcome", "next_step", *(f"channel__{f}" for f in NAME), *(f"counsellor__{f}" for f in USER))
        .prefetch_related(_topics())
        .order_by("-held_on", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=s.held_on,
            kind="counselling",
            title=counselling_title(s),
            detail=" · ".join(part for part in (s.outcome, s.next_step) if part),
            actor=str(s.counsellor),
            url=reverse("casework:session_detail", args=[s.pk]),
        )
        for s in sessions
    ]


def group_session_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The group sessions the person is known to have attended (index casework_attend_person_date); a session held
    outside the viewer's areas is shown without its link (its page would answer 404)."""
    attended = (
        GroupAttendance.objects.filter(person=person)
        .select_related("session__commune", "session__unit_kind", "session__organiser")
        .only(
            "held_on",
            "session__held_on",
            "session__unit_name",
            "session__commune__name",
            "session__commune__province_id",
            *(f"session__unit_kind__{f}" for f in NAME),
            *(f"session__organiser__{f}" for f in USER),
        )
        .prefetch_related(_topics("session__topics"))
        .order_by("-held_on", "-pk")[:limit]
    )
    scope = scope_for(viewer)
    entries = []
    for row in attended:
        group = row.session
        url = reverse("casework:group_detail", args=[group.pk]) if scope.covers_unit(group.commune) else ""
        entries.append(
            TimelineEntry(
                at=group.held_on,
                kind="group_session",
                title=group_title(group),
                detail=", ".join(part for part in (group.unit_name, group.commune.name) if part),
                actor=str(group.organiser),
                url=url,
            )
        )
    return entries
