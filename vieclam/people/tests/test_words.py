"""A person's page, labour-event log and history read as words: labels, names, dd/mm/yyyy — never stored codes."""

import datetime as dt

import pytest

from vieclam.people.services import household_create, person_create, person_update

pytestmark = pytest.mark.django_db

CODES = ("so_cap", "co_viec_lam", "lam_cong_an_luong", "male", "near_poor", "household_id", "occupation_id")


@pytest.fixture
def person(cast):
    data = {"national_id": "079190012345", "full_name": "Lê Thị Cúc", "date_of_birth": dt.date(1990, 5, 29),
            "sex": "female", "residence_commune": "25459", "ethnicity": "01", "technical_level": "so_cap",
            "activity_status": "co_viec_lam", "employment_status": "lam_cong_an_luong", "occupation": "2163",
            "priority_groups": ["ho_can_ngheo"]}  # fmt: skip
    created = person_create(actor=cast["admin"], data=data)[0]
    household = household_create(actor=cast["admin"], commune="25459", head_name="Lê Văn Dũng")
    person_update(
        actor=cast["admin"], person=created, data={"household": household.pk, "activity_status": "that_nghiep"}
    )
    return created


def test_person_page_shows_labels_names_and_plain_years(cast, client, person):
    client.force_login(cast["admin"])
    page = client.get(f"/people/{person.pk}/").content.decode()
    for words in (
        "Sơ cấp",
        "Người có việc làm",
        "Người thất nghiệp",
        "Làm công ăn lương",
        "Kinh",
        "Nhà thiết kế sản phẩm và may mặc",
    ):
        assert words in page, words
    assert "sinh năm 1990" in page and "1.990" not in page
    assert "Thuộc hộ cận nghèo" in page
    for code in CODES:
        assert code not in page, code


def test_history_names_fields_and_the_household_not_its_id(cast, client, person):
    client.force_login(cast["admin"])
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert "Hộ:</span> — → " in page and "Lê Văn Dũng" in page
    assert "Ngày sinh:</span> 29/05/1990" in page and "1990-05-29" not in page
    assert "Giới tính:</span> Nữ" in page


def test_audit_page_rows_show_labels(cast, client, person):
    client.force_login(cast["admin"])
    page = client.get("/audit/").content.decode()
    assert "Người thất nghiệp" in page and "Tình trạng hoạt động kinh tế" in page
    assert "that_nghiep" not in page and "activity_status" not in page
