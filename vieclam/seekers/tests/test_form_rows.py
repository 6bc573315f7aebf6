"""The staff job-seeker form: work history as rows of boxes, occupation and workplaces picked by name, pay as
people write it; bad input names the field, is shown as typed and nothing is written."""

import pytest

from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_person
from vieclam.seekers.tests.test_views import LIST, form_data

pytestmark = pytest.mark.django_db


def rows_data(**overrides):
    data = form_data()
    del data["experience"]
    data |= {
        "experience_employer": ["Công ty Dệt May", "Hợp tác xã Tân Ninh", ""],
        "experience_position": ["Thủ kho", "", ""],
        "experience_duty": ["Nhập xuất hàng", "Bán hàng", ""],
        "experience_from": ["06/2015", "01/2021", ""],
        "experience_to": ["12/2020", "", ""],
    }
    return data | overrides


def test_work_history_rows_pickers_and_money_are_saved(cast, client):
    person = make_person(cast["admin"])
    client.force_login(cast["commune_a"])
    data = rows_data(desired_pay_min="8,5 triệu")
    response = client.post(f"{LIST}new/", {"person": person.pk, **data})
    assert response.status_code == 302, response.context["form"].errors
    profile = JobSeekerProfile.objects.get()
    assert profile.experience == [
        {"employer": "Công ty Dệt May", "position": "Thủ kho", "duty": "Nhập xuất hàng", "from": "2015-06",
         "to": "2020-12"},
        {"employer": "Hợp tác xã Tân Ninh", "position": "", "duty": "Bán hàng", "from": "2021-01", "to": ""},
    ]  # fmt: skip
    assert profile.desired_pay_min == 8_500_000 and profile.workplace_1.code == "80"
    page = client.get(f"{LIST}{profile.pk}/edit/").content.decode()
    assert 'value="06/2015"' in page and 'value="Hợp tác xã Tân Ninh"' in page and "Thêm dòng" in page
    assert 'value="8.500.000"' in page and "|" not in page.split('name="experience_employer"')[0][-200:]


def test_another_row_comes_from_htmx(cast, client):
    client.force_login(cast["commune_a"])
    row = client.get("/seekers/experience-row/", {"name": "experience"}).content.decode()
    assert row.count("<input") == 5 and 'name="experience_from"' in row and 'placeholder="mm/yyyy"' in row


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"experience_from": ["13/2015", "", ""]}, "Kinh nghiệm làm việc, dòng 1: tháng ghi dạng mm/yyyy"),
        ({"desired_pay_min": "tám triệu"}, "Lương mong muốn tối thiểu (đồng/tháng): không đọc được “tám triệu”"),
        ({"available_from": "30/02/2027"}, "Hoặc làm việc từ ngày: “30/02/2027” không phải một ngày"),
        ({"workplace_1": "", "workplace_1_label": "không có nơi này"}, "Nơi làm việc ưu tiên 1 (tỉnh hoặc xã)"),
    ],
)
def test_bad_input_is_named_kept_and_not_written(cast, client, change, message):
    person = make_person(cast["admin"])
    client.force_login(cast["commune_a"])
    response = client.post(f"{LIST}new/", {"person": person.pk, **rows_data(**change)})
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    typed = next(iter(change.values()))
    typed = typed[0] if isinstance(typed, list) else next(v for v in change.values() if v)
    assert f'value="{typed}"' in page
    assert not JobSeekerProfile.objects.exists()
