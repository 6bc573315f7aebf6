"""Reads of plan targets: the target in force for an indicator, area and year; targets of many units at once (for
dashboards and reports); the scoped list; and the achievement of a page of targets, computed in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import F, QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.dates import today
from vieclam.indicators.areas import Area, area_for
from vieclam.indicators.engine import Calculator, achievement
from vieclam.indicators.models import Better, Indicator
from vieclam.indicators.periods import Period
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.choices import TargetKind
from vieclam.targets.models import Target

__all__ = (
    "plan_target_for",
    "target_achievements",
    "target_for",
    "target_get",
    "target_list",
    "targets_by_unit",
)


def _pk(obj: Indicator | AdministrativeUnit | int) -> int:
    return obj if isinstance(obj, int) else obj.pk


def target_for(*, indicator: Indicator | int, area: AdministrativeUnit | int, year: int) -> Target | None:
    """The year target of `area` for `year` (its value is the value in force, after revisions), or None."""
    return (
        Target.objects.select_related("indicator", "area")
        .filter(indicator_id=_pk(indicator), area_id=_pk(area), year_from=year, year_to=year)
        .first()
    )


def plan_target_for(*, indicator: Indicator | int, area: AdministrativeUnit | int, year: int) -> Target | None:
    """The multi-year plan of `area` whose years include `year` (the latest starting one if several), or None."""
    return (
        Target.objects.select_related("indicator", "area")
        .filter(indicator_id=_pk(indicator), area_id=_pk(area), kind=TargetKind.PLAN)
        .filter(year_from__lte=year, year_to__gte=year)
        .order_by("-year_from", "-pk")
        .first()
    )


def targets_by_unit(*, indicator: Indicator | int, units: Iterable[int], year: int) -> dict[int, Decimal]:
    """{unit id: value in force} of the year targets of `units` for `year`, in one query; units without one are
    left out."""
    rows = Target.objects.filter(
        indicator_id=_pk(indicator), area_id__in=list(units), year_from=year, year_to=year
    ).values_list("area_id", "value")
    return dict(rows)


def target_list(*, viewer) -> QuerySet[Target]:
    """Targets in the viewer's areas (a province officer: the province's and its communes'; a commune officer:
    the commune's), latest years first, by indicator, each province's target before its communes' shares."""
    rows = Target.objects.select_related("indicator", "area", "parent__area")
    province_first = F("parent_id").asc(nulls_first=True)
    order = ("-year_to", "indicator__group", "indicator__order", "indicator__code", province_first, "area__name", "pk")
    return scope_queryset(rows, viewer).order_by(*order)


def target_get(*, viewer, pk: int) -> Target:
    """One target, or Http404 when it does not exist or lies outside the viewer's areas."""
    rows = Target.objects.select_related("indicator", "area", "scope_area", "parent__area", "created_by")
    return get_scoped_or_404(rows, viewer, pk=pk)


def target_period(target: Target, on: dt.date) -> Period | None:
    """What a target's achievement is measured over: its years so far (year to date); None before they start."""
    start = dt.date(target.year_from, 1, 1)
    if on < start:
        return None
    return Period(start, min(on, dt.date(target.year_to, 12, 31)))


def target_achievements(targets: Sequence[Target], *, on: dt.date | None = None) -> dict[int, dict]:
    """{target id: {"value": figure so far, "achievement": % of the target}} for a page of targets at once.

    One Calculator serves all of them: each counting rule runs once per period over all the communes of the page
    (not once per row), and each area's communes are read once per unit.
    """
    on = on or today()
    areas: dict[int, Area] = {}
    for target in targets:
        if target.area_id not in areas:
            areas[target.area_id] = area_for(target.area)
    communes = frozenset().union(*(a.commune_ids for a in areas.values())) if areas else frozenset()
    calc = Calculator(communes=communes)
    out: dict[int, dict] = {}
    for target in targets:
        period = target_period(target, on)
        area = areas[target.area_id]
        value = calc.figure(target.indicator, period, area.commune_ids).value if period and area.commune_ids else None
        rate = achievement(value, target.value) if target.indicator.better == Better.HIGHER else None
        out[target.pk] = {"value": value, "achievement": rate}
    return out
