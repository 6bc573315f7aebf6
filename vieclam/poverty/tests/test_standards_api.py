import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/poverty/standards/"


@pytest.fixture
def get():
    cache.clear()  # the anonymous throttle counts requests in the cache
    client = APIClient()

    def fetch(status=200, **params):
        response = client.get(URL, params)
        assert response.status_code == status, response.content
        return response.json()

    return fetch


def test_anyone_can_list_the_standards_with_lines_and_indicators(get):
    body = get()
    assert set(body) == {"count", "next", "previous", "results"}
    assert [s["code"] for s in body["results"]] == ["nd07_2021", "nd351_2025"]
    old = body["results"][0]
    assert (old["valid_from"], old["valid_to"]) == ("2022-01-01", "2026-12-31")
    rural = next(line for line in old["lines"] if line["area_class"] == "rural")
    assert (rural["income_line"], rural["average_upper"], rural["score_income_line"]) == (1_500_000, 2_250_000, 140)
    assert len(old["indicators"]) == 12
    assert old["indicators"][0]["code"] == "employment"
    assert body["results"][1]["lines"][0]["average_upper"] is None


def test_as_of_keeps_the_standard_in_force(get):
    assert [s["code"] for s in get(as_of="2027-01-01")["results"]] == ["nd351_2025"]
    assert get(as_of="2015-01-01")["count"] == 0


def test_bad_date_is_a_400_naming_the_field(get):
    assert list(get(400, as_of="hôm qua")) == ["as_of"]


def test_query_count_is_pinned(get):
    with CaptureQueriesContext(connection) as queries:
        get()
    assert len(queries.captured_queries) == 4  # count, standards, lines, indicators
