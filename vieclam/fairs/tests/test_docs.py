"""The organisers' documents of a fair: the Excel lists (attendees, booths), the report as Excel and print with the
numbers of fair_report, the badges and a ticket, who may open them, and the menu entry."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets

import pytest
from django.test import Client
from openpyxl import load_workbook

from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services
from vieclam.fairs.choices import FairKind, InterestKind, RegistrationChannel
from vieclam.fairs.models import Fair, FairRegistration
from vieclam.fairs.selectors import fair_report, fair_report_line
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.fairs.views import report_context
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

CCCD = "080195001234"


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sheet_rows(response) -> list[tuple]:
    assert response.status_code == 200, response.status_code
    assert "spreadsheetml" in response["Content-Type"]
    book = load_workbook(io.BytesIO(response.content))
    return [tuple(cell.value for cell in row) for row in book.active.iter_rows()]


def typed_registration(fair: Fair, n: int = 1) -> FairRegistration:
    """What a visitor without an account typed on the public page: no person record until the door."""
    return FairRegistration.objects.create(
        fair=fair, applicant_name=f"Võ Thị Tự Khai {n}", applicant_national_id=f"0721950{n:05d}",
        applicant_phone=f"03{n:08d}", applicant_birth_date=dt.date(2001, 3, 4), channel=RegistrationChannel.ONLINE,
        token=secrets.token_urlsafe(32),
    )  # fmt: skip


@pytest.fixture
def fair(cast):
    """A fair of commune A with one booth (two vacancies), a checked-in walk-in worker with a CCCD who is
    interested in the booth and in training, and a visitor's typed pre-registration."""
    officer, staff = cast["commune_a"], cast["province_a"]
    fair = make_fair(officer, name="Phiên lưu động Tân Ninh")
    employer = make_employer(staff, name="Công ty May Tây Ninh")
    sewing = make_vacancy(staff, employer=employer, status="open", title="Thợ may công nghiệp", positions_count=12)
    cutting = make_vacancy(staff, employer=employer, status="open", title="Thợ cắt", positions_count=3)
    booth = services.booth_register(actor=officer, fair=fair, data={
        "employer": employer, "vacancies": [sewing, cutting], "number": "A1", "contact_name": "Chị Lan",
        "contact_phone": "0276123456"})  # fmt: skip
    data = {**walk_in(1), "national_id": CCCD, "date_of_birth": dt.date(1995, 5, 10), "sex": "female",
            "full_name": "Nguyễn Thị Đến", "booths": [booth], "check_in": True}  # fmt: skip
    registration = services.registration_create(actor=officer, fair=fair, data=data)
    services.interest_record(actor=officer, registration=registration, kind=InterestKind.TRAINING)
    typed_registration(fair)
    return fair


#
# Excel lists
#
def test_the_attendee_excel_lists_every_registration_with_the_cccd_masked(cast, fair):
    response = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/")
    header, walked_in, typed = sheet_rows(response)
    assert header == ("Họ và tên", "Năm sinh", "Giới tính", "Số CCCD (che)", "Xã/phường nơi ở", "Điện thoại",
                      "Hình thức đăng ký", "Gian hàng quan tâm", "Đến phiên lúc",
                      "Nhu cầu ghi nhận tại phiên")  # fmt: skip
    checked_in = FairRegistration.objects.get(person__isnull=False).checked_in_at
    assert walked_in[:8] == ("Nguyễn Thị Đến", 1995, "Nữ", "••••••••1234", "Phường Tân Ninh", "0900000001",
                             "Đăng ký trực tiếp tại phiên", "A1 – Công ty May Tây Ninh")  # fmt: skip
    assert walked_in[8].strftime("%d/%m/%Y %H:%M") == f"{checked_in.astimezone():%d/%m/%Y %H:%M}"
    assert walked_in[9] == "Học nghề"
    assert typed == ("Võ Thị Tự Khai 1", 2001, None, "••••••••0001", None, "0300000001", "Đăng ký trực tuyến", None,
                     None, None)  # fmt: skip
    assert CCCD.encode() not in response.content and b"072195000001" not in response.content


def test_the_attendee_excel_marks_the_check_in_time_as_a_day_first_date(cast, fair):
    response = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/")
    book = load_workbook(io.BytesIO(response.content))
    assert book.active["I2"].number_format == "DD/MM/YYYY HH:MM"


def test_downloading_the_attendee_list_is_written_to_the_audit_trail(cast, fair):
    client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/?format=csv")
    event = AuditEvent.objects.get(action=AuditAction.READ, object_id=str(fair.pk))
    assert event.actor == cast["commune_a"] and event.changes == {
        "tài liệu": [None, "Danh sách người lao động đăng ký"]
    }
    assert event.area.code == "25459"


def test_the_attendee_list_comes_as_csv_too(cast, fair):
    response = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/?format=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Nguyễn Thị Đến" in text and "Võ Thị Tự Khai 1" in text and CCCD not in text


def test_a_name_typed_as_a_formula_stays_text_in_the_attendee_excel(cast, fair):
    FairRegistration.objects.filter(person__isnull=True).update(applicant_name='=HYPERLINK("http://x","y")')
    rows = sheet_rows(client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/"))
    assert rows[2][0] == """'=HYPERLINK("http://x","y")"""


def test_the_booth_excel_lists_vacancies_with_their_positions(cast, fair):
    header, row = sheet_rows(client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/booths/excel/"))
    assert header[:6] == ("Số gian hàng", "Người sử dụng lao động", "Người liên hệ", "Điện thoại liên hệ",
                          "Việc làm tuyển tại phiên (chỉ tiêu)", "Tổng chỉ tiêu")  # fmt: skip
    assert row[:6] == ("A1", "Công ty May Tây Ninh", "Chị Lan", "0276123456",
                       "Thợ cắt (3); Thợ may công nghiệp (12)", 15)  # fmt: skip


#
# The report
#
FIELDS = {
    "Số phiên": "fairs",
    "Doanh nghiệp tham gia (gian hàng)": "employers",
    "Việc làm đưa lên phiên": "vacancies",
    "Chỉ tiêu tuyển dụng": "positions",
    "Lao động đăng ký trực tuyến": "registered_online",
    "Lao động đăng ký trực tiếp tại phiên": "registered_in_person",
    "Lao động đến phiên": "checked_in",
    "Lao động đăng ký tìm việc trực tiếp tại doanh nghiệp": "applied",
    "Lao động được phỏng vấn trực tiếp": "interviewed",
    "Lao động hẹn phỏng vấn": "interview_appointments",
    "Lao động được tuyển tại phiên": "hired_at_fair",
    "Lao động được tuyển trong 30 ngày": "hired_within_30_days",
    "Lao động đăng ký xuất khẩu lao động": "labour_export",
    "Lao động đăng ký học nghề": "training",
}


def assert_cells_equal_the_report(rows: list[tuple], fairs) -> None:
    report = fair_report(fairs)
    cells = dict(rows[1:])
    for label, field in FIELDS.items():
        assert cells[label] == getattr(report, field), label
    for label, value in report_context(report)["report_rows"]:
        assert cells[str(label)] == value, label
    assert cells["Tóm tắt"] == fair_report_line(report)


def test_the_report_excel_of_a_fair_holds_the_numbers_of_the_report(cast, fair):
    rows = sheet_rows(client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/report/excel/"))
    assert rows[0] == ("Nội dung", "Số liệu") and rows[1] == ("Phiên", "Phiên lưu động Tân Ninh")
    assert_cells_equal_the_report(rows, Fair.objects.filter(pk=fair.pk))
    cells = dict(rows[1:])
    assert (cells["Số phiên"], cells["Chỉ tiêu tuyển dụng"], cells["Lao động đăng ký trực tuyến"]) == (1, 15, 1)
    assert (cells["Lao động đến phiên"], cells["Lao động đăng ký học nghề"]) == (1, 1)


def test_the_report_excel_of_the_chosen_fairs_follows_the_report_pages_filters(cast, fair):
    officer = cast["commune_a"]
    make_fair(officer, kind=FairKind.CENTRE, held_on=today() + dt.timedelta(days=5))
    make_fair(cast["commune_b"], commune="00004")  # another area: never counted for commune A
    rows = sheet_rows(client_of(officer).get("/fairs/report/excel/?kind=mobile"))
    cells = dict(rows[1:])
    assert cells["Loại phiên"] == "Lưu động" and cells["Số phiên"] == 1
    assert_cells_equal_the_report(rows, Fair.objects.filter(pk=fair.pk))
    end = (today() + dt.timedelta(days=10)).strftime("%d/%m/%Y")
    rows = sheet_rows(client_of(officer).get(f"/fairs/report/excel/?held_before={end}"))
    assert dict(rows[1:])["Số phiên"] == 2
    assert_cells_equal_the_report(rows, Fair.objects.filter(commune__code="25459"))


def test_a_rejected_filter_goes_back_to_the_report_page_which_names_it(cast, fair):
    client = client_of(cast["commune_a"])
    response = client.get("/fairs/report/excel/?held_after=31/02/2026")
    assert response.status_code == 302 and response["Location"] == "/fairs/report/?held_after=31%2F02%2F2026"
    assert client.get("/fairs/report/print/?held_after=xyz").status_code == 302


def test_the_printed_report_carries_the_centres_sentence_and_the_chosen_fairs(cast, fair):
    officer = cast["commune_a"]
    other = make_fair(officer, name="Phiên định kỳ tại trung tâm", kind=FairKind.CENTRE)
    page = client_of(officer).get("/fairs/report/print/?kind=mobile").content.decode()
    report = fair_report(Fair.objects.filter(pk=fair.pk))
    assert fair_report_line(report) in page
    assert "Phiên lưu động Tân Ninh" in page and other.name not in page
    assert "Người lập biểu" in page and f"Ngày {today():%d} tháng {today():%m} năm {today():%Y}" in page
    one = client_of(officer).get(f"/fairs/{fair.pk}/report/print/").content.decode()
    assert fair_report_line(report) in one and "Phiên lưu động Tân Ninh" in one and "@page" not in one


def test_the_report_page_and_the_fair_page_link_to_the_documents(cast, fair):
    client = client_of(cast["commune_a"])
    report = client.get("/fairs/report/?kind=mobile").content.decode()
    assert 'href="/fairs/report/excel/?kind=mobile"' in report and 'href="/fairs/report/print/?kind=mobile"' in report
    detail = client.get(f"/fairs/{fair.pk}/").content.decode()
    for path in ("attendees/excel/", "booths/excel/", "badges/", "report/excel/", "report/print/"):
        assert f'href="/fairs/{fair.pk}/{path}"' in detail


#
# Badges and tickets
#
def test_the_badges_page_has_a_qr_code_and_the_name_of_each_registration(cast, fair):
    page = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/badges/").content.decode()
    tokens = list(FairRegistration.objects.filter(fair=fair).values_list("token", flat=True))
    assert page.count("<svg") == len(tokens) == 2
    assert "Nguyễn Thị Đến" in page and "Võ Thị Tự Khai 1" in page and "Phiên lưu động Tân Ninh" in page
    assert today().strftime("%d/%m/%Y") in page
    assert AuditEvent.objects.filter(action=AuditAction.READ, object_id=str(fair.pk)).count() == 1


def test_badges_of_those_not_yet_come_leave_out_the_checked_in(cast, fair):
    page = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/badges/?waiting=1").content.decode()
    assert page.count("<svg") == 1 and "Võ Thị Tự Khai 1" in page and "Nguyễn Thị Đến" not in page


def test_the_badges_come_in_batches_of_twelve_sheets(cast, fair):
    for n in range(2, 100):
        typed_registration(fair, n)
    client = client_of(cast["commune_a"])
    first = client.get(f"/fairs/{fair.pk}/badges/").content.decode()
    assert first.count("<svg") == 96 and first.count('class="badges"') == 12 and "phần 1/2" in first
    assert client.get(f"/fairs/{fair.pk}/badges/?page=2").content.decode().count("<svg") == 4


def test_a_single_ticket_shows_one_registration_and_its_qr_code(cast, fair):
    registration = FairRegistration.objects.get(person__isnull=True)
    response = client_of(cast["commune_a"]).get(f"/fairs/tickets/{registration.pk}/")
    page = response.content.decode()
    assert page.count("<svg") == 1 and "Võ Thị Tự Khai 1" in page and "Nguyễn Thị Đến" not in page
    assert AuditEvent.objects.filter(action=AuditAction.READ, object_id=str(registration.pk)).exists()


#
# Who may open them
#
def document_paths(fair: Fair) -> list[str]:
    registration = FairRegistration.objects.filter(fair=fair).first()
    paths = ("attendees/excel/", "booths/excel/", "report/excel/", "report/print/", "badges/")
    return [*(f"/fairs/{fair.pk}/{path}" for path in paths), f"/fairs/tickets/{registration.pk}/"]


def test_a_commune_officer_of_another_commune_finds_no_document_of_the_fair(cast, fair):
    client = client_of(cast["commune_b"])
    for path in document_paths(fair):
        assert client.get(path).status_code == 404, path
    assert not AuditEvent.objects.filter(action=AuditAction.READ).exists()
    cells = dict(sheet_rows(client.get("/fairs/report/excel/"))[1:])
    assert cells["Số phiên"] == 0  # the set report counts only the officer's own areas


def test_workers_and_employers_are_refused_every_document(cast, fair):
    for who in ("worker", "employer"):
        client = client_of(cast[who])
        for path in [*document_paths(fair), "/fairs/report/excel/", "/fairs/report/print/"]:
            assert client.get(path).status_code == 403, (who, path)


def test_a_visitor_is_sent_to_sign_in(fair):
    response = Client().get(f"/fairs/{fair.pk}/badges/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_province_officer_opens_the_documents_of_a_commune_fair(cast, fair):
    assert client_of(cast["province_a"]).get(f"/fairs/{fair.pk}/badges/").status_code == 200


#
# Queries
#
def test_the_lists_and_badges_cost_the_same_queries_for_many_registrations(cast, fair, django_assert_max_num_queries):
    client = client_of(cast["commune_a"])
    paths = [f"/fairs/{fair.pk}/attendees/excel/", f"/fairs/{fair.pk}/badges/", f"/fairs/{fair.pk}/booths/excel/",
             "/fairs/report/print/"]  # fmt: skip
    used = {}
    for path in paths:
        with django_assert_max_num_queries(30) as captured:
            client.get(path)
        used[path] = len(captured.captured_queries)
    officer = cast["commune_a"]
    booths = list(fair.booths.all())
    for n in range(2, 40):
        registration = typed_registration(fair, n)
        registration.booths.set(booths)
    for n in range(3):
        make_fair(officer, name=f"Phiên thêm {n}")
        employer = make_employer(cast["province_a"], name=f"Công ty {n}")
        vacancy = make_vacancy(cast["province_a"], employer=employer, status="open")
        services.booth_register(actor=officer, fair=fair, data={"employer": employer, "vacancies": [vacancy]})
    for path in paths:
        with django_assert_max_num_queries(used[path]):
            client.get(path)


#
# The menu
#
def test_staff_find_the_fairs_in_the_menu_and_workers_do_not(cast):
    assert 'href="/fairs/"' in client_of(cast["commune_a"]).get("/").content.decode()
    assert 'href="/fairs/"' not in client_of(cast["worker"]).get("/").content.decode()


def test_the_documents_read_in_english(cast, fair):
    client = client_of(cast["commune_a"])
    client.cookies["django_language"] = "en"
    page = client.get(f"/fairs/{fair.pk}/badges/").content.decode()
    assert "Show this QR code to the officer when you arrive." in page
    response = client.get(f"/fairs/{fair.pk}/attendees/excel/")
    header = sheet_rows(response)[0]
    assert header[0] == "Full name" and not re.search(r"[ạ-ỹ]", " ".join(header))
    notes = AuditEvent.objects.filter(action=AuditAction.READ).values_list("changes", flat=True)
    assert {next(iter(note.values()))[1] for note in notes} == {
        "Thẻ đeo, vé tham gia phiên (trang 1)",
        "Danh sách người lao động đăng ký",
    }  # the trail's words


def test_the_file_names_carry_the_fair_day_not_its_id(cast, fair):
    response = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/attendees/excel/")
    day = today()
    expected = f"nguoi-dang-ky-phien-ngay-{day:%d-%m-%Y}-{day:%Y-%m-%d}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


#
# On a phone
#
def test_the_print_pages_fit_a_390_px_window(cast, fair, tmp_path):
    """Rendered by Django first, then shown by Chromium (no server: the pages and their style sheets are handed to
    the browser from memory), on a 390 × 844 window: nothing is wider than the window, the print pages and the
    fair and report pages that link to them."""
    import shutil

    from django.contrib.staticfiles import finders

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not shutil.os.path.exists(chromium):
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    for n in range(2, 6):
        typed_registration(fair, n)
    FairRegistration.objects.filter(pk=FairRegistration.objects.latest("pk").pk).update(
        applicant_name="Nguyễn Thị Hoàng Phương Thảo Nguyên Bình Minh Rạng Rỡ Sáng Ngời Trên Cánh Đồng Lúa Chín Vàng"
    )
    client = client_of(cast["commune_a"])
    registration = FairRegistration.objects.filter(fair=fair).first()
    paths = [f"/fairs/{fair.pk}/badges/", f"/fairs/tickets/{registration.pk}/",
             f"/fairs/{fair.pk}/report/print/", "/fairs/report/print/"]  # fmt: skip
    screens = [f"/fairs/{fair.pk}/", "/fairs/report/?kind=mobile"]  # the pages holding the links
    pages = {path: client.get(path).content for path in [*paths, *screens]}

    def serve(route):
        path = route.request.url.removeprefix("http://docs.test")
        if path in pages:
            return route.fulfill(body=pages[path], content_type="text/html; charset=utf-8")
        found = finders.find(path.removeprefix("/static/")) if path.startswith("/static/") else None
        if found:
            kind = "text/css" if found.endswith(".css") else "application/octet-stream"
            return route.fulfill(path=found, content_type=kind)
        return route.fulfill(status=404, body=b"")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        page.route("**/*", serve)
        for path in paths:
            page.goto("http://docs.test" + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
            assert page.evaluate("getComputedStyle(document.querySelector('.sheet')).backgroundColor") == (
                "rgb(255, 255, 255)"
            ), path  # the print style sheet was applied
            page.screenshot(path=str(tmp_path / (path.strip("/").replace("/", "-") + ".png")), full_page=True)
        for path in screens:
            page.goto("http://docs.test" + path)
            assert "vieclam" in page.title(), path  # the page itself, not an empty answer
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        browser.close()
