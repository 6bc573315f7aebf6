"""/api/v1/indicators/: the catalogue and one indicator's values, for staff, inside their areas only."""

from __future__ import annotations

import datetime as dt

import pytest

from vieclam.core.dates import today

pytestmark = pytest.mark.django_db
D = dt.date
VALUES = "/api/v1/indicators/test_starts/values/"


def add(events, unit, day, n=1, sex="male"):
    events.extend([(day, unit.pk, sex)] * n)


def test_the_catalogue_lists_codes_names_units_sources_and_disaggregations_in_words(cast, api_as, starts):
    body = api_as(cast["commune_a"]).get("/api/v1/indicators/", {"q": "bat dau"}).json()
    row = next(r for r in body["results"] if r["code"] == "test_starts")
    assert row["name_vi"] == "Số người bắt đầu làm việc (thử)" and row["unit_label"] == "người"
    assert row["group_label"] == "Giải quyết việc làm" and row["legal_source"] == "Thử nghiệm"
    assert {"code": "sex", "label": "Giới tính"} in row["disaggregations"]
    assert api_as(cast["admin"]).get("/api/v1/indicators/test_starts/").json()["better"] == "higher"


@pytest.mark.parametrize("who", ["worker", "employer"])
def test_workers_and_employers_are_refused(cast, api_as, starts, who):
    assert api_as(cast[who]).get("/api/v1/indicators/").status_code == 403
    assert api_as(cast[who]).get(VALUES).status_code == 403


def test_visitors_are_refused(api_as, starts):
    assert api_as().get(VALUES).status_code in (401, 403)


def test_an_unknown_code_is_a_404_naming_it(cast, api_as):
    for url in ("/api/v1/indicators/khong_co/", "/api/v1/indicators/khong_co/values/"):
        response = api_as(cast["admin"]).get(url)
        assert response.status_code == 404 and response.json()["detail"] == "Không có chỉ tiêu mã “khong_co”."


def test_a_commune_officer_sees_the_communes_figures_and_nothing_else(cast, api_as, events, units, starts):
    add(events, units["commune_a"], D(2023, 4, 1), 7)
    add(events, units["other_a"], D(2023, 4, 1), 50)
    client = api_as(cast["commune_a"])
    body = client.get(VALUES, {"period": "2023"}).json()
    assert body["area"]["label"] == units["commune_a"].name and body["total"]["value"] == 7
    assert body["total"]["display"] == "7" and body["period"]["label"] == "Năm 2023"
    for area in ("80", "25480", "00004"):
        response = client.get(VALUES, {"period": "2023", "area": area})
        assert response.status_code == 404 and "nằm ngoài địa bàn bạn phụ trách" in response.json()["detail"]
        assert "total" not in response.json()


def test_a_province_officer_gets_rows_by_commune_and_by_sex(cast, api_as, events, units, starts):
    add(events, units["commune_a"], D(2023, 4, 1), 7, "female")
    client = api_as(cast["province_a"])
    body = client.get(VALUES, {"period": "2023", "area": "80", "by": "commune"}).json()
    assert {r["group"]: r["value"] for r in body["rows"]}[units["commune_a"].name] == 7
    assert body["by_label"] == "Xã, phường"
    body = client.get(VALUES, {"period": "2023-Q2", "area": "80", "by": "sex"}).json()
    assert [(r["group"], r["value"]) for r in body["rows"]] == [("Nữ", 7)]


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ({"period": "2023-Q5"}, "period", "Kỳ báo cáo không hợp lệ"),
        ({"period": "2023-05-01..2023-01-01"}, "period", "trước khi bắt đầu"),
        ({"by": "mau_toc"}, "by", "không phân tổ theo “mau_toc”"),
        ({"area": "99"}, "area", "Không có đơn vị hành chính “99”"),
        ({"boundary": "2019"}, "boundary", "Địa giới không hợp lệ"),
        ({"as_of": "31/02/2024"}, "as_of", "31/02/2024"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_in_vietnamese(cast, api_as, starts, query, field, words):
    response = api_as(cast["province_a"]).get(VALUES, query)
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])


@pytest.mark.parametrize("as_of", ["15/01/2024", "2024-01-15"])
def test_as_of_reads_dd_mm_yyyy_and_iso(cast, api_as, starts, as_of):
    body = api_as(cast["province_a"]).get(VALUES, {"period": "2023", "as_of": as_of}).json()
    assert body["as_of"] == "2024-01-15"


def test_the_current_year_carries_a_year_end_projection(cast, api_as, events, units, starts):
    year = today().year
    add(events, units["commune_a"], D(year, 1, 1), 10)
    add(events, units["commune_a"], D(year - 1, 1, 1), 10)
    add(events, units["commune_a"], D(year - 1, 12, 31), 10)
    client = api_as(cast["commune_a"])
    body = client.get(VALUES, {"period": str(year)}).json()
    assert body["projection"]["mid"] == 20 and body["projection"]["text"].startswith("Dự báo cả năm: khoảng")
    assert client.get(VALUES, {"period": str(year - 1)}).json()["projection"] is None


def test_the_values_by_commune_take_few_queries_whatever_the_number_of_communes(
    cast, api_as, events, units, starts, django_assert_max_num_queries
):
    client = api_as(cast["province_a"])
    client.get(VALUES, {"period": "2023", "area": "80", "by": "commune"})
    with django_assert_max_num_queries(15):  # ~100 communes: not a query per commune
        response = client.get(VALUES, {"period": "2023", "area": "80", "by": "commune", "boundary": "pre2025"})
    assert response.status_code == 200
    with django_assert_max_num_queries(15):
        client.get(VALUES, {"period": "2023", "area": "80", "by": "commune"})


def test_a_catalogue_rate_is_computed_by_the_engine_from_the_records(cast, api_as, units):
    from vieclam.people.models import Household

    for number, cls in enumerate(("poor", "not_poor", "not_poor", "near_poor"), start=1):
        Household.objects.create(code=f"T-{number}", commune=units["commune_a"], poverty_class=cls)
    Household.objects.create(code="T-9", commune=units["other_a"], poverty_class="poor")
    client = api_as(cast["commune_a"])
    year = str(today().year)
    body = client.get("/api/v1/indicators/ty_le_ho_ngheo/values/", {"period": year}).json()
    assert (body["total"]["numerator"], body["total"]["denominator"], body["total"]["display"]) == (1, 4, "25,00%")
    assert body["projection"] is None  # a rate is not projected
    body = client.get("/api/v1/indicators/so_ho_ngheo/values/", {"period": year}).json()
    assert body["total"]["value"] == 1 and body["projection"] is None  # nor a level (households on a day)
