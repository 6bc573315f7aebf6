"""A vacancy, a job-seeker profile and a connection take a VSCO 2020 occupation of level 4 only, by form, API and
import (codelists.selectors.occupation_level_problem): a vacancy coded "0" (level 1) had no candidates to rank."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from vieclam.codelists.models import Occupation
from vieclam.codelists.selectors import occupation_level_problem
from vieclam.connections.models import Connection
from vieclam.connections.tests.factories import a_person, make_connection
from vieclam.employers.tests.factories import make_employer
from vieclam.imports.services import import_batch_run
from vieclam.imports.sources import TEMPLATE_HEADERS
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, make_vacancy

pytestmark = pytest.mark.django_db

NOT_LEVEL_4 = ["0", "2", "24", "241", "24111"]
MESSAGE = "Nghề phải là nghề cấp 4 (mã 4 chữ số) trong Danh mục nghề nghiệp Việt Nam"


def occupation(code: str) -> Occupation:
    return Occupation.objects.get(code=code)


def refused(call) -> list[str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.message_dict["occupation"]


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("code", NOT_LEVEL_4)
def test_the_helper_names_the_level_and_accepts_level_4_only(code):
    problem = occupation_level_problem(occupation(code))
    assert problem is not None and problem.startswith(MESSAGE) and f"mã {code} là cấp {len(code)}" in problem
    assert occupation_level_problem(occupation("2411")) is None and occupation_level_problem(None) is None


def test_a_finer_code_is_shown_its_level_4_group():
    assert "ví dụ 2411" in (occupation_level_problem(occupation("24111")) or "")


#
# Vacancies
#
@pytest.mark.parametrize("code", NOT_LEVEL_4)
def test_a_vacancy_service_refuses_an_occupation_not_of_level_4(cast, code):
    employer = make_employer(cast["admin"])
    messages = refused(lambda: make_vacancy(cast["admin"], employer=employer, occupation=occupation(code)))
    assert messages[0].startswith(MESSAGE)
    assert not Vacancy.objects.exists()


def test_a_vacancy_edited_to_a_group_is_refused_and_other_edits_of_old_records_pass(cast):
    vacancy = make_vacancy(cast["admin"])
    assert refused(lambda: _vacancy_update(cast["admin"], vacancy, occupation=occupation("241")))[0].startswith(MESSAGE)
    # A record coded before the rule keeps its other edits: only a changed occupation is checked, as for expiry.
    Vacancy.objects.filter(pk=vacancy.pk).update(occupation=occupation("241"))
    vacancy.refresh_from_db()
    assert _vacancy_update(cast["admin"], vacancy, title="Kế toán trưởng").title == "Kế toán trưởng"


def _vacancy_update(actor, vacancy, **data):
    from vieclam.vacancies.services import vacancy_update

    return vacancy_update(actor=actor, vacancy=vacancy, data=data)


def test_the_vacancy_api_answers_400_naming_the_occupation(cast, api_as):
    employer = make_employer(cast["province_a"])
    body = {"employer": employer.pk, "title": "Bộ đội", "occupation": "0", "positions_count": 1,
            "workplace_commune": "25459", "pay_negotiable": True, "deadline": in_days(30).isoformat()}  # fmt: skip
    response = api_as(cast["province_a"]).post("/api/v1/vacancies/", body, format="json")
    assert response.status_code == 400 and response.json()["occupation"][0].startswith(MESSAGE)
    assert not Vacancy.objects.exists()


def test_the_vacancy_form_shows_the_message_on_the_occupation(cast):
    from vieclam.vacancies.tests.test_views import form_data

    employer = make_employer(cast["admin"], commune_code="25459")
    response = logged_in(cast["province_a"]).post("/vacancies/new/", form_data(employer, occupation="241"))
    assert response.status_code == 200 and response.context["form"].errors["occupation"][0].startswith(MESSAGE)
    assert not Vacancy.objects.exists()


def test_an_imported_row_coded_to_a_group_is_an_error_of_the_occupation_column(cast):
    make_employer(cast["admin"], name="Công ty TNHH Dệt Tân Ninh", commune_code="25459")
    header = ",".join(f'"{h}"' for h in TEMPLATE_HEADERS.values())
    fields = {"title": "Kế toán", "company": "Công ty TNHH Dệt Tân Ninh", "location": "Phường Tân Ninh, Tây Ninh",
              "salary": "8 - 12 triệu", "occupation": "24"}  # fmt: skip
    line = ",".join(f'"{fields.get(name, "")}"' for name in TEMPLATE_HEADERS)
    report = import_batch_run(actor=cast["province_a"], filename="tin.csv", content=f"{header}\n{line}\n".encode())
    assert report.error_lines() == [f"Dòng 2, cột “Mã nghề”: {MESSAGE}; mã 24 là cấp 2."]
    assert not Vacancy.objects.exists()


#
# Job-seeker profiles (staff and the worker's own go through seekers.validation)
#
@pytest.mark.parametrize("code", NOT_LEVEL_4)
def test_a_profile_service_refuses_an_occupation_not_of_level_4(cast, code):
    person = make_person(cast["admin"])
    assert refused(lambda: make_profile(cast["admin"], person, occupation=code))[0].startswith(MESSAGE)
    assert not JobSeekerProfile.objects.exists()


def test_the_profile_api_answers_400_naming_the_occupation(cast, api_as):
    person = make_person(cast["admin"])
    body = {"person": person.pk, "title": "Kế toán", "occupation": "0"}
    response = api_as(cast["commune_a"]).post("/api/v1/job-seekers/", body, format="json")
    assert response.status_code == 400 and response.json()["occupation"][0].startswith(MESSAGE)
    assert not JobSeekerProfile.objects.exists()


def test_the_profile_form_shows_the_message_on_the_occupation(cast):
    from vieclam.seekers.tests.test_views import form_data

    person = make_person(cast["admin"])
    response = logged_in(cast["commune_a"]).post("/seekers/new/", {"person": person.pk, **form_data(occupation="43")})
    assert response.status_code == 200 and response.context["form"].errors["occupation"][0].startswith(MESSAGE)
    assert not JobSeekerProfile.objects.exists()


#
# Connections
#
@pytest.mark.parametrize("code", NOT_LEVEL_4)
def test_a_connection_service_refuses_an_occupation_not_of_level_4(cast, code):
    counsellor = cast["counsellor_a"]
    assert refused(lambda: make_connection(counsellor, occupation=occupation(code)))[0].startswith(MESSAGE)
    assert make_connection(counsellor, occupation=occupation("7531")).occupation.code == "7531"
    assert Connection.objects.count() == 1


def test_the_connection_api_and_form_name_the_occupation(cast, api_as):
    counsellor = cast["counsellor_a"]
    person, employer = a_person(counsellor), make_employer(counsellor)
    body = {"person": person.pk, "employer": employer.pk, "occupation": "753", "contract_type": "xac_dinh_thoi_han",
            "start_date": "2026-02-01", "funding_source": "mtqg"}  # fmt: skip
    response = api_as(counsellor).post("/api/v1/connections/", body, format="json")
    assert response.status_code == 400 and response.json()["occupation"][0].startswith(MESSAGE)
    form = {**body, "start_date": "01/02/2026"}
    response = logged_in(counsellor).post("/connections/new/", form)
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not Connection.objects.exists()
