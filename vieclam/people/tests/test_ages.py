"""Exact ages: whole years, a 29/02 birthday on 28/02 in a common year, and SQL bounds that agree with them."""

import datetime as dt

import pytest

from vieclam.people.ages import age_on, born_on_or_before
from vieclam.people.models import Person


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        (dt.date(2011, 5, 29), dt.date(2026, 5, 28), 14),
        (dt.date(2011, 5, 29), dt.date(2026, 5, 29), 15),
        (dt.date(2011, 5, 29), dt.date(2026, 5, 30), 15),
        (dt.date(1985, 1, 31), dt.date(2026, 1, 30), 40),
        (dt.date(1985, 1, 31), dt.date(2026, 1, 31), 41),
        (dt.date(2012, 2, 29), dt.date(2027, 2, 27), 14),
        (dt.date(2012, 2, 29), dt.date(2027, 2, 28), 15),
        (dt.date(2012, 2, 29), dt.date(2028, 2, 28), 15),
        (dt.date(2012, 2, 29), dt.date(2028, 2, 29), 16),
    ],
)
def test_a_person_is_their_exact_age(born, day, age):
    assert Person(date_of_birth=born).age_on(day) == age
    assert age_on(born, day) == age


def _days(start: dt.date, end: dt.date):
    while start <= end:
        yield start
        start += dt.timedelta(days=1)


@pytest.mark.parametrize("years", [15, 16, 40, 41])
def test_the_birth_bound_selects_exactly_those_old_enough(years):
    """Every day around two leap days against every birth date around the bound: the bound and age_on agree."""
    for day in _days(dt.date(2026, 12, 25), dt.date(2029, 3, 5)):
        bound = born_on_or_before(day, years)
        for born in _days(bound - dt.timedelta(days=3), bound + dt.timedelta(days=3)):
            assert (age_on(born, day) >= years) == (born <= bound), (day, born, years)
