import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from vieclam.core.models import AuditEvent
from vieclam.people.reviews import household_review_record, recently_exited
from vieclam.people.services import household_create

pytestmark = pytest.mark.django_db
THREE = ["employment", "health_insurance", "clean_water"]


@pytest.fixture
def household(cast):
    # 25270 is a xã (rural) until 29/04/2026 and a phường (urban) from 30/04/2026; the cast works in 25459.
    return household_create(actor=cast["admin"], commune="25459", head_name="Nguyễn Văn An")


def review(cast, household, day, income, deprivations=(), kind="regular"):
    return household_review_record(actor=cast["admin"], household=household, kind=kind, reviewed_on=day,
                                   income_per_capita=income, deprivations=deprivations)  # fmt: skip


def test_review_is_classified_by_the_rule_in_force_and_sets_the_current_class(cast, household):
    result = review(cast, household, dt.date(2026, 6, 1), 1_900_000, THREE)  # 25459 is a phường: urban line 2 M
    assert result.classification == "poor" and result.standard.code == "nd07_2021"
    household.refresh_from_db()
    assert (household.poverty_class, household.poverty_class_on) == ("poor", dt.date(2026, 6, 1))


def test_exit_from_poverty_is_derived_and_windowed(cast, household, settings):
    review(cast, household, dt.date(2025, 10, 1), 1_900_000, THREE, kind="periodic")
    review(cast, household, dt.date(2026, 3, 15), 2_600_000)
    household.refresh_from_db()
    assert household.poverty_class == "average" and household.poverty_exit_on == dt.date(2026, 3, 15)
    assert recently_exited(household, on=dt.date(2029, 3, 15))
    assert not recently_exited(household, on=dt.date(2029, 4, 15))
    settings.VIECLAM_POVERTY_EXIT_MONTHS = 12
    assert not recently_exited(household, on=dt.date(2027, 4, 15))


def test_periodic_review_outside_its_season_is_refused(cast, household):
    with pytest.raises(ValidationError) as info:
        review(cast, household, dt.date(2026, 6, 1), 1_000_000, kind="periodic")
    assert "reviewed_on" in info.value.message_dict
    assert not household.reviews.exists()


@pytest.mark.parametrize(
    ("income", "deprivations", "field"),
    [(-5, (), "income_per_capita"), (1_000_000, ["flying"], "deprivations")],
)
def test_bad_review_input_names_the_field_and_writes_nothing(cast, household, income, deprivations, field):
    with pytest.raises(ValidationError) as info:
        review(cast, household, dt.date(2026, 6, 1), income, deprivations)
    assert field in info.value.message_dict
    assert not household.reviews.exists()
    assert not AuditEvent.objects.filter(object_id=str(household.pk), action="update").exists()


def test_review_api_is_scoped_and_records(cast, api_as, household):
    url = f"/api/v1/households/{household.pk}/reviews/"
    body = {"kind": "regular", "reviewed_on": "2026-06-01", "income_per_capita": 1_900_000, "deprivations": THREE}
    assert api_as(cast["commune_b"]).post(url, body, format="json").status_code == 404
    response = api_as(cast["commune_a"]).post(url, body, format="json")
    assert response.status_code == 201 and response.json()["classification"] == "poor"
    listing = api_as(cast["commune_a"]).get("/api/v1/households/", {"poverty_class": "poor"}).json()
    assert listing["count"] == 1 and listing["results"][0]["poverty_class"] == "poor"
    bad = api_as(cast["commune_a"]).post(url, {**body, "income_per_capita": -1}, format="json")
    assert bad.status_code == 400 and "income_per_capita" in bad.json()


def test_household_create_api_refuses_a_commune_outside_scope(cast, api_as):
    response = api_as(cast["commune_a"]).post("/api/v1/households/", {"commune": "00004"}, format="json")
    assert response.status_code == 400 and "commune" in response.json()


def test_review_needs_exactly_one_income_measure(cast, api_as, household):
    url = f"/api/v1/households/{household.pk}/reviews/"
    response = api_as(cast["admin"]).post(url, {"kind": "regular", "reviewed_on": "2026-06-01"}, format="json")
    assert response.status_code == 400 and "income_per_capita" in response.json()
