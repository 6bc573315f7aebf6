"""History column and audit page: a relation audited by its code (tax code, commune, occupation, code-list item,
a user's areas) reads as the related object's name, never the code."""

import re

import pytest

from vieclam.accounts.services import user_update
from vieclam.employers.services import employer_update
from vieclam.employers.tests.factories import commune, employer_type, make_employer
from vieclam.seekers.services import profile_update
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.services import vacancy_update
from vieclam.vacancies.tests.factories import make_vacancy, occupation

pytestmark = pytest.mark.django_db

OTHER_COMMUNE = "00004"  # Phường Ba Đình, Hà Nội (post-2025); 00004 was Phường Trúc Bạch before


def _changes_text(client, url: str) -> str:
    page = client.get(url).content.decode()
    cells = re.findall(r'<td class="small">(.*?)</td>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", cell) for cell in cells)


def test_vacancy_history_names_the_employer_occupation_and_workplace(cast, client):
    admin = cast["admin"]
    first = make_employer(admin, name="Công ty TNHH Hoa Mai")
    second = make_employer(admin, name="Công ty CP Bến Thành")
    vacancy = make_vacancy(admin, employer=first)
    vacancy_update(
        actor=admin,
        vacancy=vacancy,
        data={"employer": second, "occupation": occupation("2512"), "workplace_commune": commune(OTHER_COMMUNE)},
    )
    client.force_login(admin)
    text = _changes_text(client, f"/vacancies/{vacancy.pk}/")
    assert "Công ty TNHH Hoa Mai → Công ty CP Bến Thành" in text
    assert occupation("2512").name_vi in text
    assert f"{commune('25459').name} → Phường Ba Đình" in text
    for code in (first.tax_code, second.tax_code, "2512", "25459", OTHER_COMMUNE):
        assert code not in text, code


def test_employer_history_names_commune_and_type(cast, client):
    admin = cast["admin"]
    employer = make_employer(admin)
    employer_update(
        actor=admin,
        employer=employer,
        data={"commune": commune(OTHER_COMMUNE), "employer_type": employer_type("dn_nha_nuoc")},
    )
    client.force_login(admin)
    text = _changes_text(client, f"/employers/{employer.pk}/")
    assert "Phường Ba Đình" in text
    assert f"{employer_type('dn_ngoai_nha_nuoc').name_vi} → {employer_type('dn_nha_nuoc').name_vi}" in text
    assert "dn_nha_nuoc" not in text and OTHER_COMMUNE not in text


def test_seeker_history_names_occupation_and_workplaces(cast, client):
    admin = cast["admin"]
    profile = make_profile(admin, make_person(admin), occupation="2411")
    profile_update(actor=admin, profile=profile, data={"occupation": "2512"})
    client.force_login(admin)
    text = _changes_text(client, f"/seekers/{profile.pk}/")
    assert f"{occupation('2411').name_vi} → {occupation('2512').name_vi}" in text
    assert "2411" not in text and "2512" not in text


def test_audit_page_names_a_users_areas(cast, client):
    user_update(actor=cast["admin"], user=cast["commune_a"], data={}, area_codes=[OTHER_COMMUNE])
    client.force_login(cast["admin"])
    text = _changes_text(client, "/audit/?action=update")
    assert "Phường Ba Đình" in text
    assert f"Địa bàn phụ trách: {OTHER_COMMUNE}" not in " ".join(text.split())
