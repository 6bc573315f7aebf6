"""Ranked candidates for a vacancy and ranked vacancies for a worker, with reasons.

Two stages: SQL computes the score without the priority boost over the rows that pass the hard filters and
keeps a short list; Python then scores those fully (scoring.score), adds the boost and explains the best.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from vieclam.accounts.scoping import scope_queryset
from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.matching import scoring
from vieclam.people.models import LABOUR_AGE, Person
from vieclam.people.reviews import recently_exited
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.models import Vacancy


@lru_cache(maxsize=1)
def _occupation_codes() -> dict[int, str]:
    return dict(Occupation.objects.filter(level=4).values_list("pk", "code"))


@lru_cache(maxsize=1)
def _occupation_names() -> dict[int, str]:
    return {o.pk: o.display_name for o in Occupation.objects.filter(level=4)}


def _ids_sharing(code: str, digits: int) -> list[int]:
    return [pk for pk, other in _occupation_codes().items() if other[:digits] == code[:digits]]


@lru_cache(maxsize=256)
def _province_communes(province_id: int) -> tuple[int, ...]:
    return tuple(
        AdministrativeUnit.objects.filter(province_id=province_id, level="commune").values_list("pk", flat=True)
    )


def _occupation_case(code: str, field: str) -> Case:
    whens = [When(**{f"{field}__in": _ids_sharing(code, digits)}, then=Value(points))
             for digits, points in sorted(scoring.OCCUPATION_POINTS.items(), reverse=True)]  # fmt: skip
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _rank_at_most(order: list[str], value: str) -> list[str]:
    """Codes ranked no higher than `value` (and the empty 'no requirement')."""
    limit = order.index(value) if value in order else -1
    return ["", *order[: limit + 1]]


def _points(condition: Q, points: int, otherwise: int = 0) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(otherwise), output_field=IntegerField())


def _vacancy_side_points(s: scoring.SeekerFacts) -> Case:
    """Everything but occupation, place and priority, computed in SQL from a vacancy's columns for one seeker;
    mirrors scoring.score (tests compare the two)."""
    total = _points(
        Q(technical_level__in=_rank_at_most(scoring.TECHNICAL_ORDER, s.technical_level)), scoring.QUALIFICATION_POINTS
    )
    total += _points(
        Q(experience__in=_rank_at_most(scoring.EXPERIENCE_ORDER, s.experience_band)), scoring.EXPERIENCE_POINTS
    )
    if s.desired_pay_min is None:
        total += Value(scoring.PAY_POINTS["meets"])
    else:
        d = s.desired_pay_min
        total += Case(
            When(Q(pay_max__gte=d) | Q(pay_max__isnull=True, pay_min__gte=d), then=Value(scoring.PAY_POINTS["meets"])),
            When(pay_negotiable=True, then=Value(scoring.PAY_POINTS["negotiable"])),
            default=Value(0),
            output_field=IntegerField(),
        )
    total += _points(_unmet_by_vacancy(s), -scoring.CONDITION_PENALTY, scoring.CONDITIONS_POINTS)
    if s.available_from is None:
        total += Value(scoring.AVAILABILITY_POINTS)
    else:
        total += _points(Q(deadline__isnull=True) | Q(deadline__gte=s.available_from), scoring.AVAILABILITY_POINTS)
    return total


def _unmet_by_vacancy(s: scoring.SeekerFacts) -> Q:
    unmet = Q(pk__in=[])
    if s.work_environment == "indoor":
        unmet |= Q(demands_outdoor=True)
    heavier = (
        scoring.LIFTING_ORDER[scoring.LIFTING_ORDER.index(s.lifting) + 1 :]
        if s.lifting in scoring.LIFTING_ORDER
        else []
    )
    if heavier:
        unmet |= Q(demands_lifting__in=heavier)
    for flag, ok in (
        ("demands_standing", s.can_stand_or_walk),
        ("demands_hearing", s.hearing_speaking_ok),
        ("demands_vision", s.vision_ok),
        ("demands_fine_hands", s.fine_hand_work_ok),
    ):
        if not ok:
            unmet |= Q(**{flag: True})
    if s.hands in ("one_left", "one_right"):
        unmet |= Q(demands_both_hands=True)
    return unmet


def _profile_side_points(v: scoring.VacancyFacts) -> Case:
    """Qualification, pay, experience, working conditions and availability from a profile's columns (copied from
    the person) for one vacancy; only the priority boost is left to the Python stage."""
    at_least = scoring.EXPERIENCE_ORDER[scoring.EXPERIENCE_ORDER.index(v.experience) :] if v.experience else None
    total = (
        _points(Q(experience_band__in=at_least), scoring.EXPERIENCE_POINTS)
        if at_least
        else Value(scoring.EXPERIENCE_POINTS)
    )
    offer = v.pay_max or v.pay_min
    otherwise = scoring.PAY_POINTS["negotiable"] if v.pay_negotiable else 0
    meets = Q(desired_pay_min__isnull=True) | (Q(desired_pay_min__lte=offer) if offer is not None else Q(pk__in=[]))
    total += _points(meets, scoring.PAY_POINTS["meets"], otherwise)
    if v.technical_level in scoring.TECHNICAL_ORDER:
        at_or_above = scoring.TECHNICAL_ORDER[scoring.TECHNICAL_ORDER.index(v.technical_level) :]
        total += _points(Q(technical_level__in=at_or_above), scoring.QUALIFICATION_POINTS)
    else:
        total += Value(scoring.QUALIFICATION_POINTS)
    total += _points(_unmet_by_profile(v), -scoring.CONDITION_PENALTY, scoring.CONDITIONS_POINTS)
    ready = Q(available_now=True) | Q(available_from__isnull=True)
    if v.deadline:
        ready |= Q(available_from__lte=v.deadline)
    return total + _points(ready, scoring.AVAILABILITY_POINTS)


def _unmet_by_profile(v: scoring.VacancyFacts) -> Q:
    unmet = Q(pk__in=[])
    if v.demands_outdoor:
        unmet |= Q(work_environment="indoor")
    if v.demands_lifting in scoring.LIFTING_ORDER:
        unmet |= Q(lifting__in=scoring.LIFTING_ORDER[: scoring.LIFTING_ORDER.index(v.demands_lifting)])
    for flag, field in (
        ("demands_standing", "can_stand_or_walk"),
        ("demands_hearing", "hearing_speaking_ok"),
        ("demands_vision", "vision_ok"),
        ("demands_fine_hands", "fine_hand_work_ok"),
    ):
        if getattr(v, flag):
            unmet |= Q(**{field: False})
    if v.demands_both_hands:
        unmet |= Q(hands__in=["one_left", "one_right"])
    return unmet


#
# Candidates for a vacancy
#
def vacancy_facts(vacancy: Vacancy) -> scoring.VacancyFacts:
    return scoring.VacancyFacts(
        occupation_code=_occupation_codes().get(vacancy.occupation_id, ""),
        occupation_name=_occupation_names().get(vacancy.occupation_id, ""),
        commune_id=vacancy.workplace_commune_id, province_id=vacancy.workplace_commune.province_id,
        technical_level=vacancy.technical_level, experience=vacancy.experience, pay_min=vacancy.pay_min,
        pay_max=vacancy.pay_max, pay_negotiable=vacancy.pay_negotiable, deadline=vacancy.deadline,
        demands_outdoor=vacancy.demands_outdoor, demands_lifting=vacancy.demands_lifting,
        demands_standing=vacancy.demands_standing, demands_hearing=vacancy.demands_hearing,
        demands_vision=vacancy.demands_vision, demands_fine_hands=vacancy.demands_fine_hands,
        demands_both_hands=vacancy.demands_both_hands,
    )  # fmt: skip


def _eligible_profiles(viewer, vacancy: Vacancy, day: dt.date) -> QuerySet[JobSeekerProfile]:
    """Hard filters: active profile in the viewer's scope, legal working age, the vacancy's lawful limits."""
    oldest = _birth_bound(day, vacancy.age_max + 1 if vacancy.age_max else None)
    youngest = _birth_bound(day, max(LABOUR_AGE, vacancy.age_min or 0))
    profiles = scope_queryset(JobSeekerProfile.objects.filter(status="active"), viewer)
    profiles = profiles.filter(birth_date__lte=youngest)
    if oldest:
        profiles = profiles.filter(birth_date__gt=oldest)
    if vacancy.sex_required:
        profiles = profiles.filter(sex=vacancy.sex_required)
    return profiles


def _birth_bound(day: dt.date, years: int | None) -> dt.date | None:
    if years is None:
        return None
    return day.replace(year=day.year - years, day=min(day.day, 28))


def candidates_for_vacancy(
    *, viewer, vacancy: Vacancy, limit: int = 20
) -> list[tuple[JobSeekerProfile, scoring.Match]]:
    facts = vacancy_facts(vacancy)
    province_communes = _province_communes(facts.province_id)
    same_commune = (
        Q(commune_id=facts.commune_id) | Q(workplace_1_id=facts.commune_id) | Q(workplace_2_id=facts.commune_id)
    )
    place = Case(
        When(same_commune, then=Value(scoring.PLACE_POINTS["commune"])),
        When(commune_id__in=province_communes, then=Value(scoring.PLACE_POINTS["province"])),
        When(Q(workplace_1_id=facts.province_id) | Q(workplace_2_id=facts.province_id),
             then=Value(scoring.PLACE_POINTS["willing"])),
        default=Value(0), output_field=IntegerField(),
    )  # fmt: skip
    ids = list(
        _eligible_profiles(viewer, vacancy, today())
        .annotate(coarse=_occupation_case(facts.occupation_code, "occupation_id") + place)
        .filter(coarse__gt=0).annotate(rough=F("coarse") + _profile_side_points(facts))
        .order_by("-rough", "pk").values_list("pk", flat=True)[: limit * 3]
    )  # fmt: skip
    # The SQL order is the whole score but the priority boost (at most 10 points), so three times the limit is
    # enough to find the best `limit` (bench/matching.py checks against a brute-force scan); the joins are
    # paid for those rows only.
    shortlist = JobSeekerProfile.objects.filter(pk__in=ids).select_related("person__household", "person__ethnicity")
    return _rank([(p, facts, seeker_facts(p, p.person)) for p in shortlist], limit)


def _rank(triples, limit: int) -> list:
    """Score every shortlisted pair quickly, then explain only the `limit` best."""
    boost = settings.VIECLAM_MATCHING_PRIORITY_BOOST
    scored = [(scoring.score(v, s, priority_boost=boost, explain=False).score, obj, v, s) for obj, v, s in triples]
    scored.sort(key=lambda row: (-row[0], row[1].pk))
    return [(obj, scoring.score(v, s, priority_boost=boost)) for _, obj, v, s in scored[:limit]]


#
# Vacancies for a worker
#
def seeker_facts(profile: JobSeekerProfile | None, person: Person) -> scoring.SeekerFacts:
    province = _commune_province(person.residence_commune_id)
    occupation_id = (profile.occupation_id if profile else None) or person.occupation_id
    workplaces = frozenset(pk for pk in (getattr(profile, "workplace_1_id", None),
                                         getattr(profile, "workplace_2_id", None)) if pk)  # fmt: skip
    facts = {
        "occupation_code": _occupation_codes().get(occupation_id, ""), "commune_id": person.residence_commune_id,
        "province_id": province, "workplace_ids": workplaces, "technical_level": person.technical_level,
        "priority": _priority(person),
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


@lru_cache(maxsize=8192)
def _commune_province(commune_id: int) -> int:
    return AdministrativeUnit.objects.values_list("province_id", flat=True).get(pk=commune_id)


def _priority(person: Person) -> tuple[str, ...]:
    groups = []
    household = person.household
    if household is not None and household.poverty_class in ("poor", "near_poor"):
        groups.append(household.poverty_class)
    elif household is not None and recently_exited(household):
        groups.append("exited")
    if person.ethnicity_id and person.ethnicity.code != "01":
        groups.append("ethnic_minority")
    if "nguoi_khuyet_tat" in (person.priority_groups or []):
        groups.append("disability")
    return tuple(groups)


def recommendation_queryset(*, person: Person, facts: scoring.SeekerFacts) -> QuerySet[Vacancy]:
    """Open vacancies that can reach the top for this person, annotated with `total` (score minus the boost)."""
    day = today()
    age = person.age_on(day)
    own = [facts.commune_id, *(w for w in facts.workplace_ids)]
    willing_provinces = [w for w in facts.workplace_ids if w != facts.commune_id]
    willing_communes = [c for p in willing_provinces for c in _province_communes(p)]
    place = Case(
        When(workplace_commune_id__in=own, then=Value(scoring.PLACE_POINTS["commune"])),
        When(workplace_commune_id__in=_province_communes(facts.province_id),
             then=Value(scoring.PLACE_POINTS["province"])),
        When(workplace_commune_id__in=willing_communes, then=Value(scoring.PLACE_POINTS["willing"])),
        default=Value(0), output_field=IntegerField(),
    )  # fmt: skip
    return (
        Vacancy.objects.filter(status="open", deadline__gte=day)
        .filter(Q(age_min__isnull=True) | Q(age_min__lte=age), Q(age_max__isnull=True) | Q(age_max__gte=age))
        .filter(sex_required__in=["", person.sex])
        # Retrieval: the same minor occupation group anywhere, or any job in the person's own communes; the
        # rest of Vietnam's open jobs cannot reach the top 20 for this person (see bench/matching.py).
        .filter(Q(occupation_id__in=_ids_sharing(facts.occupation_code, 3)) | Q(workplace_commune_id__in=own))
        .annotate(coarse=_occupation_case(facts.occupation_code, "occupation_id") + place)
        .filter(coarse__gt=0).annotate(total=F("coarse") + _vacancy_side_points(facts))
    )  # fmt: skip


def recommendations_for_person(*, person: Person, limit: int = 20) -> list[tuple[Vacancy, scoring.Match]]:
    """Open vacancies anywhere (they are public), ranked for this person."""
    profile = person.job_seeker_profiles.filter(status="active").first()
    facts = seeker_facts(profile, person)
    ids = recommendation_queryset(person=person, facts=facts).order_by("-total", "pk").values_list("pk", flat=True)
    # The SQL total is the whole score but the priority boost, which is the same for every vacancy: exact.
    shortlist = Vacancy.objects.filter(pk__in=list(ids[:limit])).select_related("workplace_commune", "employer")
    return _rank([(v, vacancy_facts(v), facts) for v in shortlist], limit)
