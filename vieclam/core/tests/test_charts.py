"""Dashboard chart tags (core/templatetags/charts.py): numbers in the page's language, "—" for what is missing,
achievement as "đạt 142,1% kế hoạch", a level in words, sort keys as plain numbers, and the vendored Chart.js."""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from vieclam.core.templatetags.charts import achievement_level, number_text, percent_text, with_export

AN_PHU = {
    "code": "lao_dong_gqvl",
    "name": "Lao động được giải quyết việc làm",
    "unit": "người",
    "value": 7125,
    "target": 5014,
    "achievement": Decimal("142.1"),
}
NO_TARGET = {"code": "ho_ngheo", "name": "Hộ nghèo", "unit": "hộ", "value": None, "target": None, "achievement": None}
SERIES = {
    "name": "Lao động được giải quyết việc làm",
    "unit": "người",
    "year": 2026,
    "months": list(range(1, 13)),
    "this_year": [600, 712, None, None, None, None, None, None, None, None, None, None],
    "last_year": [500, float("nan"), 640, 700, 710, 650, 600, 620, 640, 660, 680, 1200],
}
AREAS = [
    {"name": "Xã Phú Hữu", "value": 812, "target": 1000, "achievement": Decimal("81.2")},
    {"name": "Thị trấn An Phú", "value": 7125, "target": 5014, "achievement": Decimal("142.1")},
    {"name": "Xã Khánh An", "value": 95, "target": None, "achievement": None},
    {"name": "Xã Vĩnh Hậu", "value": 412, "target": 1000, "achievement": Decimal("41.2")},
]


def render(text: str, language: str = "vi", **context) -> str:
    with translation.override(language):
        return Template("{% load charts %}" + text).render(Context(context))


def no_raw_gaps(html: str) -> None:
    assert "{#" not in html and "#}" not in html and "{%" not in html  # template comments and tags all consumed
    for word in ("None", "nan", "NaN", "inf", "Infinity"):
        assert not re.search(rf"\b{word}\b", html), word


def test_progress_shows_value_target_and_achievement_in_vietnamese():
    html = render("{% indicator_progress rows %}", rows=[AN_PHU])
    assert "7.125" in html and "5.014" in html
    assert "đạt 142,1% kế hoạch" in html
    assert "Vượt kế hoạch" in html  # in words, not colour only
    no_raw_gaps(html)


def test_progress_over_target_shows_the_excess_as_a_second_segment():
    html = render("{% indicator_progress rows %}", rows=[AN_PHU])
    widths = re.findall(r'class="progress" style="width: ([0-9.]+)%"', html)
    assert widths == ["70.4", "29.6"]  # the target at 100 / 142,1 of the bar; CSS widths never take a comma
    assert "progress-bar-striped" in html


def test_progress_without_target_shows_dashes_and_no_bar():
    html = render("{% indicator_progress rows %}", rows=[NO_TARGET])
    assert '<strong class="vl-value">—</strong>' in html and '<span class="vl-target">—</span>' in html
    assert "Chưa có kế hoạch" in html
    assert "progress-bar" not in html
    no_raw_gaps(html)


def test_progress_computes_achievement_when_the_row_leaves_it_out_and_survives_a_zero_target():
    rows = [
        {"code": "a", "name": "A", "unit": "người", "value": 650, "target": 1000},
        {"code": "b", "name": "B", "unit": "người", "value": 3, "target": 0},
    ]
    html = render("{% indicator_progress rows %}", rows=rows)
    assert "đạt 65,0% kế hoạch" in html and 'data-level="behind"' in html
    assert "Không tính được" in html  # target 0: "—", never a crash or "inf"
    no_raw_gaps(html)


def test_a_rate_shows_its_percent_sign_next_to_the_number():
    row = {"code": "ty_le", "name": "Tỷ lệ hộ nghèo", "unit": "%", "value": Decimal("5.67"), "target": Decimal("6")}
    html = render("{% indicator_progress rows %}", rows=[row])
    assert '<strong class="vl-value">5,67</strong>%' in html


@pytest.mark.parametrize(
    ("achievement", "name", "colour"),
    [
        ("0", "low", "danger"),
        ("49.9", "low", "danger"),
        ("50", "behind", "warning"),
        ("89.9", "behind", "warning"),
        ("90", "near", "success"),
        ("100", "met", "success"),
        ("100.1", "over", "success"),
        (None, "none", "secondary"),
    ],
)
def test_achievement_levels_red_under_50_amber_under_90_green_from_90(achievement, name, colour):
    level = achievement_level(Decimal(achievement) if achievement else None)
    assert (level.name, level.colour) == (name, colour)
    assert level.label


def test_numbers_and_percents_follow_the_language():
    with translation.override("vi"):
        assert (number_text(7125), percent_text(Decimal("142.1")), number_text(Decimal("7125.00"))) == (
            "7.125",
            "142,1%",
            "7.125",
        )
        assert percent_text(Decimal("125.35")) == "125,4%"  # rounded half up, one decimal
        assert number_text(0.1 + 0.2) == "0,3"
    with translation.override("en"):
        assert (number_text(7125), percent_text(Decimal("142.1"))) == ("7,125", "142.1%")


@pytest.mark.parametrize("missing", [None, "", float("nan"), float("inf"), Decimal("NaN"), "abc"])
def test_missing_or_impossible_figures_read_as_a_dash(missing):
    assert number_text(missing) == "—"
    assert percent_text(missing) == "—"


def test_trend_chart_data_reaches_the_page_as_json_with_months_and_gaps():
    html = render("{% indicator_trend series %}", series=SERIES)
    canvas = re.search(r'<canvas id="([^"]+)" data-vl-chart="([^"]+)"', html)
    assert canvas is not None
    data = re.search(rf'<script id="{canvas.group(2)}" type="application/json">(.*?)</script>', html, re.S)
    assert data is not None
    config = json.loads(data.group(1))
    assert config["labels"] == [f"Th{month}" for month in range(1, 13)]
    assert config["lang"] == "vi"
    this_year, last_year = config["datasets"]
    assert (this_year["label"], last_year["label"]) == ("2026", "2025")
    assert this_year["data"][:3] == [600, 712, None]
    assert last_year["data"][1] is None  # NaN becomes a gap, never "NaN" in JSON


def test_trend_has_the_same_numbers_in_a_table_and_the_change_on_last_year():
    html = render("{% indicator_trend series %}", series=SERIES)
    table = html[html.index("<table") : html.index("</table>")]
    assert '<th scope="row">Th1</th>' in table
    assert "600" in table and "500" in table and "120,0%" in table  # 600 / 500
    assert "Th12" in table and "1.200" in table
    no_raw_gaps(html)


def test_trend_months_read_jan_to_dec_in_english():
    html = render("{% indicator_trend series %}", language="en", series=SERIES)
    assert '"labels": ["Jan", "Feb", "Mar"' in html
    assert '"lang": "en"' in html


def test_trend_download_links_add_the_export_format_to_the_callers_url():
    html = render("{% indicator_trend series download_url=url %}", series=SERIES, url="/chi-tieu/gqvl/?area=80")
    assert 'href="/chi-tieu/gqvl/?area=80&amp;export=csv"' in html and "Tải CSV" in html
    assert 'href="/chi-tieu/gqvl/?area=80&amp;export=xlsx"' in html and "Tải Excel" in html
    assert with_export("/x/?export=csv&y=1", "xlsx") == "/x/?y=1&export=xlsx"
    assert "Tải CSV" not in render("{% indicator_trend series %}", series=SERIES)  # no URL, no links


def test_trend_without_last_year_draws_one_series():
    series = {**SERIES, "last_year": None, "months": [1, 2, 3, 4, 5, 6], "this_year": [1, 2, 3, 4, 5, 6]}
    html = render("{% indicator_trend series kind='line' %}", series=series)
    assert html.count('"role":') == 1 and '"kind": "line"' in html
    assert "So cùng kỳ" not in html and "Th7" not in html


def test_trend_without_any_series_shows_empty_months_not_an_error():
    html = render("{% indicator_trend series %}", series=None)
    assert "Th12" in html and "Năm nay" in html
    no_raw_gaps(html)


def test_two_trend_charts_on_one_page_get_their_own_ids():
    request = RequestFactory().get("/")
    html = render("{% indicator_trend series %}{% indicator_trend series %}", series=SERIES, request=request)
    ids = re.findall(r'<canvas id="([^"]+)"', html)
    assert len(ids) == 2 and len(set(ids)) == 2


def test_area_table_sorts_by_plain_numbers_and_shows_dashes_without_target():
    html = render("{% area_table rows unit='người' %}", rows=AREAS)
    assert '<td class="text-end" data-sort-value="7125">7.125</td>' in html
    assert 'data-sort-value="142.1"><span class="vl-level-over">142,1%</span>' in html
    khanh_an = html[html.index("Xã Khánh An") : html.index("</tr>", html.index("Xã Khánh An"))]
    assert khanh_an.count('data-sort-value="">—<') == 1 and 'vl-level-none">—<' in khanh_an
    assert "data-vl-sortable" in html and 'data-sort="number"' in html
    assert "Giá trị (người)" in html
    no_raw_gaps(html)


def test_area_table_total_row_stays_out_of_the_sorted_body():
    total = {"name": "Huyện An Phú", "value": 8444, "target": 8014}
    html = render("{% area_table rows total=total %}", rows=AREAS, total=total)
    footer = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert "Huyện An Phú" in footer and "8.444" in footer and "105,4%" in footer
    assert "data-sort-value" not in footer


def test_area_table_in_english_and_empty():
    html = render("{% area_table rows %}", language="en", rows=AREAS)
    assert "7,125" in html and "142.1%" in html
    assert "Không có số liệu" in render("{% area_table rows %}", rows=[])


def test_chartjs_is_vendored_with_its_licence_and_the_checksum_its_sources_note_gives():
    script = finders.find("vendor/chartjs/chart.umd.min.js")
    assert script and finders.find("js/charts.js")
    folder = Path(script).parent
    assert "MIT License" in (folder / "LICENSE.md").read_text()
    sources = (folder / "SOURCES.md").read_text()
    assert hashlib.sha256(Path(script).read_bytes()).hexdigest() in sources
    assert "sourceMappingURL" not in Path(script).read_text()  # collectstatic would look for the missing map


def test_scripts_include_loads_chartjs_before_the_chart_code():
    html = render('{% include "includes/charts/scripts.html" %}')
    assert html.index("vendor/chartjs/chart.umd.min.js") < html.index("js/charts.js")
