"""Recommendations read the open vacancies in tiers and stop early: the result must be the brute-force one."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from vieclam.core.dates import today
from vieclam.employers.tests.factories import commune, make_employer
from vieclam.matching import recommend, scoring, selectors
from vieclam.matching.facts import commune_province, seeker_facts, vacancy_facts
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, make_vacancy, occupation

pytestmark = pytest.mark.django_db

LIMITS = (1, 2, 3, 4, 5, 7, 10, 15, 40)


@pytest.fixture
def jobs(cast):
    """Open vacancies of every occupation fit, place fit and demand, with ties; and some that must never show."""
    admin = cast["admin"]
    employer = make_employer(admin)

    def job(code="7411", where="25459", **data):
        return make_vacancy(admin, employer=employer, occupation=occupation(code), commune_code=where,
                            status="open", **data)  # fmt: skip

    made = [job(), job(), job()]  # alike: a tie, broken by the lower pk
    made += [job("7412"), job("7412", "25480"), job("7413", "00004"), job("7421"), job("7421", "25480")]
    made += [job("7111", "25480"), job("7111", "00004"), job("2411"), job("2411", "25480"), job("2411", "00004")]
    made += [
        job(technical_level="dai_hoc"),
        job(technical_level="trung_cap", experience="tren_5_nam"),
        job(experience="duoi_1_nam", pay_min=3_000_000, pay_max=4_000_000),
        job(pay_min=None, pay_max=None, pay_negotiable=True),
        job("7412", demands_hearing=True),
        job(demands_lifting="over_20", demands_outdoor=True, demands_both_hands=True),
        job(deadline=in_days(200)),
        job("2411", "00004", technical_level="dai_hoc", experience="tren_5_nam", pay_min=1_000_000,
            pay_max=2_000_000, demands_vision=True, deadline=in_days(3)),  # the worst: below 0 for some
    ]  # fmt: skip
    unknown_level = job("7412", "25480")
    zero_top = job("7421")
    # As imported data may have them: a level no list knows (asks nothing), a top of pay of 0 (not an offer).
    Vacancy.objects.filter(pk=unknown_level.pk).update(technical_level="bac_cu")
    Vacancy.objects.filter(pk=zero_top.pk).update(pay_min=None, pay_max=0, pay_negotiable=True)
    no_deadline = job("7412", "25480")  # open until closed, as the job board shows it
    Vacancy.objects.filter(pk=no_deadline.pk).update(deadline=None)
    made += [unknown_level, zero_top, no_deadline]
    never = [job(age_max=30, restriction_reason="Điều 160 Bộ luật Lao động 2019"),
             job(sex_required="female", restriction_reason="Điều 160 Bộ luật Lao động 2019"),
             job(), job()]  # fmt: skip
    Vacancy.objects.filter(pk=never[2].pk).update(status="closed")
    Vacancy.objects.filter(pk=never[3].pk).update(deadline=in_days(-1))
    return {"shown": made, "never": never}


@pytest.fixture
def worker(cast):
    return make_person(cast["admin"], name="Trần Văn Điện", national_id="079085000001", commune="25459")


def facts_for(person, **kw):
    base = {"occupation_code": "7411", "commune_id": person.residence_commune_id,
            "province_id": commune_province(person.residence_commune_id)}  # fmt: skip
    return scoring.SeekerFacts(**{**base, **kw})


def demanding(person, **kw):
    return facts_for(person, technical_level="trung_cap", experience_band="duoi_1_nam", desired_pay_min=10_000_000,
                     available_from=in_days(60), work_environment="indoor", lifting="under_5",
                     hearing_speaking_ok=False, vision_ok=False, hands="one_left", **kw)  # fmt: skip


def brute_force(person, facts, boost):
    """Every open vacancy that passes the hard filters, scored in Python: the order to match."""
    day, age = today(), person.age_on(today())
    rows = [(v.pk, scoring.score(vacancy_facts(v), facts, priority_boost=boost, explain=False).score)
            for v in Vacancy.objects.filter(Q(deadline__isnull=True) | Q(deadline__gte=day), status="open")
            .select_related("workplace_commune")
            if (v.age_min or 0) <= age <= (v.age_max or 999) and v.sex_required in ("", person.sex)]  # fmt: skip
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def tiered(person, facts, boost, limit):
    bonus = boost if facts.priority else 0
    return [(pk, round(max(total + bonus, 0.0), 1))
            for pk, total in recommend.ranked_vacancies(person=person, facts=facts, limit=limit)]  # fmt: skip


def ranking_queries(person, facts, limit) -> int:
    with CaptureQueriesContext(connection) as queries:
        recommend.ranked_vacancies(person=person, facts=facts, limit=limit)
    return sum(" AS tier" in query["sql"] for query in queries)


@pytest.mark.parametrize(
    "seeker",
    [
        "plain",
        "demanding",
        "demanding, poor: boosted and floored",
        "related trade only",
        "no vacancy of the trade",
        "no trade",
        "willing to work in Hà Nội",
    ],
)
def test_tiered_reading_gives_the_brute_force_ranking(settings, jobs, worker, seeker):
    settings.VIECLAM_MATCHING_PRIORITY_BOOST = 10
    hanoi = commune("00004").province_id
    facts = {
        "plain": facts_for(worker),
        "demanding": demanding(worker),
        "demanding, poor: boosted and floored": demanding(worker, priority=("poor", "ethnic_minority")),
        "related trade only": facts_for(worker, occupation_code="7422"),
        "no vacancy of the trade": facts_for(worker, occupation_code="5223", desired_pay_min=5_000_000),
        "no trade": facts_for(worker, occupation_code=""),
        "willing to work in Hà Nội": facts_for(worker, occupation_code="2411", workplace_ids=frozenset({hanoi})),
    }[seeker]
    expected = brute_force(worker, facts, 10)
    shown = {pk for pk, _ in expected}
    assert shown == {v.pk for v in jobs["shown"]} and not shown & {v.pk for v in jobs["never"]}
    for limit in LIMITS:
        assert tiered(worker, facts, 10, limit) == expected[:limit], limit


def test_sql_total_is_the_pure_score_before_the_boost_and_the_floor(settings, jobs, worker):
    settings.VIECLAM_MATCHING_PRIORITY_BOOST = 10
    by_pk = {v.pk: v for v in Vacancy.objects.select_related("workplace_commune")}
    for facts in (facts_for(worker), demanding(worker), demanding(worker, priority=("poor",))):
        rows = recommend.ranked_vacancies(person=worker, facts=facts, limit=1000)
        assert len(rows) == len(jobs["shown"])
        bonus = 10 if facts.priority else 0
        for pk, total in rows:
            pure = scoring.score(vacancy_facts(by_pk[pk]), facts, priority_boost=bonus, explain=False)
            assert max(total + bonus, 0) == pure.score, (facts, by_pk[pk].title, total)
    assert min(total for _, total in rows) < -bonus  # the floor at 0 was in play


def test_ties_are_broken_by_the_lower_pk_and_the_list_cut_inside_a_tie(jobs, worker):
    alike = [v.pk for v in jobs["shown"][:3]]
    ranked = recommend.ranked_vacancies(person=worker, facts=facts_for(worker), limit=2)
    assert [pk for pk, _ in ranked] == alike[:2] and {total for _, total in ranked} == {100}


def test_reading_stops_once_no_unread_vacancy_can_make_the_list(jobs, worker):
    facts = facts_for(worker)
    # The 100-point vacancies in the worker's own commune beat all that the next tier (52 + 40) can reach.
    assert ranking_queries(worker, facts, 5) == 1
    # A longer list than there are vacancies reads every tier, and agrees with the short one.
    everything = recommend.ranked_vacancies(person=worker, facts=facts, limit=1000)
    assert ranking_queries(worker, facts, 1000) > 3
    assert recommend.ranked_vacancies(person=worker, facts=facts, limit=5) == everything[:5]


def test_empty_trades_are_probed_once_instead_of_read(jobs, worker):
    facts = facts_for(worker, occupation_code="5223")  # no open vacancy in 5, 52 or 522
    with CaptureQueriesContext(connection) as queries:
        ranked = recommend.ranked_vacancies(person=worker, facts=facts, limit=3)
    assert ranked == recommend.ranked_vacancies(person=worker, facts=facts, limit=1000)[:3]
    probes = [query["sql"] for query in queries if "EXISTS" in query["sql"]]
    assert len(probes) == 1
    # Round 1 (the trade here and in the province), the probe, then the other trades in the own commune (20).
    assert len(queries) == 3


def test_recommendations_for_person_take_four_queries_when_the_trade_is_well_served(settings, jobs, worker, cast):
    settings.VIECLAM_MATCHING_PRIORITY_BOOST = 10
    profile = make_profile(cast["admin"], worker, occupation="7411")
    person = type(worker).objects.select_related("household", "ethnicity").get(pk=worker.pk)  # as the views do
    with CaptureQueriesContext(connection) as queries:
        ranked = selectors.recommendations_for_person(person=person, limit=5)
    # The consent check, the profile, one round of ranking (the top tiers hold five 100-point jobs), the vacancies.
    assert len(queries) == 4
    expected = brute_force(person, seeker_facts(profile, person), 10)[:5]
    assert [(v.pk, match.score) for v, match in ranked] == expected
    assert ranked[0][0] == jobs["shown"][0] and "Cùng xã" in ranked[0][1].reasons
