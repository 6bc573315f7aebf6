import datetime as dt

import pytest

from vieclam.abroad.models import Journey
from vieclam.abroad.tests.factories import a_person, make_journey, make_programme

pytestmark = pytest.mark.django_db


def test_register_step_list_and_detail(cast, api_as):
    officer = cast["commune_a"]
    programme = make_programme(cast["province_a"])
    person = a_person(officer)
    api = api_as(officer)
    response = api.post("/api/v1/abroad/journeys/", {"person": person.pk, "programme": programme.pk,
                                                      "registered_on": "2023-01-10"}, format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["country"] == "JP" and response.json()["events"][0]["state"] == "registered"
    response = api.post(f"/api/v1/abroad/journeys/{pk}/steps/", {"state": "selected", "on": "2023-02-01"},
                        format="json")  # fmt: skip
    assert response.status_code == 200 and response.json()["state"] == "selected"
    assert api.get("/api/v1/abroad/journeys/", {"country": "JP"}).json()["results"][0]["id"] == pk
    assert api.get("/api/v1/abroad/journeys/", {"state": "departed"}).json()["results"] == []
    assert api.get("/api/v1/abroad/programmes/").json()["results"][0]["id"] == programme.pk
    assert api.get("/api/v1/abroad/enterprises/").json()["results"][0]["id"] == programme.enterprise_id


def test_bad_steps_name_the_field_and_another_commune_gets_404(cast, api_as):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    api = api_as(officer)
    response = api.post(f"/api/v1/abroad/journeys/{journey.pk}/steps/", {"state": "departed", "on": "2023-03-01"},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "on" in response.json()
    response = api.post(f"/api/v1/abroad/journeys/{journey.pk}/steps/", {"state": "working", "on": "2023-03-01"},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "state" in response.json()
    assert Journey.objects.get().state == "registered"
    assert api_as(cast["commune_b"]).get(f"/api/v1/abroad/journeys/{journey.pk}/").status_code == 404
    young = a_person(officer, born=dt.date(2007, 1, 1))
    response = api.post("/api/v1/abroad/journeys/", {"person": young.pk, "registered_on": "2024-01-10"},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "registered_on" in response.json()
