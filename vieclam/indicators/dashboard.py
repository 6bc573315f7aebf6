"""A role's home: its area's key indicators against target, the monthly trend against last year, and the communes
ranked by achievement. Shapes are those of core.templatetags.charts (progress rows, trend series, area rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.conf import settings

from vieclam.accounts.scoping import scope_for
from vieclam.core.dates import today
from vieclam.indicators.engine import Calculator, achievement
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

TREND_INDICATOR = "giai_quyet_viec_lam"
RANK_INDICATOR = "giai_quyet_viec_lam"


@dataclass
class Dashboard:
    label: str
    year: int
    period: Period
    progress: list[dict] = field(default_factory=list)
    trend: dict | None = None
    areas: list[dict] = field(default_factory=list)


def dashboard_for(*, user, on: dt.date | None = None) -> Dashboard | None:
    """The dashboard of a staff user's area, year to date; None for users without an area."""
    unit, communes = user_area(user)
    if not communes:
        return None
    on = on or today()
    period = Period(dt.date(on.year, 1, 1), on)
    calc = Calculator(communes=communes)
    board = Dashboard(label=unit.name if unit else "", year=on.year, period=period)
    indicators = list(Indicator.objects.filter(key=True))
    for indicator in indicators:
        figure = calc.figure(indicator, period)
        target = target_value(indicator, unit, on.year)
        board.progress.append({
            "code": indicator.code, "name": indicator.name_vi if _vi() else indicator.name_en,
            "unit": indicator.get_unit_display(), "value": figure.value, "target": target,
            "achievement": achievement(figure.value, target) if indicator.better == "higher" else None,
            "decimals": indicator.decimals,
        })  # fmt: skip
    trend = next((i for i in indicators if i.code == TREND_INDICATOR), None)
    if trend is not None:
        board.trend = _trend(calc, trend, on)
        board.areas = _areas(calc, trend, period, communes)
    return board


def target_value(indicator: Indicator, unit: AdministrativeUnit | None, year: int) -> Decimal | None:
    """The year's target of the unit, when the targets app holds one."""
    if unit is None or not apps.is_installed("vieclam.targets"):
        return None
    from vieclam.targets.selectors import target_for

    target = target_for(indicator=indicator, area=unit, year=year)
    return target.value if target is not None else None


def _trend(calc: Calculator, indicator: Indicator, on: dt.date) -> dict:
    this_year = calc.monthly(indicator, on.year, until=on)
    last_year = calc.monthly(indicator, on.year - 1)
    return {
        "name": indicator.name_vi if _vi() else indicator.name_en, "unit": indicator.get_unit_display(),
        "months": list(range(1, 13)), "this_year": this_year, "last_year": last_year, "year": on.year,
    }  # fmt: skip


def trend_rows(trend: dict) -> list[dict]:
    return [
        {"month": f"{m:02d}/{trend['year']}", "this_year": a, "last_year": b}
        for m, a, b in zip(trend["months"], trend["this_year"], trend["last_year"], strict=True)
    ]


def _areas(calc: Calculator, indicator: Indicator, period: Period, communes: frozenset[int]) -> list[dict]:
    names = dict(AdministrativeUnit.objects.filter(pk__in=communes).values_list("pk", "name"))
    targets = _targets_by_unit(indicator, communes, period.end.year)
    rows = []
    for pk, figure in calc.by_commune(indicator, period, sorted(communes)).items():
        target = targets.get(pk)
        rows.append({"name": names.get(pk, ""), "value": figure.value, "target": target,
                     "achievement": achievement(figure.value, target)})  # fmt: skip
    return sorted(rows, key=lambda r: (r["achievement"] is None, -(r["achievement"] or 0), r["name"]))


def _targets_by_unit(indicator: Indicator, units: frozenset[int], year: int) -> dict[int, Decimal]:
    """The year targets of many communes in one query (targets.selectors), {} without the targets app."""
    if not apps.is_installed("vieclam.targets"):
        return {}
    from vieclam.targets.selectors import targets_by_unit

    return targets_by_unit(indicator=indicator, units=units, year=year)


def user_area(user) -> tuple[AdministrativeUnit | None, frozenset[int]]:
    """The unit a dashboard is about (the user's province or single commune) and the communes in force inside it."""
    scope = scope_for(user)
    if scope.empty:
        return None, frozenset()
    communes = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE)
    if scope.unrestricted:
        province = (
            AdministrativeUnit.objects.current().filter(level=Level.PROVINCE, code=settings.VIECLAM_PROVINCE).first()
        )
        return province, frozenset(communes.filter(province=province).values_list("pk", flat=True))
    ids = frozenset(communes.filter(scope.units_q()).values_list("pk", flat=True))
    if len(scope.province_ids) == 1 and not scope.commune_ids:
        return AdministrativeUnit.objects.get(pk=next(iter(scope.province_ids))), ids
    if len(ids) == 1:
        return AdministrativeUnit.objects.get(pk=next(iter(ids))), ids
    return None, ids


def _vi() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "vi").startswith("vi")
