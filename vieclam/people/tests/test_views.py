import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from vieclam.core.models import AuditEvent
from vieclam.people.models import Person
from vieclam.people.services import person_create

pytestmark = pytest.mark.django_db


def register(actor, commune, nid, name):
    data = {"national_id": nid, "full_name": name, "date_of_birth": dt.date(1985, 3, 1), "sex": "male",
            "residence_commune": commune}  # fmt: skip
    return person_create(actor=actor, data=data)[0]


@pytest.fixture
def two_people(cast):
    a = register(cast["admin"], "25459", "079085012345", "Nguyễn Văn An")
    b = register(cast["admin"], "00004", "001085012345", "Trần Văn Bình")
    return a, b


def test_list_shows_only_the_commune_and_masks_ids(cast, client, two_people):
    client.force_login(cast["commune_a"])
    page = client.get("/people/").content.decode()
    assert "Nguyễn Văn An" in page and "Trần Văn Bình" not in page
    assert "079085012345" not in page and "2345" in page


def test_search_ignores_diacritics(cast, client, two_people):
    client.force_login(cast["admin"])
    page = client.get("/people/", {"q": "nguyen van"}).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Văn Bình" not in page


def test_detail_outside_scope_is_404(cast, client, two_people):
    client.force_login(cast["commune_a"])
    assert client.get(f"/people/{two_people[1].pk}/").status_code == 404
    assert client.get(f"/people/{two_people[1].pk}/edit/").status_code == 404


def test_detail_shows_the_decoded_cccd_and_logs_the_read(cast, client, two_people):
    client.force_login(cast["commune_a"])
    page = client.get(f"/people/{two_people[0].pk}/").content.decode()
    assert "Hồ Chí Minh" in page and "1985" in page
    assert AuditEvent.objects.filter(action="read", object_id=str(two_people[0].pk), actor=cast["commune_a"]).exists()


def test_csv_and_excel_exports_hold_only_the_scope(cast, client, two_people):
    client.force_login(cast["province_a"])
    csv_text = b"".join(client.get("/people/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "Nguyễn Văn An" in csv_text and "Trần Văn Bình" not in csv_text and "079085012345" not in csv_text
    xlsx = client.get("/people/", {"export": "xlsx"}).content
    rows = list(load_workbook(io.BytesIO(xlsx)).active.values)
    assert len(rows) == 2 and rows[1][1] == "Nguyễn Văn An"


def test_form_registers_a_person(cast, client):
    client.force_login(cast["commune_a"])
    response = client.post("/people/new/", {"full_name": "Lê Thị Cúc", "national_id": "072185012345",
                                            "date_of_birth": "01/03/1985", "sex": "female",
                                            "residence_commune": "25459"})  # fmt: skip
    assert response.status_code == 302
    assert Person.objects.get(full_name="Lê Thị Cúc").national_id == "072185012345"


def test_form_shows_a_vietnamese_message_on_the_field_and_keeps_the_input(cast, client):
    client.force_login(cast["commune_a"])
    response = client.post("/people/new/", {"full_name": "Lê Thị Cúc", "national_id": "072185012345",
                                            "date_of_birth": "01/03/1995", "sex": "female",
                                            "residence_commune": "25459"})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "không khớp năm sinh 1995" in page and "Lê Thị Cúc" in page
    assert not Person.objects.exists()


def test_edit_records_history(cast, client, two_people):
    client.force_login(cast["province_a"])
    person = two_people[0]
    form = client.get(f"/people/{person.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(full_name="Nguyễn Văn Ân", date_of_birth="01/03/1985")
    assert client.post(f"/people/{person.pk}/edit/", data).status_code == 302
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert "Nguyễn Văn Ân" in page and "Lịch sử thay đổi" in page


def test_list_page_query_count_is_flat(cast, client, two_people, django_assert_max_num_queries):
    for i in range(20):
        register(cast["admin"], "25459", f"0790850{i:05d}", f"Người {i}")
    client.force_login(cast["admin"])
    with django_assert_max_num_queries(8):
        assert client.get("/people/").status_code == 200


def test_the_excel_export_reads_every_column_without_a_query_per_row(cast, client, django_assert_max_num_queries):
    for i in range(12):
        register(cast["admin"], "25459", f"0790850{i:05d}", f"Người {i}")
    client.force_login(cast["commune_a"])
    with django_assert_max_num_queries(8):
        response = client.get("/people/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 13 and rows[1][1].startswith("Người") and rows[1][4] == "Phường Tân Ninh"
