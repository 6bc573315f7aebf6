"""Every registry export, CSV and Excel, as every staff role: no cell can run as a spreadsheet formula, dates are
real Excel dates, headers and coded values are words.

The hostile values reach the registries the ways real data does: a worker signs up under the name
`=HYPERLINK(…)`, and texts of every registry start with = + - @, a tab or a CR (as imports or older data may).
"""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from vieclam.applications import services
from vieclam.applications.tests.factories import make_worker, open_vacancy, person_of
from vieclam.conftest import COMMUNE_A, COMMUNE_B
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_profile
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STAFF = ("admin", "province_a", "province_b", "counsellor_a", "commune_a", "commune_b")
LISTS = ("/people/", "/people/households/", "/employers/", "/vacancies/", "/seekers/", "/applications/")
SIGNED_UP_NAME = '=HYPERLINK("http://x","y")'
HOSTILE = ("+SUM(1,2)", '-2+3+cmd|" /C calc"!A0', "@SUM(A1:A9)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x")')
# Vacancies are held by a province's exchange: a commune officer's vacancy list is empty by design.
NOT_IN_SCOPE = {("commune_a", "/vacancies/"), ("commune_b", "/vacancies/")}
IDENTITIES = {COMMUNE_A: ("080195001234", dt.date(1995, 5, 10)), COMMUNE_B: ("001198007777", dt.date(1998, 1, 20))}


def _hostile(index: int) -> str:
    return HOSTILE[index % len(HOSTILE)]


@pytest.fixture
def hostile_registries(cast):
    """In each of the cast's two communes: a worker signed up as =HYPERLINK(…) with a household, an employer,
    an open vacancy, a job-seeker profile and an application, whose texts all start with a formula character."""
    admin = cast["admin"]
    for index, commune in enumerate((COMMUNE_A, COMMUNE_B)):
        nid, born = IDENTITIES[commune]
        worker = make_worker(
            f"hostile{index}", identity=(nid, born, "female"), name=SIGNED_UP_NAME, commune_code=commune
        )
        person = person_of(worker)
        household = household_create(actor=admin, commune=commune, head_name="Chủ hộ")
        Household.objects.filter(pk=household.pk).update(head_name=_hostile(0), address=_hostile(1))
        Person.objects.filter(pk=person.pk).update(household=household, address=_hostile(2))
        employer = make_employer(admin, commune_code=commune)
        Employer.objects.filter(pk=employer.pk).update(
            name=_hostile(5), contact_person=_hostile(0), street_address=_hostile(3), zone_name=_hostile(4)
        )
        employer.refresh_from_db()
        vacancy = open_vacancy(admin, employer)
        Vacancy.objects.filter(pk=vacancy.pk).update(title=_hostile(2))
        profile = make_profile(admin, person)
        JobSeekerProfile.objects.filter(pk=profile.pk).update(title=_hostile(1))
        services.application_submit(actor=worker, vacancy=Vacancy.objects.get(pk=vacancy.pk), person=person)


def csv_cells(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def runs_as_formula(text: str) -> bool:
    """A cell a spreadsheet would evaluate: it starts with a formula character and is not a plain signed number
    (a phone "+84 912 345 678" cannot hide a function call)."""
    plain_number = text.lstrip("+-").replace(" ", "").replace(".", "").replace(",", "").isdigit()
    return text.startswith(FORMULA_STARTS) and not plain_number


@pytest.mark.parametrize("role", STAFF)
def test_no_export_cell_of_any_registry_starts_a_formula_for_any_staff_role(cast, hostile_registries, role):
    client = Client()
    client.force_login(cast[role])
    for url in LISTS:
        rows = csv_cells(client.get(url, {"export": "csv"}))
        assert len(rows) >= (1 if (role, url) in NOT_IN_SCOPE else 2), f"{url} exports no rows for {role}"
        for row in rows:
            bad = [cell for cell in row if runs_as_formula(cell)]
            assert not bad, f"{url} CSV as {role}: {bad}"
        sheet = xlsx_sheet(client.get(url, {"export": "xlsx"}))
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", f"{url} Excel as {role}: formula {cell.value!r}"
                bad = isinstance(cell.value, str) and runs_as_formula(cell.value)
                assert not bad, f"{url} Excel as {role}: {cell.value!r}"


def test_the_signed_up_name_is_exported_as_text_with_a_quote(cast, hostile_registries):
    client = Client()
    client.force_login(cast["commune_a"])
    names = [row[1] for row in csv_cells(client.get("/people/", {"export": "csv"}))[1:]]
    assert names == ["'" + SIGNED_UP_NAME]
    sheet = xlsx_sheet(client.get("/applications/", {"export": "xlsx"}))
    assert sheet.cell(row=2, column=2).value == "'" + SIGNED_UP_NAME


def test_excel_exports_have_real_date_cells_labelled_frozen_headers_and_words_for_codes(cast, hostile_registries):
    person = Person.objects.get(residence_commune__code=COMMUNE_A)
    Person.objects.filter(pk=person.pk).update(activity_status="co_viec_lam")
    Household.objects.filter(members=person).update(poverty_class="near_poor", poverty_class_on=dt.date(2026, 1, 31))
    client = Client()
    client.force_login(cast["province_a"])

    people = xlsx_sheet(client.get("/people/", {"export": "xlsx"}))
    header = [cell.value for cell in people[1]]
    assert header[:4] == ["Số CCCD (che)", "Họ và tên", "Năm sinh", "Giới tính"]
    row = dict(zip(header, [cell.value for cell in people[2]], strict=True))
    assert row["Giới tính"] == "Nữ" and row["Tình trạng hoạt động kinh tế"] == "Người có việc làm"
    assert row["Năm sinh"] == 1995 and people.freeze_panes == "A2"
    assert people.column_dimensions["B"].width >= len(SIGNED_UP_NAME)

    households = xlsx_sheet(client.get("/people/households/", {"export": "xlsx"}))
    header = [cell.value for cell in households[1]]
    cells = dict(zip(header, households[2], strict=True))
    assert cells["Phân loại hộ"].value == "Hộ cận nghèo"
    assert cells["Ngày phân loại"].is_date and cells["Ngày phân loại"].value.date() == dt.date(2026, 1, 31)
    assert cells["Ngày phân loại"].number_format == "DD/MM/YYYY"

    vacancies = xlsx_sheet(client.get("/vacancies/", {"export": "xlsx"}))
    header = [cell.value for cell in vacancies[1]]
    cells = dict(zip(header, vacancies[2], strict=True))
    assert cells["Trạng thái"].value == "Đang tuyển" and cells["Hạn nộp hồ sơ"].is_date
    assert cells["Cập nhật lúc"].is_date and cells["Cập nhật lúc"].number_format == "DD/MM/YYYY HH:MM"

    applications = csv_cells(client.get("/applications/", {"export": "csv"}))
    row = dict(zip(applications[0], applications[1], strict=True))
    assert row["Hình thức"] != "self" and row["Trạng thái"] != "submitted"
    assert row["Nộp lúc"][2] == "/" and row["Nộp lúc"][5] == "/"  # dd/mm/yyyy hh:mm
