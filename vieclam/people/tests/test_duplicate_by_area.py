"""An officer typing a CCCD that is already registered: inside their areas they are told whose record it is,
outside them only that it exists elsewhere, without an id."""

import pytest

from vieclam.employers.tests.factories import valid_tax_code
from vieclam.people.models import Person

pytestmark = pytest.mark.django_db
PEOPLE, EMPLOYERS = "/api/v1/persons/", "/api/v1/employers/"
ELSEWHERE = "đã có hồ sơ ở địa bàn khác, liên hệ cấp tỉnh"


def payload(**overrides):
    data = {"national_id": "079085012345", "full_name": "Nguyễn Văn An", "date_of_birth": "1985-03-01", "sex": "male",
            "residence_commune": "25459"}  # fmt: skip
    return {**data, **overrides}


def test_inside_the_area_the_duplicate_is_named(cast, api_as):
    api_as(cast["province_a"]).post(PEOPLE, payload(), format="json")
    person = Person.objects.get()
    response = api_as(cast["commune_a"]).post(PEOPLE, payload(full_name="Người khác"), format="json")
    message = response.json()["national_id"][0]
    assert response.status_code == 400 and f"#{person.pk}" in message and "Nguyễn Văn An" in message


def test_outside_the_area_only_that_it_exists_elsewhere(cast, api_as):
    api_as(cast["province_a"]).post(PEOPLE, payload(), format="json")
    person = Person.objects.get()
    response = api_as(cast["commune_b"]).post(PEOPLE, payload(residence_commune="00004"), format="json")
    message = response.json()["national_id"][0]
    assert response.status_code == 400 and ELSEWHERE in message
    assert str(person.pk) not in message and "Nguyễn Văn An" not in message and "#" not in message


def test_the_person_form_says_the_same(cast, api_as):
    from django.test import Client

    api_as(cast["province_a"]).post(PEOPLE, payload(), format="json")
    client = Client()
    client.force_login(cast["province_b"])
    form = {"full_name": "Người khác", "national_id": "079085012345", "date_of_birth": "01/03/1985", "sex": "male",
            "residence_commune": "00004"}  # fmt: skip
    page = client.post("/people/new/", form).content.decode()
    assert ELSEWHERE in page and "Nguyễn Văn An" not in page


def test_an_employers_tax_code_outside_the_area_is_not_named(cast, api_as):
    code = valid_tax_code()
    data = {"name": "Công ty A", "tax_code": code, "employer_type": "dn_ngoai_nha_nuoc", "commune": "25459"}
    assert api_as(cast["province_a"]).post(EMPLOYERS, data, format="json").status_code == 201
    inside = api_as(cast["commune_a"]).post(EMPLOYERS, {**data, "name": "B"}, format="json").json()["tax_code"][0]
    outside = api_as(cast["province_b"]).post(EMPLOYERS, {**data, "commune": "00004"}, format="json").json()
    assert "Công ty A" in inside and ELSEWHERE.replace("đã", "") in outside["tax_code"][0]
    assert "Công ty A" not in outside["tax_code"][0]
