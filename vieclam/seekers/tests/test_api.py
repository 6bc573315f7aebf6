"""/api/v1/job-seekers/: create, read (audited), update, status; scoping, masking, filters, query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import BINH, make_person, make_profile

pytestmark = pytest.mark.django_db

URL = "/api/v1/job-seekers/"


def payload(person, /, **overrides):
    data = {
        "person": person.pk,
        "title": "Kế toán viên",
        "occupation": "2411",
        "position": "nhan_vien",
        "workplace_1": "80",
        "workplace_2": "00004",
        "contract_type": "khong_xac_dinh_thoi_han",
        "working_time": "toan_thoi_gian",
        "desired_pay_min": 8_000_000,
        "available_now": True,
        "experience": [{"employer": "Công ty Dệt May", "position": "Kế toán", "duty": "Sổ sách", "from": "2015-06",
                        "to": "2020-12"}],
        "languages": [{"language": "Tiếng Anh", "level": "fair"}],
        "skills": ["Excel", "MISA"],
        "work_environment": "indoor",
        "lifting": "under_5",
        "fine_hand_work_ok": False,
        "hands": "one_right",
        "recruitment_modes": ["in_person", "phone"],
    }  # fmt: skip
    return {**data, **overrides}


@pytest.fixture
def an(cast):
    return make_person(cast["admin"])


@pytest.fixture
def binh(cast):
    return make_person(cast["admin"], name="Trần Văn Bình", national_id=BINH[0], commune="00004")


def test_officer_opens_a_profile_with_codes_in_and_out(cast, api_as, an):
    response = api_as(cast["commune_a"]).post(URL, payload(an), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["person"], body["status"], body["occupation"]) == (an.pk, "active", "2411")
    assert (body["workplace_1"], body["workplace_2"], body["commune"]) == ("80", "00004", "25459")
    assert body["national_id"] == "••••••••2345" and body["warnings"] == []
    assert body["experience"][0]["from"] == "2015-06" and body["languages"] == [{"language": "Tiếng Anh",
                                                                                  "level": "fair"}]  # fmt: skip
    assert (body["fine_hand_work_ok"], body["hands"], body["can_stand_or_walk"]) == (False, "one_right", True)
    event = AuditEvent.objects.get(content_type__model="jobseekerprofile", action="create")
    assert event.channel == "api" and event.area.code == "25459" and event.changes["workplace_2"] == [None, "00004"]


def test_person_under_15_is_400_naming_person(cast, api_as):
    child = make_person(cast["admin"], name="Trần Bé", national_id=None, born=today() - dt.timedelta(days=5000))
    response = api_as(cast["commune_a"]).post(URL, payload(child), format="json")
    assert response.status_code == 400 and list(response.json()) == ["person"], response.json()
    assert not JobSeekerProfile.objects.exists()


def test_person_outside_scope_is_400_naming_person_like_an_unknown_id(cast, api_as, binh):
    client = api_as(cast["commune_a"])
    outside = client.post(URL, payload(binh), format="json")
    unknown = client.post(URL, payload(binh, person=999999), format="json")
    assert outside.status_code == unknown.status_code == 400
    assert list(outside.json()) == ["person"] and "địa bàn" in outside.json()["person"][0]
    assert outside.json()["person"][0].replace(str(binh.pk), "#") == unknown.json()["person"][0].replace("999999", "#")
    assert not JobSeekerProfile.objects.exists()


def test_second_active_profile_is_400_naming_person(cast, api_as, an):
    client = api_as(cast["province_a"])
    first = client.post(URL, payload(an), format="json").json()
    response = client.post(URL, payload(an, title="Thủ quỹ"), format="json")
    assert response.status_code == 400 and f"#{first['id']}" in response.json()["person"][0]
    assert JobSeekerProfile.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"occupation": "99999"}, "occupation"),
        ({"workplace_1": "9"}, "workplace_1"),
        ({"workplace_2": "25459", "workplace_1": "25459"}, "workplace_2"),
        ({"desired_pay_min": -5}, "desired_pay_min"),
        ({"contract_type": "vinh_vien"}, "contract_type"),
        ({"experience": [{"employer": "A", "from": "06/2015"}]}, "experience"),
        ({"experience": [{"position": "Kế toán"}]}, "experience"),
        ({"languages": [{"language": "Anh", "level": "native"}]}, "languages"),
        ({"work_environment": "space"}, "work_environment"),
        ({"recruitment_modes": ["fax"]}, "recruitment_modes"),
        ({"available_from": "2030-01-01"}, "available_from"),
        ({"registered_on": "01/13/2025"}, "registered_on"),
        ({"title": ""}, "title"),
        ({"status": "placed"}, "status"),
        ({"person": "abc"}, "person"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(cast, api_as, an, overrides, field):
    response = api_as(cast["commune_a"]).post(URL, payload(an, **overrides), format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert not JobSeekerProfile.objects.exists()
    assert not AuditEvent.objects.filter(content_type__model="jobseekerprofile").exists()


def test_list_masks_the_national_id_and_is_scoped(cast, api_as, an, binh):
    make_profile(cast["admin"], an)
    make_profile(cast["admin"], binh, title="Thợ hàn")
    rows = api_as(cast["commune_a"]).get(URL).json()["results"]
    assert [row["full_name"] for row in rows] == ["Nguyễn Văn An"]
    assert rows[0]["national_id"] == "••••••••2345" and rows[0]["birth_year"] == 1985
    assert "079085012345" not in str(rows) and "date_of_birth" not in rows[0] and "fine_hand_work_ok" not in rows[0]
    assert api_as(cast["province_b"]).get(URL).json()["count"] == 1
    assert api_as(cast["admin"]).get(URL).json()["count"] == 2
    assert api_as(cast["worker"]).get(URL).status_code == 403


def test_out_of_scope_profile_is_404_for_read_update_and_status(cast, api_as, binh):
    pk = make_profile(cast["admin"], binh).pk
    client = api_as(cast["commune_a"])
    assert client.get(f"{URL}{pk}/").status_code == 404
    assert client.patch(f"{URL}{pk}/", {"title": "X"}, format="json").status_code == 404
    assert client.post(f"{URL}{pk}/status/", {"status": "closed"}, format="json").status_code == 404
    assert not AuditEvent.objects.filter(action="read").exists()


def test_reading_a_profile_is_audited_with_the_persons_commune(cast, api_as, an):
    pk = make_profile(cast["admin"], an).pk
    body = api_as(cast["commune_a"]).get(f"{URL}{pk}/").json()
    assert body["fine_hand_work_ok"] is True and body["national_id"] == "••••••••2345"
    read = AuditEvent.objects.get(action="read", object_id=str(pk))
    assert read.actor == cast["commune_a"] and read.area.code == "25459" and read.channel == "api"


def test_patch_records_old_and_new_values(cast, api_as, an):
    pk = make_profile(cast["admin"], an, occupation="2411", workplace_1="80").pk
    response = api_as(cast["commune_a"]).patch(
        f"{URL}{pk}/", {"occupation": "7212", "workplace_1": "00001", "fine_hand_work_ok": False}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["workplace_1"] == "00097" and "00001" in response.json()["warnings"][0]
    event = AuditEvent.objects.get(action="update", object_id=str(pk))
    assert event.changes == {
        "occupation": ["2411", "7212"],
        "workplace_1": ["80", "00097"],
        "fine_hand_work_ok": [True, False],
    }


def test_patch_cannot_change_person_or_status(cast, api_as, an):
    pk = make_profile(cast["admin"], an).pk
    other = make_person(cast["admin"], name="Lê Văn Cường", national_id=None)
    client = api_as(cast["admin"])
    assert "person" in client.patch(f"{URL}{pk}/", {"person": other.pk}, format="json").json()
    assert "status" in client.patch(f"{URL}{pk}/", {"status": "placed"}, format="json").json()


def test_status_endpoint_moves_a_profile_and_refuses_a_second_active_one(cast, api_as, an):
    client = api_as(cast["commune_a"])
    first = make_profile(cast["admin"], an).pk
    response = client.post(f"{URL}{first}/status/", {"status": "placed"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "placed"
    second = client.post(URL, payload(an), format="json")
    assert second.status_code == 201
    reopen = client.post(f"{URL}{first}/status/", {"status": "active"}, format="json")
    assert reopen.status_code == 400 and f"#{second.json()['id']}" in reopen.json()["status"][0]
    assert client.post(f"{URL}{first}/status/", {"status": "hired"}, format="json").status_code == 400
    assert client.post(f"{URL}{first}/status/", {"status": "closed"}, format="json").status_code == 200


#
# Filters
#
@pytest.fixture
def three(cast, an, binh):
    cuong = make_person(cast["admin"], name="Lê Thị Cúc", national_id="072185012345", sex="female", commune="25480")
    return {
        "an": make_profile(cast["admin"], an, occupation="2411", workplace_1="25459", available_now=True),
        "binh": make_profile(cast["admin"], binh, title="Thợ hàn", occupation="7212", fine_hand_work_ok=False,
                             workplace_1="01", lifting="over_20", available_from=dt.date(2030, 1, 1)),
        "cuc": make_profile(cast["admin"], cuong, title="Nhân viên văn phòng", workplace_1="80", lifting="under_5",
                            workplace_2="00004", hands="one_left", work_environment="indoor"),
    }  # fmt: skip


def ids(response):
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"fine_hand_work_ok": "true"}, {"an", "cuc"}),
        ({"fine_hand_work_ok": "false"}, {"binh"}),
        ({"q": "ke toan"}, {"an"}),
        ({"q": "KẾ TOÁN"}, {"an"}),
        ({"q": "nguyen van"}, {"an"}),
        ({"q": "tho han"}, {"binh"}),
        ({"q": "van"}, {"an", "binh", "cuc"}),
        ({"occupation": "72"}, {"binh"}),
        ({"occupation": "2"}, {"an"}),
        ({"commune": "25480"}, {"cuc"}),
        ({"workplace": "80"}, {"an", "cuc"}),
        ({"workplace": "25459"}, {"an", "cuc"}),
        ({"workplace": "00004"}, {"binh", "cuc"}),
        ({"available_by": "2029-12-31"}, {"an"}),
        ({"available_by": "2030-01-01"}, {"an", "binh"}),
        ({"lifting": "5_to_20"}, {"binh"}),
        ({"hands": "both"}, {"an", "binh"}),
        ({"hands": "one_left"}, {"an", "binh", "cuc"}),
        ({"work_environment": "outdoor"}, {"an", "binh"}),
        ({"status": "active"}, {"an", "binh", "cuc"}),
        ({"status": "closed"}, set()),
    ],
)
def test_filters(cast, api_as, three, query, expected):
    assert ids(api_as(cast["admin"]).get(URL, query)) == {three[name].pk for name in expected}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"fine_hand_work_ok": "maybe"}, "fine_hand_work_ok"),
        ({"workplace": "999"}, "workplace"),
        ({"commune": "25"}, "commune"),
        ({"occupation": "ab"}, "occupation"),
        ({"status": "hired"}, "status"),
        ({"available_by": "mai"}, "available_by"),
        ({"lifting": "any"}, "lifting"),
    ],
)
def test_bad_filter_is_400_naming_it(cast, api_as, query, field):
    response = api_as(cast["admin"]).get(URL, query)
    assert response.status_code == 400 and field in response.json(), response.json()


def test_list_query_count_is_the_same_for_2_and_20_profiles(cast, api_as):
    client = api_as(cast["commune_a"])
    for i in range(2):
        make_profile(cast["admin"], make_person(cast["admin"], name=f"Người {i}", national_id=f"0790850{i:05d}"),
                     occupation="2411", workplace_1="80", workplace_2="25459")  # fmt: skip
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(URL).json()["results"]) == 2
    for i in range(2, 20):
        make_profile(cast["admin"], make_person(cast["admin"], name=f"Người {i}", national_id=f"0790850{i:05d}"),
                     occupation="7212", workplace_1="01", workplace_2="00004")  # fmt: skip
    with CaptureQueriesContext(connection) as twenty:
        assert len(client.get(URL).json()["results"]) == 20
    assert len(two) == len(twenty) == 4  # token+user, user's areas, count, page
