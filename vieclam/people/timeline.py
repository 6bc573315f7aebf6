"""The people registry's part of a person's timeline: registration and labour-status changes, and the poverty
reviews of the person's household (core.timeline)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.core.display import Labeller
from vieclam.core.timeline import TimelineEntry
from vieclam.people.models import HouseholdReview, LabourEvent, Person

USER = ("first_name", "last_name", "username")  # what an entry shows of the user who recorded it
DETAIL_ROWS = 4  # a change names at most this many fields; the record's page has them all
# What an event records besides the person's fields (person_go_abroad).
EVENT_LABELS = {"country": gettext_lazy("Nước đến làm việc"), "employer": gettext_lazy("Bên sử dụng lao động")}


def labour_event_timeline(*, person: Person, viewer, limit: int) -> list[TimelineEntry]:
    events = (
        LabourEvent.objects.filter(person=person)
        .select_related("recorded_by")
        .only("effective", "kind", "changes", *(f"recorded_by__{f}" for f in USER))
        .order_by("-effective", "-pk")
    )
    events = list(events[:limit])
    labeller = Labeller()
    labeller.prefetch(Person, (_person_fields(event.changes) for event in events))
    entries = []
    for event in events:
        rows = _event_rows(labeller, event.changes)
        detail = "; ".join(f"{label}: {value}" for label, value in rows[:DETAIL_ROWS])
        if len(rows) > DETAIL_ROWS:
            detail += "; …"
        entries.append(
            TimelineEntry(
                at=event.effective,
                kind="labour_event",
                title=event.get_kind_display(),
                detail=detail,
                actor=_actor(event.recorded_by),
                url=reverse("people:person_detail", args=[person.pk]),
            )
        )
    return entries


def _event_rows(labeller: Labeller, changes: dict) -> list[tuple[str, str]]:
    own = [(str(EVENT_LABELS[k]), str(v)) for k, v in changes.items() if k in EVENT_LABELS and v]
    return own + labeller.values(Person, _person_fields(changes))


def _person_fields(changes: dict) -> dict:
    return {k: v for k, v in changes.items() if k not in EVENT_LABELS}


def poverty_review_timeline(*, person: Person, viewer, limit: int) -> list[TimelineEntry]:
    """Reviews of the household the person belongs to now (a review is of the household, not of one member)."""
    if person.household_id is None:
        return []
    reviews = (
        HouseholdReview.objects.filter(household_id=person.household_id)
        .select_related("standard", "recorded_by")
        .only(
            "reviewed_on",
            "kind",
            "classification",
            "decision_number",
            "decided_by",
            "standard__name_vi",
            *(f"recorded_by__{f}" for f in USER),
        )
        .order_by("-reviewed_on", "-pk")
    )
    return [
        TimelineEntry(
            at=review.reviewed_on,
            kind="poverty_review",
            title=_("Rà soát hộ: %(result)s") % {"result": review.get_classification_display()},
            detail=", ".join(
                filter(None, [review.get_kind_display(), review.standard.name_vi, review.decision_number])
            ),
            actor=_actor(review.recorded_by) or review.decided_by,
            url=reverse("people:household_detail", args=[person.household_id]),
        )
        for review in reviews[:limit]
    ]


def _actor(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username
