"""A report's figures: each indicator of the report's kind for the area and period, against the same period last
year, the year's target and the multi-year plan; then the key indicators commune by commune.

One Calculator serves the whole report (it counts each rule once per period for all the area's communes), so a
report costs a few queries per rule, never one per commune. Targets come from the targets app when it is
installed (`vieclam.targets.selectors`); without it a report simply has no target columns filled ("—").
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.apps import apps
from django.utils.translation import gettext as _

from vieclam.core.dates import today
from vieclam.core.reportdoc import NO_VALUE, Cell, ColumnSpec, ReportDocument, Table, cell_text
from vieclam.indicators.areas import Area
from vieclam.indicators.engine import Calculator, Figure, achievement
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting.kinds import ReportKind

__all__ = ("report_build",)

KIND_OF_DECIMALS = {0: "int", 1: "decimal1", 2: "decimal2"}


def report_build(*, kind: ReportKind, area: Area, period: Period, prepared_on: dt.date | None = None) -> ReportDocument:
    indicators = _indicators(kind.indicators)
    calc = Calculator(communes=area.commune_ids)
    last_year = period.same_period_last_year()
    tables = [_indicator_table(calc, indicators, area, period, last_year)]
    summary = _summary(tables[0])
    if len(area.commune_ids) > 1:
        key = [i for i in indicators if i.code in kind.commune_indicators] or _indicators(kind.commune_indicators)
        tables.append(_commune_table(calc, key, area, period, last_year))
    return ReportDocument(
        title=kind.title,
        reporting_unit=area.label,
        period_label=period.label,
        prepared_on=prepared_on or today(),
        tables=tables,
        notes=[*summary, _("Căn cứ: {source}.").format(source=kind.legal_source), *area.notes],
    )


def _indicators(codes: tuple[str, ...]) -> list[Indicator]:
    found = Indicator.objects.in_bulk(list(codes), field_name="code")
    return [found[code] for code in codes if code in found]


# --- the indicators -----------------------------------------------------------------------------------------------
def _indicator_table(calc, indicators, area: Area, period: Period, last_year: Period) -> Table:
    year = period.end.year
    rows, with_plan = [], False
    for indicator in indicators:
        now, before = calc.figure(indicator, period), calc.figure(indicator, last_year)
        target = _target(indicator, area.unit, year)
        plan = _plan(indicator, area.unit, year)
        planned = None
        if plan is not None and dt.date(plan.year_from, 1, 1) <= period.end:
            with_plan = True
            planned = calc.figure(indicator, Period(dt.date(plan.year_from, 1, 1), period.end)).value
        rows.append([
            indicator.name_vi, indicator.get_unit_display(), _cell(indicator, now.value),
            _cell(indicator, before.value), _versus(now, before), _cell(indicator, target),
            _achieved(indicator, now.value, target), _cell(indicator, plan.value if plan else None),
            _achieved(indicator, planned, plan.value if plan else None),
            _achieved(indicator, now.value, _plan_share(indicator, plan, period)),
        ])  # fmt: skip
    columns = [
        ColumnSpec(_("Chỉ tiêu")), ColumnSpec(_("Đơn vị tính")), ColumnSpec(_("Thực hiện kỳ này"), "", "int"),
        ColumnSpec(_("Cùng kỳ năm trước"), "", "int"), ColumnSpec(_("So cùng kỳ (%)"), "%", "percent1"),
        ColumnSpec(_("Kế hoạch năm {year}").format(year=year), "", "int"),
        ColumnSpec(_("Đạt % kế hoạch năm"), "%", "percent1"),
        ColumnSpec(_("Kế hoạch 5 năm"), "", "int"), ColumnSpec(_("Đạt % kế hoạch 5 năm"), "%", "percent1"),
        ColumnSpec(_("Đạt % so bình quân năm của kế hoạch 5 năm"), "%", "percent1"),
    ]  # fmt: skip
    if not with_plan:
        columns, rows = columns[:7], [row[:7] for row in rows]
    return Table(_("Kết quả thực hiện các chỉ tiêu"), columns, rows)


def _summary(table: Table) -> list[str]:
    """The sentences a report's text repeats ("Số lao động được giải quyết việc làm: 7.125 người, đạt 142,1% kế
    hoạch năm, đạt 169,6% so bình quân năm của kế hoạch 5 năm, bằng 125,4% so cùng kỳ"), one per indicator."""
    lines = []
    for row in table.rows:
        texts = [cell_text(value, column) for value, column in zip(row, table.columns, strict=False)]
        if texts[2] == NO_VALUE:
            continue
        unit = "%" if texts[1] == "%" else f" {texts[1]}" if texts[1] else ""
        parts = [f"{texts[0]}: {texts[2]}{unit}"]
        for index, words in ((6, _("đạt {pct}% kế hoạch năm")),
                             (9, _("đạt {pct}% so bình quân năm của kế hoạch 5 năm")),
                             (4, _("bằng {pct}% so cùng kỳ"))):  # fmt: skip
            if index < len(texts) and texts[index] != NO_VALUE:
                parts.append(words.format(pct=texts[index]))
        lines.append(", ".join(parts) + ".")
    return lines


def _plan_share(indicator: Indicator, plan, period: Period) -> Decimal | None:
    """The multi-year plan's share for the period: its yearly average ("bình quân mỗi năm", how a five-year plan
    states a count: An Phú's 7.125 starts in 2023 were 169,6% of it), times the period's months / 12. Only for
    counts: a rate's plan is a level, not a sum."""
    if plan is None or indicator.is_ratio or indicator.unit == "percent":
        return None
    years = plan.year_to - plan.year_from + 1
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return Decimal(plan.value) / years * months / 12


def _cell(indicator: Indicator, value: Decimal | None):
    """A figure in its indicator's own precision (counts whole, rates with their decimals)."""
    kind = KIND_OF_DECIMALS.get(indicator.decimals, "decimal2") if indicator.is_ratio else "int"
    return Cell(value, kind) if kind != "int" else value


def _versus(now: Figure, before: Figure) -> Decimal | None:
    """ "So cùng kỳ": this period as a percentage of the same period last year ("—" when last year had 0)."""
    return achievement(now.value, before.value)


def _achieved(indicator: Indicator, value, target) -> Decimal | None:
    """ "Đạt % kế hoạch", for an indicator where more is better (a poverty rate's target is a ceiling)."""
    return achievement(value, target) if indicator.better == "higher" else None


def _target(indicator: Indicator, unit: AdministrativeUnit | None, year: int) -> Decimal | None:
    if unit is None or not apps.is_installed("vieclam.targets"):
        return None
    from vieclam.targets.selectors import target_for

    target = target_for(indicator=indicator, area=unit, year=year)
    return target.value if target is not None else None


def _plan(indicator: Indicator, unit: AdministrativeUnit | None, year: int):
    """The multi-year plan covering `year` (Target with year_from, year_to, value), when there is one."""
    if unit is None or not apps.is_installed("vieclam.targets"):
        return None
    from vieclam.targets.selectors import plan_target_for

    return plan_target_for(indicator=indicator, area=unit, year=year)


# --- by commune ---------------------------------------------------------------------------------------------------
def _commune_table(calc: Calculator, indicators, area: Area, period: Period, last_year: Period) -> Table:
    names = dict(AdministrativeUnit.objects.filter(pk__in=area.commune_ids).values_list("pk", "name"))
    communes = sorted(area.commune_ids, key=lambda pk: (names.get(pk, ""), pk))
    columns = [ColumnSpec(_("Xã, phường"))]
    for indicator in indicators:
        unit = indicator.get_unit_display()
        columns += [
            ColumnSpec(_("{name}: thực hiện").format(name=indicator.name_vi), unit, "int"),
            ColumnSpec(_("{name}: cùng kỳ năm trước").format(name=indicator.name_vi), unit, "int"),
            ColumnSpec(_("{name}: so cùng kỳ (%)").format(name=indicator.name_vi), "%", "percent1"),
        ]
    rows = []
    for pk in communes:
        row = [names.get(pk, "")]
        for indicator in indicators:
            now, before = calc.figure(indicator, period, [pk]), calc.figure(indicator, last_year, [pk])
            row += [_cell(indicator, now.value), _cell(indicator, before.value), _versus(now, before)]
        rows.append(row)
    total = [_("Tổng cộng")]
    for indicator in indicators:
        now, before = calc.figure(indicator, period), calc.figure(indicator, last_year)
        total += [_cell(indicator, now.value), _cell(indicator, before.value), _versus(now, before)]
    return Table(_("Kết quả theo xã, phường"), columns, [*rows, total], total_row=True)
