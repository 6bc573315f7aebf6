"""Counting rules: small, tested functions over the records that the catalogue names.

A rule answers one question — how many, in each commune in force (and each group of one disaggregation), for a
period, as the records stood at `as_of`. It returns {(commune id, group): count}; group is "" without `by`.

`RecordRule` covers the common shape declaratively: the records dated inside the period (a flow) or in force at its
end (a stock), counted as rows, as distinct persons (a person counted once per period however many records
qualify), or as a sum of a column. Rules that need more (poverty class on a date, several record types at once)
are functions registered with `rule_register`. Apps register their own rules in their AppConfig.ready (or through
indicators.catalogue), so new record types add indicators without touching the engine.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import itertools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Protocol

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from vieclam.indicators.periods import Period

Counts = dict[tuple[int, str], int]
Communes = Collection[int] | None
AsOf = dt.datetime | None
DROP = "drop:"  # a catalogue prefix: the fall of a stock over the period (start − end)


class CountingRule(Protocol):
    name: str
    dims: Collection[str]

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts: ...


_rules: dict[str, CountingRule] = {}
_registered: dict[str, tuple[CountingRule, int]] = {}
_serials = itertools.count(1)
# Work shared by the rules of one calculation (e.g. the persons' states replayed on a day), set by the Calculator.
_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("indicator_memo", default=None)


def memo() -> dict:
    """The current calculation's scratch dict (a fresh one outside a calculation: nothing is shared)."""
    store = _memo.get()
    return store if store is not None else {}


@contextlib.contextmanager
def memo_scope(store: dict):
    token = _memo.set(store)
    try:
        yield store
    finally:
        _memo.reset(token)


def rule_register(rule: CountingRule, *, shared: bool = True) -> CountingRule:
    """Put `rule` in force under its name. `shared`: its counts depend only on the database and today's date, so
    they may be kept in the shared store (indicators.freshness) until a write; a rule counting anything else (a
    test's list) passes False."""
    _rules[rule.name] = rule
    if shared:
        _registered[rule.name] = (rule, next(_serials))
    else:
        _registered.pop(rule.name, None)
    return rule


def rule_edition(name: str) -> int | None:
    """Which registration of `name` is in force (for the shared store of counts); None for a rule put in place
    some other way (a test's stand-in), whose counts are then not shared."""
    rule, serial = _registered.get(name, (None, None))
    return serial if rule is not None and rule is _rules.get(name) else None


def rule_get(name: str) -> CountingRule:
    return _rules[name]


def rules_of_type(kind: type) -> list:
    """The registered rules of one class (e.g. every PersonStateRule, to count them in one pass)."""
    return [rule for _name, rule in sorted(_rules.items()) if isinstance(rule, kind)]


def rule_names() -> list[str]:
    return sorted(_rules)


def end_of(day: dt.date) -> dt.datetime:
    """The last instant of `day` in the installation's time zone (records recorded that day count)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


@dataclass(frozen=True)
class RecordRule:
    """Rows of `queryset()` in the period, by commune (and one dimension).

    date: path of the date that places a record in a period; `stock=True` instead counts the rows in force at the
    period's end (date ≤ end and, when `until` is given, until empty or > end).
    distinct: count distinct values of this path (e.g. "person_id") instead of rows; total: sum this column.
    recorded: path of the time the row was recorded, for figures as they stood at `as_of`.
    dims: dimension name → path (or a callable(period) → expression) grouping the counts.
    """

    name: str
    queryset: Callable[[], QuerySet]
    commune: str
    date: str
    recorded: str | None = None
    distinct: str | None = None
    total: str | None = None
    stock: bool = False
    until: str | None = None
    where: Q = field(default_factory=Q)
    dims: dict[str, str | Callable] = field(default_factory=dict)

    def rows(self, *, period: Period, communes: Communes, as_of: AsOf) -> QuerySet:
        qs = self.queryset().filter(self.where)
        if self.stock:
            qs = qs.filter(**{f"{self.date}__lte": period.end})
            if self.until:
                qs = qs.filter(Q(**{f"{self.until}__isnull": True}) | Q(**{f"{self.until}__gt": period.end}))
        else:
            qs = qs.filter(**{f"{self.date}__gte": period.start, f"{self.date}__lte": period.end})
        if communes is not None:
            qs = qs.filter(**{f"{self.commune}__in": list(communes)})
        if as_of is not None and self.recorded:
            qs = qs.filter(**{f"{self.recorded}__lte": as_of})
        return qs

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        qs = self.rows(period=period, communes=communes, as_of=as_of)
        group = dim_expression(self.dims[by], period) if by else None
        keys = {"_c": _F(self.commune)}
        if group is not None:
            keys["_g"] = group
        qs = qs.annotate(**keys).values(*keys).order_by()
        if self.total:
            qs = qs.annotate(_n=Sum(self.total))
        elif self.distinct:
            qs = qs.annotate(_n=Count(self.distinct, distinct=True))
        else:
            qs = qs.annotate(_n=Count("pk"))
        return {(row["_c"], _group_key(row.get("_g")) if by else ""): row["_n"] or 0 for row in qs}


def _F(path: str):
    from django.db.models import F

    return F(path)


def dim_expression(spec: str | Callable, period: Period):
    return spec(period) if callable(spec) else _F(spec)


def _group_key(value) -> str:
    if value is None or value == "":
        return "_"
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


@dataclass(frozen=True)
class FunctionRule:
    """A rule written as a function count(period=, communes=, as_of=, by=) -> Counts."""

    name: str
    function: Callable[..., Counts]
    dims: Collection[str] = ()

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        return self.function(period=period, communes=communes, as_of=as_of, by=by)


def total_by_commune(counts: Counts) -> dict[int, int]:
    out: dict[int, int] = {}
    for (commune, _group), n in counts.items():
        out[commune] = out.get(commune, 0) + n
    return out
