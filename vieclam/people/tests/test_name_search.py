"""The persons list's name search: names starting with the words first, then names holding them further in; a
list of more leading names than can be paged shows those only, while the export holds every match."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.core.paging import BoundedPaginator
from vieclam.people.services import person_create

pytestmark = pytest.mark.django_db

NAMES = ["Trần Thị Hoa", "Nguyễn Văn Bình", "Lê Nguyễn Văn Cường", "Đặng Văn Dũng", "Nguyễn Văn An",
         "Nguyễn Vãn Đức", "Phạm Nguyên Văn"]  # fmt: skip


@pytest.fixture
def people(cast):
    for n, name in enumerate(NAMES):
        data = {"national_id": f"0790850{n:05d}", "full_name": name, "date_of_birth": dt.date(1985, 3, 1),
                "sex": "male", "residence_commune": "25459"}  # fmt: skip
        person_create(actor=cast["admin"], data=data)


def _names(client, **query) -> list[str]:
    return [row["full_name"] for row in client.get("/api/v1/persons/", query).json()["results"]]


def test_a_name_search_lists_names_starting_with_the_words_first_in_folded_order(cast, api_as, people):
    client = api_as(cast["province_a"])
    # Diacritics are ignored ("Nguyễn Vãn Đức", "Phạm Nguyên Văn"); two names hold the words further in.
    assert _names(client, q="nguyen van") == ["Nguyễn Văn An", "Nguyễn Văn Bình", "Nguyễn Vãn Đức",
                                              "Lê Nguyễn Văn Cường", "Phạm Nguyên Văn"]  # fmt: skip
    # No name starts with "van": the names holding it, in folded order ("Đặng" among the d's).
    assert _names(client, q="văn") == ["Đặng Văn Dũng", "Lê Nguyễn Văn Cường", "Nguyễn Văn An",
                                       "Nguyễn Văn Bình", "Nguyễn Vãn Đức", "Phạm Nguyên Văn"]  # fmt: skip
    assert _names(client, q="thi ho") == ["Trần Thị Hoa"]
    assert _names(client, q="uyen") == [] and _names(client, q="100%_") == []


def test_a_commune_officer_searches_the_same_way(cast, client, people):
    client.force_login(cast["commune_a"])
    page = client.get("/people/", {"q": "Nguyễn Văn"}).content.decode()
    assert page.index("Nguyễn Văn An") < page.index("Nguyễn Vãn Đức") < page.index("Lê Nguyễn Văn Cường")
    assert "Đặng Văn Dũng" not in page


def test_more_leading_names_than_can_be_paged_are_listed_alone_but_exported_with_the_rest(cast, client, people,
                                                                                        monkeypatch):  # fmt: skip
    monkeypatch.setattr(BoundedPaginator, "max_rows", 2)
    monkeypatch.setattr("vieclam.people.views.PersonListView.paginate_by", 1)
    client.force_login(cast["province_a"])
    page = client.get("/people/", {"q": "nguyen van", "page": "2"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Trang 2/2 · hơn 2" in page and "Nguyễn Văn Bình" in page
    csv_text = b"".join(client.get("/people/", {"q": "nguyen van", "export": "csv"}).streaming_content).decode()
    assert [name in csv_text for name in NAMES] == [False, True, True, False, True, True, True]


def test_a_list_of_more_leading_names_than_can_be_paged_counts_them_once(cast, client, api_as, people, monkeypatch):
    monkeypatch.setattr(BoundedPaginator, "max_rows", 2)
    client.force_login(cast["province_a"])
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/people/", {"q": "nguyen van"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    counts = [query for query in queries.captured_queries if "COUNT(" in query["sql"].upper()]
    assert len(counts) == 1 and "chỉ được chia trang trong 2 dòng đầu" in page and "Nguyễn Văn An" in page
    answer = api_as(cast["province_a"]).get("/api/v1/persons/", {"q": "nguyen van"}).json()
    assert answer["count"] == 2 and answer["count_is_exact"] is False


def test_the_other_filters_apply_before_the_name_search_decides_its_query(cast, client, people, monkeypatch):
    monkeypatch.setattr(BoundedPaginator, "max_rows", 2)
    for n, name in enumerate(["Nguyễn Văn Z", "Hồ Nguyễn Văn Y"]):
        data = {"national_id": f"0010850{n:05d}", "full_name": name, "date_of_birth": dt.date(1985, 3, 1),
                "sex": "male", "residence_commune": "00004"}  # fmt: skip
        person_create(actor=cast["admin"], data=data)
    client.force_login(cast["admin"])
    # Four names start with the words in the country, one in this commune: the commune's list holds the other too.
    page = client.get("/people/", {"q": "nguyen van", "commune": "00004"}).content.decode()
    assert page.index("Nguyễn Văn Z") < page.index("Hồ Nguyễn Văn Y") and "Nguyễn Văn An" not in page
