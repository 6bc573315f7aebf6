"""Reads of the indicator engine for the pages and the API: the catalogue, and one indicator's values for an area
and a period, whole or by a disaggregation, against its target and the same period last year.

The area must lie inside the user's areas (accounts.scoping, the one scoping mechanism): a unit outside them is
refused with a 404 (the message names it), never answered with data. A pre-2025 unit (an old district such as An
Phú) is in scope when every commune in force it is made of is (indicators.areas).

Small cells: in public figures (an anonymous caller, or `public=True`) a disaggregated cell counting 1 to
VIECLAM_SMALL_CELL − 1 (default 5, so 1–4) persons or households shows as "<5", its numbers withheld, so nobody can
be recognised in a small group.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.accounts.scoping import scope_for
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.indicators.areas import BOUNDARY_2025, BOUNDARY_OLD, Area, _main_predecessor, area_for, area_of_communes
from vieclam.indicators.dashboard import user_area
from vieclam.indicators.dims import DIMENSIONS, group_label
from vieclam.indicators.engine import Calculator, Figure, achievement
from vieclam.indicators.formats import NO_VALUE
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period, period_parse
from vieclam.indicators.projection import Projection, year_end_projection
from vieclam.indicators.rules import end_of
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession

__all__ = (
    "BOUNDARIES",
    "GROUPS",
    "IndicatorValues",
    "ValueRow",
    "area_resolve",
    "indicator_catalogue",
    "indicator_get",
    "indicator_values",
    "scope_communes",
    "small_cell",
)

BOUNDARIES = {"2025": BOUNDARY_2025, "current": BOUNDARY_2025, "pre2025": BOUNDARY_OLD}
BY_COMMUNE = "commune"
SUPPRESSED = "<5"
# The catalogue's groups in words (data/catalogue.csv `group`); a group not listed here reads "Chỉ tiêu khác".
GROUPS = {
    "ho_ngheo": gettext_lazy("Hộ nghèo, hộ cận nghèo"),
    "lao_dong": gettext_lazy("Lao động và việc làm của người dân"),
    "viec_lam": gettext_lazy("Giải quyết việc làm"),
    "dich_vu": gettext_lazy("Dịch vụ việc làm"),
    "thi_truong": gettext_lazy("Thị trường lao động"),
    "dao_tao": gettext_lazy("Đào tạo nghề"),
}
NO_INDICATOR = gettext_lazy("Không có chỉ tiêu mã “{code}”.")
NO_AREA = gettext_lazy(
    "Không có đơn vị hành chính “{area}”. Ghi mã đơn vị (ví dụ 80, 25459) hoặc chọn trong danh sách."
)
OUT_OF_SCOPE = gettext_lazy("{area} nằm ngoài địa bàn bạn phụ trách.")
NO_OWN_AREA = gettext_lazy("Tài khoản của bạn chưa được giao địa bàn nào.")
BAD_BY = gettext_lazy("Chỉ tiêu “{name}” không phân tổ theo “{by}”. Chọn một trong: {allowed}.")
BAD_BOUNDARY = gettext_lazy("Địa giới không hợp lệ: “{boundary}”. Chọn 2025, current hoặc pre2025.")


def small_cell() -> int:
    return int(getattr(settings, "VIECLAM_SMALL_CELL", 5))


# --- catalogue ----------------------------------------------------------------------------------------------------
def indicator_get(code: str) -> Indicator:
    found = Indicator.objects.filter(code=code).first()
    if found is None:
        raise Http404(NO_INDICATOR.format(code=code))
    return found


def group_name(group: str) -> str:
    return str(GROUPS.get(group, gettext_lazy("Chỉ tiêu khác")))


def indicator_catalogue(*, search: str = "") -> list[tuple[str, list[Indicator]]]:
    """[(group in words, indicators)] in the catalogue's order; `search` matches names and definitions ignoring
    diacritics and case ("ty le ngheo" finds "Tỷ lệ hộ nghèo")."""
    words = fold(search).split()
    groups: dict[str, list[Indicator]] = {}
    for indicator in Indicator.objects.order_by("order", "code"):
        text = fold(f"{indicator.name_vi} {indicator.name_en} {indicator.definition} {group_name(indicator.group)}")
        if all(word in text for word in words):
            groups.setdefault(group_name(indicator.group), []).append(indicator)
    return list(groups.items())


def dimension_choices(indicator: Indicator) -> list[tuple[str, str]]:
    """The `by` values an indicator allows, with their words (commune always)."""
    keys = list(indicator.disaggregations or [])
    if BY_COMMUNE not in keys:
        keys.insert(0, BY_COMMUNE)
    return [(key, str(DIMENSIONS.get(key, key))) for key in keys]


# --- areas --------------------------------------------------------------------------------------------------------
def scope_communes(user) -> frozenset[int] | None:
    """The communes in force inside the user's areas; None for an unrestricted scope (administrators)."""
    scope = scope_for(user)
    if scope.unrestricted:
        return None
    if scope.empty:
        return frozenset()
    communes = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE).filter(scope.units_q())
    return frozenset(communes.values_list("pk", flat=True))


def _unit_lookup(text: str, boundary: str) -> AdministrativeUnit | None:
    """A unit by its code (2 digits a province, 3 an old district, 5 a commune: in force, or before 1 July 2025
    with boundary=pre2025 or when no unit in force has the code); any other number is a unit's id."""
    units = AdministrativeUnit.objects.select_related("province")
    if text.isdigit() and len(text) in (2, 3, 5):
        level = {2: Level.PROVINCE, 3: Level.DISTRICT, 5: Level.COMMUNE}[len(text)]
        found = list(units.filter(code=text, level=level))
        current = [u for u in found if u.edition == Edition.POST_2025 and u.is_valid_on(today())]
        old = [u for u in found if u.edition == Edition.PRE_2025]
        preferred = (old + current) if boundary == BOUNDARY_OLD else (current + old)
        return preferred[0] if preferred else None
    if text.isdigit():
        return units.filter(pk=int(text)).first()
    return None


def area_resolve(
    *, user, area: str | AdministrativeUnit | None, boundary: str = BOUNDARY_2025, public: bool = False
) -> Area:
    """The Area asked for (a unit picked on a page, or a code or id), checked against the user's areas; the user's
    own area when `area` is empty."""
    allowed = None if public else scope_communes(user)
    unit: AdministrativeUnit | None
    if isinstance(area, AdministrativeUnit):
        text, unit = area.name, area
    else:
        text = (area or "").strip()
        if not text:
            return _own_area(user, allowed)
        unit = _unit_lookup(text, boundary)
    if unit is None:
        raise ValidationError({"area": NO_AREA.format(area=text)}, code="unknown")
    found = area_for(unit)
    if allowed is not None and not _inside(unit, found, allowed):
        raise Http404(OUT_OF_SCOPE.format(area=unit.name))
    return found


def _own_area(user, allowed: frozenset[int] | None) -> Area:
    if allowed is None and not getattr(user, "is_authenticated", False):  # public figures: the province
        province = AdministrativeUnit.objects.current().filter(level=Level.PROVINCE, code=settings.VIECLAM_PROVINCE)
        return area_for(province.get())
    unit, communes = user_area(user)
    if not communes:
        raise Http404(NO_OWN_AREA)
    if unit is not None:
        return area_for(unit)
    return area_of_communes(list(AdministrativeUnit.objects.filter(pk__in=communes).order_by("name")))


def _inside(unit: AdministrativeUnit, found: Area, allowed: frozenset[int]) -> bool:
    if unit.edition != Edition.PRE_2025:
        return found.commune_ids <= allowed and (bool(found.commune_ids) or unit.pk in allowed)
    if found.commune_ids:
        return found.commune_ids <= allowed
    # An old commune merged into a new one under another's name holds no records of its own: in scope when it is
    # one of the predecessors of a commune of the user's.
    return Succession.objects.filter(predecessor=unit, successor_id__in=allowed).exists()


# --- values -------------------------------------------------------------------------------------------------------
@dataclass
class ValueRow:
    """One line of a table of values: a group in words and its figure, against target and last year."""

    label: str
    numerator: int | None
    denominator: int | None
    value: Decimal | None
    display: str
    target: Decimal | None = None
    achievement: Decimal | None = None
    last_value: Decimal | None = None
    last_display: str = NO_VALUE
    change: Decimal | None = None  # value / same period last year × 100 ("125,4% so cùng kỳ")
    last_numerator: int | None = None
    suppressed: bool = False
    unit_id: int | None = None  # the unit a commune row stands for (targets), never shown


@dataclass
class IndicatorValues:
    indicator: Indicator
    area: Area
    period: Period
    last_period: Period
    by: str | None
    boundary: str
    as_of: dt.date | None
    total: ValueRow
    rows: list[ValueRow] = field(default_factory=list)
    projection: Projection | None = None
    calculator: Calculator | None = None

    @property
    def by_label(self) -> str:
        return str(DIMENSIONS.get(self.by, "")) if self.by else ""


def indicator_values(
    *,
    user,
    code: str,
    area: str | AdministrativeUnit | None,
    period: str,
    by: str | None = None,
    boundary: str = "2025",
    as_of: dt.date | None = None,
    public: bool = False,
) -> IndicatorValues:
    """One indicator for an area and period (see the module docstring); ValidationError for bad input, Http404
    for an unknown code or an area outside the user's."""
    indicator = indicator_get(code)
    if boundary not in BOUNDARIES:
        raise ValidationError({"boundary": BAD_BOUNDARY.format(boundary=boundary)}, code="invalid")
    boundary = BOUNDARIES[boundary]
    try:
        asked = period_parse(period)
    except ValidationError as error:
        raise ValidationError({"period": error.messages}) from None
    by = by or None
    allowed_by = dict(dimension_choices(indicator))
    if by is not None and by not in allowed_by:
        allowed = ", ".join(f"{key} ({label})" for key, label in allowed_by.items())
        raise ValidationError({"by": BAD_BY.format(name=indicator.name_vi, by=by, allowed=allowed)}, code="invalid")
    place = area_resolve(user=user, area=area, boundary=boundary, public=public)
    calc = Calculator(communes=place.commune_ids, as_of=end_of(as_of) if as_of else None)
    last = asked.same_period_last_year()
    result = IndicatorValues(indicator, place, asked, last, by, boundary, as_of, _row(place.label, calc, indicator,
                             asked, last, place.commune_ids), calculator=calc)  # fmt: skip
    if by == BY_COMMUNE:
        result.rows = [_row(label, calc, indicator, asked, last, communes, unit_id)
                       for label, unit_id, communes in _commune_groups(place, boundary)]  # fmt: skip
    elif by is not None:
        result.rows = _breakdown_rows(calc, indicator, asked, last, by)
    _add_targets(result)
    if public or not getattr(user, "is_authenticated", False):
        result.rows = [_suppress(row) for row in result.rows]
    result.projection = _projection(calc, indicator, asked, place.commune_ids)
    return result


def _cells(figure: Figure, last: Figure) -> dict:
    return {
        "numerator": figure.numerator, "denominator": figure.denominator, "value": figure.value,
        "display": figure.display, "last_value": last.value, "last_display": last.display,
        "change": achievement(figure.value, last.value), "last_numerator": last.numerator,
    }  # fmt: skip


def _row(label, calc, indicator, period, last, communes, unit_id=None) -> ValueRow:
    figure, before = calc.figure(indicator, period, communes), calc.figure(indicator, last, communes)
    return ValueRow(label, unit_id=unit_id, **_cells(figure, before))


def _breakdown_rows(calc: Calculator, indicator, period, last, by: str) -> list[ValueRow]:
    now, before = calc.breakdown(indicator, period, by=by), calc.breakdown(indicator, last, by=by)
    # Rules key an unknown group "_"; the engine answers {"": 0} when nothing was counted at all.
    keys = sorted((now.keys() | before.keys()) - {""}, key=lambda k: (k == "_", k))
    labels = _group_labels(by, keys)
    empty = Figure(indicator, 0, 0 if indicator.is_ratio else None, None if indicator.is_ratio else Decimal(0))
    rows = []
    for key in keys:
        figure, old = now.get(key, empty), before.get(key, empty)
        rows.append(ValueRow(labels[key], **_cells(figure, old)))
    return rows


def _group_labels(by: str, keys: list[str]) -> dict[str, str]:
    """Words for the group keys, read at once where they come from a table."""
    if by == "occupation_group":
        from vieclam.codelists.models import Occupation

        names = dict(Occupation.objects.filter(code__in=keys).values_list("code", "name_vi"))
        return {key: names.get(key) or group_label(by, key) for key in keys}
    return {key: group_label(by, key) for key in keys}


def _commune_groups(place: Area, boundary: str) -> list[tuple[str, int | None, frozenset[int]]]:
    """(label, unit id, communes) of each row by commune: the communes in force, or with boundary=pre2025 the old
    units they come from (old districts; the old communes of an old district or commune), each commune in force
    placed in the old unit of its main predecessor (as indicators.areas places it)."""
    units = AdministrativeUnit.objects.filter(pk__in=place.commune_ids).order_by("name").values_list("pk", "name")
    if boundary != BOUNDARY_OLD:
        return [(name, pk, frozenset({pk})) for pk, name in units]
    rows = Succession.objects.filter(successor_id__in=place.commune_ids, level=Level.COMMUNE).select_related(
        "predecessor__parent", "successor"
    )
    preds: dict[int, list[Succession]] = defaultdict(list)
    for row in rows:
        preds[row.successor_id].append(row)
    by_districts = place.unit is None or place.unit.level == Level.PROVINCE
    groups: dict[int | None, set[int]] = defaultdict(set)
    names: dict[int | None, str] = {None: _("Không rõ đơn vị cũ")}
    for commune in place.commune_ids:
        main = _main_predecessor(preds[commune]).predecessor if preds.get(commune) else None
        old = (main.parent if by_districts else main) if main is not None else None
        groups[old.pk if old else None].add(commune)
        if old is not None:
            names[old.pk] = old.name
    ordered = sorted(groups, key=lambda pk: (pk is None, names[pk]))
    return [(names[pk], pk, frozenset(groups[pk])) for pk in ordered]


def _add_targets(result: IndicatorValues) -> None:
    """Targets of the period's year, for the area and each commune row, when the targets app is installed."""
    if not apps.is_installed("vieclam.targets"):
        return
    from vieclam.targets.selectors import targets_by_unit  # type: ignore[import-not-found,unused-ignore]

    lines = []
    if result.area.unit is not None:
        result.total.unit_id = result.area.unit.pk
        lines.append(result.total)
    if result.by == BY_COMMUNE:
        lines += [row for row in result.rows if row.unit_id]
    if not lines:
        return
    units = {row.unit_id for row in lines if row.unit_id is not None}
    found = targets_by_unit(indicator=result.indicator, units=units, year=result.period.end.year)
    higher = result.indicator.better == "higher"
    for row in lines:
        row.target = found.get(row.unit_id) if row.unit_id else None
        row.achievement = achievement(row.value, row.target) if higher else None


def _suppress(row: ValueRow) -> ValueRow:
    small = range(1, small_cell())
    if row.numerator in small:
        row = replace(row, numerator=None, denominator=None, value=None, display=SUPPRESSED, change=None,
                      target=None, achievement=None, suppressed=True)  # fmt: skip
    if row.last_numerator in small:
        row = replace(row, last_value=None, last_numerator=None, last_display=SUPPRESSED, change=None)
    return row


def _projection(calc: Calculator, indicator: Indicator, period: Period, communes) -> Projection | None:
    """The year-end projection, for the current year of a count that accrues over the year (not a rate, and not a
    level such as households, which counts the same over the year so far as on its last day alone)."""
    on = today()
    if period.kind != "year" or period.start.year != on.year or indicator.is_ratio:
        return None
    so_far = calc.figure(indicator, Period(dt.date(on.year, 1, 1), on), communes)
    one_day = calc.figure(indicator, Period(on, on), communes)
    if so_far.value and so_far.value == one_day.value:
        return None
    low, mid, high = year_end_projection(calc=calc, indicator=indicator, communes=communes, on=on)
    return None if mid is None else Projection(low, mid, high)
