"""Reads of administrative units: by date, by code, and across the 2025 reform."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Prefetch, Q, QuerySet

from vieclam.core.text import fold
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession, UnitVersion
from vieclam.places.resolve import LEVEL_BY_CODE_LENGTH, unit_resolve

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


# --- Pickers: communes by name ------------------------------------------------------------------------------------


def unit_search(
    *, text: str, on: dt.date, within: Q | None = None, limit: int = 10, levels: tuple[str, ...] = (Level.COMMUNE,)
) -> list[AdministrativeUnit]:
    """Units in force on `on` whose name (or code) starts a word with `text`, diacritics ignored.

    The installation's province comes first (in each province, the province itself before its communes). A
    pre-2025 name still finds the unit that absorbed it; such a unit carries `former_name`. `within` limits the
    result (e.g. a user's areas: `scope_for(user).units_q()`). The matching runs on an in-memory index of the
    ~13.000 unit names (built once per day and reference-data version), so a keystroke costs one small query.
    """
    phrase = fold(text)
    if not phrase:
        return []
    needle = " " + phrase
    index = _unit_index(on, settings.VIECLAM_PROVINCE, _units_version())
    hits = [row for row in index.current if row.level in levels and needle in row.search_text]
    former = [row for row in index.former if needle in row.search_text]
    allowed = _allowed(within, [row.pk for row in hits[:500]] + [row.pk for row in former[:500]])
    chosen: dict[int, str] = {}
    for row in hits:
        if len(chosen) < limit and (allowed is None or row.pk in allowed):
            chosen[row.pk] = ""
    for row in former:
        wanted = row.pk not in chosen and index.levels_by_pk[row.pk] in levels
        if len(chosen) < limit and wanted and (allowed is None or row.pk in allowed):
            chosen[row.pk] = row.former_name
    units = AdministrativeUnit.objects.select_related("province").in_bulk(list(chosen))
    for pk, former_name in chosen.items():
        if former_name:
            units[pk].former_name = former_name
    return [units[pk] for pk in chosen if pk in units]


@dataclass(frozen=True)
class _Row:
    search_text: str
    pk: int
    level: str = ""
    former_name: str = ""


@dataclass(frozen=True)
class _UnitIndex:
    current: list[_Row]  # units in force, in picker order
    former: list[_Row]  # pre-2025 names → the unit in force that absorbed them
    levels_by_pk: dict[int, str]


def _units_version() -> tuple:
    return tuple(AdministrativeUnit.objects.aggregate(n=Count("pk"), top=Max("pk")).values())


@functools.lru_cache(maxsize=4)
def _unit_index(on: dt.date, home: str, version: tuple) -> _UnitIndex:
    units = AdministrativeUnit.objects.valid_on(on).filter(level__in=[Level.PROVINCE, Level.COMMUNE])
    rows = units.values_list("pk", "level", "name", "code", "search_text", "province__code")
    ordered = sorted(rows, key=lambda r: (r[5] != home, r[1] != Level.PROVINCE, r[2], r[3]))
    current = [_Row(search_text, pk, level) for pk, level, _name, _code, search_text, _province in ordered]
    levels_by_pk = {row.pk: row.level for row in current}
    old = Succession.objects.filter(
        predecessor__edition=Edition.PRE_2025, predecessor__level__in=[Level.COMMUNE, Level.DISTRICT]
    ).values_list("predecessor__search_text", "successor_id", "predecessor_name")
    former = sorted(
        (_Row(text, successor, former_name=name) for text, successor, name in old if successor in levels_by_pk),
        key=lambda row: row.former_name,
    )
    return _UnitIndex(current, former, levels_by_pk)


def _allowed(within: Q | None, pks: list[int]) -> set[int] | None:
    """Which of `pks` lie inside `within` (None: no limit)."""
    if not within:
        return None
    return set(AdministrativeUnit.objects.filter(within, pk__in=pks).values_list("pk", flat=True))


def unit_pick_get(
    *, code: str, on: dt.date, within: Q | None = None, levels: tuple[str, ...] = (Level.COMMUNE,)
) -> AdministrativeUnit | None:
    """What a picker's chosen `code` stands for: the unit of `levels` in force on `on` (an old pre-2025 code with one
    successor mapped, the unit then carrying `resolve_note`), inside `within` when given; None when it is not usable.
    Pickers only need yes or no; services get the reason from places.resolve.unit_resolve."""
    try:
        unit, note = unit_resolve(code, levels=levels, on=on)
    except ValidationError:
        return None
    if within is not None and not AdministrativeUnit.objects.filter(within, pk=unit.pk).exists():
        return None
    unit.resolve_note = note
    return unit
