"""POST/GET/PATCH /api/v1/employers/: validation naming the field, area scoping, audit, filters, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import employer_type, make_employer, valid_tax_code

pytestmark = pytest.mark.django_db

URL = "/api/v1/employers/"


def payload(**overrides):
    data = {
        "name": "Công ty Cổ phần Dệt May Tân Ninh",
        "tax_code": "0100109106",
        "employer_type": "dn_ngoai_nha_nuoc",
        "industry": "C",
        "commune": "25459",
        "street_address": "12 đường 30/4",
        "in_industrial_zone": True,
        "zone_name": "KCN Trảng Bàng",
        "size_band": "50_99",
        "contact_person": "Nguyễn Văn An",
        "phone": "0276 3822 111",
        "email": "tuyendung@example.vn",
    }
    return {**data, **overrides}


def updates(employer):
    return AuditEvent.objects.filter(content_type__model="employer", object_id=str(employer.pk), action="update")


def names(response):
    return {row["name"] for row in response.json()["results"]}


#
# Create
#
def test_officer_registers_an_employer_in_their_commune(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["tax_code"] == "0100109106" and body["id_kind"] == "mst10"
    assert body["commune"] == "25459" and body["province"] == "80" and body["industry"] == "C"
    assert body["employer_type"] == "dn_ngoai_nha_nuoc" and body["warnings"] == []
    event = AuditEvent.objects.get(content_type__model="employer", object_id=str(body["id"]), action="create")
    assert event.area.code == "25459" and event.channel == "api" and event.actor == cast["commune_a"]
    assert event.changes["tax_code"] == [None, "0100109106"] and event.changes["commune"] == [None, "25459"]


def test_wrong_check_digit_is_400_naming_tax_code_and_writes_nothing(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, payload(tax_code="0100109107"), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"tax_code"}
    assert "chữ số kiểm tra" in response.json()["tax_code"][0]
    assert not Employer.objects.exists() and not AuditEvent.objects.filter(content_type__model="employer").exists()


def test_duplicate_tax_code_is_400_naming_tax_code(cast, api_as):
    client = api_as(cast["province_a"])
    assert client.post(URL, payload(), format="json").status_code == 201
    response = client.post(URL, payload(name="Khác", commune="25480"), format="json")
    assert response.status_code == 400 and "đã có" in response.json()["tax_code"][0]
    assert Employer.objects.count() == 1


def test_branch_code_typed_without_hyphen_is_stored_with_it(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, payload(tax_code="0100109106001"), format="json")
    assert response.status_code == 201 and response.json()["tax_code"] == "0100109106-001"
    assert response.json()["id_kind"] == "branch13"


def test_personal_id_is_accepted_for_a_household_business_only(cast, api_as):
    client = api_as(cast["commune_a"])
    company = client.post(URL, payload(tax_code="079123456789"), format="json")
    assert company.status_code == 400 and "hộ kinh doanh" in company.json()["tax_code"][0]
    household = client.post(URL, payload(tax_code="079123456789", employer_type="ho_kinh_doanh"), format="json")
    assert household.status_code == 201 and household.json()["id_kind"] == "personal12"


def test_commune_outside_the_officers_area_is_400_naming_commune_and_writes_nothing(cast, api_as):
    """A commune that exists but lies outside the caller's areas is a wrong input value: 400, not 404."""
    for user, commune in [("commune_a", "00004"), ("commune_a", "25480"), ("province_b", "25459")]:
        response = api_as(cast[user]).post(URL, payload(commune=commune), format="json")
        assert response.status_code == 400, (user, commune)
        assert set(response.json()) == {"commune"} and "ngoài địa bàn" in response.json()["commune"][0]
    assert not Employer.objects.exists()


def test_old_commune_code_is_mapped_and_warned_about(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, payload(commune="25456"), format="json")
    assert response.status_code == 201
    assert response.json()["commune"] == "25459"
    assert len(response.json()["warnings"]) == 1 and "25456" in response.json()["warnings"][0]


@pytest.mark.parametrize(
    ("commune", "words"),
    [("00016", "nhiều đơn vị"), ("80", "không phải cấp xã"), ("99999", "Không có"), ("abc", "không hợp lệ")],
)
def test_unusable_commune_codes_are_400_naming_commune(cast, api_as, commune, words):
    response = api_as(cast["admin"]).post(URL, payload(commune=commune), format="json")
    assert response.status_code == 400 and words in response.json()["commune"][0]


def test_several_wrong_fields_are_reported_together(cast, api_as):
    bad = payload(tax_code="01001O9106", employer_type="xyz", industry="ZZ", email="khong-phai-email", size_band="x")
    response = api_as(cast["commune_a"]).post(URL, bad, format="json")
    assert response.status_code == 400
    assert {"tax_code", "employer_type", "industry", "email", "size_band"} <= set(response.json())


def test_missing_required_fields_are_named(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, {}, format="json")
    assert response.status_code == 400
    assert {"name", "tax_code", "employer_type", "commune"} <= set(response.json())


def test_zone_name_without_zone_flag_is_refused(cast, api_as):
    response = api_as(cast["commune_a"]).post(URL, payload(in_industrial_zone=False), format="json")
    assert response.status_code == 400 and set(response.json()) == {"zone_name"}


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_employer_and_worker_accounts_cannot_use_the_staff_endpoints(cast, api_as, role):
    client = api_as(cast[role])
    assert client.post(URL, payload(), format="json").status_code == 403
    assert client.get(URL).status_code == 403
    assert not Employer.objects.exists()


def test_anonymous_is_refused(cast, api_as):
    employer = make_employer(cast["admin"])
    for response in [api_as().get(URL), api_as().post(URL, payload()), api_as().get(f"{URL}{employer.pk}/")]:
        assert response.status_code in (401, 403)


#
# Read and scope
#
@pytest.fixture
def two_provinces(cast):
    admin = cast["admin"]
    return {
        "tan_ninh": make_employer(admin, name="Công ty Tân Ninh", commune_code="25459"),
        "binh_minh": make_employer(admin, name="Công ty Bình Minh", commune_code="25480"),
        "ba_dinh": make_employer(admin, name="Công ty Ba Đình", commune_code="00004"),
    }


def test_commune_officer_cannot_see_an_employer_of_another_commune(cast, api_as, two_provinces):
    client = api_as(cast["commune_a"])
    assert names(client.get(URL)) == {"Công ty Tân Ninh"}
    for key in ["ba_dinh", "binh_minh"]:
        assert client.get(f"{URL}{two_provinces[key].pk}/").status_code == 404
        assert client.patch(f"{URL}{two_provinces[key].pk}/", {"name": "X"}, format="json").status_code == 404
    assert client.get(f"{URL}{two_provinces['tan_ninh'].pk}/").status_code == 200


def test_province_officer_sees_every_commune_of_their_province(cast, api_as, two_provinces):
    assert names(api_as(cast["province_a"]).get(URL)) == {"Công ty Tân Ninh", "Công ty Bình Minh"}
    assert names(api_as(cast["counsellor_a"]).get(URL)) == {"Công ty Tân Ninh", "Công ty Bình Minh"}
    assert names(api_as(cast["province_b"]).get(URL)) == {"Công ty Ba Đình"}
    assert len(names(api_as(cast["admin"]).get(URL))) == 3


#
# Update
#
def test_patch_records_old_and_new_values(cast, api_as, two_provinces):
    employer = two_provinces["tan_ninh"]
    response = api_as(cast["commune_a"]).patch(
        f"{URL}{employer.pk}/", {"name": "Công ty Tân Ninh Mới", "phone": "0909 123 456"}, format="json"
    )
    assert response.status_code == 200 and response.json()["name"] == "Công ty Tân Ninh Mới"
    event = AuditEvent.objects.get(content_type__model="employer", object_id=str(employer.pk), action="update")
    assert event.changes == {"name": ["Công ty Tân Ninh", "Công ty Tân Ninh Mới"], "phone": ["", "0909 123 456"]}
    assert event.area.code == "25459" and event.actor == cast["commune_a"]


def test_patch_moving_to_a_commune_outside_the_area_is_400_and_changes_nothing(cast, api_as, two_provinces):
    employer = two_provinces["tan_ninh"]
    client = api_as(cast["commune_a"])
    response = client.patch(f"{URL}{employer.pk}/", {"commune": "25480", "name": "Đổi tên"}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"commune"}
    employer.refresh_from_db()
    assert employer.commune.code == "25459" and employer.name == "Công ty Tân Ninh"
    assert not updates(employer).exists()


def test_patch_to_another_employers_tax_code_is_400(cast, api_as, two_provinces):
    taken = two_provinces["binh_minh"].tax_code
    response = api_as(cast["province_a"]).patch(
        f"{URL}{two_provinces['tan_ninh'].pk}/", {"tax_code": taken}, format="json"
    )
    assert response.status_code == 400 and "đã có" in response.json()["tax_code"][0]


def test_patch_that_changes_nothing_writes_no_audit_event(cast, api_as, two_provinces):
    employer = two_provinces["tan_ninh"]
    response = api_as(cast["commune_a"]).patch(f"{URL}{employer.pk}/", {"commune": "25456"}, format="json")
    assert response.status_code == 200 and response.json()["warnings"]
    assert not updates(employer).exists()


def test_put_and_delete_are_not_offered(cast, api_as, two_provinces):
    client = api_as(cast["admin"])
    assert client.put(f"{URL}{two_provinces['tan_ninh'].pk}/", payload(), format="json").status_code == 405
    assert client.delete(f"{URL}{two_provinces['tan_ninh'].pk}/").status_code == 405


#
# Filters (the same FilterSet as the HTML list)
#
def test_filters(cast, api_as):
    admin = cast["admin"]
    make_employer(admin, name="Công ty Dệt May Đồng Tiến", industry=None)
    household = employer_type("ho_kinh_doanh")
    make_employer(admin, name="Hộ kinh doanh Bánh Tráng", tax_code="072123456789", employer_type=household,
                  commune_code="25480")  # fmt: skip
    make_employer(admin, name="Nhà máy Ba Đình", commune_code="00004", in_industrial_zone=True, zone_name="KCN X")
    client = api_as(admin)

    def found(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.json()
        return names(response)

    assert found(q="det may dong tien") == {"Công ty Dệt May Đồng Tiến"}
    assert found(q="DỆT") == {"Công ty Dệt May Đồng Tiến"}
    assert found(q="072123456789") == {"Hộ kinh doanh Bánh Tráng"}
    assert found(province="80") == {"Công ty Dệt May Đồng Tiến", "Hộ kinh doanh Bánh Tráng"}
    assert found(province="72") == {"Công ty Dệt May Đồng Tiến", "Hộ kinh doanh Bánh Tráng"}  # old code, mapped
    assert found(commune="25480") == {"Hộ kinh doanh Bánh Tráng"}
    assert found(commune="25456") == {"Công ty Dệt May Đồng Tiến"}  # old code of Phường Tân Ninh
    assert found(type="ho_kinh_doanh") == {"Hộ kinh doanh Bánh Tráng"}
    assert found(industrial_zone="true") == {"Nhà máy Ba Đình"}
    assert "Nhà máy Ba Đình" not in found(industrial_zone="false")


def test_industry_filter_by_section_and_code(cast, api_as):
    from vieclam.codelists.models import Industry

    admin = cast["admin"]
    level4 = Industry.objects.get(system="vsic2025", code="1010")
    section_c = Industry.objects.get(system="vsic2025", code="C")
    make_employer(admin, name="Chế biến thịt", industry=level4)
    make_employer(admin, name="Chế tạo", industry=section_c)
    client = api_as(admin)
    assert names(client.get(URL, {"industry": "C"})) == {"Chế tạo"}
    assert names(client.get(URL, {"industry": "10"})) == {"Chế biến thịt"}
    assert names(client.get(URL, {"industry": "1010"})) == {"Chế biến thịt"}


@pytest.mark.parametrize(("param", "value"), [("commune", "99999"), ("province", "xx"), ("type", "khong_co")])
def test_bad_filter_is_400_naming_the_parameter(cast, api_as, param, value):
    response = api_as(cast["admin"]).get(URL, {param: value})
    assert response.status_code == 400 and param in response.json()


def test_list_query_count_does_not_grow_with_rows(cast, api_as):
    client = api_as(cast["province_a"])
    for _ in range(2):
        make_employer(cast["admin"], tax_code=valid_tax_code())
    client.get(URL)  # warm up
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(URL).json()["results"]) == 2
    for _ in range(18):
        make_employer(cast["admin"], tax_code=valid_tax_code(), commune_code="25480")
    with CaptureQueriesContext(connection) as twenty:
        assert len(client.get(URL).json()["results"]) == 20
    assert len(two) == len(twenty) == 4  # token+user, user's areas, count, page
