"""Persons aged 15+ as they stood on a day, by a labour-status test (TT 11/2022 Mẫu 03).

Today's columns answer for everyone whose record has not changed since the day; for the persons with a labour
event after it (or registered after it) the state on the day is replayed from their dated events (a "registered"
event holds the whole state, a "status" event the fields it changed). So a figure for an earlier day is the same
whenever it is asked, once the events are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import F, Q

from vieclam.indicators.dims import AGE_BANDS, KINH, person_dims
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import AsOf, Communes, Counts, dim_expression, end_of, memo
from vieclam.people.models import LABOUR_AGE, LabourEvent, Person

STATE_FIELDS = ("activity_status", "technical_level", "workplace_commune_id", "unemployment_duration",
                "employment_status", "residence_commune_id")  # fmt: skip


@dataclass(frozen=True)
class PersonStateRule:
    """Persons 15+ on the period's last day passing `q` (SQL) / `test` (the same test on a replayed state)."""

    name: str
    q: Q
    test: Callable[[dict], bool]
    dims: dict = field(default_factory=lambda: person_dims(""))

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        day = period.end
        adults = Person.objects.filter(date_of_birth__lte=_years_before(day, LABOUR_AGE))
        if communes is not None:
            adults = adults.filter(residence_commune_id__in=list(communes))
        keys = {"_c": F("residence_commune_id")}
        if by:
            keys["_g"] = dim_expression(self.dims[by], period)
        counts: Counts = {}
        for row in adults.filter(self.q).annotate(**keys).values(*keys).order_by().annotate(_n=_count()):
            _add(counts, (row["_c"], _key(row.get("_g")) if by else ""), row["_n"])
        for person, now, then in _changed_once(adults, day, communes, as_of):
            group = _py_group(by, person, period)
            if self.test(now):
                _add(counts, (now["residence_commune_id"], group), -1)
            if then is not None and self.test(then) and (communes is None or then["residence_commune_id"] in communes):
                _add(counts, (then["residence_commune_id"], group), 1)
        return {k: v for k, v in counts.items() if v}


def _count():
    from django.db.models import Count

    return Count("pk")


def _add(counts: Counts, key: tuple[int, str], n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _key(value) -> str:
    return "_" if value in (None, "") else str(value)


def _changed_once(adults, day: dt.date, communes: Communes, as_of: AsOf) -> list:
    """The replayed persons of `day`, computed once per calculation (every person rule of a report needs them)."""
    store = memo()
    key = ("persons_changed", day, frozenset(communes) if communes is not None else None, as_of)
    if key not in store:
        store[key] = list(_changed(adults, day, as_of))
    return store[key]


def _changed(adults, day: dt.date, as_of: AsOf):
    """(person row, state now, state on `day` or None when not yet registered) for persons changed after `day`."""
    later = LabourEvent.objects.filter(effective__gt=day)
    if as_of is not None:
        later = later.filter(recorded_at__lte=as_of)
    ids = set(
        adults.filter(Q(pk__in=later.values("person_id")) | Q(created_at__gt=end_of(day))).values_list("pk", flat=True)
    )
    if not ids:
        return
    rows = Person.objects.filter(pk__in=ids).values(
        "pk",
        "sex",
        "date_of_birth",
        "created_at",
        "ethnicity__code",
        "household__poverty_class",
        "occupation__code",
        *STATE_FIELDS,
    )
    events: dict[int, list] = {}
    earlier = LabourEvent.objects.filter(person_id__in=ids, effective__lte=day).order_by("effective", "pk")
    if as_of is not None:
        earlier = earlier.filter(recorded_at__lte=as_of)
    for person_id, changes in earlier.values_list("person_id", "changes"):
        events.setdefault(person_id, []).append(changes)
    last_instant = end_of(day)
    for row in rows:
        now = {f: row[f] for f in STATE_FIELDS}
        history = events.get(row["pk"])
        if history:
            then = dict(now)
            for changes in history:
                then.update({k: v for k, v in changes.items() if k in STATE_FIELDS})
        else:
            then = None if row["created_at"] > last_instant else now
        yield row, now, then


def _py_group(by: str | None, row: dict, period: Period) -> str:
    if not by:
        return ""
    if by == "sex":
        return _key(row["sex"])
    if by == "age_band":
        age = _age(row["date_of_birth"], period.end)
        for low, high in AGE_BANDS:
            if age >= low and (high is None or age <= high):
                return f"{low}-{high}" if high else f"{low}+"
        return "_"
    if by == "ethnic_minority":
        code = row["ethnicity__code"]
        return "_" if code is None else ("kinh" if code == KINH else "minority")
    if by == "poverty_class":
        return _key(row["household__poverty_class"])
    if by == "occupation_group":
        return _key((row["occupation__code"] or "")[:1])
    return "_"


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
