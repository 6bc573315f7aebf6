"""The API of case work: create through the services (400 naming the field, nothing written), scoped reads, filters."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.casework.tests.factories import make_group, make_person, make_session
from vieclam.conftest import COMMUNE_A, COMMUNE_B
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db

SESSIONS, GROUPS, CASES = "/api/v1/counselling-sessions/", "/api/v1/group-sessions/", "/api/v1/case-assignments/"


@pytest.fixture
def people(cast):
    return {
        "an": make_person(cast["province_a"], name="Nguyễn Văn An", national_id=None, commune=COMMUNE_A),
        "chi": make_person(cast["province_a"], name="Lê Văn Chí", national_id=None, commune=COMMUNE_A),
        "ha": make_person(cast["province_b"], name="Phạm Thu Hà", national_id=None, commune=COMMUNE_B),
    }


def session_payload(person, **overrides):
    data = {"person": person.pk, "held_on": "2026-03-02", "topics": ["tim_viec_lam", "hoc_nghe"],
            "channel": "qua_dien_thoai", "outcome": "Muốn học nghề"}  # fmt: skip
    return {**data, **overrides}


def test_a_counsellor_records_a_session_through_the_api_audited_on_the_api_channel(cast, api_as, people):
    response = api_as(cast["counsellor_a"]).post(SESSIONS, session_payload(people["an"]), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["topics"] == ["tim_viec_lam", "hoc_nghe"]
    assert body["topic_names"] == ["Tìm việc làm", "Học nghề"]
    assert body["channel_name"] == "Qua điện thoại" and body["counsellor"] == "counsellor_a"
    event = AuditEvent.objects.get(content_type__model="counsellingsession", object_id=str(body["id"]))
    assert event.channel == "api"


def test_a_person_outside_the_callers_area_is_a_400_naming_person_and_nothing_is_written(cast, api_as, people):
    response = api_as(cast["counsellor_a"]).post(SESSIONS, session_payload(people["ha"]), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"person"}
    assert "trong địa bàn bạn phụ trách" in response.json()["person"][0]
    assert not CounsellingSession.objects.exists()


def test_an_unknown_topic_and_a_future_date_name_their_fields(cast, api_as, people):
    response = api_as(cast["counsellor_a"]).post(
        SESSIONS, session_payload(people["an"], topics=["khong_co"]), format="json"
    )
    assert response.status_code == 400 and set(response.json()) == {"topics"}
    response = api_as(cast["counsellor_a"]).post(
        SESSIONS, session_payload(people["an"], held_on="2099-01-01"), format="json"
    )
    assert response.status_code == 400 and set(response.json()) == {"held_on"}
    assert not CounsellingSession.objects.exists()


def test_sessions_are_listed_in_the_callers_areas_filtered_by_topic_and_person(cast, api_as, people):
    make_session(cast["counsellor_a"], people["an"], topic_codes=("hoc_nghe",))
    make_session(cast["counsellor_a"], people["chi"], topic_codes=("tim_viec_lam",))
    make_session(cast["province_b"], people["ha"])
    client = api_as(cast["province_a"])
    rows = client.get(SESSIONS).json()["results"]
    assert {row["person_name"] for row in rows} == {"Nguyễn Văn An", "Lê Văn Chí"}
    rows = client.get(SESSIONS, {"topic": "hoc_nghe"}).json()["results"]
    assert [row["person_name"] for row in rows] == ["Nguyễn Văn An"]
    rows = client.get(SESSIONS, {"person": people["chi"].pk}).json()["results"]
    assert [row["person_name"] for row in rows] == ["Lê Văn Chí"]
    assert client.get(SESSIONS, {"topic": "khong_co"}).status_code == 400


def test_a_session_list_page_costs_a_fixed_number_of_queries(cast, api_as, people):
    for _ in range(3):
        make_session(cast["counsellor_a"], people["an"])
    client = api_as(cast["province_a"])
    with CaptureQueriesContext(connection) as few:
        client.get(SESSIONS)
    for _ in range(5):
        make_session(cast["counsellor_a"], people["chi"], topic_codes=("hoc_nghe", "tim_viec_lam"))
    with CaptureQueriesContext(connection) as more:
        client.get(SESSIONS)
    assert len(more) == len(few)


def test_a_session_is_patched_but_its_person_is_not(cast, api_as, people):
    session = make_session(cast["counsellor_a"], people["an"])
    client = api_as(cast["province_a"])
    response = client.patch(f"{SESSIONS}{session.pk}/", {"outcome": "Đã đi học"}, format="json")
    assert response.status_code == 200 and response.json()["outcome"] == "Đã đi học"
    assert api_as(cast["province_b"]).get(f"{SESSIONS}{session.pk}/").status_code == 404


def test_a_group_session_below_its_named_attendees_is_a_400_naming_headcount(cast, api_as, people):
    payload = {"held_on": "2026-03-05", "commune": COMMUNE_A, "unit_kind": "truong_hoc", "topics": ["hoc_nghe"],
               "headcount": 1, "attendees": [people["an"].pk, people["chi"].pk]}  # fmt: skip
    response = api_as(cast["counsellor_a"]).post(GROUPS, payload, format="json")
    assert response.status_code == 400
    assert response.json() == {"headcount": ["Số lượt tham dự (1) ít hơn số người có tên (2)."]}
    assert not GroupSession.objects.exists()
    response = api_as(cast["counsellor_a"]).post(GROUPS, {**payload, "headcount": 60}, format="json")
    assert response.status_code == 201, response.json()
    assert sorted(response.json()["attendees"]) == sorted([people["an"].pk, people["chi"].pk])
    assert response.json()["unit_kind_name"] == "Trường học"


def test_group_sessions_are_listed_by_commune(cast, api_as):
    make_group(cast["province_a"], unit_name="Ấp 1")
    make_group(cast["province_b"], commune=COMMUNE_B, unit_name="Ba Đình")
    rows = api_as(cast["province_a"]).get(GROUPS).json()["results"]
    assert [row["unit_name"] for row in rows] == ["Ấp 1"]
    rows = api_as(cast["admin"]).get(GROUPS, {"commune": COMMUNE_B}).json()["results"]
    assert [row["unit_name"] for row in rows] == ["Ba Đình"]


def test_a_case_is_assigned_by_username_and_a_counsellor_of_another_province_is_refused(cast, api_as, people):
    client = api_as(cast["admin"])
    response = client.post(CASES, {"person": people["ha"].pk, "counsellor": "counsellor_a"}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"counsellor"}
    assert not CaseAssignment.objects.exists()
    response = client.post(
        CASES, {"person": people["an"].pk, "counsellor": "counsellor_a", "next_action_on": "2026-12-20"}, format="json"
    )
    assert response.status_code == 201, response.json()
    case_id = response.json()["id"]
    assert api_as(cast["counsellor_a"]).get(CASES).json()["results"][0]["person_name"] == "Nguyễn Văn An"
    response = api_as(cast["province_a"]).patch(f"{CASES}{case_id}/", {"next_action": "Gọi lại"}, format="json")
    assert response.status_code == 200 and response.json()["next_action"] == "Gọi lại"
    assert api_as(cast["province_b"]).get(f"{CASES}{case_id}/").status_code == 404


def test_workers_get_403(cast, api_as):
    for url in (SESSIONS, GROUPS, CASES):
        assert api_as(cast["worker"]).get(url).status_code == 403
