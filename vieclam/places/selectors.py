"""Reads of administrative units: by date, by code, and across the 2025 reform."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Succession, UnitVersion
from vieclam.places.resolve import LEVEL_BY_CODE_LENGTH

# The code → unit mapping (old pre-2025 codes included) lives in places.resolve; still importable from here.
from vieclam.places.resolve import AreaCodeError as AreaCodeError
from vieclam.places.resolve import area_resolve as area_resolve


def unit_list(
    *, as_of: dt.date, level: str | None = None, parent: AdministrativeUnit | None = None, q: str = ""
) -> QuerySet[AdministrativeUnit]:
    units = AdministrativeUnit.objects.valid_on(as_of)
    if level:
        units = units.filter(level=level)
    if parent is not None:
        units = units.filter(Q(parent=parent) | Q(province=parent)).exclude(pk=parent.pk)
    if q:
        units = units.search(q)
    return units.select_related("parent", "province").prefetch_related(
        Prefetch("versions", queryset=UnitVersion.objects.order_by("valid_from"))
    )


def unit_get(*, code: str, as_of: dt.date) -> AdministrativeUnit | None:
    """The unit that bore `code` on `as_of` (codes are reused across the reform, so the date matters)."""
    level = LEVEL_BY_CODE_LENGTH.get(len(code))
    if level is None or not code.isdigit():
        return None
    return unit_list(as_of=as_of, level=level).filter(code=code).first()


def unit_any_period(*, code: str) -> list[AdministrativeUnit]:
    """Every unit that ever bore `code`, newest first: for messages about codes no longer in force."""
    level = LEVEL_BY_CODE_LENGTH.get(len(code))
    return list(AdministrativeUnit.objects.filter(level=level, code=code).order_by("-valid_to"))


def unit_successions(*, unit: AdministrativeUnit) -> tuple[list[Succession], list[Succession]]:
    """(successors, predecessors) of a unit across the 2025 reform."""
    successors = list(
        Succession.objects.filter(level=unit.level, predecessor_code=unit.code, predecessor=unit)
        .select_related("successor")
        .order_by("successor__code")
    )
    predecessors = list(
        Succession.objects.filter(successor=unit).select_related("predecessor").order_by("predecessor_code")
    )
    return successors, predecessors


def successors_of_code(*, code: str, level: str = Level.COMMUNE) -> list[Succession]:
    """Where an old (pre-2025) code went, including the few old codes missing from our old list."""
    return list(
        Succession.objects.filter(level=level, predecessor_code=code).select_related("successor").order_by("kind")
    )


def province_communes() -> QuerySet[AdministrativeUnit]:
    """Communes in force of the province this installation serves (settings.VIECLAM_PROVINCE), by name."""
    return (
        AdministrativeUnit.objects.current()
        .filter(level=Level.COMMUNE, province__code=settings.VIECLAM_PROVINCE, province__level=Level.PROVINCE)
        .select_related("province")
        .order_by("name", "code")
    )
