"""Employment services end to end in a real browser, with the clock moved forward (issue 10).

A counsellor counsels a worker of a poor household and introduces her to a vacancy; the employer hires her with a
labour contract; the connection appears with its funding norm; with the server restarted 100 and then 190 days
later (VIECLAM_CLOCK_SHIFT_DAYS), the 3-month and the 6-month follow-ups fall due and are recorded; the household
then shows a member in sustainable employment; the person's timeline shows every step in order.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from vieclam.e2e.served import VIECLAM, demo_folder, serve, site_env, stop
from vieclam.e2e.test_walkthrough import CHROMIUM, PASSWORD, browser  # noqa: F401 (fixture)

SETUP = """
import json
from vieclam.accounts.models import User
from vieclam.people.models import Person
from vieclam.vacancies.models import Vacancy
employer = User.objects.get(username="demo-employer")
vacancy = Vacancy.objects.filter(employer__account=employer, status="open").order_by("pk").first()
people = Person.objects.filter(household__poverty_class="poor", residence_commune__province__code="80",
    account__isnull=True, connections__isnull=True, applications__isnull=True, counselling_sessions__isnull=True,
    date_of_birth__year__gte=1975, date_of_birth__year__lte=2004).exclude(national_id="").order_by("pk")
person = people.first()
print(json.dumps({"vacancy": vacancy.pk, "title": vacancy.title, "person": person.pk, "cccd": person.national_id,
    "name": person.full_name, "household": person.household_id}))
"""


class Site:
    """The demo database and a runserver that can be restarted with the clock moved."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.server, self.base = tmp, None, ""
        self.env = site_env(tmp)

    def build(self) -> dict:
        out = subprocess.run([*VIECLAM, "shell", "-c", SETUP], env=self.env, check=True, capture_output=True,
                             text=True)  # fmt: skip
        return json.loads(out.stdout.strip().splitlines()[-1])

    def start(self, shift_days: int = 0) -> None:
        self.stop()
        self.server, self.base = serve({**self.env, "VIECLAM_CLOCK_SHIFT_DAYS": str(shift_days)})

    def stop(self) -> None:
        if self.server is not None:
            stop(self.server)
            self.server = None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    site = Site(demo_folder(tmp_path_factory, seed=3))
    site.world = site.build()
    site.start()
    yield site
    site.stop()


def login(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button.btn-primary")
    page.wait_for_load_state()


def pick(page, name: str, text: str) -> None:
    page.locator(f"#id_{name}_label").press_sequentially(text, delay=30)
    option = page.locator(f"#id_{name}_options button").first
    option.wait_for(state="visible", timeout=5000)
    option.click()
    assert page.input_value(f"#id_{name}") != ""


def _vn_day(shift_days: int = 0) -> str:
    import datetime as dt
    from zoneinfo import ZoneInfo

    day = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + dt.timedelta(days=shift_days)
    return day.strftime("%d/%m/%Y")


def _record_check(page, base: str, connection_url: str, months: int, shift_days: int) -> None:
    page.goto(connection_url)
    row = page.locator(f"tr:has-text('Sau {months} tháng')")
    row.get_by_role("link", name="Ghi kết quả").click()
    page.wait_for_load_state()
    page.select_option("#id_result", label="Vẫn làm tại đơn vị")
    page.fill("#id_checked_on", _vn_day(shift_days))
    page.check("#id_has_contract")
    page.check("#id_has_social_insurance")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    page.goto(connection_url)
    assert "Vẫn làm tại đơn vị" in page.locator(f"tr:has-text('Sau {months} tháng')").inner_text()


def _moved(url: str, base: str) -> str:
    """The same page on the restarted server (a new port)."""
    return base + "/connections/" + url.split("/connections/", 1)[1]


def test_counsel_refer_hire_connect_and_follow_up_until_sustained(site, browser):  # noqa: F811
    world, page = site.world, browser.new_page()
    name = world["name"]

    # 1. The counsellor records a counselling session, finding the worker by typing her CCCD.
    login(page, site.base, "demo-counsellor")
    page.goto(f"{site.base}/casework/sessions/new/")
    pick(page, "person", world["cccd"])
    page.get_by_label("Tìm việc làm").check()
    page.select_option("#id_channel", label="Tại xã/phường")
    page.fill("#id_outcome", "Muốn làm công nhân may gần nhà")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    assert f"Đã ghi buổi tư vấn với {name}" in page.content()

    # 2. ...and introduces her to the employer's vacancy.
    page.goto(f"{site.base}/applications/refer/?vacancy={world['vacancy']}&person={world['person']}")
    page.locator("form button.btn-primary").last.click()
    page.wait_for_load_state()

    # 3. The employer hires her with a labour contract starting today.
    login(page, site.base, "demo-employer")
    page.goto(f"{site.base}/applications/my/")
    card = page.locator(f"tr:has-text('{name}'), .card:has-text('{name}')").first
    card.locator("form:has(input[name=to_status][value=seen]) button").first.click()
    page.wait_for_load_state()
    card = page.locator(f"tr:has-text('{name}'), .card:has-text('{name}')").first
    card.locator("details:has(input[name=to_status][value=hired]) summary").first.click()
    form = card.locator("form:has(input[name=to_status][value=hired])").first
    form.locator("select[name=contract_type]").select_option(index=1)
    form.locator("input[name=start_date]").fill(_vn_day())
    form.locator("button").click()
    page.wait_for_load_state()
    page.screenshot(path=str(site.tmp / "hired.png"), full_page=True)
    assert "Đã tuyển dụng" in page.locator(f"tr:has-text('{name}'), .card:has-text('{name}')").first.inner_text()

    # 4. The connection appears for the counsellor, with the funding norm of TT 55/2023.
    login(page, site.base, "demo-counsellor")
    page.goto(f"{site.base}/connections/?q={world['name']}")
    page.locator(f"tr:has-text('{name}') a").first.click()
    page.wait_for_load_state()
    connection_url = page.url
    content = page.content()
    assert "400.000" in content and "TT 55/2023" in content

    # 5. A hundred days later the 3-month check is due; it is recorded.
    site.start(shift_days=100)
    login(page, site.base, "demo-counsellor")
    page.goto(f"{site.base}/connections/follow-ups/?whole_area=true")
    assert name in page.content()
    _record_check(page, site.base, _moved(connection_url, site.base), 3, 100)

    # 6. At 190 days the 6-month check is due: in work with a contract and social insurance, so the household
    # has a member in sustainable employment.
    site.start(shift_days=190)
    login(page, site.base, "demo-counsellor")
    _record_check(page, site.base, _moved(connection_url, site.base), 6, 190)
    page.goto(f"{site.base}/people/households/{world['household']}/")
    assert "việc làm bền vững" in page.content()

    # 7. The timeline shows every step, newest first.
    page.goto(f"{site.base}/people/{world['person']}/timeline/")
    text = page.locator("ol.list-group").inner_text()
    steps = ["Theo dõi sau 6 tháng", "Theo dõi sau 3 tháng", "Kết nối việc làm thành công", "Đã tuyển dụng",
             "Được giới thiệu việc làm", "Tư vấn"]  # fmt: skip
    positions = [text.find(step) for step in steps]
    assert all(p >= 0 for p in positions), dict(zip(steps, positions, strict=True))
    assert positions == sorted(positions)
    page.screenshot(path=str(site.tmp / "timeline.png"), full_page=True)
