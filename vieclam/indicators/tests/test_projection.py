"""The year-end projection: the year so far over the share the previous years had reached by the same day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from vieclam.indicators.engine import Calculator
from vieclam.indicators.projection import Projection, year_end_projection

pytestmark = pytest.mark.django_db
D = dt.date


def add(events, unit, day, n):
    events.extend([(day, unit.pk, "male")] * n)


def project(units, starts, on):
    communes = {units["commune_a"].pk}
    return year_end_projection(calc=Calculator(communes=communes), indicator=starts, communes=communes, on=on)


def test_the_middle_divides_by_the_average_share_and_the_range_by_the_extremes(events, units, starts):
    commune = units["commune_a"]
    add(events, commune, D(2022, 3, 1), 10)  # 2022: 10 of 40 by 30/06 (a quarter)
    add(events, commune, D(2022, 9, 1), 30)
    add(events, commune, D(2021, 3, 1), 20)  # 2021: 20 of 40 by 30/06 (a half)
    add(events, commune, D(2021, 9, 1), 20)
    add(events, commune, D(2023, 2, 1), 20)  # this year so far
    low, mid, high = project(units, starts, D(2023, 6, 30))
    assert (low, mid, high) == (Decimal(40), Decimal(53), Decimal(80))  # 20/0.5, 20/0.375, 20/0.25


def test_a_year_without_records_tells_nothing_and_without_history_the_run_rate_has_no_range(events, units, starts):
    add(events, units["commune_a"], D(2023, 1, 10), 10)
    low, mid, high = project(units, starts, D(2023, 3, 14))  # day 73 of 365
    assert (low, mid, high) == (None, Decimal(50), None)


def test_the_same_day_of_a_leap_year_is_read_in_the_years_before(events, units, starts):
    add(events, units["commune_a"], D(2023, 2, 28), 5)
    add(events, units["commune_a"], D(2023, 12, 1), 5)
    add(events, units["commune_a"], D(2024, 1, 2), 5)
    low, mid, high = project(units, starts, D(2024, 2, 29))
    assert mid == Decimal(10) and low == high == Decimal(10)


def test_the_projection_reads_as_a_rounded_range():
    assert Projection(Decimal(6912), Decimal(7100), Decimal(7288)).text == "Dự báo cả năm: khoảng 6.900–7.300"
    assert Projection(None, Decimal(48), None).text == "Dự báo cả năm: khoảng 48 (theo tốc độ từ đầu năm)"
    assert Projection(Decimal(70), Decimal(70), Decimal(70)).text == "Dự báo cả năm: khoảng 70"
