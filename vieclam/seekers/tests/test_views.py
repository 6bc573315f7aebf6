"""Staff pages: list (masked, scoped, searchable, exportable), audited detail, create via a person search, edit."""

import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from vieclam.core.models import AuditEvent
from vieclam.seekers.forms import ExperienceField
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import BINH, make_person, make_profile

pytestmark = pytest.mark.django_db

LIST = "/seekers/"


@pytest.fixture
def profiles(cast):
    an = make_person(cast["admin"])
    binh = make_person(cast["admin"], name="Trần Văn Bình", national_id=BINH[0], commune="00004")
    return {
        "an": make_profile(
            cast["admin"],
            an,
            occupation="2411",
            fine_hand_work_ok=False,
            recruitment_modes=["phone"],
            experience=[{"employer": "Cty A", "position": "", "duty": "Sổ sách", "from": "2015-06", "to": ""}],
            languages=[{"language": "Tiếng Anh", "level": "fair"}, {"language": "Tiếng Nhật", "level": ""}],
            skills=["Excel", "MISA"],
            available_from=dt.date(2030, 1, 1),
            lifting="5_to_20",
        ),  # fmt: skip
        "binh": make_profile(cast["admin"], binh, title="Thợ hàn", occupation="7212"),
    }


def form_data(**overrides):
    data = {
        "title": "Nhân viên kho",
        "occupation": "4321",
        "position": "nhan_vien",
        "workplace_1": "80",
        "work_environment": "any",
        "hands": "both",
        "can_stand_or_walk": "on",
        "hearing_speaking_ok": "on",
        "vision_ok": "on",
        "experience": "Công ty Dệt May | Thủ kho | Nhập xuất hàng | 06/2015 | 12/2020",
        "languages": "Tiếng Anh | Khá",
        "skills": "Excel\nLái xe nâng",
        "recruitment_modes": ["in_person", "cv"],
    }
    return {**data, **overrides}


#
# List and export
#
def test_list_shows_only_the_area_and_masks_ids(cast, client, profiles):
    client.force_login(cast["commune_a"])
    page = client.get(LIST).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Văn Bình" not in page
    assert "079085012345" not in page and "••••••••2345" in page and "1985" in page


def test_search_ignores_diacritics_and_case(cast, client, profiles):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"q": "THO HAN"}).content.decode()
    assert "Trần Văn Bình" in page and "Nguyễn Văn An" not in page
    page = client.get(LIST, {"q": "nguyễn"}).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Văn Bình" not in page


def test_tolerance_filter_on_the_page(cast, client, profiles):
    client.force_login(cast["admin"])
    page = client.get(LIST, {"fine_hand_work_ok": "true"}).content.decode()
    assert "Trần Văn Bình" in page and "Nguyễn Văn An" not in page


def test_a_bad_filter_is_explained_on_the_page(cast, client, profiles):
    client.force_login(cast["admin"])
    response = client.get(LIST, {"workplace": "999"})
    assert response.status_code == 200 and "Nguyễn Văn An" not in response.content.decode()
    assert "workplace" in response.context["filter"].errors


def test_csv_and_excel_exports_hold_only_the_scope_and_masked_ids(cast, client, profiles):
    client.force_login(cast["province_a"])
    csv_text = b"".join(client.get(LIST, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "Nguyễn Văn An" in csv_text and "Trần Văn Bình" not in csv_text
    assert "079085012345" not in csv_text and "••••••••2345" in csv_text
    rows = list(load_workbook(io.BytesIO(client.get(LIST, {"export": "xlsx"}).content)).active.values)
    assert len(rows) == 2 and rows[1][1] == "Nguyễn Văn An" and rows[1][3] == "••••••••2345"


def test_list_page_query_count_is_the_same_for_2_and_20_profiles(cast, client):
    client.force_login(cast["commune_a"])
    for i in range(2):
        person = make_person(cast["admin"], name=f"Người {i}", national_id=f"0790850{i:05d}")
        make_profile(cast["admin"], person, occupation="2411", workplace_1="80", workplace_2="25459")
    with CaptureQueriesContext(connection) as two:
        assert client.get(LIST).status_code == 200
    for i in range(2, 20):
        person = make_person(cast["admin"], name=f"Người {i}", national_id=f"0790850{i:05d}")
        make_profile(cast["admin"], person, occupation="7212", workplace_1="01", workplace_2="00004")
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(LIST).content.decode()
    assert len(re.findall(r'href="/seekers/\d+/"', page)) == 20
    assert len(two) == len(twenty) == 5  # session, user, user's areas, count, page


def test_workers_are_refused(cast, client):
    client.force_login(cast["worker"])
    assert client.get(LIST).status_code == 403


#
# Detail
#
def test_detail_outside_scope_is_404(cast, client, profiles):
    client.force_login(cast["commune_a"])
    pk = profiles["binh"].pk
    assert client.get(f"{LIST}{pk}/").status_code == 404
    assert client.get(f"{LIST}{pk}/edit/").status_code == 404
    assert client.post(f"{LIST}{pk}/status/", {"status": "closed"}).status_code == 404


def test_detail_logs_the_read_and_shows_history_to_history_roles(cast, client, profiles):
    pk = profiles["an"].pk
    client.force_login(cast["commune_a"])
    page = client.get(f"{LIST}{pk}/").content.decode()
    assert "Kế toán và các nhà chuyên môn có liên quan" in page and "Lịch sử thay đổi" in page
    read = AuditEvent.objects.get(action="read", object_id=str(pk))
    assert read.actor == cast["commune_a"] and read.area.code == "25459" and read.channel == "ui"
    client.force_login(cast["counsellor_a"])
    assert "Lịch sử thay đổi" not in client.get(f"{LIST}{pk}/").content.decode()


def test_status_buttons_move_the_profile(cast, client, profiles):
    profile = profiles["an"]
    client.force_login(cast["commune_a"])
    assert client.post(f"{LIST}{profile.pk}/status/", {"status": "placed"}).status_code == 302
    profile.refresh_from_db()
    assert profile.status == "placed"
    response = client.post(f"{LIST}{profile.pk}/status/", {"status": "placed"}, follow=True)
    assert "Hồ sơ đã ở trạng thái" in response.content.decode()
    assert client.get(f"{LIST}{profile.pk}/status/").status_code == 405


#
# Create and edit
#
def test_create_finds_the_person_by_cccd_then_opens_the_profile(cast, client):
    person = make_person(cast["admin"])
    client.force_login(cast["commune_a"])
    page = client.post(f"{LIST}new/", {"find": "079085012345"}).content.decode()
    assert "Nguyễn Văn An" in page and f"?person={person.pk}" in page and "••••••••2345" in page
    assert "Nguyễn Văn An" in client.post(f"{LIST}new/", {"find": "nguyen an"}).content.decode()
    response = client.post(f"{LIST}new/", {"find": "", "person": person.pk})
    assert response.status_code == 302 and response["Location"].endswith(f"?person={person.pk}")
    assert client.get(response["Location"]).context["person"] == person
    response = client.post(f"{LIST}new/", {"person": person.pk, **form_data()})
    assert response.status_code == 302, response.context["form"].errors
    profile = JobSeekerProfile.objects.get()
    assert (profile.person, profile.occupation.code, profile.workplace_1.code) == (person, "4321", "80")
    assert profile.experience == [{"employer": "Công ty Dệt May", "position": "Thủ kho", "duty": "Nhập xuất hàng",
                                   "from": "2015-06", "to": "2020-12"}]  # fmt: skip
    assert profile.languages == [{"language": "Tiếng Anh", "level": "fair"}]
    assert profile.fine_hand_work_ok is False and profile.can_stand_or_walk is True
    assert AuditEvent.objects.filter(action="create", channel="ui", object_id=str(profile.pk)).exists()


def test_create_refuses_a_person_outside_the_area(cast, client):
    person = make_person(cast["admin"], name="Trần Văn Bình", national_id=BINH[0], commune="00004")
    client.force_login(cast["commune_a"])
    assert "Trần Văn Bình" not in client.post(f"{LIST}new/", {"find": BINH[0]}).content.decode()
    assert "Không có người lao động này" in client.get(f"{LIST}new/", {"person": person.pk}).content.decode()
    response = client.post(f"{LIST}new/", {"person": person.pk, **form_data()})
    assert response.status_code == 200 and "Không có người lao động này" in response.content.decode()
    assert not JobSeekerProfile.objects.exists()


def test_create_shows_service_errors_on_the_fields(cast, client):
    person = make_person(cast["admin"])
    make_profile(cast["admin"], person)
    client.force_login(cast["commune_a"])
    response = client.post(f"{LIST}new/", {"person": person.pk, **form_data(experience="A | B | C | 13/2020")})
    assert "experience" in response.context["form"].errors
    response = client.post(f"{LIST}new/", {"person": person.pk, **form_data(workplace_1="9")})
    assert "workplace_1" in response.context["form"].errors
    response = client.post(f"{LIST}new/", {"person": person.pk, **form_data()})
    assert "đã có hồ sơ tìm việc đang hoạt động" in response.content.decode()
    assert JobSeekerProfile.objects.count() == 1


def test_edit_changes_only_what_changed_and_records_it(cast, client, profiles):
    profile = profiles["an"]
    client.force_login(cast["province_a"])
    form = client.get(f"{LIST}{profile.pk}/edit/").context["form"]
    data = {}
    for name, field in form.fields.items():
        value = field.prepare_value(form.initial.get(name))
        if value in (None, False):
            continue
        if name == "experience":  # rows of boxes: each column posts one value per row
            data |= {f"experience_{key}": [row.get(key, "") for row in value] for key in ExperienceField.KEYS}
            continue
        data[name] = "on" if value is True else value
    data.update(title="Kế toán trưởng", registered_on=profile.registered_on.strftime("%d/%m/%Y"))
    response = client.post(f"{LIST}{profile.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    event = AuditEvent.objects.get(action="update", object_id=str(profile.pk))
    assert event.changes == {"title": ["Kế toán viên", "Kế toán trưởng"]}  # lists and dates round-trip unchanged
    assert "Kế toán trưởng" in client.get(f"{LIST}{profile.pk}/").content.decode()
