"""Interests recorded at a fair through the API: training and working abroad, once per kind, staff of the fair's
area only; a bad kind is named and nothing written."""

import pytest

from vieclam.fairs import services
from vieclam.fairs.models import FairInterest
from vieclam.fairs.tests.factories import make_fair
from vieclam.seekers.tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(cast):
    fair = make_fair(cast["commune_a"])
    person = make_person(cast["commune_a"])
    return services.registration_create(actor=cast["commune_a"], fair=fair, data={"person": person})


def _url(registration) -> str:
    return f"/api/v1/fair-registrations/{registration.pk}/interests/"


def test_staff_record_training_and_labour_export_once_each(cast, api_as, registration):
    api = api_as(cast["commune_a"])
    first = api.post(_url(registration), {"kind": "training", "note": "Hàn"}, format="json")
    assert first.status_code == 201 and first.json()["kind_label"] == "Học nghề"
    again = api.post(_url(registration), {"kind": "training", "note": "Hàn điện"}, format="json")
    assert again.json()["id"] == first.json()["id"] and again.json()["note"] == "Hàn điện"
    api.post(_url(registration), {"kind": "labour_export"}, format="json")
    listed = api.get(_url(registration)).json()
    assert sorted(row["kind"] for row in listed) == ["labour_export", "training"]


def test_a_bad_kind_is_named_and_nothing_written(cast, api_as, registration):
    response = api_as(cast["commune_a"]).post(_url(registration), {"kind": "lottery"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()
    assert not FairInterest.objects.exists()


def test_another_area_and_non_staff_cannot_reach_a_registration(cast, api_as, registration):
    assert api_as(cast["commune_b"]).get(_url(registration)).status_code == 404
    assert api_as(cast["commune_b"]).post(_url(registration), {"kind": "training"}, format="json").status_code == 404
    assert api_as(cast["worker"]).post(_url(registration), {"kind": "training"}, format="json").status_code == 403
    assert not FairInterest.objects.exists()
