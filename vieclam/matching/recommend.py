"""Open vacancies for a worker: ranked exactly as scoring every open vacancy in Python would (scoring.score, the
priority boost and the floor at 0 included; ties by the lower pk), without reading them all. SQL computes the score
and reads cells of vacancies best tier first, stopping once no unread vacancy can make the list
(ranked_vacancies); Python then scores the few best again to explain them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection

from vieclam.core.dates import today
from vieclam.matching import scoring
from vieclam.matching.facts import Group, occupation_groups, seeker_facts, unit_provinces, vacancy_facts
from vieclam.matching.scoring import PLACE_POINTS, Place
from vieclam.people.consents import matching_refused
from vieclam.people.models import Person
from vieclam.seekers.choices import LIFTING_ORDER, ProfileStatus, WorkEnvironment
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("ranked_vacancies", "recommendations_for_person")

# The SQL literal of an open vacancy: literal (not a parameter) so PostgreSQL can use the partial indexes.
_OPEN = f"status = '{VacancyStatus.OPEN.value}'"


def recommendations_for_person(*, person: Person, limit: int = 20) -> list[tuple[Vacancy, scoring.Match]]:
    """Open vacancies anywhere (they are public), ranked for this person, exactly as scoring every open vacancy
    would. Queries: the consent check, the profile, the rounds of ranked_vacancies (one to three, plus a probe when
    the worker's own trade has few open vacancies), then the best vacancies with their employer and commune.

    Nothing for a person who withdrew their consent to matching (people.consents): their profile is not used."""
    if matching_refused(person=person):
        return []
    facts = seeker_facts(_active_profile(person), person)
    ranked = ranked_vacancies(person=person, facts=facts, limit=limit)
    found = Vacancy.objects.filter(pk__in=[pk for pk, _ in ranked]).select_related("workplace_commune", "employer")
    by_pk = {v.pk: v for v in found.order_by()}
    boost = settings.VIECLAM_MATCHING_PRIORITY_BOOST
    # The SQL order is already the exact order; Python scores the few again to explain them.
    return [(by_pk[pk], scoring.score(vacancy_facts(by_pk[pk]), facts, priority_boost=boost))
            for pk, _ in ranked if pk in by_pk]  # fmt: skip


def _active_profile(person: Person) -> JobSeekerProfile | None:
    """The person's active profile (a unique constraint allows one). Raw SQL, because building the ORM query took
    longer than running it."""
    sql = f"SELECT * FROM {JobSeekerProfile._meta.db_table} WHERE person_id = %s AND status = %s LIMIT 1"
    return next(iter(JobSeekerProfile.objects.raw(sql, [person.pk, ProfileStatus.ACTIVE.value])), None)


#
# Ranking open vacancies for a worker, exactly, without reading them all.
#
# Without the boost, a vacancy scores its occupation points plus its place points (together its tier, which
# depends on its occupation and commune only) plus the rest, at most scoring.REST_MAX. The open vacancies fall
# into cells, one per (occupation group, place group), each read through an index on (occupation, commune) or
# (commune, occupation) of open vacancies (migration matching 0001). Cells are read best tier first, and reading
# stops once the k-th best score so far beats all that an unread cell can reach (its tier + REST_MAX): the result
# is the brute-force top k, in the brute-force order (ties: lower pk first). The priority boost is the same for
# every vacancy; only the floor at 0 (scoring.score) makes it matter, and the order below applies that floor too.
#
@dataclass(frozen=True)
class _Cell:
    occupation: Group
    place: Group

    @property
    def tier(self) -> int:
        return self.occupation.points + self.place.points


_SCORED_COLUMNS = ("technical_level, experience, pay_min, pay_max, pay_negotiable, deadline, demands_outdoor, "
                   "demands_lifting, demands_standing, demands_hearing, demands_vision, demands_fine_hands, "
                   "demands_both_hands")  # fmt: skip
# The hard filters: open, still taking applications, the worker's age within the limits, the sex if one is required.
_HARD_FILTERS = (f"{_OPEN} AND (deadline IS NULL OR deadline >= %s) AND (age_min IS NULL OR age_min <= %s) "
                 "AND (age_max IS NULL OR age_max >= %s) AND sex_required IN ('', %s)")  # fmt: skip


def ranked_vacancies(*, person: Person, facts: scoring.SeekerFacts, limit: int) -> list[tuple[int, int]]:
    """(pk, score without the boost) of the `limit` open vacancies that rank best for this person, best first."""
    if limit < 1:
        return []
    day = today()
    age = person.age_on(day)
    occupations, places = occupation_groups(facts.occupation_code), _place_groups(facts)
    floor = -settings.VIECLAM_MATCHING_PRIORITY_BOOST if facts.priority else 0
    read = _CellReader(occupations, places, [day, age, age, person.sex], _rest_sql(facts), limit, floor)
    unread = sorted((_Cell(o, p) for o in occupations for p in places), key=lambda cell: -cell.tier)
    best: list[tuple[int, int]] = []
    rounds, probed = 0, False
    while unread:
        if len(best) == limit and max(best[-1][1], floor) > max(unread[0].tier + scoring.REST_MAX, floor):
            break  # nothing unread can reach the k-th best, nor tie with it
        if rounds and len(best) < limit and not probed:
            # Short after the best tiers: drop the cells of occupation groups without an open vacancy at all
            # (a worker's own trade may have none), rather than read them empty one round at a time.
            empty = _empty_groups([cell.occupation for cell in unread], day)
            unread = [cell for cell in unread if cell.occupation not in empty]
            probed = True
            continue
        # One tier a round, but the first round reads two: the same occupation in the worker's own communes is
        # often too small a cell to fill the list alone.
        tiers = sorted({cell.tier for cell in unread}, reverse=True)[: 1 if rounds else 2]
        batch = [cell for cell in unread if cell.tier in tiers]
        unread = [cell for cell in unread if cell.tier not in tiers]
        best = sorted([*best, *read(batch)], key=lambda row: (-max(row[1], floor), row[0]))[:limit]
        rounds += 1
    return best


def _empty_groups(groups, day: dt.date) -> set[Group]:
    """The occupation groups (but 'all others') with no open vacancy still taking applications on `day`."""
    groups = list(dict.fromkeys(group for group in groups if not group.others))
    if not groups:
        return set()
    table = Vacancy._meta.db_table
    live = f"{_OPEN} AND (deadline IS NULL OR deadline >= %s)"
    probes = ", ".join(f"EXISTS (SELECT 1 FROM {table} WHERE {live} AND {_ids_sql('occupation_id', group.ids)})"
                       for group in groups)  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {probes}", [day] * len(groups))
        found = cursor.fetchone()
    return {group for group, exists in zip(groups, found, strict=True) if not exists}


@dataclass
class _CellReader:
    """Reads the best `limit` rows of some cells in one query: (pk, score without the boost)."""

    occupations: tuple[Group, ...]
    places: tuple[Group, ...]
    hard: list
    rest: tuple[str, list]
    limit: int
    floor: float

    def __call__(self, cells: list[_Cell]) -> list[tuple[int, int]]:
        # Cells that share their occupations' place groups are read as one rectangle: one scan, one plan.
        by_occupation: dict[Group, frozenset[Group]] = {}
        for cell in cells:
            by_occupation[cell.occupation] = by_occupation.get(cell.occupation, frozenset()) | {cell.place}
        rectangles: dict[frozenset[Group], list[Group]] = {}
        for occupation, places in by_occupation.items():
            rectangles.setdefault(places, []).append(occupation)
        branches, params = [], []
        for places, occupations in rectangles.items():
            tier = f"{_points_sql('occupation_id', occupations)} + {_points_sql('workplace_commune_id', places)}"
            within = (f"{_within_sql('occupation_id', occupations, self.occupations)} AND "
                      f"{_within_sql('workplace_commune_id', places, self.places)}")  # fmt: skip
            branches.append(f"SELECT id, {tier} AS tier, {_SCORED_COLUMNS} FROM {Vacancy._meta.db_table} "
                            f"WHERE {_HARD_FILTERS} AND {within}")  # fmt: skip
            params += self.hard
        # OFFSET 0 keeps PostgreSQL from folding the subquery into the outer query, where the total would be
        # computed three times a row (the column, and twice in the sort key).
        fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
        sql = (f"SELECT id, total FROM (SELECT id, tier + {self.rest[0]} AS total FROM "
               f"({' UNION ALL '.join(branches)}) AS cells{fence}) AS scored "
               "ORDER BY CASE WHEN total > %s THEN total ELSE %s END DESC, id LIMIT %s")  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.rest[1], *params, self.floor, self.floor, self.limit])
            return cursor.fetchall()


def _within_sql(column: str, chosen, every: tuple[Group, ...]) -> str:
    """`column` falls in one of the `chosen` groups (of the partition `every`)."""
    if any(group.others for group in chosen):
        return _ids_sql(column, [pk for group in every if group not in chosen for pk in group.ids], negate=True)
    return _ids_sql(column, [pk for group in chosen for pk in group.ids])


def _points_sql(column: str, chosen) -> str:
    """The points of the group a row falls in, the row being in one of the `chosen` groups."""
    chosen = sorted(chosen, key=lambda group: (group.others, -group.points))
    if len(chosen) == 1:
        return str(chosen[0].points)
    whens = " ".join(f"WHEN {_ids_sql(column, group.ids)} THEN {group.points}" for group in chosen[:-1])
    return f"CASE {whens} ELSE {chosen[-1].points} END"


def _ids_sql(column: str, ids, *, negate: bool = False) -> str:
    """`column` is (not) one of `ids`, written out: they are integers, and psycopg quoting a long list parameter
    value by value cost more than the database's work on a small cell. PostgreSQL plans an array literal in half
    the time of an IN list of the same values."""
    listed = ",".join(str(int(pk)) for pk in sorted(set(ids)))
    if not listed:
        return "1 = 1" if negate else "1 = 0"
    if connection.vendor == "postgresql":
        return f"{column} {'<> ALL' if negate else '= ANY'}('{{{listed}}}'::bigint[])"
    return f"{column} {'NOT IN' if negate else 'IN'} ({listed})"


def _place_groups(facts: scoring.SeekerFacts) -> tuple[Group, ...]:
    """Workplace communes by the points they score (scoring.place_kind), best first; then all others."""
    units = _units_by_province()
    own = {pk for pk in (facts.commune_id, *facts.workplace_ids) if pk is not None}
    province = set(units.get(facts.province_id, ())) - own
    willing = {pk for w in facts.workplace_ids for pk in units.get(w, ())} - own - province
    kinds = [(PLACE_POINTS[Place.COMMUNE], own), (PLACE_POINTS[Place.PROVINCE], province),
             (PLACE_POINTS[Place.WILLING], willing)]  # fmt: skip
    return (*(Group(points, tuple(sorted(ids))) for points, ids in kinds if ids), Group(0, others=True))


@lru_cache(maxsize=1)
def _units_by_province() -> dict[int, tuple[int, ...]]:
    """Every administrative unit by its province_id: a vacancy's province in scoring is its commune's province_id."""
    by_province: dict[int, list[int]] = {}
    for pk, province_id in unit_provinces().items():
        by_province.setdefault(province_id, []).append(pk)
    return {province_id: tuple(ids) for province_id, ids in by_province.items()}


def _rest_sql(s: scoring.SeekerFacts) -> tuple[str, list]:
    """Qualification, experience, pay, working conditions and availability of a vacancy row for this seeker, as
    one SQL expression with its parameters; mirrors scoring.score (tests compare the two)."""
    parts, params, constant = [], [], 0
    for column, order, value, points in (
        ("technical_level", scoring.TECHNICAL_ORDER, s.technical_level, scoring.QUALIFICATION_POINTS),
        ("experience", scoring.EXPERIENCE_ORDER, s.experience_band, scoring.EXPERIENCE_POINTS),
    ):
        # Points unless the job asks for a known level above the seeker's (an unknown level asks for nothing).
        above = order[order.index(value) + 1 :] if value in order else order
        met, met_params = _among(column, above, negate=True)
        parts.append(f"CASE WHEN {met} THEN {points} ELSE 0 END")
        params += met_params
    if s.desired_pay_min is None:
        constant += scoring.PAY_POINTS["meets"]
    else:
        parts.append(f"CASE WHEN COALESCE(NULLIF(pay_max, 0), pay_min) >= %s THEN {scoring.PAY_POINTS['meets']} "
                     f"WHEN pay_negotiable THEN {scoring.PAY_POINTS['negotiable']} ELSE 0 END")  # fmt: skip
        params.append(s.desired_pay_min)
    unmet, unmet_params = _unmet_sql(s)
    if unmet:
        parts.append(f"CASE WHEN {unmet} THEN {-scoring.CONDITION_PENALTY} ELSE {scoring.CONDITIONS_POINTS} END")
        params += unmet_params
    else:
        constant += scoring.CONDITIONS_POINTS
    if s.available_from is None:
        constant += scoring.AVAILABILITY_POINTS
    else:
        parts.append(f"CASE WHEN deadline IS NULL OR deadline >= %s THEN {scoring.AVAILABILITY_POINTS} ELSE 0 END")
        params.append(s.available_from)
    return "(" + " + ".join([*parts, str(constant)]) + ")", params


def _unmet_sql(s: scoring.SeekerFacts) -> tuple[str, list]:
    """A vacancy demands what this seeker cannot do (scoring.unmet_demands); empty when nothing can be unmet."""
    conditions, params = [], []
    if s.work_environment == WorkEnvironment.INDOOR:
        conditions.append("demands_outdoor")
    if s.lifting in LIFTING_ORDER:
        heavier = LIFTING_ORDER[LIFTING_ORDER.index(s.lifting) + 1 :]
        if heavier:
            sql, heavier_params = _among("demands_lifting", heavier)
            conditions.append(sql)
            params += heavier_params
    for column, ok in (("demands_standing", s.can_stand_or_walk), ("demands_hearing", s.hearing_speaking_ok),
                       ("demands_vision", s.vision_ok), ("demands_fine_hands", s.fine_hand_work_ok)):  # fmt: skip
        if not ok:
            conditions.append(column)
    if s.hands in scoring.ONE_HANDED:
        conditions.append("demands_both_hands")
    return " OR ".join(conditions), params


def _among(column: str, values, *, negate: bool = False) -> tuple[str, list]:
    """`column` is (not, with negate) one of `values`, as parameters."""
    values = [str(value) for value in values]
    if not values:
        return ("1 = 1" if negate else "1 = 0"), []
    return f"{column} {'NOT IN' if negate else 'IN'} ({', '.join(['%s'] * len(values))})", values
