"""The booths API: registering a booth (staff, an employer's own), reading booths by area and ownership, and
interview slots (opened by the employer, booked by a worker for their own registration, taken twice → 400)."""

from __future__ import annotations

import pytest

from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services
from vieclam.fairs.models import FairBooth
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.people.models import Person
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db


def _own_employer(cast) -> Employer:
    employer = make_employer(cast["commune_a"], name="Công ty Giày Tân Ninh")
    Employer.objects.filter(pk=employer.pk).update(account=cast["employer"])
    employer.refresh_from_db()
    return employer


def test_an_employer_registers_its_booth_and_sees_only_its_own(cast, api_as):
    employer = _own_employer(cast)
    vacancy = make_vacancy(cast["province_a"], employer=employer, status="open")
    draft = make_vacancy(cast["province_a"], employer=employer, title="Thủ kho chờ duyệt")
    fair = make_fair(cast["commune_a"])
    api = api_as(cast["employer"])
    body = {"fair": fair.pk, "employer": employer.pk, "vacancies": [vacancy.pk, draft.pk], "number": "C3"}
    response = api.post("/api/v1/fair-booths/", body, format="json")
    assert response.status_code == 400 and "chỉ đưa lên gian hàng việc làm đang tuyển" in str(response.json())
    response = api.post("/api/v1/fair-booths/", {**body, "vacancies": [vacancy.pk]}, format="json")
    assert response.status_code == 201, response.json()
    booth = response.json()["id"]
    assert [row["id"] for row in api.get("/api/v1/fair-booths/").json()["results"]] == [booth]
    assert api.get(f"/api/v1/fair-booths/{booth}/").json()["vacancies"] == [vacancy.pk]
    other = make_employer(cast["commune_a"], name="Công ty Khác")
    response = api.post("/api/v1/fair-booths/", {**body, "employer": other.pk, "vacancies": []}, format="json")
    assert response.status_code == 400 and "không phải của tài khoản này" in str(response.json())
    assert api_as(cast["worker"]).post("/api/v1/fair-booths/", body, format="json").status_code == 403


def test_booths_are_read_by_area(cast, api_as):
    fair = make_fair(cast["commune_a"])
    booth = services.booth_register(actor=cast["commune_a"], fair=fair,
                                    data={"employer": make_employer(cast["commune_a"])})  # fmt: skip
    assert api_as(cast["commune_a"]).get(f"/api/v1/fair-booths/{booth.pk}/").status_code == 200
    assert api_as(cast["commune_b"]).get(f"/api/v1/fair-booths/{booth.pk}/").status_code == 404
    assert api_as(cast["employer"]).get(f"/api/v1/fair-booths/{booth.pk}/").status_code == 404
    assert api_as(cast["commune_b"]).get("/api/v1/fair-booths/").json()["results"] == []
    listed = api_as(cast["province_a"]).get(f"/api/v1/fair-booths/?fair={fair.pk}").json()["results"]
    assert [row["id"] for row in listed] == [booth.pk]


def test_staff_register_a_booth_and_a_wrong_vacancy_is_named(cast, api_as):
    fair = make_fair(cast["commune_a"])
    employer = make_employer(cast["commune_a"], name="Công ty Gỗ")
    api = api_as(cast["commune_a"])
    response = api.post("/api/v1/fair-booths/", {"fair": fair.pk, "employer": employer.pk, "vacancies": [999999]},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "999999" in response.json()["vacancies"][0]
    assert not FairBooth.objects.exists()
    response = api.post("/api/v1/fair-booths/", {"fair": fair.pk, "employer": employer.pk}, format="json")
    assert response.status_code == 201 and response.json()["employer_name"] == "Công ty Gỗ"


def test_slots_opened_by_the_employer_are_booked_by_a_worker_and_taken_twice_is_refused(cast, api_as):
    employer = _own_employer(cast)
    fair = make_fair(cast["commune_a"])
    booth = services.booth_register(actor=cast["commune_a"], fair=fair, data={"employer": employer})
    day = fair.held_on.isoformat()
    employer_api = api_as(cast["employer"])
    response = employer_api.post(f"/api/v1/fair-booths/{booth.pk}/slots/", {"starts_at": f"{day}T09:00:00+07:00"},
                                 format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    slot = response.json()["id"]
    bad = employer_api.post(f"/api/v1/fair-booths/{booth.pk}/slots/", {"starts_at": f"{day}T18:00:00+07:00"},
                            format="json")  # fmt: skip
    assert bad.status_code == 400 and "starts_at" in bad.json()
    mine = services.registration_create(actor=cast["commune_a"], fair=fair, data=walk_in(1))
    Person.objects.filter(pk=mine.person_id).update(account=cast["worker"])
    other = services.registration_create(actor=cast["commune_a"], fair=fair, data=walk_in(2))
    worker_api = api_as(cast["worker"])
    assert [row["id"] for row in worker_api.get(f"/api/v1/fair-booths/{booth.pk}/slots/").json()] == [slot]
    booked = worker_api.post(f"/api/v1/fair-interview-slots/{slot}/book/", {}, format="json")
    assert booked.status_code == 200 and booked.json()["registration"] == mine.pk
    again = api_as(cast["commune_a"]).post(f"/api/v1/fair-interview-slots/{slot}/book/",
                                           {"registration": other.pk}, format="json")  # fmt: skip
    assert again.status_code == 400 and again.json()["slot"] == ["Lịch phỏng vấn lúc 09:00 đã có người đặt."]
    released = worker_api.post(f"/api/v1/fair-interview-slots/{slot}/release/")
    assert released.status_code == 200 and released.json()["registration"] is None
    assert api_as(cast["commune_b"]).get(f"/api/v1/fair-booths/{booth.pk}/slots/").status_code == 404
