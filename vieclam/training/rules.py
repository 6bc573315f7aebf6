"""The dated rules of vocational training read from reference data: which priority groups a person is in on a day,
the support norm in force for a group and level, and the window in which a job counts as found after training."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vieclam.connections.rules import add_months
from vieclam.people.models import Person
from vieclam.people.reviews import recently_exited
from vieclam.places.choices import AreaClass
from vieclam.poverty.choices import Classification
from vieclam.training.models import PriorityGroup, SupportNorm

__all__ = (
    "EMPLOYED_WITHIN_MONTHS",
    "Book",
    "best_group",
    "book_on",
    "derived_groups",
    "employment_check_until",
    "norm_for",
)

EMPLOYED_WITHIN_MONTHS = 6  # "có việc làm sau đào tạo": a job started within 6 months of completion (SOURCES.md)
MAJORITY_ETHNIC_CODE = "01"  # Kinh (the ethnic-group list): every other group is an ethnic minority


def _facts(person: Person, on: dt.date) -> set[str]:
    """The `derive` keys true for the person on the day (household poverty, ethnicity, residence, listed groups)."""
    facts = set(person.priority_groups or [])
    household = person.household
    if household is not None:
        if household.poverty_class == Classification.POOR:
            facts.add("poor")
        elif household.poverty_class == Classification.NEAR_POOR:
            facts.add("near_poor")
        elif recently_exited(household, on=on):
            facts.add("exited")
    if person.ethnicity_id and person.ethnicity.code != MAJORITY_ETHNIC_CODE:
        facts.add("ethnic_minority")
    if person.residence_commune.area_class == AreaClass.RURAL:
        facts.add("rural")
    return facts


@dataclass(frozen=True)
class Book:
    """The priority groups and support norms in force on a day, read once (a roster checks many persons)."""

    on: dt.date
    groups: tuple[PriorityGroup, ...]
    norms: tuple[SupportNorm, ...]


def book_on(day: dt.date) -> Book:
    groups = tuple(g for g in PriorityGroup.objects.order_by("order", "code") if g.is_valid_on(day))
    norms = tuple(n for n in SupportNorm.objects.order_by("valid_from", "code") if n.is_valid_on(day))
    return Book(on=day, groups=groups, norms=norms)


def derived_groups(person: Person, *, book: Book) -> list[PriorityGroup]:
    """The priority groups in force on the book's day the person's record shows, in the list's order."""
    facts = _facts(person, book.on)
    return [group for group in book.groups if group.derive in facts]


def norm_for(group: PriorityGroup | None, *, level: str, book: Book) -> SupportNorm | None:
    """The support norm in force on the book's day for the group at the level (None: the programme pays nothing)."""
    if group is None:
        return None
    norms = [n for n in book.norms if n.priority_group_id == group.pk and n.covers_level(level)]
    return max(norms, key=lambda n: (n.valid_from or dt.date.min, n.amount), default=None)


def best_group(person: Person, *, level: str, book: Book) -> tuple[PriorityGroup | None, SupportNorm | None]:
    """The person's group with the highest norm for the level (the first listed when none has a norm)."""
    groups = derived_groups(person, book=book)
    with_norm = [(norm, group) for group in groups if (norm := norm_for(group, level=level, book=book)) is not None]
    if with_norm:
        norm, group = max(with_norm, key=lambda pair: (pair[0].amount, -pair[1].order))
        return group, norm
    return (groups[0], None) if groups else (None, None)


def employment_check_until(completed_on: dt.date) -> dt.date:
    return add_months(completed_on, EMPLOYED_WITHIN_MONTHS)
