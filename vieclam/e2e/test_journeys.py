"""Issue 13's three journeys in a real browser against a real server (the demo province, as in test_walkthrough).

All of it happens in last year, so every day typed is in the past whatever the date of the run:

1. a worker of a near-poor household registered at a fair and asked there to learn a trade (set up: the fair is
   over); the commune officer records that wish in the training demand; the province officer adds a training
   centre licensed for the trade, a course and opens a class in the worker's commune; the commune officer enrols
   her (the priority group "hộ cận nghèo" found from her household), marks her attending, then completed with a
   certificate; the counsellor records that an employer hired her (a successful connection), and the class shows
   one of one trainee in work within six months;
2. the commune officer registers a second worker to work in Korea and steps the journey through selection,
   orientation, contract, departure, work abroad, return on time and back in work at home;
3. the commune officer records a household business's loan application (owner picked as the borrower), the
   bank's appraisal, approval, the disbursement and the jobs check naming the two workers it took on;
4. each person's timeline tells these steps in words; the commune's yearly report of training, working abroad
   and loans (created before any of it) now counts the class, the trainee, the departure, the loan and its
   workers.
"""

from __future__ import annotations

import json

import pytest

from vieclam.e2e.test_fair_end_to_end import login
from vieclam.e2e.test_pickers import pick, shell
from vieclam.e2e.test_walkthrough import browser, site  # noqa: F401  (fixtures)

# Who the officers meet: a near-poor worker with a fair registration and a training wish, a worker going abroad,
# a household business (its tax code is its owner's CCCD) and the two workers it will hire. The fair is over, so
# its registration is written as the demo writes a past fair's (fairs.services only registers for coming fairs).
SETUP = """
import datetime as dt, json, secrets
from vieclam.accounts.models import User
from vieclam.codelists.models import CodeItem
from vieclam.core.dates import today
from vieclam.employers.services import employer_create
from vieclam.fairs.models import Fair, FairInterest, FairRegistration
from vieclam.people.models import Household
from vieclam.people.services import household_create, person_create
officer = User.objects.get(username="demo-commune")
commune = officer.areas.get()
year = today().year - 1
fair = Fair.objects.filter(held_on__year=year, held_on__month__lte=6, status="closed",
                           commune__province=commune.province).order_by("held_on").first()
household = household_create(actor=officer, commune=commune.code, head_name="Lê Văn Cận")
Household.objects.filter(pk=household.pk).update(poverty_class="near_poor", poverty_class_on=dt.date(year - 1, 12, 1))
prefix = commune.province.code.zfill(3)
def person(name, sex, born, serial, **more):
    century = {"male": 0, "female": 1}[sex]
    nid = f"{prefix}{century}{born % 100:02d}{serial}"
    data = {"full_name": name, "national_id": nid, "sex": sex, "date_of_birth": dt.date(born, 3, 14),
            "residence_commune": commune.code, **more}
    p = person_create(actor=officer, data=data)[0]
    return {"id": p.pk, "cccd": nid, "name": name}
trainee = person("Lê Thị Hồng Nhung", "female", 1998, "135791", household=household.pk)
abroad = person("Nguyễn Văn Khải", "male", 1996, "246802")
owner = person("Huỳnh Thị Thu Ba", "female", 1980, "579135")
workers = [person("Phạm Thị Mai Hương", "female", 1990, "357913"), person("Võ Văn Tài Lộc", "male", 1992, "468024")]
registration = FairRegistration.objects.create(fair=fair, person_id=trainee["id"], channel="walk_in",
    token=secrets.token_urlsafe(24), registered_by=officer)
FairInterest.objects.create(registration=registration, kind="training", note="Muốn học may công nghiệp",
                            recorded_by=officer)
at_fair = dt.datetime.combine(fair.held_on, dt.time(8, 30), tzinfo=dt.timezone(dt.timedelta(hours=7)))
FairRegistration.objects.filter(pk=registration.pk).update(created_at=at_fair, checked_in_at=at_fair)
FairInterest.objects.filter(registration=registration).update(created_at=at_fair)
admin = User.objects.get(username="demo-admin")
business = employer_create(actor=admin, data={"name": "Hộ kinh doanh Bánh tráng Thu Ba", "tax_code": owner["cccd"],
    "employer_type": CodeItem.objects.get(code_list__slug="employer-types", code="ho_kinh_doanh"),
    "commune": commune})
print(json.dumps({"year": year, "commune": commune.name, "fair_day": fair.held_on.strftime("%d/%m/%Y"),
    "fair": fair.name, "trainee": trainee, "abroad": abroad, "owner": owner, "workers": workers,
    "business": business.name}))
"""
REPORT_KIND = "dao_tao_xkld_vay_von_nam"
HIRING_EMPLOYER = "Công ty Cổ phần May mặc Phú Cường"


@pytest.fixture(scope="module")
def world(site):  # noqa: F811
    return json.loads(shell(site, SETUP))


def report_figures(page) -> dict[str, list[str]]:
    """The report's table rows as a reader sees them: first cell → the other cells."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('table.report-table tbody tr')]
               .map(tr => [...tr.cells].map(td => td.childNodes[0] ? td.childNodes[0].textContent.trim() : ''))
               .map(cells => [cells[0], cells.slice(1)]))"""
    )


def saved(page, message: str) -> None:
    page.wait_for_load_state()
    content = page.content()
    assert message in content, page.locator("main").inner_text()[:2000]


def follow(page, url: str, link: str) -> None:
    """Open a list page and follow one of its links, as an officer finds a form."""
    page.goto(url)
    page.get_by_role("link", name=link, exact=True).first.click()
    page.wait_for_load_state()


def timeline(page, base: str, person: dict) -> str:
    page.goto(f"{base}/people/{person['id']}/timeline/")
    return page.locator("ol.list-group").inner_text()


def in_order(text: str, steps: list[str]) -> None:
    """Every step is on the timeline, newest first."""
    positions = [text.find(step) for step in steps]
    assert all(p >= 0 for p in positions), (dict(zip(steps, positions, strict=True)), text)
    assert positions == sorted(positions), (dict(zip(steps, positions, strict=True)), text)


def test_training_abroad_and_loan_journeys_reach_timelines_and_the_yearly_report(site, world, browser):  # noqa: F811, PLR0915
    base, year = site["base"], world["year"]
    trainee, abroad, owner, workers = world["trainee"], world["abroad"], world["owner"], world["workers"]

    # 0. The commune officer starts her commune's yearly report; as a draft its figures are those of now.
    commune = browser.new_context()
    page = login(commune, base, "demo-commune")
    page.goto(f"{base}/reports/new/")
    page.select_option("#id_kind", REPORT_KIND)
    pick(page, "area", world["commune"])
    page.select_option("#id_year", str(year))
    page.select_option("#id_part", "year")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã lập báo cáo.")
    report_url = page.url
    before = report_figures(page)

    # 1. She records the wish to learn a trade the worker gave at the fair.
    follow(page, f"{base}/training/", "Nhu cầu học nghề")
    pick(page, "person", trainee["cccd"])
    pick(page, "occupation", "thợ may, thợ thêu")
    page.select_option("#id_source", label="Phiên giao dịch việc làm")
    page.fill("#id_recorded_on", world["fair_day"])
    page.locator("form button.btn-primary").click()
    saved(page, f"Đã ghi nhận nhu cầu học nghề của {trainee['name']}.")
    assert world["commune"] in page.locator("table").first.inner_text()
    commune.close()

    # 2. The province officer adds a centre licensed for the trade, the course, and opens a class in the commune.
    province = browser.new_context()
    page = login(province, base, "demo-province")
    follow(page, f"{base}/training/", "Cơ sở và khóa đào tạo")
    page.get_by_role("link", name="Thêm cơ sở").click()
    page.fill("#id_name", "Trung tâm Giáo dục nghề nghiệp Tân Ninh")
    page.select_option("#id_kind", label="Trung tâm giáo dục nghề nghiệp công lập")
    pick(page, "commune", world["commune"])
    pick(page, "occupation", "thợ may, thợ thêu")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã thêm cơ sở đào tạo.")
    follow(page, f"{base}/training/providers/", "Thêm khóa đào tạo")
    page.fill("#id_name", "May công nghiệp")
    pick(page, "occupation", "thợ may, thợ thêu")
    page.select_option("#id_level", label="Đào tạo thường xuyên dưới 3 tháng")
    page.select_option("#id_field", label="Phi nông nghiệp")
    page.fill("#id_duration_days", "60")
    page.fill("#id_cost_norm", "2.500.000")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã thêm khóa đào tạo.")
    follow(page, f"{base}/training/", "Mở lớp")
    page.fill("#id_code", f"MAY-{year}-01")
    page.select_option("#id_course", label="May công nghiệp")
    page.select_option("#id_provider", label="Trung tâm Giáo dục nghề nghiệp Tân Ninh")
    pick(page, "venue_commune", world["commune"])
    page.fill("#id_start_date", f"01/07/{year}")
    page.fill("#id_end_date", f"29/08/{year}")
    page.fill("#id_capacity", "25")
    page.select_option("#id_funding", label="Hỗ trợ từ chương trình")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã mở lớp đào tạo nghề.")
    class_url = page.url
    province.close()

    # 3. The commune officer enrols the worker; her priority group comes from her household.
    commune = browser.new_context()
    page = login(commune, base, "demo-commune")
    page.goto(class_url)
    pick(page, "person", trainee["cccd"])
    page.fill("#id_support_amount", "2.500.000")
    page.fill("#id_enrolled_on", f"25/06/{year}")
    page.get_by_role("button", name="Ghi danh").click()
    saved(page, f"Đã ghi danh {trainee['name']}.")
    row = page.locator(f"tr:has-text('{trainee['name']}')")
    assert "Người thuộc hộ cận nghèo" in row.inner_text()
    certificate = f"MAY-{year}-0137"
    for status, day, number in (("Đang học", f"01/07/{year}", ""),
                                ("Hoàn thành, được cấp chứng chỉ", f"29/08/{year}", certificate)):  # fmt: skip
        row = page.locator(f"tr:has-text('{trainee['name']}')")
        row.locator("select[name=status]").select_option(label=status)
        row.locator("input[name=on]").fill(day)
        row.locator("input[name=certificate_number]").fill(number)
        row.get_by_role("button", name="Lưu").click()
        saved(page, f"Đã cập nhật trạng thái của {trainee['name']}.")
        if status == "Đang học":  # what may follow "attending" is offered, not "attending" again
            offered = page.locator(f"tr:has-text('{trainee['name']}') select[name=status]").inner_text()
            assert "Đang học" not in offered and "Bỏ học" in offered, offered
    assert certificate in page.locator(f"tr:has-text('{trainee['name']}')").inner_text()
    commune.close()

    # 4. The counsellor records that an employer hired her (a successful connection); the class counts her.
    counsellor = browser.new_context()
    page = login(counsellor, base, "demo-counsellor")
    page.goto(f"{base}/connections/new/")
    pick(page, "person", trainee["cccd"])
    pick(page, "employer", HIRING_EMPLOYER)
    page.select_option("#id_contract_type", index=1)
    page.fill("#id_start_date", f"15/09/{year}")
    page.fill("#id_monthly_pay", "6.500.000")
    page.fill("#id_evidence_note", "Bản sao hợp đồng lao động")
    page.locator("form button.btn-primary").click()
    page.wait_for_load_state()
    assert "/connections/" in page.url and not page.url.endswith("/new/"), page.locator("main").inner_text()
    page.goto(class_url)
    assert "1 / 1 người hoàn thành (100" in page.locator("dl").first.inner_text()
    counsellor.close()

    # 5. The commune officer registers the second worker to work in Korea and steps the journey through.
    commune = browser.new_context()
    page = login(commune, base, "demo-commune")
    follow(page, f"{base}/abroad/", "Ghi nhận đăng ký")
    pick(page, "person", abroad["cccd"])
    page.select_option("#id_country", label="Hàn Quốc")
    page.fill("#id_foreign_employer", "Busan Marine Co., Ltd.")
    page.fill("#id_contract_months", "6")
    page.fill("#id_registered_on", f"10/01/{year}")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã ghi nhận người lao động đăng ký đi làm việc ở nước ngoài.")
    steps = [("Trúng tuyển", "05/02"), ("Bồi dưỡng kiến thức, đào tạo ngoại ngữ", "01/03"),
             ("Có thị thực, ký hợp đồng", "01/04"), ("Đã xuất cảnh", "15/04"),
             ("Đang làm việc ở nước ngoài", "20/04"), ("Đã về nước", "20/10"),
             ("Có việc làm sau khi về nước", "01/12")]  # fmt: skip
    for state, day in steps:
        page.select_option("#id_state", label=state)
        page.fill("#id_on", f"{day}/{year}")
        page.locator("form[action$='/step/'] button.btn-primary").click()
        saved(page, "Đã ghi bước của hành trình.")
    assert "Về nước đúng hạn hợp đồng" in page.content()

    # 6. ...and a household business's loan: application, appraisal, approval, disbursement, the jobs it made.
    follow(page, f"{base}/loans/", "Ghi nhận hồ sơ vay")
    page.select_option("#id_borrower_kind", label="Hộ kinh doanh")
    pick(page, "person", owner["cccd"])
    pick(page, "employer", world["business"])
    page.fill("#id_purpose", "Mua thêm máy tráng bánh, mở rộng cơ sở")
    page.fill("#id_amount_requested", "200.000.000")
    page.fill("#id_jobs_new", "2")
    page.fill("#id_applied_on", f"10/02/{year}")
    page.fill("#id_commune_confirmed_on", f"15/02/{year}")
    page.locator("form button.btn-primary").click()
    saved(page, "Đã ghi nhận hồ sơ vay vốn.")
    loan_steps = [("Thẩm định (NHCSXH)", "01/03", {}),
                  ("Phê duyệt cho vay", "15/03", {"amount": "200.000.000", "term_months": "36"}),
                  ("Giải ngân", "01/04", {"amount": "200.000.000"}),
                  ("Kiểm tra việc làm tạo ra", "01/10", {"workers": "2"})]  # fmt: skip
    for kind, day, fields in loan_steps:
        page.select_option("#id_kind", label=kind)
        page.fill("#id_on", f"{day}/{year}")
        for name, value in fields.items():
            page.fill(f"#id_{name}", value)
        if kind.startswith("Kiểm tra"):
            pick(page, "person_1", workers[0]["cccd"])
            pick(page, "person_2", workers[1]["cccd"])
        page.locator("form[action$='/step/'] button.btn-primary").click()
        saved(page, f"Đã ghi bước “{kind}”.")
    details = page.locator("dl").first.inner_text()
    assert "Đã giải ngân" in details and "200.000.000" in details, details

    # 7. Each person's timeline tells the journey in words, newest first.
    text = timeline(page, base, trainee)
    in_order(text, ["Kết nối việc làm thành công", "Hoàn thành khóa đào tạo nghề: May công nghiệp",
                    "Ghi danh học nghề: May công nghiệp", "Đăng ký phiên giao dịch việc làm"])  # fmt: skip
    assert certificate in text and "2.500.000" in text
    text = timeline(page, base, abroad)
    in_order(text, ["Có việc làm sau khi về nước", "Về nước đúng hạn hợp đồng", "Xuất cảnh đi làm việc ở Hàn Quốc",
                    "Đăng ký đi làm việc ở Hàn Quốc"])  # fmt: skip
    text = timeline(page, base, owner)
    assert "Vay vốn tạo việc làm" in text and "200.000.000" in text, text
    for worker in workers:
        text = timeline(page, base, worker)
        assert f"Có việc làm từ vốn vay tạo việc làm của {world['business']}" in text, text

    # 8. The yearly report counts each of them: one class, one trainee who completed and found work, one departure
    # and return, one loan disbursed with its amount and two workers; four people given work, none twice.
    page.goto(report_url)
    after = report_figures(page)
    commune.close()
    expected = {"Số lớp đào tạo nghề mở trong kỳ": 1, "Số học viên tham gia học nghề": 1,
                "Số người hoàn thành khóa đào tạo nghề": 1, "Số người có việc làm trong 6 tháng sau đào tạo": 1,
                "Số người xuất cảnh đi làm việc ở nước ngoài": 1, "Số người lao động về nước": 1,
                "Số dự án vay vốn hỗ trợ tạo việc làm được giải ngân": 1,
                "Số tiền giải ngân vốn vay hỗ trợ tạo việc làm": 200_000_000,
                "Số lao động được tạo việc làm từ vốn vay": 2, "Số lao động được giải quyết việc làm": 4}  # fmt: skip
    grown = {label: figure(after, label) - figure(before, label) for label in expected}
    assert grown == expected, json.dumps({"before": before, "after": after}, ensure_ascii=False)


def figure(rows: dict[str, list[str]], label: str) -> int:
    """The period's number on the first line whose label starts with `label` ("7.125" → 7125; "—" → 0)."""
    cells = next(cells for name, cells in rows.items() if name.startswith(label))
    text = cells[1].replace(".", "")
    return int(text) if text.isdigit() else 0
