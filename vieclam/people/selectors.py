from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_for, scope_queryset
from vieclam.core.audit import audit_read
from vieclam.core.text import fold
from vieclam.core.timeline import TimelineEntry, timeline_for
from vieclam.people.models import Household, Person


def person_list(*, viewer) -> QuerySet[Person]:
    return scope_queryset(_with_related(), viewer)


def _with_related() -> QuerySet[Person]:
    return Person.objects.select_related("residence_commune", "ethnicity", "household", "occupation")


def person_get(*, viewer, pk: int) -> Person:
    """A person in the viewer's areas (404 otherwise), to change; reading the full record is person_open."""
    # get_scoped_or_404 applies the scope: person_list would filter on the same areas a second time.
    return get_scoped_or_404(_with_related(), viewer, pk=pk)


def person_open(*, viewer, pk: int) -> Person:
    """A person's full record; opening it is logged (personal data)."""
    person = get_scoped_or_404(_with_related(), viewer, pk=pk)
    audit_read(actor=viewer, instance=person, area=person.residence_commune)
    return person


def person_timeline(*, viewer, pk: int, kinds: list[str] | None = None, limit: int = 200) -> tuple[Person, list]:
    """The person (opened, so the read is logged) and their timeline: every registered kind of event, newest
    first (core.timeline)."""
    person = person_open(viewer=viewer, pk=pk)
    entries: list[TimelineEntry] = timeline_for(person=person, viewer=viewer, kinds=kinds, limit=limit)
    return person, entries


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


def person_pick(*, viewer, text: str, limit: int = 10) -> list[Person]:
    """People in the viewer's areas for a picker: by CCCD/CMND (full, or its first 6+ digits), or by the start
    of the full name, diacritics ignored. Both are indexed prefix lookups, fast on a million people."""
    text = (text or "").strip()
    people = scope_queryset(Person.objects.select_related("residence_commune"), viewer)
    if text.isdigit():
        if len(text) < 6:
            return []
        matches = list(people.filter(national_id=text)) if len(text) in (9, 12) else []
        if matches:
            return matches
        scope = scope_for(viewer)
        if scope.unrestricted or scope.province_ids:  # a wide scope: walk the number index, check the scope
            return _by_id_prefix(people, text, limit=limit)
        # a few communes: their people are few, the commune index finds them first
        return sorted(people.filter(national_id__startswith=text).order_by()[:limit], key=lambda p: p.national_id or "")
    phrase = fold(text)
    if len(phrase) < 2:
        return []
    # No ORDER BY: the prefix walks the search_text index and stops at `limit` rows; sorting every "nguyen…" of a
    # province first would read a third of it. The few rows found are sorted here.
    found = list(people.filter(search_text__startswith=" " + phrase).order_by()[:limit])
    return sorted(found, key=lambda person: (person.search_text, person.pk))


def _by_id_prefix(people: QuerySet[Person], prefix: str, *, limit: int, batch: int = 300) -> list[Person]:
    """People whose CCCD/CMND starts with `prefix`: batches of the national_id index (a range, no join), each
    checked against the scope, until `limit` are found; one join over the whole prefix would read thousands."""
    found: list[Person] = []
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # a range, not LIKE: the unique index walks it in order
    bound: dict[str, str] = {"national_id__gte": prefix}
    for _round in range(20):
        rows = Person.objects.filter(national_id__lt=upper, **bound).order_by("national_id")
        ids = list(rows.values_list("pk", "national_id")[:batch])
        if not ids:
            break
        found += people.filter(pk__in=[pk for pk, _nid in ids]).order_by()[: limit - len(found)]
        if len(found) >= limit or len(ids) < batch:
            break
        bound = {"national_id__gt": ids[-1][1] or ""}
    return sorted(found, key=lambda person: person.national_id or "")


def person_pick_get(*, viewer, pk) -> Person | None:
    """The person with this id if the viewer may see them (None otherwise: no hint that they exist)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return scope_queryset(Person.objects.select_related("residence_commune"), viewer).filter(pk=pk).first()
