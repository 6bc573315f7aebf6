import pytest
from django.test import Client

from vieclam.core.dates import today
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services
from vieclam.fairs.models import Fair
from vieclam.fairs.tests.factories import make_fair, walk_in

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_plan_a_fair_from_the_form_and_open_it(cast):
    officer = cast["commune_a"]
    data = {"name": "Phiên lưu động Tân Ninh", "kind": "mobile", "held_on": today().strftime("%d/%m/%Y"),
            "starts_at": "07:30", "ends_at": "11:00", "commune": "25459", "capacity": "200",
            "address": "Nhà văn hóa khu phố 1"}  # fmt: skip
    response = client_of(officer).post("/fairs/new/", data)
    fair = Fair.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fairs/{fair.pk}/"
    response = client_of(officer).post(f"/fairs/{fair.pk}/status/", {"status": "open"})
    fair.refresh_from_db()
    assert fair.status == "open"
    page = client_of(officer).get(f"/fairs/{fair.pk}/").content.decode()
    assert "Phiên lưu động Tân Ninh" in page and "Đang nhận đăng ký" in page


def test_the_form_names_a_wrong_time_and_writes_nothing(cast):
    officer = cast["commune_a"]
    data = {"name": "Phiên", "kind": "centre", "held_on": today().strftime("%d/%m/%Y"), "starts_at": "11:00",
            "ends_at": "07:00", "commune": "25459", "capacity": "10"}  # fmt: skip
    page = client_of(officer).post("/fairs/new/", data).content.decode()
    assert "Giờ kết thúc (07:00) phải sau giờ bắt đầu (11:00)" in page
    assert not Fair.objects.exists()


def test_the_list_detail_and_report_show_the_fairs_of_the_users_areas_only(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer, name="Phiên tháng Mười Hai")
    services.booth_register(actor=officer, fair=fair, data={"employer": make_employer(officer, name="Công ty Dệt")})
    services.registration_create(actor=officer, fair=fair, data={**walk_in(1), "check_in": True})
    page = client_of(officer).get("/fairs/").content.decode()
    assert "Phiên tháng Mười Hai" in page
    detail = client_of(officer).get(f"/fairs/{fair.pk}/").content.decode()
    assert "Công ty Dệt" in detail and "1 / 100 người, 1 người đã đến" in detail
    report = client_of(officer).get("/fairs/report/").content.decode()
    assert "1 công ty, doanh nghiệp tham gia" in report
    assert "Phiên tháng Mười Hai" not in client_of(cast["commune_b"]).get("/fairs/").content.decode()
    assert client_of(cast["commune_b"]).get(f"/fairs/{fair.pk}/").status_code == 404
    assert "0 công ty" in client_of(cast["commune_b"]).get("/fairs/report/").content.decode()


def test_the_list_exports_to_excel(cast):
    make_fair(cast["commune_a"])
    response = client_of(cast["commune_a"]).get("/fairs/?export=xlsx")
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]


def test_workers_and_employers_do_not_see_staff_pages(cast):
    assert client_of(cast["worker"]).get("/fairs/").status_code == 403
    assert client_of(cast["employer"]).get("/fairs/report/").status_code == 403


def test_the_fair_pages_read_in_english(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    client = client_of(officer)
    client.cookies["django_language"] = "en"
    page = client.get(f"/fairs/{fair.pk}/").content.decode()
    assert "Open for registration" in page and "Workers who applied at the booths" in page
    assert "0 companies and enterprises took part" in page
    assert "Job fair outcome report" in client.get("/fairs/report/").content.decode()


def test_staff_check_a_worker_in_from_the_fairs_page_by_cccd_phone_or_qr(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    by_phone = services.registration_create(actor=officer, fair=fair, data=walk_in(4))
    by_token = services.registration_create(actor=officer, fair=fair, data=walk_in(5))
    client = client_of(officer)
    page = client.post(f"/fairs/{fair.pk}/check-in/", {"code": "09 0000 0004"}, follow=True).content.decode()
    assert "Trần Thị Đến 4 đã đến phiên lúc" in page
    client.post(f"/fairs/{fair.pk}/check-in/", {"code": by_token.token})
    page = client.post(f"/fairs/{fair.pk}/check-in/", {"code": "079085099999"}, follow=True).content.decode()
    assert "chưa đăng ký phiên này" in page
    assert fair.registrations.filter(checked_in_at__isnull=False).count() == 2
    assert by_phone.pk != by_token.pk
