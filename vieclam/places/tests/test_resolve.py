"""One recipe for an area a user gives: the unit in force at the level asked, an old pre-2025 code mapped with a
note, everything else a Vietnamese message; the services of every registry use it."""

import pytest
from django.core.exceptions import ValidationError

from vieclam.core.dates import today
from vieclam.employers import services as employer_services
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import employer_type, valid_tax_code
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.places.resolve import commune_resolve, province_resolve, unit_resolve
from vieclam.vacancies import services as vacancy_services
from vieclam.vacancies.tests.factories import in_days, occupation

pytestmark = pytest.mark.django_db


def test_a_code_in_force_is_its_unit_without_a_note():
    unit, note = commune_resolve("25459")
    assert (unit.code, unit.level, note) == ("25459", Level.COMMUNE, "")


def test_an_old_code_is_mapped_to_its_successor_with_a_note():
    unit, note = commune_resolve("00001")
    assert unit.code == "00097" and unit.is_valid_on(today())
    assert "00001" in note and "00097" in note


@pytest.mark.parametrize(
    ("code", "words"),
    [("00016", "nhiều đơn vị"), ("99999", "Không có đơn vị hành chính"), ("abc", "không hợp lệ"),
     ("80", "không phải cấp xã")],
)  # fmt: skip
def test_an_unusable_code_is_a_vietnamese_message(code, words):
    with pytest.raises(ValidationError) as info:
        commune_resolve(code)
    assert words in info.value.messages[0]


def test_a_unit_no_longer_in_force_is_refused_not_guessed():
    old = AdministrativeUnit.objects.get(edition="pre_2025_07", level=Level.COMMUNE, code="25456")
    with pytest.raises(ValidationError) as info:
        commune_resolve(old)
    assert "không còn hiệu lực" in info.value.messages[0]


def test_a_workplace_may_be_a_province_or_a_commune_but_not_both_messages_alike():
    assert province_resolve("80")[0].level == Level.PROVINCE
    assert unit_resolve("80", levels=[Level.PROVINCE, Level.COMMUNE])[0].level == Level.PROVINCE
    with pytest.raises(ValidationError) as info:
        province_resolve("25459")
    assert "không phải cấp tỉnh" in info.value.messages[0]


def test_services_map_an_old_code_and_say_so_in_their_warnings(cast):
    warnings: list[str] = []
    data = {"name": "Công ty TNHH Mẫu", "tax_code": valid_tax_code(), "employer_type": employer_type(),
            "commune": "00001"}  # fmt: skip
    employer = employer_services.employer_create(actor=cast["admin"], data=data, warnings=warnings)
    assert employer.commune.code == "00097" and "00001" in warnings[0]
    warnings.clear()
    job = {"employer": employer, "title": "Kế toán", "occupation": occupation("2411"), "positions_count": 1,
           "workplace_commune": "00001", "deadline": in_days(30), "pay_negotiable": True}  # fmt: skip
    vacancy = vacancy_services.vacancy_create(actor=cast["admin"], data=job, warnings=warnings)
    assert vacancy.workplace_commune.code == "00097" and "00001" in warnings[0]


def test_a_service_names_the_area_field_among_the_others(cast):
    data = {"name": "Công ty TNHH Mẫu", "tax_code": "abc", "employer_type": employer_type(), "commune": "99999"}
    with pytest.raises(ValidationError) as info:
        employer_services.employer_create(actor=cast["admin"], data=data)
    assert {"commune", "tax_code"} <= set(info.value.message_dict)
    assert not Employer.objects.exists()
