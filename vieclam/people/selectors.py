from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.audit import audit_read
from vieclam.people.models import Household, Person


def person_list(*, viewer) -> QuerySet[Person]:
    return scope_queryset(Person.objects.all(), viewer).select_related(
        "residence_commune", "ethnicity", "household", "occupation"
    )


def person_get(*, viewer, pk: int) -> Person:
    """A person in the viewer's areas (404 otherwise), to change; reading the full record is person_open."""
    return get_scoped_or_404(person_list(viewer=viewer), viewer, pk=pk)


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


def household_get(*, viewer, pk: int) -> Household:
    """A household in the viewer's areas, or Http404."""
    return get_scoped_or_404(household_list(viewer=viewer), viewer, pk=pk)
