"""Figures: an indicator's value for an area and period, by commune or by a disaggregation.

One `Calculator` serves one question (a report, a dashboard, an API call): it runs each counting rule once per
period and disaggregation, for all the communes asked about at once (one grouped query per rule), and sums the
communes into areas. Unique-person rules stay exact under that sum because a person lives in one commune.
A ratio is computed from the area's summed numerator and denominator (never an average of commune ratios); a
denominator of 0 gives no value ("—"), never a division error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from vieclam.indicators.freshness import CountStore
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import DROP, Counts, memo_scope, rule_get


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    numerator: int | None
    denominator: int | None
    value: Decimal | None

    @property
    def display(self) -> str:
        from vieclam.indicators.formats import figure_text

        return figure_text(self.value, self.indicator)


class Calculator:
    def __init__(self, *, communes: Collection[int] | None, as_of: dt.datetime | None = None) -> None:
        self.communes = frozenset(communes) if communes is not None else None
        self.as_of = as_of
        self._cache: dict[tuple, Counts] = {}
        self._memo: dict = {}
        self._store = CountStore(communes=self.communes, as_of=as_of)

    # --- rule counts ----------------------------------------------------------------------------------------------
    def counts(self, rule: str, period: Period, by: str | None = None) -> Counts:
        key = (rule, period.start, period.end, by)
        if key not in self._cache:
            found = self._store.get(rule, period.start, period.end, by)
            if found is None:
                with memo_scope(self._memo):
                    found = rule_get(rule).count(period=period, communes=self.communes, as_of=self.as_of, by=by)
                self._store.put(rule, period.start, period.end, by, found)
            self._cache[key] = found
        return self._cache[key]

    def _sum(self, spec: str, period: Period, communes: Collection[int] | None, by: str | None) -> dict[str, int]:
        """{group: count} of one catalogue term over `communes` ("drop:rule" → start − end)."""
        if spec.startswith(DROP):
            rule = spec.removeprefix(DROP)
            start = self._sum(rule, Period(period.day_before(), period.day_before()), communes, by)
            end = self._sum(rule, period, communes, by)
            return {g: start.get(g, 0) - end.get(g, 0) for g in start.keys() | end.keys()}
        out: dict[str, int] = {}
        wanted = None if communes is None else set(communes)
        for (commune, group), n in self.counts(spec, period, by).items():
            if wanted is None or commune in wanted:
                out[group] = out.get(group, 0) + n
        return out

    # --- figures --------------------------------------------------------------------------------------------------
    def figure(self, indicator: Indicator, period: Period, communes: Collection[int] | None = None) -> Figure:
        return self.breakdown(indicator, period, communes, by=None).get("", _empty(indicator, self, period))

    def breakdown(
        self, indicator: Indicator, period: Period, communes: Collection[int] | None = None, *, by: str | None
    ) -> dict[str, Figure]:
        """{group: Figure}; by=None gives {"": total}."""
        communes = self.communes if communes is None else communes
        if indicator.is_ratio and indicator.numerator.startswith(DROP):
            return self._rate_drop(indicator, period, communes, by)
        num = self._sum(indicator.numerator, period, communes, by)
        den = self._sum(indicator.denominator, period, communes, by) if indicator.denominator else {}
        groups = sorted(num.keys() | den.keys()) or [""]
        return {g: _figure(indicator, num.get(g, 0), den.get(g, 0) if indicator.denominator else None) for g in groups}

    def monthly(self, indicator: Indicator, year: int, *, until: dt.date | None = None) -> list[Decimal | None]:
        """The twelve monthly values of `year` (None for the months starting after `until`).

        A rule offering a month series (`count_months(year=, communes=, as_of=)` → {month: counts}) is asked once for
        the year and its months go into the cache; any other rule is counted month by month, as `figure` does."""
        months = [m for m in Period.year(year).months() if until is None or m.start <= until]
        for spec in (indicator.numerator, indicator.denominator or ""):
            if not spec or spec.startswith(DROP):
                continue
            series = getattr(rule_get(spec), "count_months", None)
            if series is None or all(self._known(spec, m) for m in months):
                continue
            with memo_scope(self._memo):
                found = series(year=year, communes=self.communes, as_of=self.as_of)
            for m in Period.year(year).months():
                if (spec, m.start, m.end, None) not in self._cache:
                    self._cache[(spec, m.start, m.end, None)] = found.get(m.start.month, {})
                    self._store.put(spec, m.start, m.end, None, found.get(m.start.month, {}))
        values: list[Decimal | None] = [self.figure(indicator, m).value for m in months]
        return values + [None] * (12 - len(values))

    def _known(self, spec: str, month: Period) -> bool:
        """Counted in this calculation, or found in the shared store (then kept here)."""
        key = (spec, month.start, month.end, None)
        if key not in self._cache:
            found = self._store.get(spec, month.start, month.end, None)
            if found is None:
                return False
            self._cache[key] = found
        return True

    def by_commune(self, indicator: Indicator, period: Period, communes: Iterable[int]) -> dict[int, Figure]:
        return {c: self.figure(indicator, period, [c]) for c in communes}

    def _rate_drop(self, indicator, period, communes, by) -> dict[str, Figure]:
        before = Period(period.day_before(), period.day_before())
        num_rule, den_rule = indicator.numerator.removeprefix(DROP), indicator.denominator.removeprefix(DROP)
        n0, d0 = self._sum(num_rule, before, communes, by), self._sum(den_rule, before, communes, by)
        n1, d1 = self._sum(num_rule, period, communes, by), self._sum(den_rule, period, communes, by)
        out = {}
        for g in sorted(n0.keys() | n1.keys() | d0.keys() | d1.keys()) or [""]:
            r0, r1 = _ratio(n0.get(g, 0), d0.get(g, 0), 1), _ratio(n1.get(g, 0), d1.get(g, 0), 1)
            value = None if r0 is None or r1 is None else _round((r0 - r1) * indicator.scale, indicator.decimals)
            out[g] = Figure(indicator, n0.get(g, 0) - n1.get(g, 0), None, value)
        return out


def _figure(indicator: Indicator, numerator: int, denominator: int | None) -> Figure:
    if denominator is None:
        return Figure(indicator, numerator, None, Decimal(numerator))
    ratio = _ratio(numerator, denominator, indicator.scale)
    return Figure(indicator, numerator, denominator, None if ratio is None else _round(ratio, indicator.decimals))


def _empty(indicator: Indicator, calc: Calculator, period: Period) -> Figure:
    return _figure(indicator, 0, 0 if indicator.denominator else None)


def _ratio(numerator: int, denominator: int, scale: int) -> Decimal | None:
    if not denominator:
        return None
    return Decimal(numerator) * scale / Decimal(denominator)


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def achievement(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    """ "đạt 142,1% kế hoạch": value / target × 100, one decimal; None when either is missing or the target is 0."""
    if value is None or not target:
        return None
    return _round(Decimal(value) * 100 / Decimal(target), 1)
