"""Every catalogue indicator, by commune and for the province, equals a plain-Python count over the same rows
(issue 12): on a small demo province with its history, plus status changes, moves, work abroad and poverty reviews
on both sides of the reporting days, so the engine's replay of past states is exercised."""

from __future__ import annotations

import datetime as dt

import pytest

from vieclam.core.dates import today
from vieclam.demo.generate import demo_generate
from vieclam.indicators.dashboard import dashboard_for
from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.indicators.tests.bruteforce import BruteForce
from vieclam.people.models import Household, HouseholdReview, LabourEvent, Person
from vieclam.people.services import state_since_refresh
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db
KEY = {"so_ho_ngheo", "ty_le_ho_ngheo", "so_ho_ngheo_giam", "ty_le_giam_ngheo", "ty_le_qua_dao_tao",
       "giai_quyet_viec_lam", "xuat_khau_lao_dong", "ket_noi_thanh_cong"}  # fmt: skip


@pytest.fixture
def province(db):
    unit = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    demo_generate(province=unit, persons=3000, seed=12)
    _more_history(unit)
    return unit


def _event(person: Person, day: dt.date, kind: str, changes: dict) -> LabourEvent:
    return LabourEvent(person=person, effective=day, kind=kind, changes=changes)


def _more_history(province: AdministrativeUnit) -> None:
    """Changes on both sides of 31/12/2025 and of 31/12/2024, recorded as the services record them."""
    adults = list(Person.objects.exclude(activity_status="").order_by("pk")[:400])
    elsewhere = AdministrativeUnit.objects.filter(edition="post_2025_07", level="commune", province__code="01").first()
    communes = list(AdministrativeUnit.objects.current().filter(level="commune", province=province).order_by("pk"))
    events = []
    for p in adults[0:40]:  # found work in March 2025
        events.append(_event(p, dt.date(2025, 3, 10), "status", {"activity_status": "co_viec_lam"}))
        p.activity_status = "co_viec_lam"
    for p in adults[40:80]:  # lost it in 2026: unemployed now, as in the last event
        events.append(_event(p, dt.date(2026, 2, 1), "status", {"activity_status": "that_nghiep",
                                                                 "unemployment_duration": "tren_1_nam"}))  # fmt: skip
        p.activity_status, p.unemployment_duration = "that_nghiep", "tren_1_nam"
    for p in adults[80:95]:  # went abroad in 2025 or 2026
        day = dt.date(2025, 6, 1) if p.pk % 2 else dt.date(2026, 1, 5)
        events.append(_event(p, day, "abroad", {"activity_status": "co_viec_lam", "workplace_commune_id": None}))
        p.activity_status = "co_viec_lam"
    for i, p in enumerate(adults[95:115]):  # moved in 2026; an earlier correction names the old commune
        old, new = p.residence_commune_id, communes[(i * 7) % len(communes)].pk
        events.append(_event(p, dt.date(2024, 5, 1), "correction", {"residence_commune_id": old}))
        events.append(_event(p, dt.date(2026, 3, 1), "moved", {"residence_commune_id": new}))
        p.residence_commune_id = new
    for p in adults[115:130]:  # trained in 2026, untrained before
        events.append(_event(p, dt.date(2025, 1, 2), "status", {"technical_level": ""}))
        events.append(_event(p, dt.date(2026, 4, 2), "status", {"technical_level": "dai_hoc"}))
        p.technical_level = "dai_hoc"
    for p in adults[130:145]:  # working in Hà Nội
        p.activity_status, p.workplace_commune_id = "co_viec_lam", elsewhere.pk
    for p in adults[145:160]:  # found work twice in the same month: counted once
        events.append(_event(p, dt.date(2026, 5, 3), "status", {"activity_status": "co_viec_lam"}))
        events.append(_event(p, dt.date(2026, 5, 20), "status", {"activity_status": "co_viec_lam"}))
        p.activity_status = "co_viec_lam"
    Person.objects.bulk_update(
        adults[:160],
        [
            "activity_status",
            "unemployment_duration",
            "residence_commune_id",
            "technical_level",
            "workplace_commune_id",
        ],  # fmt: skip
    )
    LabourEvent.objects.bulk_create(events)
    # In the books since 2024 with no later change: their state now is their state then.
    Person.objects.filter(pk__in=[p.pk for p in adults[300:400]]).update(
        created_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    )
    LabourEvent.objects.filter(person__in=adults[300:400]).update(effective=dt.date(2024, 6, 1))
    # Events written in bulk, as an import would: its state_since (the day of the latest event) is set after them.
    state_since_refresh(person_ids=[p.pk for p in adults[:160] + adults[300:400]])
    households = list(Household.objects.order_by("pk")[:60])
    Household.objects.filter(pk__in=[h.pk for h in households[:30]]).update(
        created_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    )
    standard = HouseholdReview.objects.values_list("standard_id", flat=True).first()
    reviews = [HouseholdReview(household=h, kind="regular", reviewed_on=dt.date(2026, 2, 2), classification="poor",
                               standard_id=standard) for h in households[30:60]]  # fmt: skip
    HouseholdReview.objects.bulk_create(reviews)
    Household.objects.filter(pk__in=[h.pk for h in households[30:60]]).update(
        poverty_class="poor", poverty_class_on=dt.date(2026, 2, 2)
    )  # as people.reviews keeps them: the latest review's class and day


def _communes(province) -> list[int]:
    units = AdministrativeUnit.objects.current().filter(level="commune", province=province)
    return sorted(units.values_list("pk", flat=True))


def _check(calc: Calculator, brute: BruteForce, indicator: Indicator, period: Period, communes: list[int]) -> None:
    got = calc.by_commune(indicator, period, communes)
    for commune in communes:
        expected = brute.figure(indicator, period, commune)
        figure = got[commune]
        assert (figure.numerator, figure.denominator, figure.value) == expected, (indicator.code, period, commune)


def engine_indicators(**filters) -> list[Indicator]:
    """The indicators over persons, households, starts and connections (the engine's own rules, which this file
    counts by hand); the other record types' rules are checked the same way in test_rules.py."""
    known = BruteForce.RULES

    def ok(term: str) -> bool:
        return not term or term.removeprefix("drop:") in known

    return [i for i in Indicator.objects.filter(**filters) if ok(i.numerator) and ok(i.denominator)]


@pytest.mark.parametrize("period", [Period.year(2025), Period.month(2026, 5)], ids=["2025", "2026-05"])
def test_every_indicator_by_commune_equals_a_count_by_hand(province, period):
    communes = _communes(province)
    calc = Calculator(communes=communes)
    brute = BruteForce(sample=communes, calculator_communes=communes)
    indicators = engine_indicators()
    assert {i.code for i in indicators} >= KEY
    for indicator in indicators:
        _check(calc, brute, indicator, period, communes)


def test_the_year_to_date_and_the_province_total_equal_a_count_by_hand(province):
    communes = _communes(province)
    period = Period(dt.date(today().year, 1, 1), today())
    calc = Calculator(communes=communes)
    brute = BruteForce(sample=communes, calculator_communes=communes)
    for indicator in engine_indicators(key=True):
        _check(calc, brute, indicator, period, communes)
        total = calc.figure(indicator, period)
        if not indicator.denominator:
            assert total.numerator == sum(brute.figure(indicator, period, c)[0] for c in communes)


def test_a_few_communes_alone_count_as_in_the_whole_province(province):
    communes = _communes(province)
    few = communes[::9]
    brute = BruteForce(sample=few, calculator_communes=few)
    calc = Calculator(communes=few)
    for indicator in engine_indicators():
        _check(calc, brute, indicator, Period.year(2025), few)


def test_the_province_dashboard_equals_a_count_by_hand(province, cast):
    communes = _communes(province)
    on = today()
    board = dashboard_for(user=cast["province_a"], on=on)
    brute = BruteForce(sample=communes, calculator_communes=communes)
    jobs = Indicator.objects.get(code="giai_quyet_viec_lam")
    for month in range(1, 13):
        last_year = sum(brute.figure(jobs, Period.month(on.year - 1, month), c)[0] for c in communes)
        assert board.trend["last_year"][month - 1] == last_year
        if dt.date(on.year, month, 1) <= on:
            this_year = sum(brute.figure(jobs, Period.month(on.year, month), c)[0] for c in communes)
            assert board.trend["this_year"][month - 1] == this_year
        else:
            assert board.trend["this_year"][month - 1] is None
    period = Period(dt.date(on.year, 1, 1), on)
    expected = {i.code: sum(brute.figure(i, period, c)[0] for c in communes) for i in engine_indicators(key=True)}
    for row in (r for r in board.progress if r["code"] in expected):
        indicator = Indicator.objects.get(code=row["code"])
        if not indicator.denominator:
            assert row["value"] == expected[row["code"]], row["code"]
    values = sorted(r["value"] for r in board.areas)
    assert values == sorted(brute.figure(jobs, period, c)[2] for c in communes)


def test_a_breakdown_by_sex_adds_up_to_the_count_by_hand(province):
    communes = _communes(province)
    calc = Calculator(communes=communes)
    brute = BruteForce(sample=communes, calculator_communes=communes)
    year = Period.year(2025)
    for code in ("so_lao_dong", "so_co_viec_lam", "so_that_nghiep", "giai_quyet_viec_lam"):
        indicator = Indicator.objects.get(code=code)
        groups = calc.breakdown(indicator, year, by="sex")
        assert set(groups) <= {"male", "female", "_"}
        assert sum(f.numerator for f in groups.values()) == sum(brute.figure(indicator, year, c)[0] for c in communes)


def test_a_month_series_equals_the_figures_month_by_month(province):
    communes = _communes(province)
    for code in ("giai_quyet_viec_lam", "so_lao_dong"):  # a rule with a month series, and one without
        indicator = Indicator.objects.get(code=code)
        series = Calculator(communes=communes).monthly(indicator, 2025, until=dt.date(2025, 10, 15))
        one_by_one = Calculator(communes=communes)
        expected = [one_by_one.figure(indicator, m).value for m in Period.year(2025).months()[:10]]
        assert series == [*expected, None, None]
