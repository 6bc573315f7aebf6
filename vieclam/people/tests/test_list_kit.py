"""The person and household lists on the registry kit: words in the cells, a rejected filter explained."""

import pytest

from vieclam.people.models import Household, Person
from vieclam.people.tests.test_views import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def an(cast):
    return register(cast["admin"], "25459", "079085012345", "Nguyễn Văn An")


def test_person_list_shows_the_economic_status_by_name(cast, client, an):
    Person.objects.filter(pk=an.pk).update(activity_status="co_viec_lam")
    client.force_login(cast["commune_a"])
    page = client.get("/people/").content.decode()
    assert "<td>Người có việc làm</td>" in page and "co_viec_lam</td>" not in page


def test_a_rejected_filter_shows_its_message_and_no_rows(cast, client, an):
    client.force_login(cast["commune_a"])
    response = client.get("/people/", {"sex": "khong-ro"})
    page = response.content.decode()
    assert response.status_code == 200 and "sex" in response.context["filter"].errors
    assert "Nguyễn Văn An" not in page and "Bộ lọc chưa hợp lệ" in page
    assert client.get("/people/", {"sex": "khong-ro", "export": "csv"})["Content-Type"].startswith("text/html")


def test_household_list_pages_keep_the_filters_and_show_the_class_by_name(cast, client, an):
    household = Household.objects.create(code="25459-000001", commune=an.residence_commune, poverty_class="near_poor")
    Person.objects.filter(pk=an.pk).update(household=household)
    client.force_login(cast["province_a"])
    page = client.get("/people/households/", {"poverty_class": "near_poor"}).content.decode()
    assert "Hộ cận nghèo" in page and "near_poor</td>" not in page
    assert "poverty_class=near_poor&amp;export=xlsx" in page
