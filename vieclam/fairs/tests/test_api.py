import pytest

from vieclam.core.dates import today
from vieclam.fairs.models import Fair, FairRegistration
from vieclam.fairs.tests.factories import make_fair
from vieclam.seekers.tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_plan_open_register_check_in_and_report_through_the_api(cast, api_as):
    api = api_as(cast["commune_a"])
    body = {"name": "Phiên lưu động", "kind": "mobile", "held_on": today().isoformat(), "starts_at": "07:30",
            "ends_at": "11:00", "commune": "25459", "capacity": 50}  # fmt: skip
    response = api.post("/api/v1/fairs/", body, format="json")
    assert response.status_code == 201, response.json()
    fair = response.json()["id"]
    assert api.post(f"/api/v1/fairs/{fair}/status/", {"status": "open"}, format="json").json()["status"] == "open"
    walk_in = {"fair": fair, "full_name": "Lò Văn Sáng", "date_of_birth": "1999-04-02", "sex": "male",
               "residence_commune": "25459", "phone": "0912000111"}  # fmt: skip
    response = api.post("/api/v1/fair-registrations/", walk_in, format="json")
    assert response.status_code == 201, response.json()
    token = response.json()["token"]
    first = api.post("/api/v1/fair-registrations/check-in/", {"fair": fair, "token": token}, format="json")
    again = api.post("/api/v1/fair-registrations/check-in/", {"fair": fair, "phone": "0912000111"}, format="json")
    assert first.status_code == again.status_code == 200
    assert first.json()["checked_in_at"] == again.json()["checked_in_at"]
    listed = api.get(f"/api/v1/fair-registrations/?fair={fair}").json()["results"]
    assert [row["person_name"] for row in listed] == ["Lò Văn Sáng"] and "token" not in listed[0]
    report = api.get(f"/api/v1/fairs/{fair}/report/").json()
    assert (report["registered_in_person"], report["checked_in"]) == (1, 1)
    assert report["line"].startswith("0 công ty, doanh nghiệp tham gia; 0 lao động")


def test_bad_input_names_the_field_and_writes_nothing(cast, api_as):
    api = api_as(cast["commune_a"])
    body = {"name": "Phiên", "kind": "online", "held_on": today().isoformat(), "starts_at": "10:00",
            "ends_at": "09:00", "commune": "00004", "capacity": 50}  # fmt: skip
    response = api.post("/api/v1/fairs/", body, format="json")
    assert response.status_code == 400 and {"ends_at", "commune"} <= set(response.json())
    assert not Fair.objects.exists()
    fair = make_fair(cast["commune_a"], capacity=1)
    someone = make_person(cast["commune_a"], national_id=None)
    FairRegistration.objects.create(fair=fair, person=someone, channel="online", token="x" * 43)
    response = api.post("/api/v1/fair-registrations/", {"fair": fair.pk, "full_name": "Ai Đó"}, format="json")
    assert response.status_code == 400 and "đã đủ 1 người" in response.json()["fair"][0]
    response = api.post("/api/v1/fair-registrations/check-in/", {"fair": fair.pk, "token": "gia"}, format="json")
    assert response.status_code == 400 and "Mã QR" in response.json()["token"][0]


def test_fairs_of_another_area_answer_404(cast, api_as):
    fair = make_fair(cast["commune_a"])
    api = api_as(cast["commune_b"])
    assert api.get(f"/api/v1/fairs/{fair.pk}/").status_code == 404
    assert api.get("/api/v1/fairs/").json()["results"] == []
    body = {"fair": fair.pk, "token": "x"}
    assert api.post("/api/v1/fair-registrations/check-in/", body, format="json").status_code == 404
