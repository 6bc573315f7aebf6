"""The staff person form asks for words: ethnic group by name, commune and occupation picked by name, the birth
date dd/mm/yyyy; bad input names the field, is shown as typed, and nothing is written."""

import pytest

from vieclam.people.models import Person

pytestmark = pytest.mark.django_db


def person_form(**overrides):
    data = {
        "full_name": "Nguyễn Văn An",
        "national_id": "079085012345",
        "date_of_birth": "01/03/1985",
        "sex": "male",
        "ethnicity": "01",
        "residence_commune": "25459",
        "occupation": "",
    }
    return data | overrides


def test_form_offers_ethnic_groups_by_name_and_saves_picked_values(cast, client):
    client.force_login(cast["commune_a"])
    page = client.get("/people/new/").content.decode()
    assert "Mã dân tộc" not in page and ">Kinh</option>" in page and ">Tày</option>" in page
    assert 'name="residence_commune_label"' in page and 'type="date"' not in page
    data = person_form(residence_commune="", residence_commune_label="phuong tan ninh", occupation="",
                       occupation_label="Kế toán viên")  # fmt: skip
    response = client.post("/people/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    person = Person.objects.get()
    assert person.residence_commune.code == "25459" and person.occupation.name_vi == "Kế toán viên"
    assert person.ethnicity.name_vi == "Kinh"
    page = client.get(f"/people/{person.pk}/edit/").content.decode()
    assert 'value="Phường Tân Ninh, Tỉnh Tây Ninh"' in page and 'value="01/03/1985"' in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date_of_birth": "03/31/1985"}, "Ngày sinh: “03/31/1985” không phải một ngày"),
        ({"residence_commune": "", "residence_commune_label": "phuong ba dinh"},
         "Nơi ở hiện tại (xã/phường): không tìm thấy “phuong ba dinh”"),
        ({"occupation": "", "occupation_label": "xyzxyz"}, "Nghề nghiệp: không tìm thấy “xyzxyz”"),
        ({"ethnicity": "99"}, "Dân tộc: “99” không có trong danh sách"),
    ],
)  # fmt: skip
def test_bad_input_is_named_kept_and_not_written(cast, client, change, message):
    client.force_login(cast["commune_a"])
    response = client.post("/people/new/", person_form(**change))
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    typed = next(value for value in change.values() if value)
    if "ethnicity" not in change:
        assert f'value="{typed}"' in page
    assert not Person.objects.exists()


def test_commune_picker_offers_only_the_officers_communes(cast, client):
    client.force_login(cast["commune_a"])
    mine = client.get("/areas/picker/communes/", {"residence_commune_label": "phuong", "scope": "mine"})
    assert "Phường Tân Ninh" in mine.content.decode() and "Phường Bình Minh" not in mine.content.decode()
