"""Every registry export, CSV and Excel, as every staff role: no cell can run as a spreadsheet formula or break
the file, dates are real Excel dates, headers and coded values are words.

The hostile values reach the registries the ways real data does: a worker signs up under the name
`=HYPERLINK(…)`, and texts of every registry start with = + - @, a tab or a CR, hold control characters, run to
10.000 characters, or carry right-to-left marks and emoji (as imports or data stored before the input cleaning
may). The one guard is core.exports (the registry kit's exporter); this test drives every export through it.
"""

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test import Client
from openpyxl import load_workbook

from vieclam.applications import services
from vieclam.applications.tests.factories import make_worker, open_vacancy, person_of
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.casework.services import case_assign
from vieclam.casework.tests.factories import make_group, make_session
from vieclam.conftest import COMMUNE_A, COMMUNE_B
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs.models import Fair
from vieclam.fairs.tests.factories import make_fair
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_profile
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STAFF = ("admin", "province_a", "province_b", "counsellor_a", "commune_a", "commune_b")
SIGNED_UP_NAME = '=HYPERLINK("http://x","y")'
HOSTILE = ("+SUM(1,2)", '-2+3+cmd|" /C calc"!A0', "@SUM(A1:A9)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x")')
# Vacancies are held by a province's exchange: a commune officer's vacancy list is empty by design.
NOT_IN_SCOPE = {("commune_a", "/vacancies/"), ("commune_b", "/vacancies/")}
IDENTITIES = {COMMUNE_A: ("080195001234", dt.date(1995, 5, 10)), COMMUNE_B: ("001198007777", dt.date(1998, 1, 20))}


# Each value is held by one record of every registry, in each of the cast's two communes.
EVERY_HOSTILE = (
    '=HYPERLINK("http://x","y")',
    '+cmd|" /C calc"!A0',
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "Lê\x07 Thị Hoa",  # a bell: openpyxl refused the whole workbook (500)
    "Trần\x0bVăn Minh",  # a vertical tab, as Word writes a line break
    "\x07=2+2",  # a control character hiding a formula
    "Nguyễn Thị Hoa " * 666 + "Hết",  # 10.000 characters
    "\u202eأحمد\u200f Ali",  # right-to-left override and mark
    "Hoa 🌸 👩\u200d🌾",  # emoji with a zero-width joiner
)
EXPORTS = {  # list → {registry: text fields holding the value}
    "/people/": {Person: ("full_name",)},
    "/people/households/": {Household: ("head_name", "address")},
    "/employers/": {Employer: ("name", "street_address", "zone_name", "contact_person")},
    "/vacancies/": {Vacancy: ("title",), Employer: ("name",)},
    "/seekers/": {JobSeekerProfile: ("title",), Person: ("full_name",)},
    "/applications/": {Vacancy: ("title",), Person: ("full_name",), Employer: ("name",)},
    "/casework/sessions/": {Person: ("full_name",), CounsellingSession: ("outcome", "next_step", "note")},
    "/casework/groups/": {GroupSession: ("unit_name", "note")},
    "/casework/cases/": {Person: ("full_name",), CaseAssignment: ("next_action",)},
    "/connections/": {Person: ("full_name",), Employer: ("name",)},
    "/connections/follow-ups/": {Person: ("full_name",), Employer: ("name",)},
    "/fairs/": {Fair: ("name", "address", "target_groups")},
}
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _stored(model, field: str, value: str) -> str:
    """What a CharField keeps: SQLite stores any length, PostgreSQL refuses more than max_length."""
    limit = model._meta.get_field(field).max_length
    return value if connection.vendor == "sqlite" else value[:limit]


def _hostile(index: int) -> str:
    return HOSTILE[index % len(HOSTILE)]


def _connect(cast, person, employer, commune):
    """A connection (with its follow-ups, three of them due) followed by the counsellor of area A."""
    from vieclam.connections.services import connection_create
    from vieclam.connections.tests.factories import months_ago

    counsellor = cast["counsellor_a"] if commune == COMMUNE_A else None
    data = {"person": person, "employer": employer, "contract_type": "xac_dinh_thoi_han", "start_date": months_ago(8),
            "funding_source": "mtqg", "counsellor": counsellor}  # fmt: skip
    connection_create(actor=cast["admin"], data=data)


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
        _connect(cast, person, employer, commune)


@pytest.fixture
def every_hostile_value(cast):
    """In each commune, one worker (with household, job-seeker profile and application), employer and vacancy per
    hostile value, every exported text of theirs holding that value. Returns the values as stored."""
    admin = cast["admin"]
    stored = {}
    for place, commune in enumerate((COMMUNE_A, COMMUNE_B)):
        province = IDENTITIES[commune][0][:3]
        for index, value in enumerate(EVERY_HOSTILE):
            identity = (f"{province}19{place}{index:06d}", dt.date(1990 + place, 1, 1), "female")
            worker = make_worker(f"hostile{place}x{index}", identity=identity, commune_code=commune)
            person = person_of(worker)
            household = household_create(actor=admin, commune=commune, head_name="Chủ hộ")
            employer = make_employer(admin, commune_code=commune)
            vacancy = open_vacancy(admin, employer)
            profile = make_profile(admin, person)
            services.application_submit(actor=worker, vacancy=vacancy, person=person)
            _connect(cast, person, employer, commune)
            Person.objects.filter(pk=person.pk).update(household=household)
            session = make_session(admin, person)
            group = make_group(admin, commune=commune, attendees=[person])
            counsellor = cast["counsellor_a" if commune == COMMUNE_A else "province_b"]
            case = case_assign(actor=admin, data={"person": person, "counsellor": counsellor})
            fair = make_fair(admin, commune=commune)
            for model, pk in ((Person, person.pk), (Household, household.pk), (Employer, employer.pk),
                              (Vacancy, vacancy.pk), (JobSeekerProfile, profile.pk), (CounsellingSession, session.pk),
                              (GroupSession, group.pk), (CaseAssignment, case.pk), (Fair, fair.pk)):  # fmt: skip
                fields = {f for registries in EXPORTS.values() for f in registries.get(model, ())}
                values = {field: _stored(model, field, value) for field in fields}
                model.objects.filter(pk=pk).update(**values)
                stored.update({(model, field, index): text for field, text in values.items()})
    return stored


def guarded(text: str) -> str:
    """What the guard should make of stored text: control characters dropped, a formula start quoted."""
    text = CONTROLS.sub("", text)
    return "'" + text if runs_as_formula(text) else text


def csv_cells(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def runs_as_formula(text: str) -> bool:
    """A cell a spreadsheet would evaluate: it starts with a formula character and is not a plain signed number
    (a phone "+84 912 345 678" cannot hide a function call)."""
    plain_number = text.lstrip("+-").replace(" ", "").replace(".", "").replace(",", "").isdigit()
    return text.startswith(FORMULA_STARTS) and not plain_number


def test_every_export_of_every_registry_as_every_staff_role_holds_every_hostile_value_as_text(
    cast, every_hostile_value
):
    for role in STAFF:
        client = Client()
        client.force_login(cast[role])
        for url, registries in EXPORTS.items():
            in_scope = (role, url) not in NOT_IN_SCOPE
            expected = {
                guarded(text)
                for (model, field, _index), text in every_hostile_value.items()
                if field in registries.get(model, ())
            }
            response = client.get(url, {"export": "csv"})
            assert response.status_code == 200, f"{url} CSV as {role}"
            rows = csv_cells(response)
            cells = {cell for row in rows[1:] for cell in row}
            assert not [cell for cell in cells if runs_as_formula(cell)], f"{url} CSV as {role}"
            assert not [cell for cell in cells if CONTROLS.search(cell)], f"{url} CSV as {role}"
            assert not in_scope or expected <= cells, f"{url} CSV as {role}: {expected - cells}"

            response = client.get(url, {"export": "xlsx"})
            assert response.status_code == 200, f"{url} Excel as {role}"
            sheet = xlsx_sheet(response)  # openpyxl reads the file back
            cells = set()
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    assert cell.data_type != "f", f"{url} Excel as {role}: formula {cell.value!r}"
                    bad = isinstance(cell.value, str) and runs_as_formula(cell.value)
                    assert not bad, f"{url} Excel as {role}: {cell.value!r}"
                    cells.add(cell.value)
            assert not in_scope or expected <= cells, f"{url} Excel as {role}: {expected - cells}"


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
