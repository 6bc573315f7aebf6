"""Candidates for a vacancy are read by occupation group and stop early; the boost is added in SQL. The result
must be the brute-force one: every eligible profile scored in Python, the priority boost and the floor included."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.codelists.models import EthnicGroup
from vieclam.core.dates import today
from vieclam.matching import candidates, scoring, selectors
from vieclam.matching.facts import occupation_groups, priority_groups, seeker_facts, vacancy_facts
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.tests.factories import in_days, make_vacancy, occupation

pytestmark = pytest.mark.django_db

LIMITS = (1, 2, 3, 5, 8, 13, 50)


@pytest.fixture
def seekers(cast):
    """Active job seekers of every occupation fit, place fit, condition and priority group, with ties."""
    admin = cast["admin"]
    made = []

    def seeker(code="7411", where="25459", *, priority=None, **profile):
        person = make_person(admin, name=f"Người {len(made)}", national_id=None, commune=where)
        if priority:
            _give_priority(admin, person, priority, where)
        made.append(make_profile(admin, person, occupation=code, **profile))

    for _ in range(3):
        seeker()  # alike: a tie, broken by the lower pk
    seeker(priority="poor")
    seeker(priority="near_poor")
    seeker("7412", priority="exited")
    seeker("7412", priority="exited long ago")  # no boost
    seeker("7412", "25480", priority="ethnic_minority")
    seeker("7413", "25480", priority="disability")
    seeker("7421", "25480")
    seeker("7421", "25480", priority="poor")
    seeker("7111", "25480")
    seeker("7111", "00004", priority="near_poor")
    seeker("2411", "25480", workplace_1="25459")
    seeker("2411", "00004", workplace_1="25480")  # a province-wide wish is not a commune: see below
    seeker("2411", "00004")
    seeker(None, "25480")
    seeker(experience_band="tren_5_nam", desired_pay_min=50_000_000)
    seeker(hearing_speaking_ok=False, vision_ok=False, lifting="under_5", hands="one_left", priority="poor")
    seeker("2411", "00004", hearing_speaking_ok=False, work_environment="indoor", available_from=in_days(300))
    seeker("2411", "00004", hearing_speaking_ok=False, available_from=in_days(300), priority="poor")
    return made


def _give_priority(admin, person, group, commune_code) -> None:
    if group == "ethnic_minority":
        Person.objects.filter(pk=person.pk).update(ethnicity=EthnicGroup.objects.exclude(code="01").first())
        return
    if group == "disability":
        Person.objects.filter(pk=person.pk).update(priority_groups=["nguoi_khuyet_tat"])
        return
    household = household_create(actor=admin, commune=commune_code, head_name=person.full_name)
    poverty = {"poor": {"poverty_class": "poor"}, "near_poor": {"poverty_class": "near_poor"},
               "exited": {"poverty_exit_on": today() - dt.timedelta(days=400)},
               "exited long ago": {"poverty_exit_on": today() - dt.timedelta(days=2000)}}[group]  # fmt: skip
    Household.objects.filter(pk=household.pk).update(**poverty)
    Person.objects.filter(pk=person.pk).update(household=household)


def brute_force(viewer, vacancy, boost):
    facts = vacancy_facts(vacancy)
    profiles = candidates.eligible_profiles(viewer, vacancy, today()).select_related(
        "person__household", "person__ethnicity"
    )
    rows = [(p.pk, scoring.score(facts, seeker_facts(p, p.person), priority_boost=boost).score)
            for p in profiles]  # fmt: skip
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def ranked(viewer, vacancy, limit):
    return [(p.pk, match.score) for p, match in selectors.candidates_for_vacancy(viewer=viewer, vacancy=vacancy,
                                                                                limit=limit)]  # fmt: skip


def rounds_and_queries(viewer, vacancy, limit) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        selectors.candidates_for_vacancy(viewer=viewer, vacancy=vacancy, limit=limit)
    return sum("WITH scored" in query["sql"] for query in queries), len(queries)


VACANCIES = {
    "plain": {},
    "demanding": {"technical_level": "trung_cap", "experience": "tu_2_den_5_nam", "pay_min": 5_000_000,
                  "pay_max": 6_000_000, "demands_hearing": True, "demands_lifting": "over_20"},
    "another province": {"commune_code": "00004"},
    "a trade nobody has": {"occupation": "5223"},
    "below zero for most: the floor ties": {"occupation": "5223", "commune_code": "00004",
                                            "technical_level": "tien_si", "experience": "tren_5_nam",
                                            "pay_min": 1_000_000, "pay_max": 1_000_000, "demands_hearing": True,
                                            "demands_vision": True, "demands_outdoor": True, "deadline": in_days(2)},
}  # fmt: skip


@pytest.mark.parametrize("boost", [10, 0, 45])
@pytest.mark.parametrize("kind", list(VACANCIES))
def test_candidates_are_the_brute_force_ranking(settings, cast, seekers, kind, boost):
    settings.VIECLAM_MATCHING_PRIORITY_BOOST = boost
    data = {"occupation": "7411", "commune_code": "25459", **VACANCIES[kind]}
    data["occupation"] = occupation(data["occupation"])
    vacancy = make_vacancy(cast["admin"], title="Thợ điện", status="open", **data)
    assert EthnicGroup.objects.exclude(code="01").exists()
    for viewer in (cast["admin"], cast["province_a"]):
        expected = brute_force(viewer, vacancy, boost)
        assert len(expected) >= 15 if viewer == cast["admin"] else len(expected) >= 10
        for limit in LIMITS:
            assert ranked(viewer, vacancy, limit) == expected[:limit], (viewer, limit)
    if kind.startswith("below zero") and boost <= 10:  # two below 0 tie at 0 (unless a big boost lifts one)
        assert [score for _, score in brute_force(cast["admin"], vacancy, boost)].count(0.0) >= 2


def test_sql_priority_is_the_python_priority(cast, seekers):
    vacancy = make_vacancy(cast["admin"], title="Thợ điện", status="open", occupation=occupation("7411"),
                           commune_code="25459")  # fmt: skip
    boosted = {pk for pk, _ in brute_force(cast["admin"], vacancy, 10)} and {
        p.pk
        for p in seekers
        if priority_groups(Person.objects.select_related("household", "ethnicity").get(pk=p.person_id))  # fmt: skip
    }
    assert len(boosted) == 9  # poor x4, near-poor x2, exited, ethnic minority, disability; not exited long ago
    sql, params = candidates.priority_sql(today())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.id FROM seekers_jobseekerprofile s JOIN people_person p ON p.id = s.person_id "
            f"LEFT JOIN people_household h ON h.id = p.household_id "
            f"LEFT JOIN codelists_ethnicgroup e ON e.id = p.ethnicity_id WHERE {sql}",
            params,
        )
        assert {row[0] for row in cursor.fetchall()} == boosted


def test_a_well_served_trade_takes_one_round_and_two_queries(settings, cast, seekers):
    settings.VIECLAM_MATCHING_PRIORITY_BOOST = 10
    vacancy = make_vacancy(cast["admin"], title="Thợ điện", status="open", occupation=occupation("7411"),
                           commune_code="25459")  # fmt: skip
    # The three alike seekers score 100, the poor ones 110: the 3rd best beats every other trade (at most 28 +
    # 20 + 40 + 10 = 98), so the first round (same trade and same 3-digit group) settles it.
    assert rounds_and_queries(cast["admin"], vacancy, 3) == (1, 2)
    # The 50 best are every profile: all groups are read, one round each after the first.
    groups = occupation_groups("7411")
    assert rounds_and_queries(cast["admin"], vacancy, 50) == (len(groups) - 1, len(groups))
