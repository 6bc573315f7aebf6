"""Bounded paging of the registry lists: a count that stops at the bound, no page past it, and a pager that says so."""

import datetime as dt
import warnings

import pytest
from django.core.paginator import EmptyPage
from django.db.models import F
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


# A page past the first is read by primary key first (a "deferred join"): the same rows in the same order as a
# plain OFFSET, in as many queries.

NAMES = ["Trần Thị Hoa", "Nguyễn Văn An", "Nguyễn Văn An", "Lê Văn Bình", "Nguyễn Văn Bình", "Đặng Thị Cúc",
         "Nguyễn Văn An", "Phạm Văn Dũng", "Lê Nguyễn Văn Cường", "Nguyễn Thị Lan", "Lê Văn Bình"]  # fmt: skip


@pytest.fixture
def persons(cast):
    for n in range(23):  # names repeated: the order's ties are broken by the primary key
        data = {"national_id": f"0790850{n:05d}", "full_name": NAMES[n % len(NAMES)],
                "date_of_birth": dt.date(1985, 1 + n % 12, 1 + n % 5), "sex": "male",
                "residence_commune": "25459" if n % 4 else "25480"}  # fmt: skip
        person_create(actor=cast["admin"], data=data)


def _plain_pages(rows, per_page: int, orphans: int = 0) -> list[list[int]]:
    from django.core.paginator import Paginator

    paginator = Paginator(rows, per_page, orphans=orphans)
    return [[row.pk for row in paginator.page(n)] for n in paginator.page_range]


def _bounded_pages(rows, per_page: int, orphans: int = 0) -> list[list[int]]:
    paginator = BoundedPaginator(rows, per_page, orphans=orphans)
    return [[row.pk for row in paginator.page(n)] for n in paginator.page_range]


def _registry_lists(cast):
    """The registry lists as the views build them: scoped selector, select_related, their orders and searches."""
    from vieclam.core.search import name_search
    from vieclam.people.selectors import person_list

    officer = cast["province_a"]
    persons = person_list(viewer=officer)
    return {
        "by name": persons,
        "newest first": persons.order_by("-date_of_birth", "-pk"),
        "by commune, F": persons.order_by("residence_commune__name", F("pk").desc()),
        "name search": name_search(persons, "nguyen van"),  # a CASE, then the folded name, then F("pk")
        "name search, inside": name_search(persons, "van"),
        "units": AdministrativeUnit.objects.filter(parent__code="80").order_by("name", "-id"),
    }


def test_every_page_holds_the_rows_of_a_plain_offset_in_the_same_order(cast, persons):
    for label, rows in _registry_lists(cast).items():
        assert rows.count() > 6, label
        for per_page, orphans in ((5, 0), (4, 2), (7, 3)):
            assert _bounded_pages(rows, per_page, orphans) == _plain_pages(rows, per_page, orphans), label
        for per_page in (3, 4):  # within a bound of 20, each page opened afresh (a deep one reads its keys first)
            plain = [p.pk for p in rows[:20]]
            expected = [plain[i : i + per_page] for i in range(0, len(plain), per_page)]
            pages = [[p.pk for p in Bounded20(rows, per_page).get_page(n)] for n in range(1, len(expected) + 3)]
            assert pages == expected + [expected[-1]] * 2, label  # past the end: the last page


def test_a_deep_page_reads_its_keys_first_in_the_one_query_a_page_costs(cast, persons, django_assert_num_queries):
    rows = _registry_lists(cast)["by name"]
    paginator = BoundedPaginator(rows, 5)
    assert paginator.count == 23
    with django_assert_num_queries(1) as captured:
        first = list(paginator.page(1))
    assert "IN (SELECT" not in captured.captured_queries[0]["sql"].upper()  # page 1: as before
    with django_assert_num_queries(1) as captured:
        last = list(paginator.page(5))
    assert "IN (SELECT" in captured.captured_queries[0]["sql"].upper()
    assert [p.pk for p in first + last] == [p.pk for p in rows[:5]] + [p.pk for p in rows[20:]]
    with django_assert_num_queries(0):  # the related rows came with the page, as before
        assert all(p.residence_commune.name for p in last)


def test_a_page_deep_in_the_bound_is_counted_with_its_keys_in_one_query(cast, persons, django_assert_num_queries):
    rows = _registry_lists(cast)["by name"]
    expected = _plain_pages(rows, 4)
    for number, shown in ((4, 4), (5, 5), (99, 5)):  # bottom 12, 16 ≥ half the bound; 99: past it, the last page
        paginator = Bounded20(rows, 4)
        with django_assert_num_queries(2) as captured:  # as before: the count, the page
            page = paginator.get_page(number)
            assert [p.pk for p in page] == expected[shown - 1] and page.number == shown
        assert "COUNT(" not in captured.captured_queries[0]["sql"].upper()
        assert paginator.count == 20 and paginator.truncated and paginator.num_pages == 5
    paginator = Bounded20(rows, 4)
    with django_assert_num_queries(2):  # the API's way in: page(), not get_page()
        assert [p.pk for p in paginator.page(4)] == expected[3]
    paginator = Bounded20(rows, 4)
    with django_assert_num_queries(1) as captured, pytest.raises(EmptyPage):  # the API's page past the bound: 404
        paginator.page(6)
    assert "COUNT(" in captured.captured_queries[0]["sql"].upper()  # counted only, no keys read
    paginator = Bounded20(rows, 4)
    with django_assert_num_queries(2) as captured:  # a shallow page: the count, then the page
        assert [p.pk for p in paginator.get_page(2)] == expected[1]
    assert "COUNT(" in captured.captured_queries[0]["sql"].upper()


class Bounded20(BoundedPaginator):
    max_rows = 20


def test_a_list_whose_order_may_tie_or_repeat_rows_pages_by_plain_offset(cast, persons):
    rows = _registry_lists(cast)["by name"]
    for label, tied in (("order without the key", rows.order_by("full_name")), ("distinct", rows.distinct()),
                        ("unordered", rows.order_by())):  # fmt: skip
        warnings.simplefilter("ignore")  # Django warns of paging an unordered list
        page = BoundedPaginator(tied, 5).page(2)
        assert page.object_list.query.is_sliced, label
    assert [p.pk for p in BoundedPaginator(list(rows), 5).page(3)] == [p.pk for p in rows[10:15]]


def test_the_api_and_the_list_page_show_a_deep_page_as_a_plain_offset(cast, persons, api_as, client, monkeypatch):
    from vieclam.people.selectors import person_list

    expected = [p.full_name for p in person_list(viewer=cast["province_a"])[15:20]]
    answer = api_as(cast["province_a"]).get("/api/v1/persons/", {"page": "4", "page_size": "5"}).json()
    assert [row["full_name"] for row in answer["results"]] == expected and answer["count"] == 23
    monkeypatch.setattr("vieclam.people.views.PersonListView.paginate_by", 5)
    client.force_login(cast["province_a"])
    html = client.get("/people/", {"page": "4"}).content.decode()
    ids = [p.pk for p in person_list(viewer=cast["province_a"])[15:20]]
    positions = [html.index(f"/people/{pk}/") for pk in ids]
    assert positions == sorted(positions)
    others = [p.pk for p in person_list(viewer=cast["province_a"]) if p.pk not in ids]
    assert not any(f'/people/{pk}/"' in html for pk in others)
