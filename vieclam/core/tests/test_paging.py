"""Bounded paging of the registry lists: a count that stops at the bound, no page past it, and a pager that says so."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from vieclam.core.paging import BoundedPaginator, counted
from vieclam.people.services import person_create
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


class Bounded100(BoundedPaginator):
    max_rows = 100


def test_a_long_list_counts_only_up_to_the_bound_and_pages_no_further():
    units = AdministrativeUnit.objects.order_by("pk")
    assert units.count() > 1000
    paginator = Bounded100(units, 10)
    assert paginator.count == 100 and paginator.truncated and not paginator.count_is_exact
    assert paginator.num_pages == 10
    page = paginator.get_page(5000)
    assert page.number == 10 and paginator.refused == 5000
    assert [u.pk for u in page] == list(units.values_list("pk", flat=True)[90:100])


def test_a_list_within_the_bound_pages_exactly():
    units = AdministrativeUnit.objects.order_by("pk")[:95]
    paginator = Bounded100(list(units), 10)
    assert paginator.count == 95 and paginator.count_is_exact and paginator.num_pages == 10
    assert paginator.get_page(99).number == 10 and paginator.refused is None


def test_a_count_taken_already_is_reused_only_when_it_answers_this_paginators_bound(django_assert_num_queries):
    units = AdministrativeUnit.objects.order_by("pk")
    with django_assert_num_queries(0):
        assert Bounded100(counted(units.all(), 101, 101), 10).count == 100  # past this bound: truncated
        assert Bounded100(counted(units.all(), 7, 101), 10).count == 7  # fewer than were looked for: exact
    paginator = Bounded100(counted(units.all(), 51, 51), 10)  # 51 or more: not enough to know
    with django_assert_num_queries(1):
        assert paginator.count == 100 and paginator.truncated
    with django_assert_num_queries(1):
        assert Bounded100(counted(units.all(), 101, 101).filter(level="province"), 10).count < 100  # a new list


def test_the_pager_says_more_than_the_bound_and_why_a_deep_page_is_refused():
    paginator = BoundedPaginator(range(60_000), 50)
    page = paginator.get_page(1000)
    request = RequestFactory().get("/people/", {"q": "an", "page": "1000"})
    with translation.override("vi"):
        html = render_to_string("includes/pager.html", {"page": page, "request": request})
    assert "Trang 200/200 · hơn 10.000" in html
    assert "Không mở được trang 1000." in html and "10.000 dòng đầu" in html and "lọc thêm" in html
    assert 'href="?q=an&amp;page=199"' in html


def _register(actor, n):
    data = {"national_id": f"0790850{n:05d}", "full_name": f"Người {n}", "date_of_birth": dt.date(1985, 3, 1),
            "sex": "male", "residence_commune": "25459"}  # fmt: skip
    person_create(actor=actor, data=data)


def test_the_api_marks_a_bounded_count_and_refuses_a_page_past_it_in_vietnamese(cast, api_as, monkeypatch):
    for n in range(5):
        _register(cast["admin"], n)
    monkeypatch.setattr(BoundedPaginator, "max_rows", 3)
    client = api_as(cast["province_a"])
    body = client.get("/api/v1/persons/", {"page_size": 2}).json()
    assert body["count"] == 3 and body["count_is_exact"] is False and len(body["results"]) == 2
    deep = client.get("/api/v1/persons/", {"page_size": 2, "page": 3}, HTTP_ACCEPT_LANGUAGE="vi")
    assert deep.status_code == 404 and "3 dòng đầu" in deep.json()["detail"]
    exact = client.get("/api/v1/persons/", {"page_size": 2, "q": "người 4"}).json()
    assert exact["count"] == 1 and exact["count_is_exact"] is True


def test_the_web_list_of_a_province_officer_pages_within_the_bound(cast, client, monkeypatch):
    for n in range(5):
        _register(cast["admin"], n)
    monkeypatch.setattr(BoundedPaginator, "max_rows", 3)
    monkeypatch.setattr("vieclam.people.views.PersonListView.paginate_by", 2)
    client.force_login(cast["province_a"])
    page = client.get("/people/", {"page": "9"}).content.decode()
    assert "Trang 2/2 · hơn 3" in page and "Không mở được trang 9." in page


# Every paged page that is not a registry list (users, audit log, approvals, claims, records to complete, places).
PAGED_PAGES = [
    ("/audit/", "admin"),
    ("/accounts/users/", "admin"),
    ("/vacancies/approvals/", "province_a"),
    ("/applications/claims/", "province_a"),
    ("/to-complete/", "province_a"),
    ("/areas/?level=commune", None),
]


@pytest.mark.parametrize(("url", "who"), PAGED_PAGES)
def test_a_huge_or_wrong_page_number_on_any_paged_page_shows_a_page(cast, client, url, who):
    if who:
        client.force_login(cast[who])
    joiner = "&" if "?" in url else "?"
    for number in ("99999999999999999999", "0", "-3", "abc"):
        assert client.get(f"{url}{joiner}page={number}").status_code == 200


def test_the_audit_log_is_paged_within_the_bound_and_says_so_without_promising_an_export(cast, client, monkeypatch):
    for n in range(5):
        _register(cast["admin"], n)
    monkeypatch.setattr(BoundedPaginator, "max_rows", 3)
    client.force_login(cast["admin"])
    with translation.override("vi"):
        page = client.get("/audit/", {"page": "123456789"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # One page of 50 holds the 3 rows of the bound: no pager, only the note.
    assert "Không mở được trang 123456789." in page and "3 dòng đầu" in page and "Tệp xuất" not in page


def test_the_place_list_counts_a_long_level_only_up_to_the_bound(client, monkeypatch):
    monkeypatch.setattr(BoundedPaginator, "max_rows", 100)
    page = client.get("/areas/", {"level": "commune", "page": "99"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Trang 2/2 · hơn 100" in page
