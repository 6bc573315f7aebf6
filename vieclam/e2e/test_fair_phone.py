"""A visitor pre-registers for a job fair on a phone-sized window (390×844) and sees the QR code, in a real browser
against a real server (a copy of the demo province, with one more fair of one booth)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from vieclam.e2e.served import VIECLAM, demo_folder, serve, site_env, stop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SETUP = """
import json
from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services
from vieclam.fairs.tests.factories import make_fair
officer = user_create(actor=None, username="can-bo-phuong", role=Role.COMMUNE_OFFICER, password="x-2026-mat-khau",
                      area_codes=["25459"])
fair = make_fair(officer, name="Phiên giao dịch việc làm lưu động phường Tân Ninh")
services.booth_register(actor=officer, fair=fair, data={"employer": make_employer(officer, name="Công ty May Tây Ninh"),
                                                         "number": "A1"})
print(json.dumps({"fair": fair.pk}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    env = site_env(demo_folder(tmp_path_factory, seed=3))
    out = subprocess.run([*VIECLAM, "shell", "-c", SETUP], env=env, check=True, capture_output=True, text=True)
    ids = json.loads(out.stdout.strip().splitlines()[-1])
    server, base = serve(env)
    yield {"base": base, **ids}
    stop(server)


def test_a_visitor_pre_registers_on_a_phone_and_sees_the_qr_code(site):
    from playwright.sync_api import sync_playwright

    base = site["base"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}/job-fairs/")
        page.get_by_text("Phiên giao dịch việc làm lưu động phường Tân Ninh").click()
        assert "Công ty May Tây Ninh" in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.fill("#id_full_name", "Lê Thị Cúc")
        page.fill("#id_national_id", "072190004321")
        page.fill("#id_date_of_birth", "29/05/1990")
        page.fill("#id_phone", "0912 345 678")
        page.get_by_label("A1 · Công ty May Tây Ninh").check()
        page.get_by_role("button", name="Đăng ký tham gia phiên").click()
        page.wait_for_url("**/job-fairs/ticket/**")
        assert page.locator("svg.qr-code").count() == 1
        assert page.locator("svg.qr-code").bounding_box()["width"] <= 390
        assert "Cúc" in page.content() and "072190004321" not in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
