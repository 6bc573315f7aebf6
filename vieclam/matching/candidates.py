"""Job seekers for a vacancy: the eligible profiles in the viewer's areas, ranked exactly as scoring every one of
them in Python would (scoring.score, the priority boost and the floor at 0 included; ties by the lower pk), without
reading every row. SQL computes the score and reads occupation groups best first, stopping once no unread profile
can make the list (ranked_candidates); Python then scores the few best again to explain them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from vieclam.accounts.scoping import scope_queryset
from vieclam.core.dates import today
from vieclam.matching import scoring
from vieclam.matching.facts import occupation_codes, occupation_groups, seeker_facts, vacancy_facts
from vieclam.matching.scoring import PLACE_POINTS, Place
from vieclam.people.ages import born_on_or_before
from vieclam.people.consents import matching_refused_q
from vieclam.people.models import LABOUR_AGE, Person
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.poverty.choices import Classification
from vieclam.seekers.choices import LIFTING_ORDER, ProfileStatus, WorkEnvironment
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.models import Vacancy

__all__ = ("candidates_for_vacancy", "eligible_profiles", "priority_sql", "ranked_candidates")


def candidates_for_vacancy(
    *, viewer, vacancy: Vacancy, limit: int = 20
) -> list[tuple[JobSeekerProfile, scoring.Match]]:
    """The `limit` eligible job seekers that rank best for this vacancy, exactly as scoring every eligible profile
    would (priority boost, floor at 0 and ties by the lower pk included). Two queries: the ranking
    (ranked_candidates), then the best profiles with their person, household and ethnicity, to explain."""
    facts = vacancy_facts(vacancy)
    ranked = ranked_candidates(viewer=viewer, vacancy=vacancy, facts=facts, limit=limit)
    if not ranked:
        return []
    found = JobSeekerProfile.objects.filter(pk__in=[pk for pk, _ in ranked])
    by_pk = {p.pk: p for p in found.select_related("person__household", "person__ethnicity").order_by()}
    boost = settings.VIECLAM_MATCHING_PRIORITY_BOOST
    # The SQL order is already the exact order; Python scores the few again to explain them.
    return [(by_pk[pk], scoring.score(facts, seeker_facts(by_pk[pk], by_pk[pk].person), priority_boost=boost))
            for pk, _ in ranked if pk in by_pk]  # fmt: skip


def eligible_profiles(viewer, vacancy: Vacancy, day: dt.date) -> QuerySet[JobSeekerProfile]:
    """Hard filters: active profile in the viewer's scope, legal working age, the vacancy's lawful limits, and not
    a person who withdrew their consent to matching (people.consents)."""
    profiles = scope_queryset(JobSeekerProfile.objects.filter(status=ProfileStatus.ACTIVE), viewer)
    profiles = profiles.exclude(matching_refused_q("person"))
    profiles = profiles.filter(birth_date__lte=born_on_or_before(day, max(LABOUR_AGE, vacancy.age_min or 0)))
    if vacancy.age_max is not None:  # at most age_max: not yet age_max + 1
        profiles = profiles.filter(birth_date__gt=born_on_or_before(day, vacancy.age_max + 1))
    if vacancy.sex_required:
        profiles = profiles.filter(sex=vacancy.sex_required)
    return profiles


#
# Ranking candidates for a vacancy, exactly, without scoring every profile.
#
# Without the boost, a profile scores its occupation points, its place points (at most PLACE_POINTS[Place.COMMUNE])
# and the rest (at most scoring.REST_MAX); the boost adds at most B. The active profiles fall into groups by the
# points their occupation scores (facts.occupation_groups), each read through the covering partial index of active
# profiles by occupation (migration matching 0002). Groups are read best first, and reading stops once the k-th
# best final score so far beats all that an unread group can reach: the result is the brute-force top k, in the
# brute-force order (ties: lower pk first).
#
# Within the groups read in a round, SQL scores each profile without the boost (its `rough` score, from the
# profile's own columns and its copies of the person's facts). Once R, the k-th best rough score of the round, is
# known, a profile whose rough score is below R - B cannot make the list (k profiles score at least R with the
# boost, and it scores less, or 0 if R - B <= 0, where the floor at 0 can tie: then every profile is kept). Only
# those left are joined to their person, household and ethnicity to add the boost in SQL (priority_sql mirrors
# facts.priority_groups) and ordered by the final score, floored at 0, then by the lower pk.
#
def ranked_candidates(*, viewer, vacancy: Vacancy, facts: scoring.VacancyFacts, limit: int) -> list[tuple[int, float]]:
    """(pk, score with the boost) of the `limit` eligible profiles that rank best for the vacancy, best first."""
    if limit < 1:
        return []
    boost = settings.VIECLAM_MATCHING_PRIORITY_BOOST
    ceiling = PLACE_POINTS[Place.COMMUNE] + scoring.REST_MAX + boost  # over the occupation points
    read = _CandidateReader(viewer, vacancy, facts, limit, boost)
    groups = occupation_groups(facts.occupation_code)
    unread = list(groups)
    best: list[tuple[int, float]] = []
    rounds = 0
    while unread:
        if len(best) == limit and best[-1][1] > max(unread[0].points + ceiling, 0):
            break  # nothing unread can reach the k-th best, nor tie with it
        # One group a round, but the first reads two: the same occupation is often too few to fill the list.
        batch, unread = unread[: 1 if rounds else 2], unread[1 if rounds else 2 :]
        chosen = [pk for group in batch if not group.others for pk in group.ids]
        where = Q(occupation_id__in=chosen) if chosen else Q(pk__in=[])
        if any(group.others for group in batch):  # the last group: every occupation the others do not list
            known = [pk for group in groups if not group.others for pk in group.ids]
            # With no scoring group (a vacancy coded to a major group no seeker is in, e.g. 0), every profile is
            # "other": Q() must replace the empty `where`, since ORing an empty Q keeps pk__in=[] (a 500 once).
            where = (where | Q(occupation__isnull=True) | ~Q(occupation_id__in=known)) if known else Q()
        best = sorted([*best, *read(where)], key=lambda row: (-row[1], row[0]))[:limit]
        rounds += 1
    return best


@dataclass
class _CandidateReader:
    """Reads the best `limit` eligible profiles among those matching a filter, in one query: (pk, final score)."""

    viewer: object
    vacancy: Vacancy
    facts: scoring.VacancyFacts
    limit: int
    boost: float

    def __call__(self, where: Q) -> list[tuple[int, float]]:
        facts, day = self.facts, today()
        same_commune = (
            Q(commune_id=facts.commune_id) | Q(workplace_1_id=facts.commune_id) | Q(workplace_2_id=facts.commune_id)
        )
        place = Case(
            When(same_commune, then=Value(PLACE_POINTS[Place.COMMUNE])),
            When(commune_id__in=_province_communes(facts.province_id), then=Value(PLACE_POINTS[Place.PROVINCE])),
            When(Q(workplace_1_id=facts.province_id) | Q(workplace_2_id=facts.province_id),
                 then=Value(PLACE_POINTS[Place.WILLING])),
            default=Value(0), output_field=IntegerField(),
        )  # fmt: skip
        occupation = _occupation_case(facts.occupation_code, "occupation_id")
        rough = (
            eligible_profiles(self.viewer, self.vacancy, day).filter(where)
            .annotate(rough=occupation + place + _profile_side_points(facts))
            .order_by().values_list("pk", "person_id", "rough")
        )  # fmt: skip
        inner, inner_params = rough.query.sql_with_params()
        priority, priority_params = priority_sql(day)
        person, household = Person._meta.db_table, Person._meta.get_field("household").related_model._meta.db_table
        ethnicity = Person._meta.get_field("ethnicity").related_model._meta.db_table
        sql = (
            f"WITH scored (id, person_id, rough) AS ({inner}), "
            "kth AS (SELECT rough - %s AS cut FROM scored ORDER BY rough DESC LIMIT 1 OFFSET %s) "
            "SELECT id, CASE WHEN total > 0 THEN total ELSE 0 END AS final FROM ("
            f"SELECT s.id, s.rough + CASE WHEN {priority} THEN %s ELSE 0 END AS total FROM scored s "
            f"JOIN {person} p ON p.id = s.person_id LEFT JOIN {household} h ON h.id = p.household_id "
            f"LEFT JOIN {ethnicity} e ON e.id = p.ethnicity_id "
            "WHERE s.rough >= COALESCE((SELECT CASE WHEN cut > 0 THEN cut END FROM kth), %s)) AS boosted "
            "ORDER BY final DESC, id LIMIT %s"
        )
        lowest = -(scoring.CONDITION_PENALTY + 1)  # below every rough score
        with connection.cursor() as cursor:
            cursor.execute(sql, [*inner_params, self.boost, self.limit - 1, *priority_params, self.boost, lowest,
                                 self.limit])  # fmt: skip
            return cursor.fetchall()


def priority_sql(day: dt.date) -> tuple[str, list]:
    """A person (p) with their household (h) and ethnicity (e) is in a priority group (facts.priority_groups)."""
    months = settings.VIECLAM_POVERTY_EXIT_MONTHS
    first = day.year * 12 + day.month - 1 - months  # recently_exited: 0 <= months since the exit <= the window
    after = day.year * 12 + day.month
    exited_from, exited_before = dt.date(first // 12, first % 12 + 1, 1), dt.date(after // 12, after % 12 + 1, 1)
    if connection.vendor == "postgresql":
        disability, group = "p.priority_groups @> %s::jsonb", json.dumps([scoring.DISABILITY_GROUP])
    else:
        disability = "EXISTS (SELECT 1 FROM json_each(p.priority_groups) AS g WHERE g.value = %s)"
        group = scoring.DISABILITY_GROUP
    sql = (
        "(h.poverty_class IN (%s, %s) OR (h.poverty_exit_on >= %s AND h.poverty_exit_on < %s) "
        f"OR e.code <> %s OR {disability})"
    )
    poor = [Classification.POOR.value, Classification.NEAR_POOR.value]
    return sql, [*poor, exited_from, exited_before, scoring.MAJORITY_ETHNIC_CODE, group]


def _ids_sharing(code: str, digits: int) -> list[int]:
    return [pk for pk, other in occupation_codes().items() if other[:digits] == code[:digits]]


@lru_cache(maxsize=256)
def _province_communes(province_id: int) -> tuple[int, ...]:
    return tuple(
        AdministrativeUnit.objects.filter(province_id=province_id, level=Level.COMMUNE).values_list("pk", flat=True)
    )


def _occupation_case(code: str, field: str) -> Case:
    whens = [When(**{f"{field}__in": _ids_sharing(code, digits)}, then=Value(points))
             for digits, points in sorted(scoring.OCCUPATION_POINTS.items(), reverse=True)]  # fmt: skip
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _points(condition: Q, points: int, otherwise: int = 0) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(otherwise), output_field=IntegerField())


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
        unmet |= Q(work_environment=WorkEnvironment.INDOOR)
    if v.demands_lifting in LIFTING_ORDER:
        unmet |= Q(lifting__in=LIFTING_ORDER[: LIFTING_ORDER.index(v.demands_lifting)])
    for flag, field in (
        ("demands_standing", "can_stand_or_walk"),
        ("demands_hearing", "hearing_speaking_ok"),
        ("demands_vision", "vision_ok"),
        ("demands_fine_hands", "fine_hand_work_ok"),
    ):
        if getattr(v, flag):
            unmet |= Q(**{field: False})
    if v.demands_both_hands:
        unmet |= Q(hands__in=scoring.ONE_HANDED)
    return unmet
