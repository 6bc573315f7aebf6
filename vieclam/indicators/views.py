"""Staff pages of the indicators: the catalogue (grouped, searched ignoring diacritics) and one indicator for an
area of the user's and a period, with its table, chart and downloads (?export=csv|xlsx)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import get_language

from vieclam.core.dates import today
from vieclam.core.exports import FORMATS
from vieclam.core.viewkit import staff_required
from vieclam.indicators import selectors
from vieclam.indicators.engine import achievement
from vieclam.indicators.exporters import ValuesExporter
from vieclam.indicators.formats import achievement_text, number_text, percent_text
from vieclam.indicators.forms import IndicatorPageForm
from vieclam.indicators.periods import Period

__all__ = ("indicator_detail", "indicator_list")


@staff_required
def indicator_list(request):
    search = request.GET.get("q", "")[:100]
    groups = selectors.indicator_catalogue(search=search)
    for _group, indicators in groups:
        for indicator in indicators:
            indicator.label = _name(indicator)
    return render(request, "indicators/indicator_list.html", {"groups": groups, "q": search})


@staff_required
def indicator_detail(request, code: str):
    indicator = selectors.indicator_get(code)
    form = IndicatorPageForm(request.GET or None, user=request.user, indicator=indicator)
    values, errors = None, []
    if not form.is_bound or form.is_valid():  # a wrong pick shows its message, and no figures
        try:
            values = selectors.indicator_values(user=request.user, code=indicator.code, **form.query())
        except ValidationError as error:
            errors = error.messages
    export = request.GET.get("export")
    if values is not None and export in FORMATS:
        name = slugify(f"{indicator.code} {values.area.label} {values.period.code}")
        return ValuesExporter(name).response(export, [values.total, *values.rows])
    context = {"indicator": indicator, "name": _name(indicator), "form": form, "values": values, "errors": errors}
    if values is not None:
        table = [_table_row(row) for row in [values.total, *values.rows]]
        context.update(_charts(values), table=table, total_row=table[0])
    return render(request, "indicators/indicator_detail.html", context)


def _name(indicator) -> str:
    return indicator.name_vi if (get_language() or "vi").startswith("vi") else indicator.name_en or indicator.name_vi


def _table_row(row: selectors.ValueRow) -> dict:
    """A row as read: numbers Vietnamese style, "—" for none."""
    return {
        "label": row.label, "display": row.display, "numerator": number_text(row.numerator),
        "denominator": number_text(row.denominator), "target": number_text(row.target),
        "achievement": percent_text(row.achievement), "achievement_text": achievement_text(row.achievement),
        "last": row.last_display, "change": percent_text(row.change) if row.change is not None else "",
    }  # fmt: skip


def _charts(values: selectors.IndicatorValues) -> dict:
    """The chart tags' shapes: the total against target, the months of the period's year against last year, and
    the communes (by=commune)."""
    indicator, calc, total = values.indicator, values.calculator, values.total
    unit = indicator.get_unit_display()
    year, on = values.period.end.year, today()
    months = [m for m in Period.year(year).months() if m.start >= values.period.start.replace(day=1)
              and m.start <= values.period.end]  # fmt: skip
    trend = {
        "name": _name(indicator), "unit": unit, "year": year, "months": [m.start.month for m in months],
        "this_year": [calc.figure(indicator, m).value if m.start <= on else None for m in months],
        "last_year": [calc.figure(indicator, m.same_period_last_year()).value for m in months],
    }  # fmt: skip
    progress = [{"code": indicator.code, "name": values.area.label, "unit": unit, "value": total.value,
                 "target": total.target, "achievement": total.achievement}]  # fmt: skip
    areas = None
    if values.by == selectors.BY_COMMUNE:
        areas = [{"name": row.label, "value": row.value, "target": row.target,
                  "achievement": row.achievement if row.target else achievement(row.value, row.target)}
                 for row in values.rows]  # fmt: skip
    return {"trend": trend, "progress": progress if total.target is not None else None, "areas": areas,
            "unit": unit}  # fmt: skip
