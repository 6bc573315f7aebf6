"""Figures from counts: ratios (a denominator of 0 gives "—"), drop: terms, achievement against a plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from vieclam.indicators import rules
from vieclam.indicators.engine import Calculator, achievement
from vieclam.indicators.formats import achievement_text, figure_text
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import FunctionRule

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31), "year")
# Fixed counts by day: {(commune, group): n}, for rules registered only in these tests.
FIXED = {
    "t_num": {dt.date(2026, 12, 31): {(1, ""): 3, (2, ""): 4}},
    "t_den": {dt.date(2026, 12, 31): {(1, ""): 0, (2, ""): 9}},
    "t_stock": {dt.date(2025, 12, 31): {(1, ""): 10, (2, ""): 20}, dt.date(2026, 12, 31): {(1, ""): 7, (2, ""): 20}},
    "t_all": {dt.date(2025, 12, 31): {(1, ""): 100, (2, ""): 100}, dt.date(2026, 12, 31): {(1, ""): 100, (2, ""): 100}},
}


def _fixed(name):
    def count(*, period, communes, as_of, by):
        found = FIXED[name].get(period.end, {})
        return {k: v for k, v in found.items() if communes is None or k[0] in communes}

    return count


@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch):
    """The rules of these tests, registered only while a test runs."""
    for name in FIXED:
        monkeypatch.setitem(rules._rules, name, FunctionRule(name, _fixed(name)))


def indicator(numerator, denominator="", *, unit="nguoi", scale=1, decimals=0) -> Indicator:
    return Indicator(code="t", name_vi="t", name_en="t", group="t", unit=unit, numerator=numerator,
                     denominator=denominator, scale=scale, decimals=decimals)  # fmt: skip


def percent(numerator, denominator, decimals=1):
    return indicator(numerator, denominator, unit="percent", scale=100, decimals=decimals)


def test_a_count_sums_the_communes_asked_for():
    calc = Calculator(communes=None)
    assert calc.figure(indicator("t_num"), PERIOD).value == 7
    assert calc.figure(indicator("t_num"), PERIOD, [2]).value == 4
    assert {c: f.value for c, f in calc.by_commune(indicator("t_num"), PERIOD, [1, 2]).items()} == {1: 3, 2: 4}


def test_a_ratio_of_an_area_is_its_summed_numerator_over_its_summed_denominator():
    figure = Calculator(communes=None).figure(percent("t_num", "t_den"), PERIOD)
    assert (figure.numerator, figure.denominator, figure.value) == (7, 9, Decimal("77.8"))
    assert figure.display == "77,8%"


def test_a_ratio_with_a_denominator_of_0_has_no_value_and_shows_a_dash():
    figure = Calculator(communes=[1]).figure(percent("t_num", "t_den"), PERIOD)
    assert (figure.numerator, figure.denominator, figure.value) == (3, 0, None)
    assert figure.display == "—"


def test_a_ratio_with_nothing_counted_at_all_shows_a_dash():
    figure = Calculator(communes=[99]).figure(percent("t_num", "t_den"), PERIOD)
    assert figure.value is None and figure.display == "—"


def test_a_drop_is_the_stock_the_day_before_the_period_minus_the_stock_at_its_end():
    calc = Calculator(communes=None)
    assert calc.figure(indicator("drop:t_stock"), PERIOD).value == 3
    assert calc.figure(indicator("drop:t_stock"), PERIOD, [2]).value == 0


def test_a_drop_of_a_rate_is_in_percentage_points():
    figure = Calculator(communes=None).figure(percent("drop:t_stock", "drop:t_all", decimals=2), PERIOD)
    assert figure.value == Decimal("1.50")  # 30/200 − 27/200 = 15% − 13.5%
    assert figure.numerator == 3


def test_achievement_is_rounded_half_up_to_one_decimal():
    assert achievement(Decimal(7125), Decimal(5014)) == Decimal("142.1")
    assert achievement(Decimal(1), Decimal(8)) == Decimal("12.5")
    assert achievement(Decimal(1), Decimal(16)) == Decimal("6.3")  # 6,25 → 6,3
    assert achievement_text(achievement(Decimal(7125), Decimal(5014))) == "đạt 142,1% kế hoạch"


def test_achievement_without_a_target_or_a_value_is_none():
    assert achievement(None, Decimal(10)) is None
    assert achievement(Decimal(10), None) is None
    assert achievement(Decimal(10), Decimal(0)) is None
    assert achievement_text(None) == "chưa có kế hoạch"


def test_counts_read_with_dots_for_thousands():
    assert figure_text(Decimal(7125), indicator("t_num")) == "7.125"
    assert figure_text(None, indicator("t_num")) == "—"
