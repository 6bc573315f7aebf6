"""The job exchange tried as a new user would, in a real browser against a real server.

A fresh SQLite database gets the demo province; `vieclam runserver` serves it; Playwright drives Debian's
Chromium (/usr/bin/chromium; `.ci/run` installs it). Path: search "ke toan ha noi" on the public board, register
as a worker and apply, keep one's own job-seeker profile (occupation picked from the suggestions), hire as the
employer (the profile becomes placed), open a vacancy's ranked candidates as a counsellor and refer one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vieclam.e2e.served import VIECLAM, demo_folder, serve, site_env, stop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "vieclam-demo-2026"
SETUP = """
import datetime as dt, json
from vieclam.accounts.models import User
from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.employers.services import employer_create
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_create
from vieclam.places.models import AdministrativeUnit
admin = User.objects.get(username="demo-admin")
employer_user = User.objects.get(username="demo-employer")
hanoi = AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code="00004")
from vieclam.codelists.models import CodeItem
kind = CodeItem.objects.get(code_list__slug="employer-types", code="dn_ngoai_nha_nuoc")
employer = employer_create(actor=admin, data={"name": "Công ty TNHH Kiểm thử Thủ Đô", "tax_code": "0100109106",
    "employer_type": kind, "commune": hanoi})
type(employer).objects.filter(pk=employer.pk).update(account=employer_user)
vacancy = vacancy_create(actor=admin, data={"employer": employer, "title": "Kế toán tổng hợp", "positions_count": 2,
    "occupation": Occupation.objects.get(code="3313"), "workplace_commune": hanoi, "pay_min": 12_000_000,
    "pay_max": 18_000_000, "deadline": today() + dt.timedelta(days=30), "status": "open"})
local = Vacancy.objects.filter(status="open", exchange_province__code="80", deadline__gte=today())
local = local.order_by("pk").first()
print(json.dumps({"hanoi_vacancy": vacancy.pk, "local_vacancy": local.pk}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    tmp = demo_folder(tmp_path_factory, seed=3)
    env = site_env(tmp)
    out = subprocess.run([*VIECLAM, "shell", "-c", SETUP], env=env, check=True, capture_output=True, text=True)
    ids = json.loads(out.stdout.strip().splitlines()[-1])
    subprocess.run([*VIECLAM, "jobs_reindex"], env=env, check=True, capture_output=True)
    server, base = serve(env)
    yield {"base": base, **ids, "tmp": tmp}
    stop(server)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]  # fmt: skip
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        yield instance
        instance.close()


def login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button.btn-primary")


def test_search_register_apply_hire_and_refer(site, browser):
    base = site["base"]
    page = browser.new_page()

    # 1. The public board finds accounting jobs in Hà Nội from "ke toan ha noi", without logging in.
    page.goto(f"{base}/jobs/?q=ke+toan+ha+noi")
    assert page.get_by_text("Kế toán tổng hợp").first.is_visible()
    page.goto(f"{base}/jobs/{site['hanoi_vacancy']}/")
    assert "Hà Nội" in page.content() or "Ba Đình" in page.content()

    # 2. A new worker registers, then applies.
    page.goto(f"{base}/register/worker/?next=/applications/apply/{site['hanoi_vacancy']}/")
    page.fill("#id_password1", "mot-mat-khau-an-toan-2026")
    page.fill("#id_password2", "mot-mat-khau-an-toan-2026")
    page.fill("#id_full_name", "Trần Thị Lan")
    page.fill("#id_national_id", "072195001234")
    page.fill("#id_date_of_birth", "1995-04-12")
    page.select_option("#id_sex", "female")
    page.select_option("#id_residence_commune", index=1)
    page.click("form button[type=submit], form button.btn-primary")
    page.wait_for_load_state()
    # The username is given by the system (sign-up must not tell which names exist) and shown on arrival.
    username = re.search(r"tên đăng nhập của bạn là ([a-z0-9]+\.\d+)", page.content()).group(1)
    if "/applications/apply/" not in page.url:
        page.goto(f"{base}/applications/apply/{site['hanoi_vacancy']}/")
    page.get_by_role("button", name="Xác nhận ứng tuyển").click()
    page.wait_for_load_state()
    page.goto(f"{base}/applications/my/")
    assert "Kế toán tổng hợp" in page.content()
    page.screenshot(path=str(site["tmp"] / "worker.png"))

    # 2b. She keeps her own job-seeker profile: the occupation code comes from the suggestions under the title.
    page.get_by_role("link", name="Hồ sơ tìm việc của tôi").first.click()
    page.wait_for_load_state()
    assert "Bạn chưa có hồ sơ tìm việc" in page.content()
    page.get_by_role("link", name="Lập hồ sơ tìm việc").first.click()
    page.wait_for_load_state()
    page.locator("#id_title").press_sequentially("Kế toán tổng hợp")
    page.locator("#occupation-suggestions button").first.click()
    assert page.input_value("#id_occupation") != ""
    page.select_option("#id_workplace_1", "01")  # Hà Nội
    page.fill("#id_desired_pay_min", "12000000")
    page.check("#id_available_now")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    page.wait_for_load_state()
    content = page.content()
    assert "Đã lập hồ sơ tìm việc của bạn." in content and "Đang tìm việc" in content and "Hà Nội" in content
    page.screenshot(path=str(site["tmp"] / "job_seeker_profile.png"), full_page=True)
    page.context.clear_cookies()

    # 3. The employer sees the application and hires with a labour contract.
    login(page, base, "demo-employer")
    page.goto(f"{base}/applications/my/")
    assert "Trần Thị Lan" in page.content()
    page.locator("form:has(input[name=to_status][value=seen]) button").first.click()
    page.wait_for_load_state()
    form = page.locator("form:has(input[name=to_status][value=hired])").first
    page.locator("details:has(input[name=to_status][value=hired]) summary").first.click()
    form.locator("select[name=contract_type]").select_option(index=1)
    form.locator("input[name=start_date]").fill("2026-12-01")
    form.locator("button").click()
    page.wait_for_load_state()
    assert "Đã tuyển" in page.content() or "hired" in page.content()
    page.context.clear_cookies()

    # 3b. Hired: her job-seeker profile is now placed, and she may open a new one when she looks again.
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mot-mat-khau-an-toan-2026")
    page.click("form button.btn-primary")
    page.goto(f"{base}/seekers/me/")
    content = page.content()
    assert "Đã có việc làm" in content and "Lập hồ sơ tìm việc mới" in content
    page.context.clear_cookies()

    # 4. A counsellor opens a vacancy's ranked candidates, reads the reasons and refers one in one click.
    login(page, base, "demo-counsellor")
    page.goto(f"{base}/matching/vacancies/{site['local_vacancy']}/candidates/")
    content = page.content()
    assert "Ứng viên phù hợp" in content and ("Cùng" in content or "Nghề" in content)
    page.get_by_role("button", name="Giới thiệu").first.click()
    page.wait_for_load_state()
    page.screenshot(path=str(site["tmp"] / "referral.png"))
    assert page.url.rstrip("/").split("?")[0] != f"{base}/matching/vacancies/{site['local_vacancy']}/candidates"
