"""The dashboard charts in a real browser: Chart.js (vendored) draws the monthly trend with Vietnamese numbers and
months, no script error is logged, and a click on a header of the table by commune sorts it by achievement.

No demo province here: a server thread serves one test-only page (e2e/chart_urls.py, through ROOT_URLCONF) that
shows each chart tag with sample figures; the page needs no database. Playwright drives Debian's Chromium as in
the other browser tests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.test import override_settings

from vieclam.e2e.test_walkthrough import CHROMIUM, browser  # noqa: F401  (fixture)

NAMES = "document.querySelectorAll('.vl-area-table tbody th')"
ORDER = f"Array.from({NAMES}, cell => cell.textContent.trim())"
CHART = "Chart.getChart(document.querySelector('canvas[data-vl-chart]'))"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002  (the base class's name)
        pass


@pytest.fixture(scope="module")
def charts_site() -> Iterator[str]:
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    with override_settings(ROOT_URLCONF="vieclam.e2e.chart_urls", ALLOWED_HOSTS=["127.0.0.1"]):
        server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        server.set_app(StaticFilesHandler(WSGIHandler()))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/__charts__/"
        server.shutdown()
        server.server_close()


def open_page(browser, url: str, *, language: str = "vi", width: int = 1366):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 844})
    if language != "vi":
        context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function(f"window.Chart && {CHART}")
    return page, errors


def test_trend_chart_draws_with_vietnamese_numbers_and_months(charts_site, browser):  # noqa: F811
    page, errors = open_page(browser, charts_site)
    assert page.evaluate(f"{CHART}.data.labels") == [f"Th{month}" for month in range(1, 13)]
    assert page.evaluate(f"{CHART}.data.datasets.map(set => set.label)") == ["2026", "2025"]
    ticks = page.evaluate(f"{CHART}.scales.y.ticks.map(tick => tick.label)")
    assert "1.200" in ticks  # the y axis in Vietnamese: 1.200, not 1,200
    label = f"{CHART}.options.plugins.tooltip.callbacks.label"
    tooltip = page.evaluate(f"{label}({{dataset: {{label: '2026'}}, parsed: {{y: 7125.5}}}})")
    assert tooltip == "2026: 7.125,5\u00a0người"
    painted = page.evaluate(
        """() => {
            const canvas = document.querySelector('canvas[data-vl-chart]');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
            return count;
        }"""
    )
    assert painted > 1000  # the canvas was drawn on, not left blank
    assert "đạt 142,1% kế hoạch" in page.inner_text(".vl-progress")
    assert errors == []
    page.context.close()


def test_table_by_commune_sorts_by_achievement_and_keeps_rows_without_target_last(charts_site, browser):  # noqa: F811
    page, errors = open_page(browser, charts_site)
    table = page.locator(".vl-area-table")
    table.get_by_role("button", name="Đạt (% kế hoạch)").click()
    assert page.evaluate(ORDER) == ["Thị trấn An Phú", "Xã Phú Hữu", "Xã Vĩnh Hậu", "Xã Khánh An"]
    assert table.locator("th[aria-sort='descending']").inner_text().startswith("Đạt")
    table.get_by_role("button", name="Đạt (% kế hoạch)").click()
    assert page.evaluate(ORDER) == ["Xã Vĩnh Hậu", "Xã Phú Hữu", "Thị trấn An Phú", "Xã Khánh An"]
    table.get_by_role("button", name="Giá trị (người)").click()  # 7.125 is seven thousand, not 7,125 < 812
    assert page.evaluate(ORDER) == ["Thị trấn An Phú", "Xã Phú Hữu", "Xã Vĩnh Hậu", "Xã Khánh An"]
    table.get_by_role("button", name="Xã, phường").click()
    assert page.evaluate(ORDER) == ["Thị trấn An Phú", "Xã Khánh An", "Xã Phú Hữu", "Xã Vĩnh Hậu"]
    assert table.locator("tfoot th").inner_text() == "Cộng"  # the total stays under the sorted rows
    assert errors == []
    page.context.close()


def test_trend_chart_speaks_english_when_the_page_does_and_fits_a_phone(charts_site, browser):  # noqa: F811
    page, errors = open_page(browser, charts_site, language="en", width=390)
    assert page.evaluate(f"{CHART}.data.labels")[:3] == ["Jan", "Feb", "Mar"]
    assert "1,200" in page.evaluate(f"{CHART}.scales.y.ticks.map(tick => tick.label)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # wide tables scroll inside their box
    assert errors == []
    page.context.close()
