"""The dated rules of vocational training read from reference data: which priority groups a person is in on a day,
the support norm in force for a group and level, and the window in which a job counts as found after training."""

from __future__ import annotations

import datetime as dt

from vieclam.connections.rules import add_months
from vieclam.people.models import Person
from vieclam.people.reviews import recently_exited
from vieclam.places.choices import AreaClass
from vieclam.poverty.choices import Classification
from vieclam.training.models import PriorityGroup, SupportNorm

__all__ = ("EMPLOYED_WITHIN_MONTHS", "best_group", "derived_groups", "employment_check_until", "norm_for")

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


def groups_on(day: dt.date) -> list[PriorityGroup]:
    return [group for group in PriorityGroup.objects.order_by("order", "code") if group.is_valid_on(day)]


def derived_groups(person: Person, *, on: dt.date) -> list[PriorityGroup]:
    """The priority groups in force on `on` the person's record shows, in the list's order."""
    facts = _facts(person, on)
    return [group for group in groups_on(on) if group.derive in facts]


def norm_for(group: PriorityGroup | None, *, level: str, on: dt.date) -> SupportNorm | None:
    """The support norm in force on `on` for the group at the level (None: the programme pays nothing)."""
    if group is None:
        return None
    norms = [n for n in SupportNorm.objects.filter(priority_group=group) if n.is_valid_on(on) and n.covers_level(level)]
    return max(norms, key=lambda n: (n.valid_from or dt.date.min, n.amount), default=None)


def best_group(person: Person, *, level: str, on: dt.date) -> tuple[PriorityGroup | None, SupportNorm | None]:
    """The person's group with the highest norm for the level (the first listed when none has a norm)."""
    groups = derived_groups(person, on=on)
    ranked = [(norm_for(group, level=level, on=on), group) for group in groups]
    with_norm = [(norm, group) for norm, group in ranked if norm is not None]
    if with_norm:
        norm, group = max(with_norm, key=lambda pair: (pair[0].amount, -pair[1].order))
        return group, norm
    return (groups[0], None) if groups else (None, None)


def employment_check_until(completed_on: dt.date) -> dt.date:
    return add_months(completed_on, EMPLOYED_WITHIN_MONTHS)
