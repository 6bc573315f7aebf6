"""Plan targets of the demo province, so its home dashboard shows "đạt …% kế hoạch".

For each key indicator: this year's target of the province, set from last year's figure (5% better: more jobs,
fewer poor households), shared among the communes in proportion to their own figure last year (rounded down, so
the shares never exceed the province's; a percentage gets the commune's own value), and a 2021–2025 plan. All
written through targets.services (audited, like any officer's target). One Calculator serves every figure, so the
counting rules run once per indicator and period, not once per commune.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Better, Indicator
from vieclam.indicators.periods import Period
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.selectors import target_for
from vieclam.targets.services import summable, target_allocate, target_set

PLAN_YEARS = (2021, 2025)
IMPROVEMENT = Decimal("1.05")


def demo_targets(*, province: AdministrativeUnit, on: dt.date) -> int:
    """Write the targets; returns how many were written (none for an indicator without a figure last year)."""
    communes = list(
        AdministrativeUnit.objects.valid_on(on)
        .filter(level=Level.COMMUNE, province=province)
        .values_list("pk", flat=True)
    )
    calc = Calculator(communes=communes)
    last_year = Period.year(on.year - 1)
    written = 0
    for indicator in Indicator.objects.filter(key=True):
        base = calc.figure(indicator, last_year).value
        if not base or base <= 0 or target_for(indicator=indicator, area=province, year=on.year) is not None:
            continue  # no figure to start from, or targets already there (the demo loaded again)
        value = _goal(indicator, base)
        target = target_set(actor=None, indicator=indicator, area=province, year=on.year, value=value,
                            note="Dữ liệu mẫu: theo kết quả năm trước")  # fmt: skip
        per_commune = {pk: figure.value for pk, figure in calc.by_commune(indicator, last_year, communes).items()}
        shares = _shares(indicator, value, base, per_commune)
        written += 1 + len(target_allocate(actor=None, target=target, shares=shares))
        plan = value * (PLAN_YEARS[1] - PLAN_YEARS[0] + 1) if summable(indicator) else value
        target_set(actor=None, indicator=indicator, area=province, years=PLAN_YEARS, value=plan,
                   note="Dữ liệu mẫu: kế hoạch 5 năm")  # fmt: skip
        written += 1
    return written


def _goal(indicator: Indicator, base: Decimal) -> Decimal:
    factor = IMPROVEMENT if indicator.better == Better.HIGHER else 1 / IMPROVEMENT
    places = Decimal(1).scaleb(-indicator.decimals) if not summable(indicator) else Decimal(1)
    return (base * factor).quantize(places, rounding=ROUND_HALF_UP)


def _shares(indicator: Indicator, value: Decimal, base: Decimal, per_commune: dict[int, Decimal | None]) -> dict:
    if not summable(indicator):
        return {pk: _goal(indicator, v) for pk, v in per_commune.items() if v is not None and v > 0}
    return {pk: (value * v / base).quantize(Decimal(1), rounding=ROUND_DOWN)
            for pk, v in per_commune.items() if v}  # fmt: skip
