"""Staff pages: lists with filters and export, forms with pickers, the caseload and a person's service record."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from vieclam.casework import services
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.casework.tests.factories import make_group, make_person, make_session
from vieclam.conftest import COMMUNE_A, COMMUNE_B
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cast):
    return {
        "an": make_person(cast["province_a"], name="Nguyễn Văn An", national_id=None, commune=COMMUNE_A),
        "ha": make_person(cast["province_b"], name="Phạm Thu Hà", national_id=None, commune=COMMUNE_B),
    }


def login(client, user):
    client.force_login(user)
    return client


def test_a_counsellor_records_a_session_through_the_form_with_a_typed_date_and_ticked_topics(client, cast, people):
    login(client, cast["counsellor_a"])
    page = client.get(f"/casework/sessions/new/?person={people['an'].pk}")
    assert page.status_code == 200 and "Nguyễn Văn An" in page.content.decode()
    response = client.post(
        "/casework/sessions/new/",
        {"person": people["an"].pk, "person_label": "Nguyễn Văn An", "held_on": "02/03/2026",
         "channel": "qua_dien_thoai", "topics": ["tim_viec_lam", "hoc_nghe"], "outcome": "Muốn học nghề hàn",
         "next_step": "", "next_action_on": "", "note": "Dòng 1\nDòng 2"},
    )  # fmt: skip
    session = CounsellingSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casework/sessions/{session.pk}/"
    assert session.held_on == dt.date(2026, 3, 2) and session.counsellor == cast["counsellor_a"]
    detail = client.get(response["Location"]).content.decode()
    assert "Tìm việc làm, Học nghề" in detail and "Qua điện thoại" in detail and "02/03/2026" in detail


def test_a_person_outside_the_area_cannot_be_picked_and_nothing_is_written(client, cast, people):
    login(client, cast["counsellor_a"])
    response = client.post(
        "/casework/sessions/new/",
        {"person": people["ha"].pk, "person_label": "Phạm Thu Hà", "held_on": "02/03/2026",
         "channel": "tai_trung_tam", "topics": ["tim_viec_lam"]},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Người lao động" in response.content.decode()
    assert not CounsellingSession.objects.exists()


def test_a_form_without_topics_names_the_field(client, cast, people):
    login(client, cast["counsellor_a"])
    response = client.post(
        "/casework/sessions/new/",
        {"person": people["an"].pk, "held_on": "02/03/2026", "channel": "tai_trung_tam"},
    )
    assert "Nội dung tư vấn: chọn ít nhất một nội dung." in response.content.decode()
    assert not CounsellingSession.objects.exists()


def test_the_session_list_filters_by_topic_and_exports_the_rows_it_shows(client, cast, people):
    make_session(cast["counsellor_a"], people["an"], topic_codes=("hoc_nghe",), outcome="Học hàn")
    make_session(cast["counsellor_a"], people["an"], topic_codes=("bao_hiem_that_nghiep",), outcome="Hỏi BHTN")
    make_session(cast["province_b"], people["ha"], outcome="Ở Hà Nội")
    login(client, cast["province_a"])
    page = client.get("/casework/sessions/", {"topic": "hoc_nghe"}).content.decode()
    assert "Học hàn" in page and "Hỏi BHTN" not in page and "Ở Hà Nội" not in page
    response = client.get("/casework/sessions/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Ngày tư vấn", "Người lao động", "Số CCCD (che bớt)"]
    assert {r[7] for r in rows[1:]} == {"Hỏi BHTN", "Học hàn"}
    assert client.get("/casework/sessions/", {"export": "xlsx"}).status_code == 200


def test_a_session_is_edited_and_its_history_shows_the_topic_names(client, cast, people):
    session = make_session(cast["counsellor_a"], people["an"])
    login(client, cast["province_a"])
    response = client.post(
        f"/casework/sessions/{session.pk}/edit/",
        {"held_on": "02/03/2026", "channel": "tai_trung_tam", "topics": ["hoc_nghe"], "outcome": "Đã chọn nghề",
         "counsellor": "counsellor_a"},
    )  # fmt: skip
    assert response.status_code == 302
    detail = client.get(f"/casework/sessions/{session.pk}/").content.decode()
    assert "Đã chọn nghề" in detail and "Học nghề" in detail and "tim_viec_lam" not in detail


def test_a_group_session_is_recorded_then_attendees_are_added_within_the_head_count(client, cast, people):
    login(client, cast["commune_a"])
    response = client.post(
        "/casework/groups/new/",
        {"held_on": "05/03/2026", "commune": COMMUNE_A, "commune_label": "Phường Tân Ninh", "unit_kind": "truong_hoc",
         "unit_name": "Trường THPT Tây Ninh", "topics": ["dinh_huong_nghe_nghiep"], "headcount": "1", "note": ""},
    )  # fmt: skip
    group = GroupSession.objects.get()
    assert response.status_code == 302 and group.headcount == 1
    added = client.post(f"/casework/groups/{group.pk}/attendees/", {"person": people["an"].pk})
    assert added.status_code == 302
    other = make_person(cast["province_a"], name="Lê Văn Chí", national_id=None)
    refused = client.post(f"/casework/groups/{group.pk}/attendees/", {"person": other.pk})
    assert refused.status_code == 400
    assert "Số lượt tham dự (1) ít hơn số người có tên (2)." in refused.content.decode()
    assert list(group.attendees.all()) == [people["an"]]
    removed = client.post(f"/casework/groups/{group.pk}/attendees/remove/", {"person": people["an"].pk})
    assert removed.status_code == 302 and not group.attendees.exists()


def test_a_group_session_form_refuses_a_negative_head_count_naming_it(client, cast):
    login(client, cast["commune_a"])
    response = client.post(
        "/casework/groups/new/",
        {"held_on": "05/03/2026", "commune": COMMUNE_A, "unit_kind": "xa_phuong", "topics": ["tim_viec_lam"],
         "headcount": "-5"},
    )  # fmt: skip
    assert "Số lượt tham dự không được âm." in response.content.decode()
    assert not GroupSession.objects.exists()


def test_the_group_list_exports_and_a_foreign_group_answers_404(client, cast):
    group_b = make_group(cast["province_b"], commune=COMMUNE_B, unit_name="Ba Đình hall")
    make_group(cast["province_a"], unit_name="Nhà văn hoá")
    login(client, cast["province_a"])
    page = client.get("/casework/groups/").content.decode()
    assert "Nhà văn hoá" in page and "Ba Đình hall" not in page
    assert client.get(f"/casework/groups/{group_b.pk}/").status_code == 404
    assert client.get("/casework/groups/", {"export": "xlsx"}).status_code == 200


def test_a_case_is_assigned_through_the_form_and_shows_in_the_counsellors_list(client, cast, people):
    login(client, cast["province_a"])
    response = client.post(
        "/casework/cases/new/",
        {"person": people["an"].pk, "counsellor": "counsellor_a", "assigned_on": "",
         "next_action_on": (today() - dt.timedelta(days=2)).strftime("%d/%m/%Y"), "next_action": "Gọi lại"},
    )  # fmt: skip
    assert response.status_code == 302
    assert CaseAssignment.objects.get().counsellor == cast["counsellor_a"]
    mine = login(client, cast["counsellor_a"]).get("/casework/mine/").content.decode()
    assert "Nguyễn Văn An" in mine and "Quá hạn" in mine and "Gọi lại" in mine
    province = login(client, cast["province_a"]).get("/casework/mine/").content.decode()
    assert "Theo tư vấn viên" in province and "counsellor_a" in province


def test_a_case_form_refuses_a_counsellor_from_another_province(client, cast, people):
    login(client, cast["admin"])
    response = client.post("/casework/cases/new/", {"person": people["ha"].pk, "counsellor": "counsellor_a"})
    assert "không phụ trách địa bàn nơi Phạm Thu Hà cư trú" in response.content.decode()
    assert not CaseAssignment.objects.exists()


def test_the_person_service_record_page_lists_services_in_date_order_and_logs_the_opening(client, cast, people):
    an = people["an"]
    make_session(cast["counsellor_a"], an, held_on=dt.date(2026, 1, 5), outcome="Lần đầu")
    make_group(cast["counsellor_a"], attendees=[an], held_on=dt.date(2026, 2, 5), unit_name="Nhà văn hoá ấp 2")
    services.case_assign(actor=cast["province_a"], data={"person": an, "counsellor": cast["counsellor_a"]})
    login(client, cast["counsellor_a"])
    page = client.get(f"/casework/persons/{an.pk}/services/").content.decode()
    assert page.index("Lần đầu") < page.index("Nhà văn hoá ấp 2")
    assert "Tư vấn viên phụ trách" in page
    assert AuditEvent.objects.filter(action="read", object_id=str(an.pk)).exists()
    assert client.get(f"/casework/persons/{people['ha'].pk}/services/").status_code == 404


def test_the_counts_page_shows_lượt_and_người(client, cast, people):
    make_session(cast["counsellor_a"], people["an"], held_on=dt.date(2026, 3, 2))
    make_group(cast["counsellor_a"], headcount=30, attendees=[people["an"]], held_on=dt.date(2026, 3, 3))
    login(client, cast["province_a"])
    page = client.get("/casework/counts/", {"date_from": "01/03/2026", "date_to": "31/03/2026"}).content.decode()
    assert "Lượt người được tư vấn" in page
    assert '<dd class="col-sm-7">31</dd>' in page and '<dd class="col-sm-7">1</dd>' in page
    bad = client.get("/casework/counts/", {"date_from": "31/03/2026", "date_to": "01/03/2026"}).content.decode()
    assert "Đến ngày: phải từ" in bad


def test_workers_and_employers_get_403(client, cast):
    for who in ("worker", "employer"):
        assert login(client, cast[who]).get("/casework/sessions/").status_code == 403
        assert client.get("/casework/mine/").status_code == 403
