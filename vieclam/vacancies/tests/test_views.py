"""Staff pages: list with filters and export, detail with history and status buttons, create and edit forms."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import make_employer
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, make_vacancy, occupation

pytestmark = pytest.mark.django_db

LIST = "/vacancies/"


@pytest.fixture
def employer(cast):
    return make_employer(cast["admin"], name="Công ty Dệt Tân Ninh", commune_code="25459")


def form_data(employer, **overrides):
    data = {
        "title": "Kế toán tổng hợp",
        "employer": employer.pk,
        "occupation": "2411",
        "position": "",
        "positions_count": "2",
        "description": "",
        "education_level": "",
        "technical_level": "dai_hoc",
        "experience": "",
        "languages": "Tiếng Anh: Khá",
        "skills": "MISA\nExcel",
        "age_min": "",
        "age_max": "",
        "sex_required": "",
        "restriction_reason": "",
        "workplace_commune": "25459",
        "contract_type": "khong_xac_dinh_thoi_han",
        "working_time": "toan_thoi_gian",
        "pay_min": "8000000",
        "pay_max": "12000000",
        "pay_band": "",
        "benefits": "BHXH",
        "deadline": in_days(30).strftime("%d/%m/%Y"),
        "exchange_province": "",
        "status": "draft",
    }
    return {**data, **overrides}


@pytest.fixture
def vacancies(cast):
    return {
        "ke_toan": make_vacancy(cast["province_a"], title="Kế toán tổng hợp"),
        "ha_noi": make_vacancy(
            cast["province_b"], title="Lập trình viên", commune_code="00004", occupation=occupation("2512")
        ),  # fmt: skip
    }


def csv_titles(response) -> set[str]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row[1] for row in list(csv.reader(io.StringIO(content)))[1:]}


#
# Access and scope
#
def test_anonymous_is_sent_to_login(client):
    assert client.get(LIST).status_code == 302


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_employer_and_worker_accounts_get_403(cast, client, vacancies, role):
    client.force_login(cast[role])
    pk = vacancies["ke_toan"].pk
    for url in [LIST, f"{LIST}new/", f"{LIST}{pk}/", f"{LIST}{pk}/edit/"]:
        assert client.get(url).status_code == 403, url
    assert client.post(f"{LIST}{pk}/status/", {"status": "open"}).status_code == 403


def test_officer_of_another_province_gets_404_everywhere(cast, client, vacancies):
    client.force_login(cast["province_b"])
    pk = vacancies["ke_toan"].pk
    assert client.get(f"{LIST}{pk}/").status_code == 404
    assert client.get(f"{LIST}{pk}/edit/").status_code == 404
    assert client.post(f"{LIST}{pk}/status/", {"status": "open"}).status_code == 404
    page = client.get(LIST).content.decode()
    assert "Lập trình viên" in page and "Kế toán tổng hợp" not in page
    assert csv_titles(client.get(LIST, {"export": "csv"})) == {"Lập trình viên"}
    assert Vacancy.objects.get(pk=pk).status == "draft"


def test_xlsx_export_holds_the_filtered_rows_of_the_area_only(cast, client, vacancies):
    client.force_login(cast["admin"])
    response = client.get(LIST, {"export": "xlsx", "province": "80"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Số", "Tên vị trí việc làm", "Trạng thái")
    assert [row[1] for row in rows[1:]] == ["Kế toán tổng hợp"]
    client.force_login(cast["province_a"])
    assert csv_titles(client.get(LIST, {"export": "csv"})) == {"Kế toán tổng hợp"}


def test_export_neutralises_formulas(cast, client):
    make_vacancy(cast["admin"], title='=HYPERLINK("http://x")')
    client.force_login(cast["admin"])
    assert csv_titles(client.get(LIST, {"export": "csv"})) == {'\'=HYPERLINK("http://x")'}


#
# List and search
#
def test_search_ignores_diacritics(cast, client, vacancies):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"q": "ke toan"}).content.decode()
    assert "Kế toán tổng hợp" in page and "Lập trình viên" not in page


def test_bad_filter_is_explained_on_the_page(cast, client, vacancies):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"occupation": "24a"}).content.decode()
    assert "Nghề: lựa chọn “24a” không còn dùng được" in page and "Kế toán tổng hợp" not in page


def test_list_query_count_is_pinned(cast, client):
    client.force_login(cast["province_a"])
    employer = make_employer(cast["admin"])
    for _ in range(2):
        make_vacancy(cast["admin"], employer=employer)
    client.get(LIST)
    with CaptureQueriesContext(connection) as two:
        assert client.get(LIST).status_code == 200
    for _ in range(18):
        make_vacancy(cast["admin"], employer=employer, commune_code="25480")
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(LIST).content.decode()
    assert page.count("Kế toán tổng hợp</a>") == 20
    assert len(two) == len(twenty) == 6  # session, user, user's areas, provinces (filter form), count, page


#
# Detail, history, status buttons
#
def test_detail_shows_names_history_and_the_allowed_status_buttons(cast, client, vacancies):
    vacancy = vacancies["ke_toan"]
    client.force_login(cast["province_a"])
    page = client.get(f"{LIST}{vacancy.pk}/").content.decode()
    assert "Lịch sử thay đổi" in page and "Kế toán và các nhà chuyên môn có liên quan" in page
    assert 'value="open"' in page and 'value="closed"' in page and 'value="filled"' not in page
    client.force_login(cast["counsellor_a"])
    page = client.get(f"{LIST}{vacancy.pk}/").content.decode()
    assert "Kế toán tổng hợp" in page and "Lịch sử thay đổi" not in page


def test_status_buttons_apply_and_refuse_transitions(cast, client, vacancies):
    vacancy = vacancies["ke_toan"]
    client.force_login(cast["counsellor_a"])
    url = f"{LIST}{vacancy.pk}/status/"
    assert client.get(url).status_code == 405
    page = client.post(url, {"status": "filled"}, follow=True).content.decode()
    assert "Không chuyển được" in page and Vacancy.objects.get(pk=vacancy.pk).status == "draft"
    response = client.post(url, {"status": "open"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/vacancies/{vacancy.pk}/"
    assert Vacancy.objects.get(pk=vacancy.pk).status == "open"
    assert 'value="filled"' in response.content.decode()


#
# Create and edit
#
def test_create_form_records_and_redirects(cast, client, employer):
    client.force_login(cast["province_a"])
    assert client.get(f"{LIST}new/").status_code == 200
    response = client.post(f"{LIST}new/", form_data(employer, workplace_commune="25456"), follow=True)
    vacancy = Vacancy.objects.get()
    assert response.redirect_chain[-1][0] == f"/vacancies/{vacancy.pk}/"
    assert vacancy.workplace_commune.code == "25459" and vacancy.exchange_province.code == "80"
    assert vacancy.languages == [{"language": "Tiếng Anh", "level": "fair"}] and vacancy.skills == ["MISA", "Excel"]
    page = response.content.decode()
    assert "Đã ghi nhận" in page and "Mã cũ 25456" in page and "Tiếng Anh: Khá" in page
    assert AuditEvent.objects.filter(content_type__model="vacancy", action="create", channel="ui").exists()


def test_create_form_shows_vietnamese_errors_per_field_and_writes_nothing(cast, client, employer):
    client.force_login(cast["province_a"])
    data = form_data(employer, occupation="24111", pay_min="20000000", age_min="18", languages="Tiếng Anh: giỏi")
    response = client.post(f"{LIST}new/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"languages"}  # the form's own parsing comes first
    response = client.post(f"{LIST}new/", {**data, "languages": ""})
    form = response.context["form"]
    assert set(form.errors) == {"occupation", "pay_min", "age_min"}
    assert "cấp 5" in form.errors["occupation"][0] and "căn cứ pháp lý" in form.errors["age_min"][0]
    assert not Vacancy.objects.exists()


def test_restriction_with_a_reason_is_accepted_in_the_form(cast, client, employer):
    client.force_login(cast["province_a"])
    data = form_data(employer, age_min="18", sex_required="male", restriction_reason="Điều 160 Bộ luật Lao động 2019")
    assert client.post(f"{LIST}new/", data).status_code == 302
    assert Vacancy.objects.get().sex_required == "male"


def test_edit_form_saves_only_changes_and_audits_them(cast, client, vacancies):
    vacancy = vacancies["ke_toan"]
    client.force_login(cast["province_a"])
    edit = f"{LIST}{vacancy.pk}/edit/"
    page = client.get(edit).content.decode()
    assert "Kế toán tổng hợp" in page and 'name="status"' not in page
    data = form_data(vacancy.employer, title="Kế toán trưởng", languages="", skills="", benefits="",
                     technical_level="", contract_type="", working_time="", exchange_province="80",
                     deadline=vacancy.deadline.strftime("%d/%m/%Y"))  # fmt: skip
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    event = AuditEvent.objects.get(content_type__model="vacancy", object_id=str(vacancy.pk), action="update")
    assert event.changes == {"title": ["Kế toán tổng hợp", "Kế toán trưởng"]}


def test_edit_keeps_an_employer_of_another_province_held_by_this_exchange(cast, client):
    tay_ninh = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    vacancy = make_vacancy(cast["admin"], commune_code="00004", exchange_province=tay_ninh)
    client.force_login(cast["province_a"])
    data = form_data(vacancy.employer, title="Thợ may", workplace_commune="00004", exchange_province="80",
                     languages="", skills="", benefits="", technical_level="", contract_type="", working_time="",
                     deadline=vacancy.deadline.strftime("%d/%m/%Y"))  # fmt: skip
    response = client.post(f"{LIST}{vacancy.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert Vacancy.objects.get(pk=vacancy.pk).title == "Thợ may"
