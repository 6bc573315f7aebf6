"""What the three journeys of the demo's history share (demo.training, demo.abroad, demo.loans): the province's
adults as plain rows, the id counters, the days and moments, and the history generator that writes connections.

Each journey has its own random stream (seeded from the demo's seed) so adding one leaves the rest of the demo as
it was. Counts are per 1.000.000 inhabitants and year, scaled down with the population as the history's are.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from random import Random
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from vieclam.demo.history import History, HistoryGenerator


@dataclass(frozen=True)
class Adult:
    """A generated person aged 15 or more today, with what the journeys' rules read."""

    id: int
    born: dt.date
    sex: str
    commune_id: int
    household_id: int | None
    ethnicity_id: int | None
    groups: tuple[str, ...]  # the person's listed priority groups (people's "priority-groups" codes)
    activity: str

    def age_on(self, day: dt.date) -> int:
        return day.year - self.born.year - ((day.month, day.day) < (self.born.month, self.born.day))


@dataclass(frozen=True)
class Household:
    poverty_class: str
    poverty_exit_on: dt.date | None


@dataclass
class Context:
    """The province as the journeys see it, read once by demo.generate."""

    today: dt.date
    now: dt.datetime
    adults: list[Adult]
    households: dict[int, Household]
    communes: dict[int, str]  # id -> name
    area_class: dict[int, str]  # id -> the unit's area class (as training.rules reads it)
    ethnic_codes: dict[int, str]  # ethnic group id -> code ("01": Kinh)
    staff: list[int]  # counsellors' user ids (the recorder of a step)
    first_ids: dict[str, int]
    history: HistoryGenerator | None = None
    past: History | None = None
    scale: float = 1.0
    ids: dict[str, Iterator[int]] = field(default_factory=dict)
    _by_commune: dict[int, list[Adult]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = {name: itertools.count(first) for name, first in self.first_ids.items()}
        for adult in self.adults:
            self._by_commune.setdefault(adult.commune_id, []).append(adult)

    def next(self, name: str) -> int:
        return next(self.ids[name])

    def living_in(self, commune_id: int) -> list[Adult]:
        return self._by_commune.get(commune_id, [])

    def recorder(self, n: int) -> int | None:
        return self.staff[n % len(self.staff)] if self.staff else None


def per_year(rate: float, scale: float, *, least: int = 1) -> int:
    return max(least, round(rate * scale))


def day_between(rng: Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max((last - first).days, 0)))


def moment(rng: Random, day: dt.date) -> dt.datetime:
    at = dt.time(rng.randint(7, 16), rng.randint(0, 59))
    return dt.datetime.combine(day, at, tzinfo=timezone.get_current_timezone())
