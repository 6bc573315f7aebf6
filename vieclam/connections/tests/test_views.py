import datetime as dt

import pytest
from django.test import Client

from vieclam.connections.models import Connection, FollowUp
from vieclam.connections.tests.factories import a_person, make_connection, months_ago
from vieclam.core.dates import today
from vieclam.employers.tests.factories import make_employer
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_record_a_connection_from_the_form(cast):
    counsellor = cast["counsellor_a"]
    person, employer = a_person(counsellor, name="Lê Thị Hoa"), make_employer(counsellor, name="Công ty Dệt")
    data = {"person": person.pk, "employer": employer.pk, "contract_type": "khong_xac_dinh_thoi_han",
            "start_date": "02/03/2026", "monthly_pay": "7.500.000", "funding_source": "local_budget",
            "counsellor": counsellor.pk, "evidence_note": "Bản sao hợp đồng"}  # fmt: skip
    response = client_of(counsellor).post("/connections/new/", data)
    connection = Connection.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/connections/{connection.pk}/"
    assert connection.monthly_pay == 7_500_000 and connection.start_date == dt.date(2026, 3, 2)
    page = client_of(counsellor).get(response["Location"]).content.decode()
    assert "Hợp đồng lao động không xác định thời hạn" in page and "400.000" in page
    assert "TT 60/2026/TT-BTC chưa quy định định mức mới" in page


def test_the_form_names_the_missing_contract_type_and_writes_nothing(cast):
    counsellor = cast["counsellor_a"]
    person, employer = a_person(counsellor), make_employer(counsellor)
    data = {"person": person.pk, "employer": employer.pk, "start_date": "02/03/2026", "funding_source": "none"}
    response = client_of(counsellor).post("/connections/new/", data)
    assert response.status_code == 200 and "Chưa chọn loại hợp đồng lao động." in response.content.decode()
    assert not Connection.objects.exists()


def test_the_list_shows_words_and_exports(cast):
    make_connection(cast["counsellor_a"])
    client = client_of(cast["province_a"])
    page = client.get("/connections/").content.decode()
    assert "HĐLĐ xác định thời hạn từ 12 tháng" in page or "Xác định thời hạn từ 12 tháng đến 36 tháng" in page
    assert "xac_dinh_12_den_36_thang" not in page
    export = client.get("/connections/", {"export": "csv"}).getvalue().decode("utf-8-sig")
    assert "Xác định thời hạn từ 12 tháng đến 36 tháng" in export and "400000" in export


@pytest.fixture
def queue(cast):
    """A counsellor's own connection (priority: poor household) and one followed by a colleague."""
    counsellor, colleague = cast["counsellor_a"], cast["province_a"]
    poor = a_person(counsellor, name="Hộ Nghèo Một")
    household = household_create(actor=counsellor, commune="25459", head_name="Chủ hộ")
    Household.objects.filter(pk=household.pk).update(poverty_class="poor")
    Person.objects.filter(pk=poor.pk).update(household=household)
    mine = make_connection(counsellor, person=poor, start_date=months_ago(4), counsellor=counsellor)
    theirs = make_connection(colleague, person=a_person(colleague, name="Người Khác Hai"), start_date=months_ago(5),
                             counsellor=colleague)  # fmt: skip
    return mine, theirs


def test_a_counsellor_sees_their_own_follow_ups_first_and_the_whole_area_on_request(cast, queue):
    client = client_of(cast["counsellor_a"])
    page = client.get("/connections/follow-ups/").content.decode()
    assert "Hộ Nghèo Một" in page and "Người Khác Hai" not in page and "ưu tiên" in page
    page = client.get("/connections/follow-ups/", {"whole_area": "true"}).content.decode()
    assert "Hộ Nghèo Một" in page and "Người Khác Hai" in page
    assert page.index("Hộ Nghèo Một") < page.index("Người Khác Hai")  # priority group first, though due later


def test_the_queue_filters_due_before_in_dd_mm_yyyy(cast, queue):
    client = client_of(cast["province_a"])
    day = today().strftime("%d/%m/%Y")
    response = client.get("/connections/follow-ups/", {"due_before": day})
    rows = response.context["page"].object_list
    assert rows and all(row.due_on <= today() and row.status in ("due", "missed") for row in rows)


def test_the_queue_page_reads_a_fixed_number_of_queries(cast, queue, django_assert_max_num_queries):
    client = client_of(cast["province_a"])
    for _ in range(3):
        make_connection(cast["province_a"], start_date=months_ago(3))
    client.get("/connections/follow-ups/")  # warm the session and the scope
    with django_assert_max_num_queries(12) as few:
        client.get("/connections/follow-ups/")
    for _ in range(5):
        make_connection(cast["province_a"], start_date=months_ago(3))
    with django_assert_max_num_queries(12) as many:
        client.get("/connections/follow-ups/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_check_is_recorded_from_the_queue_and_a_bad_date_is_named(cast, queue):
    mine, _theirs = queue
    follow_up = mine.follow_ups.get(offset_months=1)
    client = client_of(cast["counsellor_a"])
    before = (mine.start_date - dt.timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(f"/connections/follow-ups/{follow_up.pk}/record/",
                           {"result": "same_employer", "checked_on": before})  # fmt: skip
    assert response.status_code == 200 and "trước ngày bắt đầu làm việc" in response.content.decode()
    day = mine.start_date.strftime("%d/%m/%Y")
    response = client.post(f"/connections/follow-ups/{follow_up.pk}/record/?next=/connections/follow-ups/",
                           {"result": "same_employer", "checked_on": day, "has_contract": "on",
                            "next": "/connections/follow-ups/"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/connections/follow-ups/"
    assert FollowUp.objects.get(pk=follow_up.pk).status == "done"


def test_another_area_gets_404(cast, queue):
    mine, _theirs = queue
    client = client_of(cast["province_b"])
    assert client.get(f"/connections/{mine.pk}/").status_code == 404
    follow_up = mine.follow_ups.first()
    assert client.get(f"/connections/follow-ups/{follow_up.pk}/record/").status_code == 404


def test_the_queue_holds_the_next_two_weeks_unless_due_before_asks_further(cast, queue):
    client = client_of(cast["province_a"])
    horizon = today() + dt.timedelta(days=14)
    rows = client.get("/connections/follow-ups/").context["page"].object_list
    assert rows and all(row.due_on <= horizon for row in rows)  # the 12-month check of a priority person waits
    later = (today() + dt.timedelta(days=400)).strftime("%d/%m/%Y")
    rows = client.get("/connections/follow-ups/", {"due_before": later}).context["page"].object_list
    assert any(row.offset_months == 12 for row in rows)
