"""Reports made through the real services."""

from __future__ import annotations

from vieclam.indicators.periods import Period
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting import services
from vieclam.reporting.models import Report


def unit(code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.current().get(code=code)


def make_report(actor, *, code: str, kind: str = "tda43_6_thang", period: Period | None = None) -> Report:
    period = period or Period.half(2026, 1)
    return services.report_create(actor=actor, kind=kind, area=unit(code), period_start=period.start,
                                  period_end=period.end)  # fmt: skip
