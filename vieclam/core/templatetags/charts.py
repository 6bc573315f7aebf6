"""Dashboard charts (issue 12, part 5): progress against target, the monthly trend against last year, a table by
commune. Each shows its numbers as text or a table; the trend chart is drawn by the vendored Chart.js
(static/vendor/chartjs) through static/js/charts.js, and the page stays readable without JavaScript.

The tags take plain dicts, so any source of figures (the indicator engine, a test) plugs in:

    {% load charts %}
    {% indicator_progress rows %}
    {% indicator_progress rows download_url=url %}
    {% indicator_trend series download_url=url %}            optional: kind="line" (default "bar")
    {% area_table rows unit="người" download_url=url %}     optional: total=row, caption="…"
    {% include "includes/charts/scripts.html" %}             once per page, after the charts (Chart.js + charts.js)

Shapes (a value or target is an int, Decimal or float; None, NaN and infinity show as "—"):

    progress row  {"code": str, "name": str, "unit": str, "value": int | Decimal | None,
                   "target": int | Decimal | None, "achievement": Decimal | None}
    trend series  {"name": str, "unit": str, "year": 2026, "months": [1, 2, …, 12],
                   "this_year": [value | None, …], "last_year": [value | None, …]}
    area row      {"name": str, "value": …, "target": … | None, "achievement": Decimal | None}

- `achievement` is a PERCENTAGE of the target (Decimal("142.1") reads "đạt 142,1% kế hoạch"), None where there is
  no target or the target is 0. A row without the key "achievement" gets value / target × 100 computed here.
- `months` lists the months shown (1–12, e.g. only 1–6 for a six-month report); `this_year` and `last_year` hold
  one value per listed month, None for a month without a figure (a month still to come); `last_year` may be
  omitted (no comparison). `unit` "%" marks a rate (no thousands grouping in the meaning, same formatting).
- `download_url`: the caller's export URL (the house exporters answer `?export=csv` / `?export=xlsx`); the tags
  add "export=csv" and "export=xlsx" to it for the "Tải CSV" and "Tải Excel" links. No URL, no links.

Numbers are formatted in the active language: 7.125 and 142,1% in Vietnamese, 7,125 and 142.1% in English (the
project's formats, vieclam/config/formats); sort keys and chart data are plain numbers, never localised.
Achievement levels (colour and a word, never colour alone): below 50% "Thấp" (red), below 90% "Chưa đạt"
(amber), below 100% "Gần đạt", 100% "Đạt" (green) and above 100% "Vượt kế hoạch" (green, the excess shown as a
second, striped segment of the bar).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from vieclam.core.display import EMPTY

__all__ = (
    "MONTHS",
    "Level",
    "achievement_level",
    "area_table",
    "indicator_progress",
    "indicator_trend",
    "number_text",
    "percent_text",
    "with_export",
)

register = template.Library()

MONTHS = (
    gettext_lazy("Th1"),
    gettext_lazy("Th2"),
    gettext_lazy("Th3"),
    gettext_lazy("Th4"),
    gettext_lazy("Th5"),
    gettext_lazy("Th6"),
    gettext_lazy("Th7"),
    gettext_lazy("Th8"),
    gettext_lazy("Th9"),
    gettext_lazy("Th10"),
    gettext_lazy("Th11"),
    gettext_lazy("Th12"),
)
LOW, NEAR = Decimal(50), Decimal(90)
FULL = Decimal(100)
DECIMALS = 2  # shown for a value that is not whole (a rate: 5,67%)
_ids = itertools.count(1)


@dataclass(frozen=True)
class Level:
    """How far a figure is from its target: a name (for CSS and tests), a Bootstrap colour, and the words."""

    name: str
    colour: str
    label: str


def _number(value) -> Decimal | None:
    """`value` as a finite Decimal, or None (None, '', NaN, infinity, not a number)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def number_text(value) -> str:
    """7125 → '7.125' (vi) / '7,125' (en); Decimal('5.67') → '5,67' (at most two decimals); whole Decimals lose
    their '.00'; None → '—'."""
    number = _number(value)
    if number is None:
        return EMPTY
    if number == number.to_integral_value():
        return number_format(int(number), force_grouping=True)
    if number.as_tuple().exponent < -DECIMALS:  # type: ignore[operator]
        number = number.quantize(Decimal(1).scaleb(-DECIMALS), rounding=ROUND_HALF_UP)
    return number_format(number.normalize(), force_grouping=True)


def _unit_suffix(unit: str) -> str:
    """How a unit follows a number: '5,67%' but '7.125 người'."""
    if not unit:
        return ""
    return unit if unit == "%" else f"\N{NO-BREAK SPACE}{unit}"


def percent_text(value) -> str:
    """Decimal('142.1') → '142,1%' (vi) / '142.1%' (en), always one decimal; None → '—'."""
    number = _number(value)
    if number is None:
        return EMPTY
    rounded = number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return number_format(rounded, decimal_pos=1, force_grouping=True) + "%"


def _raw(value) -> str:
    """A sort key / data attribute: the plain number ('7125', '142.1'), '' for no figure."""
    number = _number(value)
    return "" if number is None else format(number.normalize(), "f")


def _float(value) -> float | None:
    number = _number(value)
    return None if number is None else float(number)


def _achievement(row: Mapping) -> Decimal | None:
    if "achievement" in row:
        return _number(row["achievement"])
    value, target = _number(row.get("value")), _number(row.get("target"))
    if value is None or not target:
        return None
    return value / target * FULL


def achievement_level(achievement, *, has_target: bool = True) -> Level:
    """The level of an achievement percentage (see the module docstring)."""
    number = _number(achievement)
    if number is None:
        label = _("Không tính được") if has_target else _("Chưa có kế hoạch")
        return Level("none", "secondary", label)
    if number < LOW:
        return Level("low", "danger", _("Thấp"))
    if number < NEAR:
        return Level("behind", "warning", _("Chưa đạt"))
    if number < FULL:
        return Level("near", "success", _("Gần đạt"))
    if number == FULL:
        return Level("met", "success", _("Đạt"))
    return Level("over", "success", _("Vượt kế hoạch"))


def with_export(url: str | None, kind: str) -> str | None:
    """`url` with export=<kind> in its query (any earlier export= replaced); None stays None."""
    if not url:
        return None
    parts = urlsplit(str(url))
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != "export"]
    query.append(("export", kind))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _downloads(url: str | None) -> list[tuple[str, str]]:
    if not url:
        return []
    return [(_("Tải CSV"), with_export(url, "csv") or ""), (_("Tải Excel"), with_export(url, "xlsx") or "")]


def _css_width(share: Decimal) -> str:
    """A CSS width ('42.1%'), never localised (a comma would break the style)."""
    return f"{max(Decimal(0), min(share, FULL)):.1f}%"


def _bar(achievement: Decimal | None, level: Level) -> list[dict]:
    """The segments of a progress bar: one up to the target, and past 100% a second, striped one for the excess
    (the bar's full length is then the achievement, so the boundary between the segments marks the target)."""
    if achievement is None:
        return []
    if achievement <= FULL:
        return [{"width": _css_width(achievement), "colour": level.colour, "striped": False}]
    target_share = FULL * FULL / achievement
    return [
        {"width": _css_width(target_share), "colour": level.colour, "striped": False},
        {"width": _css_width(FULL - target_share), "colour": level.colour, "striped": True},
    ]


def _progress_row(row: Mapping) -> dict:
    achievement = _achievement(row)
    has_target = _number(row.get("target")) is not None
    level = achievement_level(achievement, has_target=has_target)
    if achievement is not None:
        sentence = _("đạt %(percent)s kế hoạch") % {"percent": percent_text(achievement)}
    else:
        sentence = level.label
    return {
        "code": row.get("code") or "",
        "name": row.get("name") or EMPTY,
        "unit": row.get("unit") or "",
        "unit_suffix": _unit_suffix(row.get("unit") or ""),
        "value": number_text(row.get("value")),
        "target": number_text(row.get("target")),
        "achievement": percent_text(achievement),
        "achievement_raw": _raw(achievement),
        "bar_max": _raw(max(FULL, achievement)) if achievement is not None else "100",
        "sentence": sentence,
        "level": level,
        "segments": _bar(achievement, level),
    }


@register.inclusion_tag("includes/charts/progress.html")
def indicator_progress(rows: Iterable[Mapping], download_url: str | None = None) -> dict:
    """Indicators against their targets: value, target, "đạt 142,1% kế hoạch" and a bar coloured by level."""
    return {"rows": [_progress_row(row) for row in rows or []], "downloads": _downloads(download_url)}


def _chart_id(context) -> str:
    request = context.get("request")
    if request is None:
        return f"vl-chart-{next(_ids)}"
    seq = getattr(request, "_vieclam_chart_seq", 0) + 1
    request._vieclam_chart_seq = seq
    return f"vl-chart-{seq}"


def _aligned(values, count: int) -> list:
    values = list(values or [])
    return (values + [None] * count)[:count]


def _trend_rows(months: list[int], this_year: list, last_year: list | None) -> list[dict]:
    rows = []
    for index, month in enumerate(months):
        now = this_year[index]
        before = last_year[index] if last_year is not None else None
        now_number, before_number = _number(now), _number(before)
        change = now_number / before_number * FULL if now_number is not None and before_number else None
        rows.append(
            {
                "month": MONTHS[month - 1] if 1 <= month <= 12 else str(month),
                "this_year": number_text(now),
                "last_year": number_text(before),
                "change": percent_text(change),
            }
        )
    return rows


@register.inclusion_tag("includes/charts/trend.html", takes_context=True)
def indicator_trend(context, series: Mapping | None, download_url: str | None = None, kind: str = "bar") -> dict:
    """One indicator month by month, this year against the same months last year: a chart, the same numbers in a
    table under it, and the download links. No series (None) draws twelve empty months."""
    series = series or {}
    months = [int(month) for month in series.get("months") or range(1, 13)]
    this_year = _aligned(series.get("this_year"), len(months))
    has_last = series.get("last_year") is not None
    last_year = _aligned(series.get("last_year"), len(months)) if has_last else None
    year = series.get("year")
    year_label = str(year) if year else _("Năm nay")
    last_label = str(int(year) - 1) if year else _("Năm trước")
    labels = [str(MONTHS[month - 1]) if 1 <= month <= 12 else str(month) for month in months]
    datasets = [{"label": year_label, "data": [_float(value) for value in this_year], "role": "this_year"}]
    if last_year is not None:
        datasets.append({"label": last_label, "data": [_float(value) for value in last_year], "role": "last_year"})
    chart_id = _chart_id(context)
    name = series.get("name") or ""
    unit = series.get("unit") or ""
    return {
        "chart_id": chart_id,
        "data_id": f"{chart_id}-data",
        "name": name,
        "unit": unit,
        "year_label": year_label,
        "last_label": last_label if last_year is not None else "",
        "config": {
            "kind": "line" if kind == "line" else "bar",
            "lang": "vi" if (get_language() or "vi").startswith("vi") else "en",
            "labels": labels,
            "unit": unit,
            "datasets": datasets,
        },
        "rows": _trend_rows(months, this_year, last_year),
        "downloads": _downloads(download_url),
    }


def _area_row(row: Mapping) -> dict:
    achievement = _achievement(row)
    level = achievement_level(achievement, has_target=_number(row.get("target")) is not None)
    return {
        "name": row.get("name") or EMPTY,
        "value": number_text(row.get("value")),
        "value_raw": _raw(row.get("value")),
        "target": number_text(row.get("target")),
        "target_raw": _raw(row.get("target")),
        "achievement": percent_text(achievement),
        "achievement_raw": _raw(achievement),
        "level": level,
    }


@register.inclusion_tag("includes/charts/by_area_table.html")
def area_table(
    rows: Iterable[Mapping],
    unit: str = "",
    download_url: str | None = None,
    total: Mapping | None = None,
    caption: str = "",
) -> dict:
    """A table by commune (name, value, target, achievement), sortable by a click on a column header."""
    return {
        "rows": [_area_row(row) for row in rows or []],
        "total": _area_row(total) if total else None,
        "unit": unit,
        "caption": caption,
        "downloads": _downloads(download_url),
        "lang": "vi" if (get_language() or "vi").startswith("vi") else "en",
    }
