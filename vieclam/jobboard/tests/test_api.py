"""GET /api/v1/jobs/ and /api/v1/jobs/{id}/: public, paginated like the rest, 400s naming the field."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.jobboard.tests.conftest import HANOI, TAY_NINH_OLD_LA
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status

pytestmark = pytest.mark.django_db

URL = "/api/v1/jobs/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [row["title"] for row in response.json()["results"]]


def test_anonymous_search_is_paginated_like_the_other_lists(api_as, post):
    employer = post("Công nhân may 0", commune_code=TAY_NINH_OLD_LA).employer
    for n in range(1, 4):
        post(f"Công nhân may {n}", employer=employer, commune_code=TAY_NINH_OLD_LA)
    response = api_as().get(URL, {"q": "cong nhan may long an", "page_size": 2})
    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 4 and len(body["results"]) == 2 and "page=2" in body["next"]
    row = body["results"][0]
    assert row["title"] == "Công nhân may 3"
    assert row["workplace"] == {
        "commune": {"code": TAY_NINH_OLD_LA, "name": "Phường Tân An"},
        "province": {"code": "80", "name": "Tỉnh Tây Ninh"},
    }
    assert row["pay"] == {"min": 8_000_000, "max": 12_000_000, "band": "", "negotiable": False,
                          "text": "8 – 12 triệu đồng/tháng"}  # fmt: skip
    assert row["employer"] == {"name": "Công ty TNHH Mẫu"}
    assert row["url"] == f"/jobs/{row['id']}/" and row["apply_url"] == f"/applications/apply/{row['id']}/"
    assert row["occupation"]["code"] == "2411"


def test_empty_q_lists_all_live_jobs(api_as, cast, post):
    post("Kế toán")
    post("Lái xe", commune_code=HANOI)
    closed = post("Thủ kho")
    vacancy_set_status(actor=cast["admin"], vacancy=closed, status="closed")
    post("Nháp", status="draft")
    assert titles(api_as().get(URL, {"q": ""})) == ["Lái xe", "Kế toán"]


def test_filters_and_sorts(api_as, post):
    post("Kế toán", commune_code=HANOI, pay_min=None, pay_max=20_000_000, contract_type="khong_xac_dinh_thoi_han")
    post("Lái xe", code="8332", pay_min=None, pay_max=None, pay_negotiable=True)
    post("Thủ kho", code="4321", contract_type="xac_dinh_duoi_12_thang")
    client = api_as()
    assert titles(client.get(URL, {"province": "01"})) == ["Kế toán"]
    assert titles(client.get(URL, {"province": "Tây Ninh", "sort": "newest"})) == ["Thủ kho", "Lái xe"]
    assert titles(client.get(URL, {"occupation": "83"})) == ["Lái xe"]
    assert titles(client.get(URL, {"pay_min": 15_000_000})) == ["Kế toán"]
    assert titles(client.get(URL, {"contract_type": "xac_dinh_thoi_han"})) == ["Thủ kho"]  # includes its bands
    assert titles(client.get(URL, {"posted_within_days": 1, "sort": "pay"})) == ["Kế toán", "Thủ kho", "Lái xe"]
    assert titles(client.get(URL, {"commune": HANOI})) == ["Kế toán"]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("q", "x" * 201),
        ("sort", "cheapest"),
        ("pay_min", "mười triệu"),
        ("pay_min", "-1"),
        ("posted_within_days", "0"),
        ("province", "Atlantis"),
        ("commune", "12"),
        ("occupation", "ke toan"),
        ("contract_type", "mua_vu"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api_as, param, value):
    response = api_as().get(URL, {param: value})
    assert response.status_code == 400 and param in response.json(), response.json()


def test_sql_and_html_in_q_are_just_text(api_as, post):
    post("Kế toán")
    for q in ("'; DROP TABLE vacancies_vacancy; --", "<script>alert(1)</script>", "x%", "x_"):
        assert titles(api_as().get(URL, {"q": q})) == []
    for q in ("%", "_", "\\"):  # no words at all: the whole list, not a LIKE wildcard
        assert titles(api_as().get(URL, {"q": q})) == ["Kế toán"]
    assert Vacancy.objects.count() == 1


def test_detail_shows_a_live_job_with_requirements_and_the_public_employer(api_as, cast, post):
    vacancy = post("Kế toán", education_level="thpt", skills=["MISA"], commune_code=HANOI)
    body = api_as().get(f"{URL}{vacancy.pk}/").json()
    assert body["id"] == vacancy.pk and body["title"] == "Kế toán"
    assert body["requirements"]["education_level"] == {"code": "thpt", "name": "Tốt nghiệp Trung học phổ thông"}
    assert body["requirements"]["skills"] == ["MISA"]
    assert body["workplace"]["province"] == {"code": "01", "name": "Thành phố Hà Nội"}
    assert body["employer"]["name"] == "Công ty TNHH Mẫu" and "tax_code" not in body["employer"]
    assert body["apply_url"] == f"/applications/apply/{vacancy.pk}/"
    vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="filled")
    assert api_as().get(f"{URL}{vacancy.pk}/").status_code == 404


def test_list_query_count_does_not_grow_with_results(api_as, post):
    employer = post("Công nhân may", commune_code=TAY_NINH_OLD_LA).employer
    client = api_as()
    params = {"q": "cong nhan may", "province": "Long An"}
    client.get(URL, params)  # warm up
    with CaptureQueriesContext(connection) as few:
        assert len(titles(client.get(URL, params))) == 1
    for n in range(19):
        post(f"Công nhân may {n}", employer=employer, commune_code=TAY_NINH_OLD_LA)
    with CaptureQueriesContext(connection) as many:
        assert len(titles(client.get(URL, params))) == 20
    # vocabulary, count, page of ids, its rows, labels (the province by name is cached since the warm-up)
    assert len(few) == len(many) == 5, [q["sql"][:80] for q in many]


def test_detail_query_count(api_as, post):
    vacancy = post("Kế toán")
    client = api_as()
    client.get(f"{URL}{vacancy.pk}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{URL}{vacancy.pk}/").status_code == 200
    assert len(queries) == 2  # the vacancy with its employer and places, labels
