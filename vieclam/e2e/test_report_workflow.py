"""A report from draft to approval in a real browser against a real server (the demo province, as in
test_walkthrough): the commune officer makes the six-monthly Sub-project 4.3 report of her commune and submits it;
the province officer approves it and downloads it as Excel and PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from vieclam.e2e.test_pickers import pick, shell
from vieclam.e2e.test_walkthrough import PASSWORD, browser, site  # noqa: F401  (fixtures)

SETUP = """
import json
from vieclam.accounts.models import User
from vieclam.core.dates import today
commune = User.objects.get(username="demo-commune").areas.get()
print(json.dumps({"commune": commune.name, "year": today().year}))
"""


@pytest.fixture(scope="module")
def world(site):  # noqa: F811
    return json.loads(shell(site, SETUP))


def login(context, base: str, username: str):
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button.btn-primary")
    page.wait_for_load_state()
    return page


def test_the_commune_submits_and_the_province_approves_and_downloads(site, world, browser):  # noqa: F811
    base = site["base"]

    # 1. The commune officer makes the report of her commune for the first half of the year and submits it.
    commune = browser.new_context()
    page = login(commune, base, "demo-commune")
    page.goto(f"{base}/reports/")
    page.get_by_role("link", name="Lập báo cáo").click()
    page.select_option("#id_kind", "tda43_6_thang")
    pick(page, "area", world["commune"])
    page.select_option("#id_year", str(world["year"]))
    page.select_option("#id_part", "h1")
    page.locator("form button.btn-primary").click()
    page.wait_for_load_state()
    assert "Báo cáo 6 tháng kết quả thực hiện Tiểu dự án 4.3" in page.content()
    assert page.locator("#report-status").inner_text() == "Đang lập"
    report_url = page.url
    page.get_by_role("button", name="Nộp báo cáo").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "Đã nộp"
    assert page.get_by_role("button", name="Duyệt").count() == 0
    commune.close()

    # 2. The province officer approves it and downloads it.
    province = browser.new_context()
    page = login(province, base, "demo-province")
    page.goto(report_url)
    page.get_by_role("button", name="Duyệt").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "Đã duyệt"
    with page.expect_download() as excel:
        page.get_by_role("link", name="Tải Excel").click()
    assert excel.value.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(excel.value.path()).read_bytes()))
    assert book.worksheets[0]["A1"].value.startswith("Báo cáo 6 tháng")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Tải PDF").click()
    assert Path(pdf.value.path()).read_bytes()[:5] == b"%PDF-"
    province.close()
