"""Rows → the facts matching scores (scoring.VacancyFacts, scoring.SeekerFacts), and the reference lookups both
directions share: occupation codes, provinces of communes, priority groups, occupations grouped by their points.

Reference data is read once per process (lru_cache): it changes only when reference data is reloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language

from vieclam.codelists.models import Occupation
from vieclam.matching import scoring
from vieclam.matching.scoring import Priority
from vieclam.people.models import Person
from vieclam.people.reviews import recently_exited
from vieclam.places.models import AdministrativeUnit
from vieclam.poverty.choices import Classification
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.models import Vacancy

__all__ = (
    "Group",
    "commune_province",
    "occupation_codes",
    "occupation_groups",
    "occupation_names",
    "priority_groups",
    "seeker_facts",
    "unit_provinces",
    "vacancy_facts",
)


@lru_cache(maxsize=1)
def occupation_codes() -> dict[int, str]:
    """Every level-4 occupation's code by its pk."""
    return dict(Occupation.objects.filter(level=4).values_list("pk", "code"))


@lru_cache(maxsize=2)
def occupation_names(english: bool = False) -> dict[int, str]:
    """Every level-4 occupation's name as a reason shows it: in English the English title where there is one."""
    return {o.pk: (o.name_en if english and o.name_en else o.display_name) for o in Occupation.objects.filter(level=4)}


def vacancy_facts(vacancy: Vacancy) -> scoring.VacancyFacts:
    return scoring.VacancyFacts(
        occupation_code=occupation_codes().get(vacancy.occupation_id, ""),
        occupation_name=occupation_names((get_language() or "").startswith("en")).get(vacancy.occupation_id, ""),
        commune_id=vacancy.workplace_commune_id, province_id=vacancy.workplace_commune.province_id,
        technical_level=vacancy.technical_level, experience=vacancy.experience, pay_min=vacancy.pay_min,
        pay_max=vacancy.pay_max, pay_negotiable=vacancy.pay_negotiable, deadline=vacancy.deadline,
        demands_outdoor=vacancy.demands_outdoor, demands_lifting=vacancy.demands_lifting,
        demands_standing=vacancy.demands_standing, demands_hearing=vacancy.demands_hearing,
        demands_vision=vacancy.demands_vision, demands_fine_hands=vacancy.demands_fine_hands,
        demands_both_hands=vacancy.demands_both_hands,
    )  # fmt: skip


def seeker_facts(profile: JobSeekerProfile | None, person: Person) -> scoring.SeekerFacts:
    province = commune_province(person.residence_commune_id)
    occupation_id = (profile.occupation_id if profile else None) or person.occupation_id
    workplaces = frozenset(pk for pk in (getattr(profile, "workplace_1_id", None),
                                         getattr(profile, "workplace_2_id", None)) if pk)  # fmt: skip
    facts = {
        "occupation_code": occupation_codes().get(occupation_id, ""), "commune_id": person.residence_commune_id,
        "province_id": province, "workplace_ids": workplaces, "technical_level": person.technical_level,
        "priority": priority_groups(person),
    }  # fmt: skip
    if profile is not None:
        facts.update(
            experience_band=profile.experience_band, desired_pay_min=profile.desired_pay_min,
            available_from=None if profile.available_now else profile.available_from,
            work_environment=profile.work_environment, lifting=profile.lifting,
            can_stand_or_walk=profile.can_stand_or_walk, hearing_speaking_ok=profile.hearing_speaking_ok,
            vision_ok=profile.vision_ok, fine_hand_work_ok=profile.fine_hand_work_ok, hands=profile.hands,
        )  # fmt: skip
    return scoring.SeekerFacts(**facts)


def commune_province(commune_id: int) -> int | None:
    province = unit_provinces().get(commune_id)
    if province is None and commune_id is not None:  # a unit added since the map was read
        province = AdministrativeUnit.objects.filter(pk=commune_id).values_list("province_id", flat=True).first()
    return province


@lru_cache(maxsize=1)
def unit_provinces() -> dict[int, int]:
    """Every administrative unit's province_id, read once per process (reference data): a query per new commune
    cost as much as the rest of seeker_facts."""
    return dict(AdministrativeUnit.objects.values_list("pk", "province_id"))


def priority_groups(person: Person) -> tuple[Priority, ...]:
    """The person's priority groups (the household's poverty, ethnicity, disability); candidates.priority_sql
    says the same in SQL."""
    groups = []
    household = person.household
    if household is not None and household.poverty_class in (Classification.POOR, Classification.NEAR_POOR):
        groups.append(Priority(household.poverty_class))
    elif household is not None and recently_exited(household):
        groups.append(Priority.EXITED)
    if person.ethnicity_id and person.ethnicity.code != scoring.MAJORITY_ETHNIC_CODE:
        groups.append(Priority.ETHNIC_MINORITY)
    if scoring.DISABILITY_GROUP in (person.priority_groups or []):
        groups.append(Priority.DISABILITY)
    return tuple(groups)


@dataclass(frozen=True)
class Group:
    """Occupations, or workplace communes, that score the same points for this seeker. The last group of each kind
    holds all the others, and is known by the ids of the groups before it."""

    points: int
    ids: tuple[int, ...] = ()
    others: bool = False


@lru_cache(maxsize=512)
def occupation_groups(code: str) -> tuple[Group, ...]:
    """The level-4 occupations that score points against `code` (scoring.occupation_points), by points, best
    first; then all others (any other occupation, of any level, scores 0)."""
    by_points: dict[int, list[int]] = {}
    for pk, other in occupation_codes().items():
        points = scoring.OCCUPATION_POINTS.get(scoring.shared_digits(code, other), 0)
        if points:
            by_points.setdefault(points, []).append(pk)
    groups = [Group(points, tuple(sorted(ids))) for points, ids in sorted(by_points.items(), reverse=True)]
    return (*groups, Group(0, others=True))
