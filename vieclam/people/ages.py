"""Ages in whole years, exactly, and the birth-date bounds that select them in SQL.

The rule: a person turns N on the same day and month N years after their birth. A birthday on 29/02 falls on
28/02 in a common year (a period that ends in a month without its corresponding day ends on that month's last
day, as BLDS 2015 Art. 148 counts periods). So on 28/02/2027 a person born 29/02/2012 is 15.

`age_on` is the Python check; `born_on_or_before` gives the SQL bound that selects the same people:
age_on(born, day) >= years  ⇔  born <= born_on_or_before(day, years).
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ("age_on", "birthday_in", "born_on_or_before")


def birthday_in(born: dt.date, year: int) -> dt.date:
    """The day in `year` on which a person born on `born` has their birthday (29/02 → 28/02 in a common year)."""
    if born.month == 2 and born.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return born.replace(year=year)


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years of age on `day`."""
    return day.year - born.year - (day < birthday_in(born, day.year))


def born_on_or_before(day: dt.date, years: int) -> dt.date:
    """The latest birth date of a person aged at least `years` on `day`."""
    year = day.year - years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)  # born 28/02 turned `years` yesterday; born 01/03 turns it tomorrow
    if day.month == 2 and day.day == 28 and not calendar.isleap(day.year) and calendar.isleap(year):
        return dt.date(year, 2, 29)  # born 29/02: their birthday is today
    return day.replace(year=year)
