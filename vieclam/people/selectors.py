from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.audit import audit_read
from vieclam.core.text import fold
from vieclam.people.models import Household, Person


def person_list(*, viewer) -> QuerySet[Person]:
    return scope_queryset(Person.objects.all(), viewer).select_related(
        "residence_commune", "ethnicity", "household", "occupation"
    )


def person_open(*, viewer, pk: int) -> Person:
    """A person's full record; opening it is logged (personal data)."""
    person = get_scoped_or_404(person_list(viewer=viewer), viewer, pk=pk)
    audit_read(actor=viewer, instance=person, area=person.residence_commune)
    return person


def person_state_on(*, person: Person, day: dt.date) -> dict:
    """The labour status fields as they stood on `day`, replayed from the dated events."""
    state: dict = {}
    for event in person.events.filter(effective__lte=day).order_by("effective", "pk"):
        state.update(event.changes)
    return state


def household_list(*, viewer) -> QuerySet[Household]:
    return scope_queryset(Household.objects.all(), viewer).select_related("commune")


def person_pick(*, viewer, text: str, limit: int = 10) -> list[Person]:
    """People in the viewer's areas for a picker: by CCCD/CMND (full, or its first 6+ digits), or by the start
    of the full name, diacritics ignored. Both are indexed prefix lookups, fast on a million people."""
    text = (text or "").strip()
    people = scope_queryset(Person.objects.select_related("residence_commune"), viewer)
    if text.isdigit():
        if len(text) < 6:
            return []
        matches = people.filter(national_id=text) if len(text) in (9, 12) else people.none()
        return list(matches) or list(people.filter(national_id__startswith=text).order_by("national_id")[:limit])
    phrase = fold(text)
    if len(phrase) < 2:
        return []
    return list(people.filter(search_text__startswith=" " + phrase).order_by("search_text", "pk")[:limit])


def person_pick_get(*, viewer, pk) -> Person | None:
    """The person with this id if the viewer may see them (None otherwise: no hint that they exist)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return scope_queryset(Person.objects.select_related("residence_commune"), viewer).filter(pk=pk).first()
