"""List filters are selects or pickers, never numbers or codes; a filter that cannot be read gives an empty list
with the reason on the page (and a 400 naming the parameter in the API)."""

from __future__ import annotations

import pytest

from vieclam.applications.tests.factories import make_worker
from vieclam.applications.tests.test_views import client_for, submit, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_applications_are_filtered_by_a_vacancy_and_a_person_picked_by_name(world):  # noqa: F811
    submit(make_worker("hoa"), world["vacancy_a"])
    client = client_for(world["province_a"])
    page = client.get("/applications/").content.decode()
    assert "(số)" not in page
    assert 'name="vacancy_label"' in page and 'name="person_label"' in page and 'name="employer_label"' in page
    page = client.get("/applications/", {"vacancy_label": "tho may"}).content.decode()
    assert "Lê Thị Hoa" in page
    page = client.get("/applications/", {"vacancy_label": "tho moc"}).content.decode()
    assert "Lê Thị Hoa" not in page and "Không có kết quả vì bộ lọc chưa đọc được" not in page
    options = client.get("/vacancies/picker/", {"vacancy_label": "tho", "target": "id_vacancy"}).content.decode()
    assert "Thợ may" in options and "Công ty May A" in options
    page = client.get("/applications/", {"person_label": "le thi hoa"}).content.decode()
    assert "Lê Thị Hoa" in page


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"vacancy_label": "không có việc này"}, "Việc làm: không tìm thấy “không có việc này”"),
        ({"person": "abc"}, "Người lao động: lựa chọn “abc” không còn dùng được"),
        ({"created_after": "31/02/2026"}, "Nộp từ ngày: “31/02/2026” không phải một ngày"),
    ],
)
def test_an_unreadable_filter_gives_an_empty_explained_list(world, params, reason):  # noqa: F811
    submit(make_worker("hoa"), world["vacancy_a"])
    page = client_for(world["province_a"]).get("/applications/", params).content.decode()
    assert "Không có kết quả vì bộ lọc chưa đọc được" in page and reason in page
    assert "Lê Thị Hoa" not in page


def test_api_names_the_parameter_it_cannot_read(world, api_as):  # noqa: F811
    response = api_as(world["province_a"]).get("/api/v1/applications/", {"person": "abc"})
    assert response.status_code == 400 and "person" in response.json()


def test_people_list_filters_by_commune_name_and_activity_status_label(cast, client, api_as):
    client.force_login(cast["province_a"])
    page = client.get("/people/").content.decode()
    assert "Mã xã" not in page and 'name="commune_label"' in page
    assert "Người có việc làm" in page or "việc làm" in page  # the activity statuses are offered by name
    page = client.get("/people/", {"commune_label": "không có xã này"}).content.decode()
    assert "Không có kết quả vì bộ lọc chưa đọc được" in page and "Xã/phường: không tìm thấy" in page
    page = client.get("/people/", {"activity_status": "co_viec_lam_xyz"}).content.decode()
    assert "Không có kết quả vì bộ lọc chưa đọc được" in page and "Tình trạng hoạt động kinh tế" in page
    response = api_as(cast["province_a"]).get("/api/v1/persons/", {"commune": "99999"})
    assert response.status_code == 400 and "commune" in response.json()
