import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from vieclam.core.models import AuditEvent
from vieclam.people.models import Household, HouseholdReview
from vieclam.people.reviews import household_review_record
from vieclam.people.services import household_add_member, household_create, person_create

pytestmark = pytest.mark.django_db
THREE = ["employment", "health_insurance", "clean_water"]


def register(actor, commune, nid, name):
    data = {"national_id": nid, "full_name": name, "date_of_birth": dt.date(1985, 3, 1), "sex": "male",
            "residence_commune": commune}  # fmt: skip
    return person_create(actor=actor, data=data)[0]


@pytest.fixture
def two_households(cast):
    a = household_create(actor=cast["admin"], commune="25459", address="12 Trần Hưng Đạo", head_name="Nguyễn Văn An")
    b = household_create(actor=cast["admin"], commune="00004", head_name="Trần Văn Bình")
    return a, b


def test_list_is_scoped_and_outside_detail_is_404(cast, client, two_households):
    a, b = two_households
    client.force_login(cast["commune_a"])
    page = client.get("/people/households/").content.decode()
    assert a.code in page and "Nguyễn Văn An" in page
    assert b.code not in page and "Trần Văn Bình" not in page
    assert client.get(f"/people/households/{a.pk}/").status_code == 200
    assert client.get(f"/people/households/{b.pk}/").status_code == 404
    assert client.post(f"/people/households/{b.pk}/members/", {"person": 1}).status_code == 404
    assert client.post(f"/people/households/{b.pk}/reviews/", {"kind": "regular"}).status_code == 404


def test_non_staff_are_refused(cast, client, two_households):
    client.force_login(cast["worker"])
    assert client.get("/people/households/").status_code == 403
    client.logout()
    assert client.get("/people/households/").status_code == 302


def test_list_shows_members_class_and_recent_exit(cast, client, two_households):
    a, _ = two_households
    household_add_member(actor=cast["admin"], household=a,
                         person=register(cast["admin"], "25459", "079085012345", "Nguyễn Văn An"),
                         relationship="head")  # fmt: skip
    household_review_record(actor=cast["admin"], household=a, kind="regular", reviewed_on=dt.date(2026, 3, 1),
                            income_per_capita=1_900_000, deprivations=THREE)  # fmt: skip
    household_review_record(actor=cast["admin"], household=a, kind="regular", reviewed_on=dt.date(2026, 6, 1),
                            income_per_capita=2_600_000)  # fmt: skip
    client.force_login(cast["commune_a"])
    response = client.get("/people/households/")
    row = next(iter(response.context["page"]))
    assert row.member_count == 1 and row.exited_recently
    page = response.content.decode()
    assert "mới thoát nghèo" in page and "Hộ có mức sống trung bình" in page and "01/06/2026" in page
    filtered = client.get("/people/households/", {"poverty_class": "poor"}).content.decode()
    assert a.code not in filtered


def test_search_ignores_diacritics(cast, client, two_households):
    client.force_login(cast["admin"])
    page = client.get("/people/households/", {"q": "nguyen van"}).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Văn Bình" not in page
    page = client.get("/people/households/", {"commune": "00004"}).content.decode()
    assert "Nguyễn Văn An" not in page and "Trần Văn Bình" in page


def test_exports_hold_only_the_scope(cast, client, two_households):
    client.force_login(cast["province_a"])
    csv_text = b"".join(client.get("/people/households/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "Nguyễn Văn An" in csv_text and "Trần Văn Bình" not in csv_text
    xlsx = client.get("/people/households/", {"export": "xlsx"}).content
    rows = list(load_workbook(io.BytesIO(xlsx)).active.values)
    assert len(rows) == 2 and rows[1][0] == two_households[0].code and rows[1][1] == "Nguyễn Văn An"


def test_form_creates_a_household(cast, client):
    client.force_login(cast["commune_a"])
    response = client.post("/people/households/new/", {"commune": "25459", "address": "5 Lê Lợi",
                                                       "head_name": "Lê Thị Cúc"})  # fmt: skip
    household = Household.objects.get(head_name="Lê Thị Cúc")
    assert response.status_code == 302 and response["Location"] == f"/people/households/{household.pk}/"
    assert household.commune.code == "25459" and household.code.startswith("25459-")
    assert AuditEvent.objects.filter(object_id=str(household.pk), action="create").exists()


def test_create_form_refuses_a_commune_outside_scope_in_vietnamese(cast, client):
    client.force_login(cast["commune_a"])
    response = client.post("/people/households/new/", {"commune": "00004", "head_name": "Lê Thị Cúc"})
    assert response.status_code == 200 and response.context["form"].errors["commune"]
    response = client.post("/people/households/new/", {"commune": "25459"})
    assert "Trường này là bắt buộc" in response.content.decode()
    assert not Household.objects.exists()


def test_form_adds_a_member_and_refuses_a_second_household(cast, client, two_households):
    a, _ = two_households
    other = household_create(actor=cast["admin"], commune="25459", head_name="Phạm Văn Dũng")
    person = register(cast["admin"], "25459", "079085012345", "Nguyễn Văn An")
    client.force_login(cast["commune_a"])
    response = client.post(f"/people/households/{a.pk}/members/", {"person": person.pk, "relationship": "head"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.household == a and person.relationship == "head"
    page = client.get(f"/people/households/{a.pk}/").content.decode()
    assert f"/people/{person.pk}/" in page and "••••••••2345" in page and "079085012345" not in page
    assert "1985" in page and "Chủ hộ" in page
    response = client.post(f"/people/households/{other.pk}/members/", {"person": person.pk, "relationship": "child"})
    assert response.status_code == 200
    assert f"đã thuộc hộ {a.code}: một người chỉ thuộc một hộ" in response.content.decode()
    person.refresh_from_db()
    assert person.household == a


def test_add_member_refuses_a_person_outside_scope(cast, client, two_households):
    a, _ = two_households
    stranger = register(cast["admin"], "00004", "001085012345", "Trần Văn Bình")
    client.force_login(cast["commune_a"])
    response = client.post(f"/people/households/{a.pk}/members/", {"person": stranger.pk, "relationship": "child"})
    assert response.status_code == 200 and "Người lao động (số CCCD hoặc họ tên): lựa chọn" in response.content.decode()
    typed = {"person_label": "001085012345", "relationship": "child"}
    response = client.post(f"/people/households/{a.pk}/members/", typed)
    page = response.content.decode()
    assert "không tìm thấy “001085012345”" in page and 'value="001085012345"' in page
    assert "Trần Văn Bình" not in page  # no hint that the person exists elsewhere
    stranger.refresh_from_db()
    assert stranger.household is None


def test_member_is_added_by_typing_a_cccd_or_a_name(cast, client, two_households):
    a, _ = two_households
    person = register(cast["admin"], "25459", "079085012345", "Lê Thị Hoa")
    client.force_login(cast["commune_a"])
    response = client.post(f"/people/households/{a.pk}/members/", {"person_label": "079085012345",
                                                                     "relationship": "child"})  # fmt: skip
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.household == a
    options = client.get("/people/picker/persons/", {"person_label": "le thi", "target": "id_person"})
    assert "Lê Thị Hoa" in options.content.decode() and "••••••••2345" in options.content.decode()
    assert "079085012345" not in options.content.decode()
    options = client.get("/people/picker/persons/", {"person_label": "079085", "target": "id_person"})
    assert f'data-value="{person.pk}"' in options.content.decode()


def test_member_picker_refuses_garbage_and_writes_nothing(cast, client, two_households):
    a, _ = two_households
    client.force_login(cast["commune_a"])
    response = client.post(f"/people/households/{a.pk}/members/", {"person_label": "xyz", "relationship": "child"})
    assert response.status_code == 200
    assert "Người lao động (số CCCD hoặc họ tên): không tìm thấy “xyz”" in response.content.decode()
    response = client.post(f"/people/households/{a.pk}/members/", {"person": "abc", "relationship": "child"})
    assert "Người lao động (số CCCD hoặc họ tên): lựa chọn “abc”" in response.content.decode()
    assert not a.members.exists()


def test_form_records_a_review(cast, client, two_households):
    a, _ = two_households
    client.force_login(cast["commune_a"])
    body = {"kind": "regular", "reviewed_on": "01/06/2026", "income_per_capita": "1,900,000",
            "deprivations": THREE, "causes": ["no_capital"], "decided_by": "UBND phường",
            "decision_number": "12/QĐ-UBND"}  # fmt: skip
    response = client.post(f"/people/households/{a.pk}/reviews/", body)
    assert response.status_code == 302
    review = HouseholdReview.objects.get(household=a)
    assert review.income_per_capita == 1_900_000 and review.deprivations == THREE and review.causes == ["no_capital"]
    page = client.get(f"/people/households/{a.pk}/").content.decode()
    assert "Hộ nghèo" in page and "01/06/2026" in page and "1.900.000" in page and "12/QĐ-UBND" in page


def test_bad_review_shows_the_message_and_writes_nothing(cast, client, two_households):
    a, _ = two_households
    client.force_login(cast["commune_a"])
    body = {"kind": "regular", "reviewed_on": "01/06/2026", "income_per_capita": "-5", "deprivations": THREE}
    response = client.post(f"/people/households/{a.pk}/reviews/", body)
    assert response.status_code == 200
    assert response.context["review_form"].errors["income_per_capita"] == ["Giá trị không được âm."]
    assert "Giá trị không được âm." in response.content.decode()
    periodic = {**body, "kind": "periodic", "income_per_capita": "1.900.000"}
    response = client.post(f"/people/households/{a.pk}/reviews/", periodic)
    assert "từ 01/09 đến 14/12" in response.context["review_form"].errors["reviewed_on"][0]
    assert not HouseholdReview.objects.exists()
    a.refresh_from_db()
    assert a.poverty_class == ""
    assert not AuditEvent.objects.filter(object_id=str(a.pk), action="update").exists()


def test_detail_shows_history_to_those_who_may_see_it(cast, client, two_households):
    a, _ = two_households
    client.force_login(cast["admin"])
    assert "Lịch sử thay đổi" in client.get(f"/people/households/{a.pk}/").content.decode()


def test_list_query_count_does_not_grow_with_rows(cast, client, two_households):
    client.force_login(cast["province_a"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/people/households/").status_code == 200
        return len(queries)

    few = count()
    for i in range(18):
        household = household_create(actor=cast["admin"], commune="25459", head_name=f"Chủ hộ {i}")
        person = register(cast["admin"], "25459", f"0790850{i:05d}", f"Người {i}")
        household_add_member(actor=cast["admin"], household=household, person=person, relationship="head")
    assert count() == few
    assert len(client.get("/people/households/").context["page"]) == 19
