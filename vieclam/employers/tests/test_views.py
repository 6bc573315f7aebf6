"""Staff pages: list with filters and export, detail with history, create and edit forms."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer

pytestmark = pytest.mark.django_db

LIST = "/employers/"


def form_data(**overrides):
    data = {
        "name": "Công ty TNHH Đồng Tiến",
        "tax_code": "0300588569",
        "employer_type": "dn_fdi",
        "industry": "",
        "commune": "25459",
        "street_address": "",
        "zone_name": "",
        "size_band": "",
        "contact_person": "",
        "phone": "",
        "email": "",
    }
    return {**data, **overrides}


@pytest.fixture
def employers(cast):
    admin = cast["admin"]
    return {
        "tan_ninh": make_employer(admin, name="Công ty Dệt Tân Ninh", commune_code="25459"),
        "binh_minh": make_employer(admin, name="Công ty Bình Minh", commune_code="25480"),
        "ba_dinh": make_employer(admin, name="Công ty Ba Đình", commune_code="00004"),
    }


def csv_names(content: bytes) -> set[str]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return {row[2] for row in rows[1:]}


#
# Access
#
def test_anonymous_is_sent_to_login(client):
    assert client.get(LIST).status_code == 302


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_employer_and_worker_accounts_get_403(cast, client, employers, role):
    client.force_login(cast[role])
    for url in [LIST, f"{LIST}new/", f"{LIST}{employers['tan_ninh'].pk}/", f"{LIST}{employers['tan_ninh'].pk}/edit/"]:
        assert client.get(url).status_code == 403, url


def test_commune_officer_cannot_see_another_communes_employer_anywhere(cast, client, employers):
    client.force_login(cast["commune_a"])
    page = client.get(LIST).content.decode()
    assert "Công ty Dệt Tân Ninh" in page and "Công ty Ba Đình" not in page and "Công ty Bình Minh" not in page
    ba_dinh = employers["ba_dinh"].pk
    assert client.get(f"{LIST}{ba_dinh}/").status_code == 404
    assert client.get(f"{LIST}{ba_dinh}/edit/").status_code == 404
    assert client.post(f"{LIST}{ba_dinh}/edit/", form_data()).status_code == 404
    assert csv_names(client.get(LIST, {"export": "csv"}).getvalue()) == {"Công ty Dệt Tân Ninh"}


def test_province_officer_sees_both_communes_of_the_province(cast, client, employers):
    client.force_login(cast["province_a"])
    page = client.get(LIST).content.decode()
    assert "Công ty Dệt Tân Ninh" in page and "Công ty Bình Minh" in page and "Công ty Ba Đình" not in page
    assert client.get(f"{LIST}{employers['binh_minh'].pk}/").status_code == 200


#
# List, search, export
#
def test_search_ignores_diacritics_and_case(cast, client, employers):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"q": "DET tan ninh"}).content.decode()
    assert "Công ty Dệt Tân Ninh" in page and "Công ty Bình Minh" not in page


def test_bad_filter_is_explained_on_the_page(cast, client, employers):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"commune": "99999"}).content.decode()
    assert "Xã/phường: lựa chọn “99999” không còn dùng được" in page and "Công ty Ba Đình" not in page


def test_csv_export_holds_the_filtered_rows_of_the_area_only(cast, client, employers):
    client.force_login(cast["province_a"])
    response = client.get(LIST, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    content = response.getvalue()
    assert csv_names(content) == {"Công ty Dệt Tân Ninh", "Công ty Bình Minh"}
    assert csv_names(client.get(LIST, {"export": "csv", "commune": "25480"}).getvalue()) == {"Công ty Bình Minh"}
    header = content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Mã số thuế / số định danh,Loại mã,Tên người sử dụng lao động")


def test_xlsx_export_holds_the_rows_of_the_area_only(cast, client, employers):
    client.force_login(cast["commune_b"])
    response = client.get(LIST, {"export": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[2] for row in rows[1:]] == ["Công ty Ba Đình"]
    assert rows[1][0] == employers["ba_dinh"].tax_code  # kept as text, leading zeros and all


def test_export_neutralises_formulas(cast, client):
    make_employer(cast["admin"], name='=HYPERLINK("http://x")', phone="+84 912 345 678")
    client.force_login(cast["admin"])
    rows = list(csv.reader(io.StringIO(client.get(LIST, {"export": "csv"}).getvalue().decode("utf-8-sig"))))
    assert rows[1][2].startswith("'=") and rows[1][15] == "+84 912 345 678"


def test_list_query_count_is_pinned(cast, client):
    client.force_login(cast["province_a"])
    for _ in range(2):
        make_employer(cast["admin"])
    client.get(LIST)
    with CaptureQueriesContext(connection) as two:
        assert client.get(LIST).status_code == 200
    for _ in range(18):
        make_employer(cast["admin"], commune_code="25480")
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(LIST).content.decode()
    assert page.count("/employers/") - page.count("/employers/new/") >= 20
    # session, user, user's areas, provinces, employer types and industries (filter form), count, page
    assert len(two) == len(twenty) == 8


#
# Detail and history
#
def test_detail_shows_history_to_officers_with_history_rights_only(cast, client, employers):
    employer = employers["tan_ninh"]
    client.force_login(cast["commune_a"])
    page = client.get(f"{LIST}{employer.pk}/").content.decode()
    assert "Lịch sử thay đổi" in page and employer.tax_code in page
    client.force_login(cast["counsellor_a"])
    page = client.get(f"{LIST}{employer.pk}/").content.decode()
    assert "Công ty Dệt Tân Ninh" in page and "Lịch sử thay đổi" not in page


#
# Create and edit
#
def test_create_form_registers_and_redirects(cast, client):
    client.force_login(cast["commune_a"])
    assert client.get(f"{LIST}new/").status_code == 200
    response = client.post(f"{LIST}new/", form_data(commune="25456"), follow=True)
    employer = Employer.objects.get()
    assert response.redirect_chain[-1][0] == f"/employers/{employer.pk}/"
    assert employer.commune.code == "25459" and employer.employer_type.code == "dn_fdi"
    page = response.content.decode()
    assert "Đã đăng ký" in page and "Mã cũ 25456" in page  # the old code was mapped, and said so
    assert AuditEvent.objects.filter(content_type__model="employer", action="create", channel="ui").exists()


def test_create_form_shows_vietnamese_errors_per_field_and_writes_nothing(cast, client):
    client.force_login(cast["commune_a"])
    page = client.post(f"{LIST}new/", form_data(tax_code="0100109107", commune="00004")).content.decode()
    assert "sai chữ số kiểm tra" in page and "nằm ngoài địa bàn bạn phụ trách" in page
    assert not Employer.objects.exists()


def test_create_form_reports_a_duplicate_tax_code(cast, client, employers):
    client.force_login(cast["admin"])
    page = client.post(f"{LIST}new/", form_data(tax_code=employers["ba_dinh"].tax_code)).content.decode()
    assert "đã có trong sổ đăng ký" in page and Employer.objects.count() == 3


def test_edit_form_saves_only_changes_and_audits_them(cast, client, employers):
    employer = employers["tan_ninh"]
    client.force_login(cast["commune_a"])
    edit = f"{LIST}{employer.pk}/edit/"
    assert "Công ty Dệt Tân Ninh" in client.get(edit).content.decode()
    data = form_data(name="Công ty Dệt Tân Ninh 2", tax_code=employer.tax_code, employer_type="dn_ngoai_nha_nuoc")
    response = client.post(edit, data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(content_type__model="employer", object_id=str(employer.pk), action="update")
    assert event.changes == {"name": ["Công ty Dệt Tân Ninh", "Công ty Dệt Tân Ninh 2"]}
