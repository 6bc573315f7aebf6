"""A report goes draft → submitted (figures frozen) → approved or returned (with a reason) → submitted again; only
the province reviews; a submitted report never changes its figures, it flags those that differ now."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from vieclam.conftest import COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A, PROVINCE_A
from vieclam.connections.tests.factories import make_connection
from vieclam.core.models import AuditEvent
from vieclam.reporting import services
from vieclam.reporting.choices import ReportStatus
from vieclam.reporting.models import Report
from vieclam.reporting.selectors import report_view
from vieclam.reporting.tests.factories import make_report, unit

pytestmark = pytest.mark.django_db
CONNECTED = "Số người được kết nối việc làm thành công"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def figure(doc, label: str, column: int = 2):
    return next(r for r in doc.tables[0].rows if r[0] == label)[column]


def test_the_commune_submits_and_the_province_approves(cast):
    report = make_report(cast["commune_a"], code=COMMUNE_A)
    assert report.status == ReportStatus.DRAFT
    report = services.report_submit(actor=cast["commune_a"], report=report)
    assert report.status == ReportStatus.SUBMITTED and report.snapshot["tables"]
    assert report.submitted_by == cast["commune_a"]
    report = services.report_approve(actor=cast["province_a"], report=report)
    assert report.status == ReportStatus.APPROVED and report.reviewed_by == cast["province_a"]
    steps = AuditEvent.objects.filter(object_id=str(report.pk), content_type__model="report")
    assert [e.changes.get("status") for e in steps.order_by("pk")][1:] == [
        ["draft", "submitted"],
        ["submitted", "approved"],
    ]


def test_a_returned_report_needs_a_reason_and_can_be_submitted_again(cast):
    report = services.report_submit(actor=cast["commune_a"], report=make_report(cast["commune_a"], code=COMMUNE_A))
    with pytest.raises(ValidationError) as error:
        services.report_return(actor=cast["province_a"], report=report, comment="  ")
    assert "lý do" in str(error.value)
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    report = services.report_return(actor=cast["province_a"], report=report, comment="Thiếu số liệu tháng 6")
    assert report.status == ReportStatus.RETURNED and report.comment == "Thiếu số liệu tháng 6"
    report = services.report_submit(actor=cast["commune_a"], report=report)
    assert report.status == ReportStatus.SUBMITTED
    with pytest.raises(ValidationError):
        services.report_submit(actor=cast["commune_a"], report=report)


def test_only_the_province_reviews_and_only_inside_its_areas(cast):
    report = services.report_submit(actor=cast["commune_a"], report=make_report(cast["commune_a"], code=COMMUNE_A))
    for actor in ("commune_a", "counsellor_a", "province_b"):
        with pytest.raises(PermissionDenied):
            services.report_approve(actor=cast[actor], report=report)
    with pytest.raises(PermissionDenied):
        services.report_submit(actor=cast["commune_b"], report=make_report(cast["province_a"], code=OTHER_COMMUNE_A))
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_bad_input_is_refused_with_a_vietnamese_message_and_nothing_written(cast):
    officer = cast["commune_a"]
    a, b = unit(COMMUNE_A), unit(COMMUNE_B)
    jan, feb, jun, dec = dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 6, 30), dt.date(2026, 12, 31)
    cases = [
        (("tda43_6_thang", a, jun, jan), "period", "trước khi bắt đầu"),
        (("tda43_6_thang", b, jan, jun), "area", "ngoài địa bàn"),
        (("tda43_6_thang", a, jan, dec), "period", "không lập cho kỳ"),
        (("tda43_6_thang", a, feb, jun), "period", "6 tháng đầu năm"),
        (("khong_co", a, jan, jun), "kind", "Chọn một loại"),
    ]
    for (kind, area, start, end), field, words in cases:
        with pytest.raises(ValidationError) as error:
            services.report_create(actor=officer, kind=kind, area=area, period_start=start, period_end=end)
        assert words in " ".join(error.value.message_dict[field]), field
    make_report(officer, code=COMMUNE_A)
    with pytest.raises(ValidationError, match="Đã có báo cáo"):
        make_report(officer, code=COMMUNE_A)
    assert Report.objects.count() == 1


def test_a_submitted_report_keeps_its_figures_and_flags_those_changed_since(cast):
    officer = cast["province_a"]
    make_connection(officer, start_date=dt.date(2026, 3, 1))
    report = services.report_submit(actor=officer, report=make_report(officer, code=PROVINCE_A))
    make_connection(officer, start_date=dt.date(2026, 4, 1))  # recorded late, after submission
    view = report_view(Report.objects.get(pk=report.pk))
    assert figure(view.document, CONNECTED) == 1  # the submitted figure, never silently altered
    row = next(i for i, r in enumerate(view.document.tables[0].rows) if r[0] == CONNECTED)
    assert view.changes[(0, row, 2)] == 2
    page = client_for(officer).get(f"/reports/{report.pk}/").content.decode()
    assert "Đã thay đổi sau khi nộp" in page and "hiện nay: 2" in page


def test_a_draft_shows_the_figures_as_they_are_now(cast):
    officer = cast["province_a"]
    report = make_report(officer, code=PROVINCE_A)
    make_connection(officer, start_date=dt.date(2026, 3, 1))
    view = report_view(report)
    assert figure(view.document, CONNECTED) == 1 and not view.changes


def test_a_reader_in_english_sees_the_same_changes(cast):
    from django.utils import translation

    officer = cast["province_a"]
    report = services.report_submit(actor=officer, report=make_report(officer, code=PROVINCE_A))
    make_connection(officer, start_date=dt.date(2026, 4, 1))
    with translation.override("en"):
        view = report_view(Report.objects.get(pk=report.pk))
    assert len(view.changes) >= 1 and view.document.tables[0].columns[2].header == "Thực hiện kỳ này"
