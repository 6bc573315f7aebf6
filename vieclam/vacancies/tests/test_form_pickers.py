"""The vacancy form asks for words, not codes: occupation, employer and workplace picked by name, pay as people
write it, dates as dd/mm/yyyy; every mistake names the field, keeps what was typed and writes nothing."""

import pytest

from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.test_views import LIST, employer, form_data  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_pay_typed_as_words_and_pickers_typed_as_names_are_saved(cast, client, employer):  # noqa: F811
    client.force_login(cast["province_a"])
    data = form_data(employer, pay_min="7 triệu", pay_max="7,5tr", occupation="", occupation_label="Kế toán viên",
                     workplace_commune="", workplace_commune_label="phuong tan ninh")  # fmt: skip
    data.update(employer="", employer_label=employer.tax_code)
    response = client.post(f"{LIST}new/", data)
    assert response.status_code == 302, response.context["form"].errors
    vacancy = Vacancy.objects.get()
    assert (vacancy.pay_min, vacancy.pay_max) == (7_000_000, 7_500_000)
    assert vacancy.occupation.name_vi == "Kế toán viên" and vacancy.workplace_commune.code == "25459"


def test_edit_form_shows_labels_and_money_with_dots(cast, client, employer):  # noqa: F811
    client.force_login(cast["province_a"])
    client.post(f"{LIST}new/", form_data(employer))
    page = client.get(f"{LIST}{Vacancy.objects.get().pk}/edit/").content.decode()
    assert 'value="8.000.000"' in page and "Phường Tân Ninh" in page and "Công ty Dệt Tân Ninh" in page
    assert 'type="date"' not in page


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("pay_min", "bảy triệu", "Lương từ (đồng/tháng): không đọc được “bảy triệu”"),
        ("pay_max", "-5000000", "Lương đến (đồng/tháng): số tiền không được âm"),
        ("pay_min", "80000000000", "Lương từ (đồng/tháng): 80.000.000.000 đồng là quá lớn"),
        ("deadline", "31/02/2027", "Hạn nộp hồ sơ: “31/02/2027” không phải một ngày"),
        ("occupation_label", "zzzz", "Nghề (VSCO 2020): không tìm thấy “zzzz”"),
        ("workplace_commune_label", "qwerty", "Xã, phường nơi làm việc: không tìm thấy “qwerty”"),
        ("employer_label", "không có công ty này", "Người sử dụng lao động: không tìm thấy"),
    ],
)
def test_bad_input_names_the_field_keeps_it_and_writes_nothing(cast, client, employer, field, typed, message):  # noqa: F811
    client.force_login(cast["province_a"])
    data = form_data(employer)
    data[field] = typed
    if field.endswith("_label"):
        data[field.removesuffix("_label")] = ""
    response = client.post(f"{LIST}new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert f'value="{typed}"' in page
    assert not Vacancy.objects.exists()


def test_occupation_picker_offers_names_and_suggestions(client, cast):
    client.force_login(cast["province_a"])
    page = client.get("/coding/picker/occupations/", {"occupation_label": "ke toan", "target": "id_occupation"})
    assert "Kế toán viên" in page.content.decode() and 'data-value="' in page.content.decode()
    assert client.get("/coding/picker/occupations/", {"occupation_label": ""}).content == b""


def test_commune_picker_puts_the_home_province_first_and_finds_old_names(client, cast, settings):
    settings.VIECLAM_PROVINCE = "80"
    client.force_login(cast["province_a"])
    page = client.get("/areas/picker/communes/", {"q": "tan ninh"}).content.decode()
    assert page.index("Phường Tân Ninh") < page.index("</button>")
    old = client.get("/areas/picker/communes/", {"q": "phuc xa"}).content.decode()
    assert "Phường Hồng Hà" in old and "trước đây" in old
    mine = client.get("/areas/picker/communes/", {"q": "ba dinh", "scope": "mine"}).content.decode()
    assert "Phường Ba Đình" not in mine
