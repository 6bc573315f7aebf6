"""Ranked candidates for a vacancy and ranked vacancies for a worker, with reasons.

Both are exact: the order and scores of scoring every eligible row in Python (scoring.score, the priority boost
and the floor at 0 included; ties by the lower pk), without reading every row. SQL computes the score and reads
in tiers, stopping once no unread row can make the list (ranked_candidates, ranked_vacancies); Python then scores
the few best again to explain them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from vieclam.accounts.scoping import scope_queryset
from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.matching import scoring
from vieclam.people.ages import born_on_or_before
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
    profiles = scope_queryset(JobSeekerProfile.objects.filter(status="active"), viewer)
    profiles = profiles.filter(birth_date__lte=born_on_or_before(day, max(LABOUR_AGE, vacancy.age_min or 0)))
    if vacancy.age_max is not None:  # at most age_max: not yet age_max + 1
        profiles = profiles.filter(birth_date__gt=born_on_or_before(day, vacancy.age_max + 1))
    if vacancy.sex_required:
        profiles = profiles.filter(sex=vacancy.sex_required)
    return profiles


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


#
# Ranking candidates for a vacancy, exactly, without scoring every profile.
#
# Without the boost, a profile scores its occupation points, its place points (at most PLACE_POINTS["commune"])
# and the rest (at most scoring.REST_MAX); the boost adds at most B. The active profiles fall into groups by the
# points their occupation scores (_occupation_groups), each read through the covering partial index of active
# profiles by occupation (migration matching 0002). Groups are read best first, and reading stops once the k-th
# best final score so far beats all that an unread group can reach: the result is the brute-force top k, in the
# brute-force order (ties: lower pk first).
#
# Within the groups read in a round, SQL scores each profile without the boost (its `rough` score, from the
# profile's own columns and its copies of the person's facts). Once R, the k-th best rough score of the round, is
# known, a profile whose rough score is below R - B cannot make the list (k profiles score at least R with the
# boost, and it scores less, or 0 if R - B <= 0, where the floor at 0 can tie: then every profile is kept). Only
# those left are joined to their person, household and ethnicity to add the boost in SQL (_priority_sql mirrors
# _priority) and ordered by the final score, floored at 0, then by the lower pk.
#
def ranked_candidates(*, viewer, vacancy: Vacancy, facts: scoring.VacancyFacts, limit: int) -> list[tuple[int, float]]:
    """(pk, score with the boost) of the `limit` eligible profiles that rank best for the vacancy, best first."""
    if limit < 1:
        return []
    boost = settings.VIECLAM_MATCHING_PRIORITY_BOOST
    ceiling = scoring.PLACE_POINTS["commune"] + scoring.REST_MAX + boost  # over the occupation points
    read = _CandidateReader(viewer, vacancy, facts, limit, boost)
    groups = _occupation_groups(facts.occupation_code)
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
            where |= (Q(occupation__isnull=True) | ~Q(occupation_id__in=known)) if known else Q()
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
            When(same_commune, then=Value(scoring.PLACE_POINTS["commune"])),
            When(commune_id__in=_province_communes(facts.province_id), then=Value(scoring.PLACE_POINTS["province"])),
            When(Q(workplace_1_id=facts.province_id) | Q(workplace_2_id=facts.province_id),
                 then=Value(scoring.PLACE_POINTS["willing"])),
            default=Value(0), output_field=IntegerField(),
        )  # fmt: skip
        occupation = _occupation_case(facts.occupation_code, "occupation_id")
        rough = (
            _eligible_profiles(self.viewer, self.vacancy, day).filter(where)
            .annotate(rough=occupation + place + _profile_side_points(facts))
            .order_by().values_list("pk", "person_id", "rough")
        )  # fmt: skip
        inner, inner_params = rough.query.sql_with_params()
        priority, priority_params = _priority_sql(day)
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


def _priority_sql(day: dt.date) -> tuple[str, list]:
    """A person (p) with their household (h) and ethnicity (e) is in a priority group (_priority)."""
    months = settings.VIECLAM_POVERTY_EXIT_MONTHS
    first = day.year * 12 + day.month - 1 - months  # recently_exited: 0 <= months since the exit <= the window
    after = day.year * 12 + day.month
    exited_from, exited_before = dt.date(first // 12, first % 12 + 1, 1), dt.date(after // 12, after % 12 + 1, 1)
    if connection.vendor == "postgresql":
        disability = "p.priority_groups @> '[\"nguoi_khuyet_tat\"]'::jsonb"
    else:
        disability = "EXISTS (SELECT 1 FROM json_each(p.priority_groups) AS g WHERE g.value = 'nguoi_khuyet_tat')"
    sql = (
        "(h.poverty_class IN ('poor', 'near_poor') OR (h.poverty_exit_on >= %s AND h.poverty_exit_on < %s) "
        f"OR e.code <> '01' OR {disability})"
    )
    return sql, [exited_from, exited_before]


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


def _commune_province(commune_id: int) -> int | None:
    province = _unit_provinces().get(commune_id)
    if province is None and commune_id is not None:  # a unit added since the map was read
        province = AdministrativeUnit.objects.filter(pk=commune_id).values_list("province_id", flat=True).first()
    return province


@lru_cache(maxsize=1)
def _unit_provinces() -> dict[int, int]:
    """Every administrative unit's province_id, read once per process (reference data): a query per new commune
    cost as much as the rest of seeker_facts."""
    return dict(AdministrativeUnit.objects.values_list("pk", "province_id"))


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


def recommendations_for_person(*, person: Person, limit: int = 20) -> list[tuple[Vacancy, scoring.Match]]:
    """Open vacancies anywhere (they are public), ranked for this person, exactly as scoring every open vacancy
    would. Queries: the profile, the rounds of ranked_vacancies (one to three, plus a probe when the worker's own
    trade has few open vacancies), then the best vacancies with their employer and commune."""
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
    sql = f"SELECT * FROM {JobSeekerProfile._meta.db_table} WHERE person_id = %s AND status = 'active' LIMIT 1"
    return next(iter(JobSeekerProfile.objects.raw(sql, [person.pk])), None)


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
class _Group:
    """Occupations, or workplace communes, that score the same points for this seeker. The last group of each kind
    holds all the others, and is known by the ids of the groups before it."""

    points: int
    ids: tuple[int, ...] = ()
    others: bool = False


@dataclass(frozen=True)
class _Cell:
    occupation: _Group
    place: _Group

    @property
    def tier(self) -> int:
        return self.occupation.points + self.place.points


_SCORED_COLUMNS = ("technical_level, experience, pay_min, pay_max, pay_negotiable, deadline, demands_outdoor, "
                   "demands_lifting, demands_standing, demands_hearing, demands_vision, demands_fine_hands, "
                   "demands_both_hands")  # fmt: skip
# The hard filters; `status = 'open'` stays literal so PostgreSQL can use the partial index.
_HARD_FILTERS = ("status = 'open' AND (deadline IS NULL OR deadline >= %s) AND (age_min IS NULL OR age_min <= %s) "
                 "AND (age_max IS NULL OR age_max >= %s) AND sex_required IN ('', %s)")  # fmt: skip


def ranked_vacancies(*, person: Person, facts: scoring.SeekerFacts, limit: int) -> list[tuple[int, int]]:
    """(pk, score without the boost) of the `limit` open vacancies that rank best for this person, best first."""
    if limit < 1:
        return []
    day = today()
    age = person.age_on(day)
    occupations, places = _occupation_groups(facts.occupation_code), _place_groups(facts)
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


def _empty_groups(groups, day: dt.date) -> set[_Group]:
    """The occupation groups (but 'all others') with no open vacancy still taking applications on `day`."""
    groups = list(dict.fromkeys(group for group in groups if not group.others))
    if not groups:
        return set()
    table = Vacancy._meta.db_table
    live = "status = 'open' AND (deadline IS NULL OR deadline >= %s)"
    probes = ", ".join(f"EXISTS (SELECT 1 FROM {table} WHERE {live} AND {_ids_sql('occupation_id', group.ids)})"
                       for group in groups)  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {probes}", [day] * len(groups))
        found = cursor.fetchone()
    return {group for group, exists in zip(groups, found, strict=True) if not exists}


@dataclass
class _CellReader:
    """Reads the best `limit` rows of some cells in one query: (pk, score without the boost)."""

    occupations: tuple[_Group, ...]
    places: tuple[_Group, ...]
    hard: list
    rest: tuple[str, list]
    limit: int
    floor: float

    def __call__(self, cells: list[_Cell]) -> list[tuple[int, int]]:
        # Cells that share their occupations' place groups are read as one rectangle: one scan, one plan.
        by_occupation: dict[_Group, frozenset[_Group]] = {}
        for cell in cells:
            by_occupation[cell.occupation] = by_occupation.get(cell.occupation, frozenset()) | {cell.place}
        rectangles: dict[frozenset[_Group], list[_Group]] = {}
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


def _within_sql(column: str, chosen, every: tuple[_Group, ...]) -> str:
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


@lru_cache(maxsize=512)
def _occupation_groups(code: str) -> tuple[_Group, ...]:
    """The level-4 occupations that score points against `code` (scoring.occupation_points), by points, best
    first; then all others (any other occupation, of any level, scores 0)."""
    by_points: dict[int, list[int]] = {}
    for pk, other in _occupation_codes().items():
        points = scoring.OCCUPATION_POINTS.get(scoring.shared_digits(code, other), 0)
        if points:
            by_points.setdefault(points, []).append(pk)
    groups = [_Group(points, tuple(sorted(ids))) for points, ids in sorted(by_points.items(), reverse=True)]
    return (*groups, _Group(0, others=True))


def _place_groups(facts: scoring.SeekerFacts) -> tuple[_Group, ...]:
    """Workplace communes by the points they score (scoring.place_kind), best first; then all others."""
    units = _units_by_province()
    own = {pk for pk in (facts.commune_id, *facts.workplace_ids) if pk is not None}
    province = set(units.get(facts.province_id, ())) - own
    willing = {pk for w in facts.workplace_ids for pk in units.get(w, ())} - own - province
    kinds = [(scoring.PLACE_POINTS["commune"], own), (scoring.PLACE_POINTS["province"], province),
             (scoring.PLACE_POINTS["willing"], willing)]  # fmt: skip
    return (*(_Group(points, tuple(sorted(ids))) for points, ids in kinds if ids), _Group(0, others=True))


@lru_cache(maxsize=1)
def _units_by_province() -> dict[int, tuple[int, ...]]:
    """Every administrative unit by its province_id: a vacancy's province in scoring is its commune's province_id."""
    by_province: dict[int, list[int]] = {}
    for pk, province_id in _unit_provinces().items():
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
    if s.work_environment == "indoor":
        conditions.append("demands_outdoor")
    if s.lifting in scoring.LIFTING_ORDER:
        heavier = scoring.LIFTING_ORDER[scoring.LIFTING_ORDER.index(s.lifting) + 1 :]
        if heavier:
            sql, heavier_params = _among("demands_lifting", heavier)
            conditions.append(sql)
            params += heavier_params
    for column, ok in (("demands_standing", s.can_stand_or_walk), ("demands_hearing", s.hearing_speaking_ok),
                       ("demands_vision", s.vision_ok), ("demands_fine_hands", s.fine_hand_work_ok)):  # fmt: skip
        if not ok:
            conditions.append(column)
    if s.hands in ("one_left", "one_right"):
        conditions.append("demands_both_hands")
    return " OR ".join(conditions), params


def _among(column: str, values, *, negate: bool = False) -> tuple[str, list]:
    """`column` is (not, with negate) one of `values`, as parameters."""
    values = list(values)
    if not values:
        return ("1 = 1" if negate else "1 = 0"), []
    return f"{column} {'NOT IN' if negate else 'IN'} ({', '.join(['%s'] * len(values))})", values
