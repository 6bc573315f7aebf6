import pytest

from vieclam.training.models import Enrolment
from vieclam.training.tests.factories import a_person, make_class, make_course, make_provider

pytestmark = pytest.mark.django_db


def test_open_a_class_enrol_and_complete_through_the_api(cast, api_as):
    officer = cast["province_a"]
    course, provider = make_course(officer), make_provider(officer)
    api = api_as(officer)
    body = {"course": course.pk, "provider": provider.pk, "venue_commune": "25459", "start_date": "2026-03-02",
            "end_date": "2026-04-30", "capacity": 20, "funding": "supported"}  # fmt: skip
    response = api.post("/api/v1/training/classes/", body, format="json")
    assert response.status_code == 201, response.json()
    klass = response.json()
    assert klass["level"] == "so_cap" and klass["venue_commune"] == "25459"
    person = a_person(officer)
    response = api.post("/api/v1/training/enrolments/", {"training_class": klass["id"], "person": person.pk},
                        format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    enrolment = response.json()
    done = {"status": "completed", "on": "2026-04-30", "certificate_number": "SC-7"}
    response = api.post(f"/api/v1/training/enrolments/{enrolment['id']}/status/", done, format="json")
    assert response.status_code == 200 and response.json()["employment_check_until"] == "2026-10-30"
    assert (
        api.get("/api/v1/training/enrolments/", {"status": "completed"}).json()["results"][0]["id"] == enrolment["id"]
    )


def test_bad_input_names_the_field_and_another_area_sees_nothing(cast, api_as):
    officer = cast["province_a"]
    klass = make_class(officer, capacity=1)
    api = api_as(officer)
    first, second = a_person(officer), a_person(officer)
    assert api.post("/api/v1/training/enrolments/", {"training_class": klass.pk, "person": first.pk},
                    format="json").status_code == 201  # fmt: skip
    response = api.post("/api/v1/training/enrolments/", {"training_class": klass.pk, "person": second.pk},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "Số chỗ" in str(response.json()["person"])
    other = api_as(cast["province_b"])
    assert other.get(f"/api/v1/training/classes/{klass.pk}/").status_code == 404
    assert other.get("/api/v1/training/enrolments/").json()["results"] == []
    assert Enrolment.objects.count() == 1


def test_the_schema_documents_the_training_endpoints(cast, api_as):
    schema = api_as(cast["admin"]).get("/api/v1/schema/").content.decode()
    assert "/api/v1/training/classes/" in schema and "/api/v1/training/enrolments/{id}/status/" in schema
