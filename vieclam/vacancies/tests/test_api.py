"""GET/POST /api/v1/vacancies/, GET/PATCH …/{id}/, POST …/{id}/status/: codes, 400s naming fields, scope, filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import make_employer
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, make_vacancy, occupation

pytestmark = pytest.mark.django_db

URL = "/api/v1/vacancies/"
REASON = "Điều 160 Bộ luật Lao động 2019"


@pytest.fixture
def employer(cast):
    return make_employer(cast["admin"], name="Công ty CP Mía Đường Tây Ninh", commune_code="25459")


def payload(employer, **overrides):
    data = {
        "employer": employer.pk,
        "title": "Kế toán tổng hợp",
        "occupation": "2411",
        "position": "nhan_vien",
        "positions_count": 3,
        "description": "Lập báo cáo tài chính, quyết toán thuế.",
        "education_level": "thpt",
        "technical_level": "dai_hoc",
        "experience": "tu_1_den_2_nam",
        "languages": [{"language": "Tiếng Anh", "level": "fair"}],
        "skills": ["MISA", "Excel"],
        "workplace_commune": "25459",
        "contract_type": "khong_xac_dinh_thoi_han",
        "working_time": "toan_thoi_gian",
        "pay_min": 9_000_000,
        "pay_max": 14_000_000,
        "benefits": ["BHXH, BHYT, BHTN", "Ăn trưa"],
        "deadline": in_days(20).isoformat(),
    }
    return {**data, **overrides}


def titles(response):
    assert response.status_code == 200, response.json()
    return {row["title"] for row in response.json()["results"]}


#
# Create
#
def test_province_officer_creates_a_vacancy_with_codes_in_and_out(cast, api_as, employer):
    response = api_as(cast["province_a"]).post(URL, payload(employer), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft" and body["occupation"] == "2411" and body["workplace_commune"] == "25459"
    assert body["employer"] == employer.pk and body["employer_tax_code"] == employer.tax_code
    assert body["exchange_province"] == "80" and body["workplace_province"] == "80" and body["warnings"] == []
    assert body["languages"] == [{"language": "Tiếng Anh", "level": "fair"}] and body["skills"] == ["MISA", "Excel"]
    event = AuditEvent.objects.get(content_type__model="vacancy", object_id=str(body["id"]), action="create")
    assert event.channel == "api" and event.area.code == "25459" and event.actor == cast["province_a"]


def test_create_open_with_an_old_commune_code_is_mapped_and_warned(cast, api_as, employer):
    response = api_as(cast["province_a"]).post(
        URL, payload(employer, workplace_commune="25456", status="open"), format="json"
    )
    assert response.status_code == 201 and response.json()["status"] == "open"
    assert response.json()["workplace_commune"] == "25459" and "25456" in response.json()["warnings"][0]


def test_occupation_of_level_5_is_400_naming_occupation(cast, api_as, employer):
    response = api_as(cast["province_a"]).post(URL, payload(employer, occupation="24111"), format="json")
    assert response.status_code == 400 and set(response.json()) == {"occupation"}
    assert "cấp 5" in response.json()["occupation"][0]
    assert not Vacancy.objects.exists()


def test_pay_min_above_pay_max_is_400_naming_pay_min(cast, api_as, employer):
    response = api_as(cast["province_a"]).post(URL, payload(employer, pay_min=20_000_000), format="json")
    assert response.status_code == 400 and set(response.json()) == {"pay_min"}


def test_restriction_needs_a_reason(cast, api_as, employer):
    client = api_as(cast["province_a"])
    refused = client.post(URL, payload(employer, age_max=30, sex_required="female"), format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"age_max", "sex_required"}
    accepted = client.post(
        URL, payload(employer, age_max=30, sex_required="female", restriction_reason=REASON), format="json"
    )
    assert accepted.status_code == 201 and accepted.json()["sex_required"] == "female"


def test_bad_input_is_400_naming_each_field(cast, api_as, employer):
    bad = payload(
        employer, occupation="9x", workplace_commune="99999", positions_count=0, sex_required="x", deadline="31/02/2026"
    )
    response = api_as(cast["province_a"]).post(URL, bad, format="json")
    assert response.status_code == 400
    assert {"occupation", "workplace_commune", "positions_count", "sex_required", "deadline"} <= set(response.json())
    missing = api_as(cast["province_a"]).post(URL, {}, format="json")
    assert {"employer", "title", "occupation", "positions_count", "workplace_commune"} <= set(missing.json())


def test_unknown_employer_and_employer_outside_the_area_get_the_same_400(cast, api_as):
    ba_dinh = make_employer(cast["admin"], commune_code="00004")
    client = api_as(cast["province_a"])
    outside = client.post(URL, payload(ba_dinh), format="json")
    missing = client.post(URL, {**payload(ba_dinh), "employer": 999_999}, format="json")
    assert outside.status_code == missing.status_code == 400
    assert "trong địa bàn" in outside.json()["employer"][0] and "trong địa bàn" in missing.json()["employer"][0]


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_employer_and_worker_accounts_are_refused(cast, api_as, employer, role):
    client = api_as(cast[role])
    assert client.get(URL).status_code == 403
    assert client.post(URL, payload(employer), format="json").status_code == 403


#
# Scope
#
@pytest.fixture
def two_exchanges(cast):
    tay_ninh = make_vacancy(cast["province_a"], title="Kế toán tổng hợp")
    ha_noi = make_vacancy(
        cast["province_b"], title="Lập trình viên", commune_code="00004", occupation=occupation("2512")
    )
    return {"tay_ninh": tay_ninh, "ha_noi": ha_noi}


def test_officer_of_another_province_gets_404(cast, api_as, two_exchanges):
    client = api_as(cast["province_b"])
    pk = two_exchanges["tay_ninh"].pk
    assert client.get(f"{URL}{pk}/").status_code == 404
    assert client.patch(f"{URL}{pk}/", {"title": "X"}, format="json").status_code == 404
    assert client.post(f"{URL}{pk}/status/", {"status": "open"}, format="json").status_code == 404
    assert titles(client.get(URL)) == {"Lập trình viên"}


def test_province_officers_and_counsellors_see_their_exchange_commune_officers_see_none(cast, api_as, two_exchanges):
    assert titles(api_as(cast["province_a"]).get(URL)) == {"Kế toán tổng hợp"}
    assert titles(api_as(cast["counsellor_a"]).get(URL)) == {"Kế toán tổng hợp"}
    assert titles(api_as(cast["commune_a"]).get(URL)) == set()
    assert api_as(cast["commune_a"]).get(f"{URL}{two_exchanges['tay_ninh'].pk}/").status_code == 404
    assert titles(api_as(cast["admin"]).get(URL)) == {"Kế toán tổng hợp", "Lập trình viên"}


#
# Update and status
#
def test_patch_records_old_and_new_values(cast, api_as, two_exchanges):
    vacancy = two_exchanges["tay_ninh"]
    response = api_as(cast["counsellor_a"]).patch(
        f"{URL}{vacancy.pk}/", {"positions_count": 5, "pay_max": 15_000_000}, format="json"
    )
    assert response.status_code == 200, response.json()
    event = AuditEvent.objects.get(content_type__model="vacancy", object_id=str(vacancy.pk), action="update")
    assert event.changes == {"positions_count": [2, 5], "pay_max": [12_000_000, 15_000_000]}


def test_patch_cannot_set_the_status(cast, api_as, two_exchanges):
    response = api_as(cast["province_a"]).patch(
        f"{URL}{two_exchanges['tay_ninh'].pk}/", {"status": "open"}, format="json"
    )
    # `status` is not an input of PATCH: ignored by the serializer, so nothing changes.
    assert response.status_code == 200 and response.json()["status"] == "draft"


def test_status_endpoint_applies_allowed_transitions_and_refuses_others(cast, api_as, two_exchanges):
    client = api_as(cast["province_a"])
    url = f"{URL}{two_exchanges['tay_ninh'].pk}/status/"
    assert client.post(url, {"status": "filled"}, format="json").status_code == 400
    opened = client.post(url, {"status": "open"}, format="json")
    assert opened.status_code == 200 and opened.json()["status"] == "open"
    assert client.post(url, {"status": "closed"}, format="json").json()["status"] == "closed"
    refused = client.post(url, {"status": "open"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"status"}
    assert client.post(url, {}, format="json").status_code == 400


#
# Filters (the same FilterSet as the HTML list)
#
def test_filters(cast, api_as):
    admin = cast["admin"]
    tan_ninh = make_employer(admin, name="Công ty Tân Ninh")
    make_vacancy(admin, employer=tan_ninh, title="Kế toán tổng hợp", status="open", deadline=in_days(40))
    make_vacancy(admin, employer=tan_ninh, title="Kiểm toán viên", occupation=occupation("2411"), pay_max=30_000_000)
    make_vacancy(admin, employer=tan_ninh, title="Kế toán thuế", occupation=occupation("2412"), pay_min=None,
                 pay_max=None, pay_band="luong_thang_10_20_trieu", deadline=in_days(5))  # fmt: skip
    make_vacancy(admin, title="Thợ may", occupation=occupation("7533"), commune_code="00004", pay_min=None,
                 pay_max=None, pay_negotiable=True)  # fmt: skip
    client = api_as(admin)

    def found(**params):
        return titles(client.get(URL, params))

    # 'Kiểm toán viên' is found through its occupation, "Kế toán và các nhà chuyên môn có liên quan".
    assert found(q="ke toan") == {"Kế toán tổng hợp", "Kiểm toán viên", "Kế toán thuế"}
    assert found(q="KẾ TOÁN tổng") == {"Kế toán tổng hợp"}
    assert found(q="tan ninh kiem toan") == {"Kiểm toán viên"}
    assert found(occupation="2411") == {"Kế toán tổng hợp", "Kiểm toán viên"}
    assert found(occupation="24") == {"Kế toán tổng hợp", "Kiểm toán viên", "Kế toán thuế"}
    assert found(province="01") == {"Thợ may"}
    assert found(commune="25459") == {"Kế toán tổng hợp", "Kiểm toán viên", "Kế toán thuế"}
    assert found(status="open") == {"Kế toán tổng hợp"}
    assert found(employer=str(tan_ninh.pk)) == {"Kế toán tổng hợp", "Kiểm toán viên", "Kế toán thuế"}
    assert found(pay_min="13000000") == {"Kiểm toán viên", "Kế toán thuế"}
    assert found(pay_min="25000000") == {"Kiểm toán viên"}
    assert found(deadline_after=in_days(10).isoformat()) == {"Kế toán tổng hợp", "Kiểm toán viên", "Thợ may"}


@pytest.mark.parametrize(
    ("param", "value"),
    [("occupation", "24a"), ("province", "xx"), ("commune", "99999"), ("status", "paused"), ("employer", "abc"),
     ("pay_min", "-5"), ("deadline_after", "31/02/2026")],
)  # fmt: skip
def test_bad_filter_is_400_naming_the_parameter(cast, api_as, param, value):
    response = api_as(cast["admin"]).get(URL, {param: value})
    assert response.status_code == 400 and param in response.json()


def test_list_query_count_does_not_grow_with_rows(cast, api_as):
    client = api_as(cast["province_a"])
    employer = make_employer(cast["admin"])
    for _ in range(2):
        make_vacancy(cast["admin"], employer=employer)
    client.get(URL)  # warm up
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(URL).json()["results"]) == 2
    for _ in range(18):
        make_vacancy(cast["admin"], employer=make_employer(cast["admin"]), commune_code="25480")
    with CaptureQueriesContext(connection) as twenty:
        assert len(client.get(URL).json()["results"]) == 20
    assert len(two) == len(twenty) == 4  # token+user, user's areas, count, page
