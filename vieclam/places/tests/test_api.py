import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
client = APIClient()


def get(url, **params):
    return client.get(url, params)


def test_today_lists_34_provinces_and_3321_communes():
    assert get("/api/v1/areas/", level="province").json()["count"] == 34
    assert get("/api/v1/areas/", level="commune").json()["count"] == 3321


def test_before_the_reform_lists_63_provinces_and_10035_communes():
    assert get("/api/v1/areas/", level="province", as_of="2025-06-30").json()["count"] == 63
    assert get("/api/v1/areas/", level="commune", as_of="2025-06-30").json()["count"] == 10035


def test_search_ignores_case_and_diacritics_and_finds_phuc_xa():
    body = get("/api/v1/areas/", level="commune", as_of="2025-06-30", q="phuc xa").json()
    assert body["count"] == 1
    assert body["results"][0]["code"] == "00001"
    assert body["results"][0]["name"] == "Phường Phúc Xá"
    assert set(body) == {"count", "next", "previous", "results"}


def test_phuc_xa_succeeded_by_hong_ha():
    body = get("/api/v1/areas/00001/", as_of="2025-06-30").json()
    assert [(s["code"], s["name"]) for s in body["successors"]] == [("00097", "Phường Hồng Hà")]


def test_new_commune_lists_its_predecessors():
    body = get("/api/v1/areas/00097/").json()
    assert "00001" in {p["code"] for p in body["predecessors"]}
    assert body["level"] == "commune" and body["province"] == "01"


def test_old_code_today_is_404_and_says_where_it_was():
    response = get("/api/v1/areas/00001/")
    assert response.status_code == 404
    assert "Phường Phúc Xá" in response.json()["detail"]


def test_parent_filter_lists_a_provinces_communes():
    assert get("/api/v1/areas/", parent="80", level="commune").json()["count"] == 96


def test_as_of_a_date_gives_the_name_in_force_then():
    before = get("/api/v1/areas/25270/", as_of="2026-01-01").json()
    after = get("/api/v1/areas/25270/", as_of="2026-11-01").json()
    assert (before["unit_type"], before["area_class"]) == ("xa", "rural")
    assert (after["unit_type"], after["area_class"], after["name"]) == ("phuong", "urban", "Phường Lộc Ninh")


@pytest.mark.parametrize(
    ("params", "field"),
    [({"as_of": "30-06-2025x"}, "as_of"), ({"level": "village"}, "level"), ({"parent": "99999"}, "parent"),
     ({"q": "x" * 101}, "q"), ({"as_of": "2025-02-30"}, "as_of")],
)  # fmt: skip
def test_bad_filters_are_400_naming_the_field(params, field):
    response = get("/api/v1/areas/", **params)
    assert response.status_code == 400
    assert field in response.json()


def test_bad_as_of_on_detail_is_400():
    response = get("/api/v1/areas/00001/", as_of="hôm qua")
    assert response.status_code == 400 and "as_of" in response.json()


def test_list_query_count_does_not_grow_with_page_size():
    def queries(size):
        with CaptureQueriesContext(connection) as ctx:
            assert get("/api/v1/areas/", level="commune", page_size=size).status_code == 200
        return len(ctx)

    assert queries(5) == queries(200) <= 4


def test_schema_and_docs_are_served():
    assert client.get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200
