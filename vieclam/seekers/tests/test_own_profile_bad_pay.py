"""A worker's own profile answers an impossible desired pay with a message, never a 500."""

import pytest

from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.test_own_profile import API, EDIT, api_payload, form_data, hoa  # noqa: F401

pytestmark = pytest.mark.django_db

HUGE = 10**20  # more than any integer column holds (PositiveBigIntegerField: < 2**63)


def test_api_a_huge_desired_pay_is_400_naming_the_field(hoa, api_as):  # noqa: F811
    response = api_as(hoa).put(API, api_payload(desired_pay_min=HUGE), format="json")
    assert response.status_code == 400 and "desired_pay_min" in response.json()
    assert not JobSeekerProfile.objects.exists()


def test_form_a_huge_desired_pay_is_shown_on_the_form(hoa, client):  # noqa: F811
    client.force_login(hoa)
    response = client.post(EDIT, form_data(desired_pay_min=str(HUGE)))
    assert response.status_code == 200
    assert not JobSeekerProfile.objects.exists()
