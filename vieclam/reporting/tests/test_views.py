"""The report pages: the list of the user's areas, "Lập báo cáo" (kind, area, year and half), the buttons each role
gets, and the downloads, which LibreOffice opens."""

import datetime as dt

import pytest
from django.test import Client

from vieclam.conftest import COMMUNE_A, OTHER_COMMUNE_A, PROVINCE_A
from vieclam.connections.tests.factories import make_connection
from vieclam.core.testing_office import libreoffice_convert, require_office
from vieclam.reporting import services
from vieclam.reporting.choices import ReportStatus
from vieclam.reporting.models import Report
from vieclam.reporting.tests.factories import make_report

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_only_reports_of_the_users_areas(cast, django_assert_max_num_queries):
    make_report(cast["commune_a"], code=COMMUNE_A)
    make_report(cast["province_a"], code=OTHER_COMMUNE_A)
    make_report(cast["province_a"], code=PROVINCE_A)
    commune = client_for(cast["commune_a"]).get("/reports/").content.decode()
    assert "Phường Tân Ninh" in commune and "Phường Bình Minh" not in commune and "Tỉnh Tây Ninh" not in commune
    client = client_for(cast["province_a"])
    with django_assert_max_num_queries(20):
        province = client.get("/reports/").content.decode()
    assert all(name in province for name in ("Phường Tân Ninh", "Phường Bình Minh", "Tỉnh Tây Ninh"))
    assert "Lập báo cáo" in province and "6 tháng đầu năm 2026" in province
    assert client_for(cast["province_b"]).get("/reports/").content.decode().count("Phường Tân Ninh") == 0


def test_a_commune_officer_makes_a_report_for_a_year_and_half(cast):
    client = client_for(cast["commune_a"])
    assert "Lập báo cáo" in client.get("/reports/new/").content.decode()
    response = client.post("/reports/new/", {"kind": "tda43_6_thang", "area": COMMUNE_A, "year": "2026",
                                             "part": "h1"})  # fmt: skip
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert (report.period_start, report.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def test_the_form_refuses_an_area_outside_the_users_scope_and_a_period_the_report_does_not_cover(cast):
    client = client_for(cast["commune_a"])
    page = client.post("/reports/new/", {"kind": "tda43_6_thang", "area": OTHER_COMMUNE_A, "year": "2026",
                                         "part": "h1"}).content.decode()  # fmt: skip
    assert "is-invalid" in page or "invalid-feedback" in page
    page = client.post("/reports/new/", {"kind": "tda43_6_thang", "area": COMMUNE_A, "year": "2026",
                                         "part": "year"}).content.decode()  # fmt: skip
    assert "không lập cho kỳ" in page
    assert not Report.objects.exists()


def test_each_role_gets_its_buttons(cast):
    report = make_report(cast["commune_a"], code=COMMUNE_A)
    page = client_for(cast["commune_a"]).get(f"/reports/{report.pk}/").content.decode()
    assert "Nộp báo cáo" in page and "Tải Excel" in page and "Tải PDF" in page and ">Duyệt<" not in page
    services.report_submit(actor=cast["commune_a"], report=report)
    page = client_for(cast["commune_a"]).get(f"/reports/{report.pk}/").content.decode()
    assert "Nộp báo cáo" not in page and ">Duyệt<" not in page and "Trả lại" not in page
    page = client_for(cast["province_a"]).get(f"/reports/{report.pk}/").content.decode()
    assert ">Duyệt<" in page and "Trả lại" in page


def test_a_commune_officer_can_neither_approve_nor_see_another_communes_report(cast):
    mine = services.report_submit(actor=cast["commune_a"], report=make_report(cast["commune_a"], code=COMMUNE_A))
    other = make_report(cast["province_a"], code=OTHER_COMMUNE_A)
    client = client_for(cast["commune_a"])
    assert client.post(f"/reports/{mine.pk}/approve/").status_code == 403
    assert client.post(f"/reports/{mine.pk}/return/", {"comment": "x"}).status_code == 403
    for url in (f"/reports/{other.pk}/", f"/reports/{other.pk}/excel/", f"/reports/{other.pk}/submit/"):
        assert client.get(url).status_code in (404, 405) and client.post(url).status_code == 404
    assert Report.objects.get(pk=mine.pk).status == ReportStatus.SUBMITTED


def test_the_province_returns_with_a_reason_and_approves(cast):
    report = services.report_submit(actor=cast["commune_a"], report=make_report(cast["commune_a"], code=COMMUNE_A))
    client = client_for(cast["province_a"])
    page = client.post(f"/reports/{report.pk}/return/", {"comment": ""}, follow=True).content.decode()
    assert "lý do trả lại" in page
    client.post(f"/reports/{report.pk}/return/", {"comment": "Bổ sung số liệu"})
    assert Report.objects.get(pk=report.pk).status == ReportStatus.RETURNED
    page = client_for(cast["commune_a"]).get(f"/reports/{report.pk}/").content.decode()
    assert "Bổ sung số liệu" in page and "Nộp báo cáo" in page
    client_for(cast["commune_a"]).post(f"/reports/{report.pk}/submit/")
    client.post(f"/reports/{report.pk}/approve/")
    assert Report.objects.get(pk=report.pk).status == ReportStatus.APPROVED


@require_office
def test_the_downloads_open_in_libreoffice(cast, tmp_path):
    officer = cast["province_a"]
    make_connection(officer, start_date=dt.date(2026, 3, 1))
    report = services.report_submit(actor=officer, report=make_report(officer, code=PROVINCE_A))
    client = client_for(officer)
    excel = client.get(f"/reports/{report.pk}/excel/")
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in excel["Content-Disposition"] and ".xlsx" in excel["Content-Disposition"]
    pdf = client.get(f"/reports/{report.pk}/pdf/")
    assert pdf.content[:5] == b"%PDF-"
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(excel.content)
    csv_text = libreoffice_convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true")
    text = csv_text.read_text("utf-8")
    assert "Số người được kết nối việc làm thành công" in text and "Tỉnh Tây Ninh" in text
