"""A mobile job fair from the plan to the hire, each role through its own pages, in a real browser against a real
server (the demo province, as in test_walkthrough; issue 11's "Done when").

1. The centre's counsellor plans a mobile fair at a commune for today (the fair form) and opens it for registration.
2. The employer registers a booth with two of its open vacancies (portal → "Phiên giao dịch việc làm").
3. A visitor pre-registers on a phone-sized window (390×844) on the public fair page and gets the QR ticket.
4. At the door the commune officer's phone camera (Chromium's fake camera playing a .y4m of that QR) checks her in;
   then, offline, a walk-in from the registry of the officer's commune is typed in by CCCD, waits in the queue and
   is sent when the network returns.
5. Staff record "Đăng ký tìm việc tại gian hàng" for her; the employer interviews her at the booth and hires her
   with the labour contract.
6. The fair's report counts each step, and the hire is a successful connection. The database agrees: one
   registration per person, one application, one connection.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vieclam.e2e.test_fair_door import write_qr_video
from vieclam.e2e.test_pickers import pick, shell
from vieclam.e2e.test_walkthrough import CHROMIUM, PASSWORD, site  # noqa: F401  (fixtures)

SETUP = """
import datetime as dt, json
from vieclam.accounts.models import User
from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.employers.models import Employer
from vieclam.people.models import Person
from vieclam.vacancies.services import vacancy_create
admin = User.objects.get(username="demo-admin")
commune = User.objects.get(username="demo-commune").areas.get()
employer = Employer.objects.get(account__username="demo-employer", commune__province=commune.province)
# Two vacancies of its own for the booth, so no application of the demo's history touches the fair's counts.
titles = ["Kỹ thuật viên bảo trì máy cán", "Nhân viên kế toán kho vật tư"]
for title, code in zip(titles, ["7233", "3313"]):
    vacancy_create(actor=admin, data={"employer": employer, "title": title, "positions_count": 3,
        "occupation": Occupation.objects.filter(code=code).first() or Occupation.objects.get(code="3313"),
        "workplace_commune": employer.commune, "pay_min": 8_000_000, "pay_max": 11_000_000,
        "deadline": today() + dt.timedelta(days=30), "status": "open"})
walk_in = (Person.objects.filter(residence_commune=commune, national_id__regex=r"^[0-9]{12}$", account__isnull=True)
           .order_by("pk").first())
province = commune.province.code.zfill(3)
visitor_nid = next(nid for nid in (province + "194" + str(n).zfill(6) for n in range(424242, 424342))
                   if not Person.objects.filter(national_id=nid).exists())
print(json.dumps({"commune": commune.name, "employer": employer.name, "employer_id": employer.pk, "titles": titles,
    "today": today().strftime("%d/%m/%Y"), "visitor_nid": visitor_nid,
    "walk_in": {"nid": walk_in.national_id, "name": walk_in.full_name, "sex": walk_in.sex,
                "born": walk_in.date_of_birth.strftime("%d/%m/%Y")}}))
"""
CHECK = """
import json
from django.db.models import Count
from vieclam.applications.models import Application
from vieclam.connections.models import Connection
from vieclam.fairs.models import Fair, FairRegistration
fair = Fair.objects.get(name={name!r})
rows = FairRegistration.objects.filter(fair=fair)
applications = Application.objects.filter(vacancy__fair_booths__fair=fair)
print(json.dumps({{
    "status": fair.status, "kind": fair.kind, "booths": fair.booths.count(),
    "booth_vacancies": sorted(fair.booths.get().vacancies.values_list("title", flat=True)),
    "per_person": sorted(rows.values("person__full_name").annotate(n=Count("pk"))
                         .values_list("person__full_name", "n")),
    "channels": sorted(rows.values_list("channel", flat=True)),
    "checked_in": rows.filter(checked_in_at__isnull=False).count(), "without_person": rows.filter(person=None).count(),
    "applications": list(applications.values_list("person__full_name", "status")),
    "connections": list(Connection.objects.filter(application__in=applications)
                        .values_list("person__full_name", "employer__name")),
}}))
"""
FAIR_NAME = "Phiên giao dịch việc làm lưu động tháng Mười Hai"
VISITOR = "Nguyễn Thị Hồng Nhung"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


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


def report_numbers(page) -> dict[str, str]:
    """The report's lines on the page (label → number), as a reader sees them."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('dl dt.fw-normal')]
               .map(dt => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]))"""
    )


def fits_a_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_mobile_fair_from_plan_to_hire_through_each_roles_pages(site, world, tmp_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        pytest.skip("Chromium is not installed")
    base, walk_in = site["base"], world["walk_in"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)

        # 1. The centre plans a mobile fair at a commune, for today, and opens it for registration.
        centre = browser.new_context()
        page = login(centre, base, "demo-counsellor")
        page.goto(f"{base}/fairs/new/")
        page.fill("#id_name", FAIR_NAME)
        page.select_option("#id_kind", "mobile")
        page.fill("#id_held_on", world["today"])
        page.fill("#id_starts_at", "07:30")
        page.fill("#id_ends_at", "16:30")
        pick(page, "commune", world["commune"])
        page.fill("#id_address", "Nhà văn hóa khu phố 1")
        page.fill("#id_capacity", "200")
        page.fill("#id_target_groups", "Thanh niên, lao động nông thôn")
        page.get_by_role("button", name="Lưu").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text("Đã tạo phiên giao dịch việc làm.")
        fair = int(page.url.rstrip("/").split("/")[-1])
        expect(page.locator("dl").first).to_contain_text("Lưu động")
        page.get_by_role("button", name="Chuyển sang “Đang nhận đăng ký”").click()
        page.wait_for_load_state()
        expect(page.locator("dl").first).to_contain_text("Đang nhận đăng ký")

        # 2. The employer registers a booth with two open vacancies from its portal.
        employer = browser.new_context()
        page = login(employer, base, "demo-employer")
        page.goto(f"{base}/fairs/booths/open/")
        row = page.locator("tr", has_text=FAIR_NAME)
        row.get_by_role("link", name=f"Đăng ký gian hàng: {world['employer']}").click()
        page.wait_for_load_state()
        for title in world["titles"]:
            page.get_by_label(title, exact=True).check()
        page.fill("#id_number", "B7")
        page.fill("#id_contact_name", "Phòng nhân sự")
        page.fill("#id_contact_phone", "0276 3822 123")
        page.get_by_role("button", name="Đăng ký gian hàng").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text(f"Đã đăng ký gian hàng tại “{FAIR_NAME}”.")
        booth_url = page.url

        # 3. A visitor pre-registers on a phone, ticks the booth, and gets the QR.
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = phone.new_page()
        page.goto(f"{base}/job-fairs/")
        page.get_by_text(FAIR_NAME, exact=True).click()
        page.wait_for_load_state()
        for title in world["titles"]:
            expect(page.locator(".card", has_text=world["employer"])).to_contain_text(title)
        assert fits_a_phone(page)
        page.fill("#id_full_name", VISITOR)
        page.fill("#id_national_id", world["visitor_nid"])
        page.fill("#id_date_of_birth", "14/02/1994")
        page.fill("#id_phone", "0912 345 679")
        page.get_by_label(f"B7 · {world['employer']}").check()
        page.get_by_role("button", name="Đăng ký tham gia phiên").click()
        page.wait_for_url("**/job-fairs/ticket/**")
        assert page.locator("svg.qr-code").count() == 1 and fits_a_phone(page)
        assert world["visitor_nid"] not in page.content()
        token = page.url.rstrip("/").split("/")[-1]
        browser.close()

        # 4. At the door (today): the camera reads her QR; offline, a walk-in by CCCD waits, then is sent.
        video = tmp_path / "ticket.y4m"
        write_qr_video(token, video)
        camera = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                  f"--use-file-for-fake-video-capture={video}"]  # fmt: skip
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS + camera)
        door = browser.new_context(viewport={"width": 390, "height": 844}, permissions=["camera"])
        page = login(door, base, "demo-commune")
        page.goto(f"{base}/fairs/{fair}/")
        page.click("#fair-door-link")
        page.wait_for_url(f"**/fairs/{fair}/door/")
        page.click("#door-camera")
        scanned = page.locator("#door-results li[data-state=ok]", has_text=VISITOR)
        expect(scanned).to_contain_text("đã đến phiên lúc", timeout=20_000)
        page.click("#door-camera-stop")
        # Online, the CCCD of a person of the officer's commune fills the walk-in form from the registry.
        page.fill("#door-national-id", walk_in["nid"])
        expect(page.locator("#door-full-name")).to_have_value(walk_in["name"])
        expect(page.locator("#door-birth-date")).to_have_value(walk_in["born"])
        page.evaluate("document.getElementById('door-walk-in').reset()")
        # Offline the registry cannot be asked: the officer types the card's details.
        door.set_offline(True)
        page.fill("#door-national-id", walk_in["nid"])
        page.fill("#door-full-name", walk_in["name"])
        page.locator("#door-birth-date").press_sequentially(walk_in["born"].replace("/", ""))
        page.select_option("#door-sex", walk_in["sex"])
        page.fill("#door-phone", "0987650321")
        page.click("#door-walk-in button")
        expect(page.locator("#door-pending")).to_have_text("1")
        expect(page.locator("#door-results li[data-state=pending]")).to_contain_text(walk_in["name"])
        expect(page.locator("#door-network")).to_contain_text("Mất mạng")
        door.set_offline(False)
        expect(page.locator("#door-pending")).to_have_text("0", timeout=20_000)
        synced = page.locator("#door-results li[data-state=ok]", has_text=walk_in["name"])
        expect(synced).to_contain_text("đã đăng ký và ghi nhận đến lúc")
        assert fits_a_phone(page)

        # 5. Staff record her application at the booth ("Đăng ký tìm việc tại gian hàng").
        page.goto(booth_url)
        row = page.locator("tr", has_text=VISITOR).filter(has=page.locator("select[name=vacancy]"))
        row.locator("select[name=vacancy]").select_option(label=world["titles"][0])
        row.get_by_role("button", name="Đăng ký tìm việc").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text(
            f"{VISITOR} đã đăng ký tìm việc “{world['titles'][0]}” tại gian hàng."
        )

        # The employer interviews her at the booth, then hires her with the labour contract.
        employer = browser.new_context()
        page = login(employer, base, "demo-employer")
        page.goto(f"{base}/fairs/booths/open/")
        page.get_by_role("link", name=FAIR_NAME, exact=True).click()
        page.wait_for_load_state()
        application = page.locator("table").first.locator("tbody tr", has_text=VISITOR)
        application.get_by_role("button", name="Phỏng vấn tại chỗ").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text(f"{VISITOR}: đã phỏng vấn tại gian hàng.")
        expect(application).to_contain_text("Đã phỏng vấn")
        hire = application.locator("details:has(input[name=to_status][value=hired])")
        hire.locator("summary").click()
        hire.locator("select[name=contract_type]").select_option(index=1)
        hire.locator("input[name=start_date]").fill(world["today"])
        hire.get_by_role("button", name="Xác nhận tuyển dụng").click()
        page.wait_for_load_state()
        expect(application).to_contain_text("Đã tuyển dụng")

        # 6. The fair's report counts each step; the hire is a successful connection.
        page = login(browser.new_context(), base, "demo-counsellor")
        page.goto(f"{base}/fairs/{fair}/")
        expect(page.locator("dl").first).to_contain_text("2 / 200 người, 2 người đã đến")
        numbers = report_numbers(page)
        expected = {
            "Số phiên": "1",
            "Doanh nghiệp tham gia (gian hàng)": "1",
            "Việc làm đưa lên phiên": "2",
            "Lao động đăng ký trực tuyến": "1",
            "Lao động đăng ký trực tiếp tại phiên": "1",
            "Lao động đến phiên": "2",
            "Lao động đăng ký tìm việc trực tiếp tại doanh nghiệp": "1",
            "Lao động được phỏng vấn trực tiếp": "1",
            "Lao động hẹn phỏng vấn": "0",
            "Lao động được tuyển tại phiên": "1",
            "Lao động được tuyển trong 30 ngày": "1",
        }
        assert {label: numbers.get(label) for label in expected} == expected, numbers
        page.goto(f"{base}/connections/?q={VISITOR}")
        connection = page.locator("tbody tr", has_text=VISITOR)
        expect(connection).to_have_count(1)
        expect(connection).to_contain_text(world["employer"])
        page.screenshot(path=str(site["tmp"] / "fair_connections.png"), full_page=True)
        browser.close()

    facts = json.loads(shell(site, CHECK.format(name=FAIR_NAME)))
    assert (facts["status"], facts["kind"], facts["booths"]) == ("open", "mobile", 1)
    assert facts["booth_vacancies"] == sorted(world["titles"])
    assert facts["per_person"] == sorted([[VISITOR, 1], [walk_in["name"], 1]])
    assert facts["channels"] == ["online", "walk_in"]
    assert (facts["checked_in"], facts["without_person"]) == (2, 0)
    assert facts["applications"] == [[VISITOR, "hired"]]
    assert facts["connections"] == [[VISITOR, world["employer"]]]
