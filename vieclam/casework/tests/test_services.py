"""Counselling, group sessions and caseloads: what is recorded, what is refused (nothing written), the audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.casework import services
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupAttendance, GroupSession
from vieclam.casework.tests.factories import channel, make_group, make_person, make_session, topics, unit_kind
from vieclam.conftest import COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cast):
    officer_a, officer_b = cast["province_a"], cast["province_b"]
    return {
        "an": make_person(officer_a, name="Nguyễn Văn An", national_id=None, commune=COMMUNE_A),
        "binh": make_person(officer_a, name="Trần Thị Bình", national_id=None, commune=OTHER_COMMUNE_A),
        "chi": make_person(officer_a, name="Lê Văn Chí", national_id=None, commune=COMMUNE_A),
        "ha_noi": make_person(officer_b, name="Phạm Thu Hà", national_id=None, commune=COMMUNE_B),
    }


def messages_of(exc) -> dict:
    return exc.value.message_dict


def test_a_counsellor_records_a_session_with_topics_channel_and_next_step_audited(cast, people):
    counsellor = cast["counsellor_a"]
    session = make_session(
        counsellor, people["an"], topic_codes=("tim_viec_lam", "hoc_nghe"), channel_code="qua_dien_thoai",
        outcome="Muốn học nghề hàn", next_step="Giới thiệu lớp hàn", next_action_on=dt.date(2026, 3, 20),
    )  # fmt: skip
    assert session.counsellor == counsellor
    assert sorted(session.topics.values_list("code", flat=True)) == ["hoc_nghe", "tim_viec_lam"]
    event = AuditEvent.objects.get(object_id=str(session.pk), content_type__model="counsellingsession")
    assert event.changes["topics"] == [None, ["hoc_nghe", "tim_viec_lam"]]
    assert event.changes["channel"] == [None, "qua_dien_thoai"]
    assert event.area == people["an"].residence_commune


def test_a_counsellor_recording_for_a_person_outside_their_area_is_refused_and_nothing_is_written(cast, people):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        make_session(cast["counsellor_a"], people["ha_noi"])
    assert "Phạm Thu Hà cư trú ngoài địa bàn bạn phụ trách" in messages_of(exc)["person"][0]
    assert not CounsellingSession.objects.exists()
    assert AuditEvent.objects.count() == before


def test_a_session_in_the_future_without_topic_or_with_the_next_date_before_it_names_each_field(cast, people):
    future = today() + dt.timedelta(days=3)
    data = {"person": people["an"], "held_on": future, "topics": [], "channel": channel(),
            "next_action_on": future - dt.timedelta(days=10)}  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.session_create(actor=cast["counsellor_a"], data=data)
    errors = messages_of(exc)
    assert "Ngày tư vấn" in errors["held_on"][0] and "sau hôm nay" in errors["held_on"][0]
    assert errors["topics"] == ["Nội dung tư vấn: chọn ít nhất một nội dung."]
    assert "Ngày hẹn tiếp theo" in errors["next_action_on"][0]
    assert not CounsellingSession.objects.exists()


def test_a_channel_given_as_a_topic_is_refused(cast, people):
    with pytest.raises(ValidationError) as exc:
        services.session_create(
            actor=cast["counsellor_a"],
            data={"person": people["an"], "held_on": dt.date(2026, 3, 2), "topics": [channel()], "channel": channel()},
        )
    assert "không có trong danh mục nội dung tư vấn" in messages_of(exc)["topics"][0]


def test_a_session_update_records_old_and_new_topics(cast, people):
    session = make_session(cast["counsellor_a"], people["an"])
    services.session_update(
        actor=cast["province_a"], session=session, data={"topics": topics("hoc_nghe"), "outcome": "Đã đăng ký học"}
    )
    event = AuditEvent.objects.filter(object_id=str(session.pk), action="update").get()
    assert event.changes["topics"] == [["tim_viec_lam"], ["hoc_nghe"]]
    assert event.changes["outcome"] == ["", "Đã đăng ký học"]


def test_an_officer_of_another_province_cannot_change_a_session(cast, people):
    session = make_session(cast["counsellor_a"], people["an"])
    with pytest.raises(PermissionDenied):
        services.session_update(actor=cast["province_b"], session=session, data={"outcome": "x"})


def test_a_group_session_with_a_head_count_below_its_listed_persons_is_refused_and_nothing_is_written(cast, people):
    with pytest.raises(ValidationError) as exc:
        make_group(cast["counsellor_a"], headcount=1, attendees=[people["an"], people["chi"]])
    assert messages_of(exc)["headcount"] == ["Số lượt tham dự (1) ít hơn số người có tên (2)."]
    assert not GroupSession.objects.exists()
    assert not GroupAttendance.objects.exists()


def test_a_negative_head_count_and_a_commune_outside_the_area_name_their_fields(cast, people):
    with pytest.raises(ValidationError) as exc:
        make_group(cast["counsellor_a"], headcount=-3, commune=COMMUNE_B)
    errors = messages_of(exc)
    assert errors["headcount"] == ["Số lượt tham dự không được âm."]
    assert "nằm ngoài địa bàn bạn phụ trách" in errors["commune"][0]
    assert not GroupSession.objects.exists()


def test_a_group_session_keeps_its_named_attendees_and_adding_one_past_the_head_count_is_refused(cast, people):
    group = make_group(cast["counsellor_a"], headcount=2, attendees=[people["an"]], unit_code="truong_hoc",
                       unit_name="Trường THPT Tây Ninh")  # fmt: skip
    services.group_attendee_add(actor=cast["commune_a"], group=group, person=people["chi"])
    assert set(group.attendees.values_list("full_name", flat=True)) == {"Nguyễn Văn An", "Lê Văn Chí"}
    with pytest.raises(ValidationError) as exc:
        services.group_attendee_add(actor=cast["counsellor_a"], group=group, person=people["binh"])
    assert messages_of(exc)["person"] == ["Số lượt tham dự (2) ít hơn số người có tên (3)."]
    assert group.attendance.count() == 2
    event = AuditEvent.objects.filter(object_id=str(group.pk), action="update").get()
    assert event.changes["attendees"] == [[people["an"].pk], sorted([people["an"].pk, people["chi"].pk])]


def test_a_group_session_attendee_outside_the_area_is_refused(cast, people):
    with pytest.raises(ValidationError) as exc:
        make_group(cast["counsellor_a"], attendees=[people["ha_noi"]])
    assert "Phạm Thu Hà cư trú ngoài địa bàn" in messages_of(exc)["attendees"][0]


def test_a_group_session_moved_to_another_day_moves_its_attendances(cast, people):
    group = make_group(cast["counsellor_a"], attendees=[people["an"]])
    services.group_session_update(actor=cast["counsellor_a"], group=group, data={"held_on": dt.date(2026, 4, 1)})
    assert GroupAttendance.objects.get(session=group).held_on == dt.date(2026, 4, 1)


def test_a_unit_kind_is_read_from_its_list(cast):
    group = make_group(cast["counsellor_a"], unit_code="don_vi_quan_doi", unit_name="Trung đoàn 174")
    assert group.unit_kind == unit_kind("don_vi_quan_doi")


#
# Caseloads
#
def test_a_person_is_assigned_to_a_counsellor_of_their_area_audited(cast, people):
    case = services.case_assign(
        actor=cast["province_a"],
        data={"person": people["an"], "counsellor": cast["counsellor_a"], "next_action_on": dt.date(2026, 12, 1),
              "next_action": "Gọi điện hỏi kết quả phỏng vấn"},
    )  # fmt: skip
    assert case.assigned_on == today()
    event = AuditEvent.objects.get(object_id=str(case.pk), content_type__model="caseassignment")
    assert event.changes["counsellor"] == [None, cast["counsellor_a"].pk]


def test_a_counsellor_is_only_given_persons_inside_their_own_areas(cast, people):
    with pytest.raises(ValidationError) as exc:
        services.case_assign(actor=cast["admin"], data={"person": people["ha_noi"], "counsellor": cast["counsellor_a"]})
    assert messages_of(exc)["counsellor"] == [
        f"Tư vấn viên: {cast['counsellor_a']} không phụ trách địa bàn nơi Phạm Thu Hà cư trú."
    ]
    assert not CaseAssignment.objects.exists()


def test_a_caseload_goes_to_a_counsellor_or_officer_not_to_an_employer_account(cast, people):
    with pytest.raises(ValidationError) as exc:
        services.case_assign(actor=cast["province_a"], data={"person": people["an"], "counsellor": cast["employer"]})
    assert "không phải tư vấn viên hay cán bộ phụ trách địa bàn" in messages_of(exc)["counsellor"][0]


def test_a_person_outside_the_actors_area_cannot_be_assigned(cast, people):
    with pytest.raises(ValidationError) as exc:
        services.case_assign(
            actor=cast["counsellor_a"], data={"person": people["ha_noi"], "counsellor": cast["counsellor_a"]}
        )
    assert "cư trú ngoài địa bàn bạn phụ trách" in messages_of(exc)["person"][0]


def test_a_person_is_in_one_caseload_only(cast, people):
    services.case_assign(actor=cast["province_a"], data={"person": people["an"], "counsellor": cast["counsellor_a"]})
    with pytest.raises(ValidationError) as exc:
        services.case_assign(actor=cast["province_a"], data={"person": people["an"], "counsellor": cast["commune_a"]})
    assert "đã được giao cho" in messages_of(exc)["person"][0]
    assert CaseAssignment.objects.count() == 1


def test_a_case_moves_to_another_counsellor_of_the_area(cast, people):
    case = services.case_assign(
        actor=cast["province_a"], data={"person": people["an"], "counsellor": cast["counsellor_a"]}
    )
    services.case_update(actor=cast["province_a"], case=case, data={"counsellor": cast["commune_a"]})
    case.refresh_from_db()
    assert case.counsellor == cast["commune_a"]
    with pytest.raises(ValidationError):
        services.case_update(actor=cast["province_a"], case=case, data={"counsellor": cast["province_b"]})


def test_workers_and_employers_record_nothing(cast, people):
    with pytest.raises(PermissionDenied):
        make_session(cast["worker"], people["an"])
