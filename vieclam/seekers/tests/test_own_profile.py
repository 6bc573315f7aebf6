"""A worker keeps their own job-seeker profile: services, the "Hồ sơ tìm việc của tôi" pages and /api/v1/me/….

Only the worker's own profile is ever reachable; staff-only fields (status, registration date, person) are refused
with a message naming the field; every change is audited under the worker's own name.
"""

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.conftest import PASSWORD
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import commune
from vieclam.people.models import Consent
from vieclam.people.services import person_register_self
from vieclam.seekers import services
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_person, make_profile

pytestmark = pytest.mark.django_db

PAGE = "/seekers/me/"
EDIT = "/seekers/me/edit/"
API = "/api/v1/me/job-seeker-profile/"
# (CCCD, date of birth, sex) whose digits agree, as in people/tests.
HOA = ("080195001234", dt.date(1995, 5, 10), "female")
MINH = ("080096004321", dt.date(1996, 8, 2), "male")


def register(account, identity, name: str):
    nid, born, sex = identity
    data = {"full_name": name, "national_id": nid, "date_of_birth": born, "sex": sex}
    return person_register_self(account=account, commune=commune("25459"), data=data)[0]


@pytest.fixture
def hoa(cast):
    """The cast's worker, with her own labour record."""
    register(cast["worker"], HOA, "Lê Thị Hoa")
    return cast["worker"]


@pytest.fixture
def minh(db):
    """A second worker of the same commune."""
    user = user_create(actor=None, username="minh", role=Role.WORKER, password=PASSWORD)
    register(user, MINH, "Phạm Văn Minh")
    return user


def own_data(**overrides) -> dict:
    data = {
        "title": "Thợ may công nghiệp",
        "occupation": "7533",
        "workplace_1": "80",
        "desired_pay_min": 7_000_000,
        "available_now": True,
        "skills": ["May máy 1 kim"],
        "lifting": "under_5",
    }
    return {**data, **overrides}


def form_data(**overrides) -> dict:
    data = {
        "title": "Thợ may công nghiệp",
        "occupation": "7533",
        "workplace_1": "80",
        "workplace_2": "25459",
        "desired_pay_min": "7000000",
        "work_environment": "indoor",
        "hands": "both",
        "can_stand_or_walk": "on",
        "hearing_speaking_ok": "on",
        "vision_ok": "on",
        "fine_hand_work_ok": "on",
        "skills": "May máy 1 kim\nVắt sổ",
        "languages": "Tiếng Anh | Trung bình",
        "recruitment_modes": ["in_person"],
    }
    return {**data, **overrides}


#
# Services
#
def test_a_worker_opens_their_own_profile_audited_under_their_name(hoa):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    assert profile.person.account == hoa and profile.status == "active" and profile.registered_on == today()
    assert (profile.occupation.code, profile.workplace_1.code, profile.commune.code) == ("7533", "80", "25459")
    event = AuditEvent.objects.get(content_type__model="jobseekerprofile", object_id=str(profile.pk))
    assert (event.action, event.actor, event.changes["title"]) == ("create", hoa, [None, "Thợ may công nghiệp"])


def test_a_worker_edits_their_own_profile_and_the_audit_keeps_old_and_new(hoa):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    services.profile_update_self(actor=hoa, profile=profile, data={"desired_pay_min": 9_000_000, "lifting": ""})
    profile.refresh_from_db()
    assert (profile.desired_pay_min, profile.lifting) == (9_000_000, "")
    event = AuditEvent.objects.get(object_id=str(profile.pk), action="update")
    assert event.actor == hoa
    assert event.changes == {"desired_pay_min": [7_000_000, 9_000_000], "lifting": ["under_5", ""]}


def test_another_workers_profile_is_404_and_stays_as_it_was(hoa, minh):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    with pytest.raises(Http404):
        services.profile_update_self(actor=minh, profile=profile, data={"title": "Đổi trộm"})
    profile.refresh_from_db()
    assert profile.title == "Thợ may công nghiệp"
    assert not AuditEvent.objects.filter(object_id=str(profile.pk), action="update").exists()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"status": "placed"}, "status", "thao tác riêng"),
        ({"registered_on": dt.date(2020, 1, 1)}, "registered_on", "cán bộ ghi"),
        ({"salary": 1}, "salary", "Không có"),
        ({"occupation": "9999"}, "occupation", "không có trong VSCO"),
        ({"workplace_1": "", "workplace_2": "80"}, "workplace_2", "ưu tiên 1 trước"),
        ({"available_from": dt.date(2030, 1, 1)}, "available_from", "không chọn cả hai"),
        ({"title": "  "}, "title", "bắt buộc"),
    ],
)
def test_bad_input_names_the_field_in_vietnamese_and_saves_nothing(hoa, data, field, words):
    with pytest.raises(ValidationError) as error:
        services.profile_create_self(actor=hoa, data=own_data(**data))
    assert words in " ".join(error.value.message_dict[field])
    assert not JobSeekerProfile.objects.exists() and not AuditEvent.objects.filter(action="update").exists()


def test_bad_edit_saves_nothing(hoa):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    with pytest.raises(ValidationError) as error:
        services.profile_update_self(actor=hoa, profile=profile, data={"title": "Mới", "status": "closed"})
    assert "status" in error.value.message_dict
    profile.refresh_from_db()
    assert (profile.title, profile.status) == ("Thợ may công nghiệp", "active")


def test_only_a_worker_with_their_own_record_opens_a_profile(cast, hoa):
    for role in ("employer", "counsellor_a", "admin"):
        with pytest.raises(PermissionDenied):
            services.profile_create_self(actor=cast[role], data=own_data())
    lonely = user_create(actor=None, username="lonely", role=Role.WORKER, password=PASSWORD)
    with pytest.raises(ValidationError) as error:
        services.profile_create_self(actor=lonely, data=own_data())
    assert "chưa gắn với hồ sơ người lao động" in error.value.message_dict["person"][0]
    assert not JobSeekerProfile.objects.exists()


def test_one_active_profile_at_a_time_and_a_new_one_after_placement(cast, hoa):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    with pytest.raises(ValidationError) as error:
        services.profile_create_self(actor=hoa, data=own_data(title="Việc khác"))
    assert "Bạn đã có hồ sơ tìm việc đang hoạt động" in error.value.message_dict["person"][0]
    services.profile_set_status(actor=cast["counsellor_a"], profile=profile, status="placed")
    with pytest.raises(ValidationError):
        services.profile_update_self(actor=hoa, profile=profile, data={"title": "Sửa hồ sơ cũ"})
    again = services.profile_create_self(actor=hoa, data=own_data(title="Thợ may mẫu"))
    assert again.pk != profile.pk and again.status == "active"


def test_staff_of_the_commune_see_the_profile_a_worker_keeps(cast, hoa, client):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    client.force_login(cast["commune_a"])
    response = client.get(f"/seekers/{profile.pk}/")
    assert response.status_code == 200 and "Thợ may công nghiệp" in response.content.decode()
    client.force_login(cast["commune_b"])
    assert client.get(f"/seekers/{profile.pk}/").status_code == 404


#
# Pages
#
def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (PAGE, EDIT):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_employers_and_staff_cannot_use_the_worker_pages(cast, client):
    for role in ("employer", "counsellor_a"):
        client.force_login(cast[role])
        assert client.get(PAGE).status_code == 403
        assert client.post(EDIT, form_data()).status_code == 403
    assert not JobSeekerProfile.objects.exists()


def test_a_worker_account_without_its_labour_record_is_told_whom_to_ask(cast, client):
    client.force_login(cast["worker"])
    assert "chưa gắn với hồ sơ người lao động" in client.get(PAGE).content.decode()
    response = client.post(EDIT, form_data(), follow=True)
    assert "chưa gắn với hồ sơ người lao động" in response.content.decode()
    assert not JobSeekerProfile.objects.exists()


def test_worker_opens_sees_and_edits_their_profile_in_the_browser(hoa, client):
    client.force_login(hoa)
    page = client.get(PAGE).content.decode()
    assert "Bạn chưa có hồ sơ tìm việc" in page and EDIT in page
    form = client.get(EDIT).content.decode()
    assert 'id="occupation-suggestions"' in form and "Tỉnh, thành phố" in form
    assert 'name="registered_on"' not in form and 'name="status"' not in form
    response = client.post(EDIT, form_data())
    assert response.status_code == 302 and response.url == PAGE
    profile = JobSeekerProfile.objects.get()
    assert (profile.workplace_1.code, profile.workplace_2.code, profile.skills) == (
        "80",
        "25459",
        ["May máy 1 kim", "Vắt sổ"],
    )
    page = client.get(PAGE).content.decode()
    assert "Thợ may công nghiệp" in page and "Đang tìm việc" in page and "Sửa hồ sơ" in page

    response = client.post(EDIT, form_data(title="Thợ may mẫu", desired_pay_min="9000000"))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.title, profile.desired_pay_min) == ("Thợ may mẫu", 9_000_000)
    update = AuditEvent.objects.get(object_id=str(profile.pk), action="update")
    assert update.actor == hoa and update.channel == "ui"
    assert update.changes["title"] == ["Thợ may công nghiệp", "Thợ may mẫu"]


def test_bad_form_input_is_shown_and_nothing_is_saved(hoa, client):
    client.force_login(hoa)
    response = client.post(EDIT, form_data(occupation="9999"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nghề (VSCO 2020): lựa chọn “9999” không còn dùng được." in page
    page = client.post(EDIT, form_data(workplace_1="")).content.decode()
    assert "Ghi nơi làm việc ưu tiên 1 trước nơi ưu tiên 2." in page
    assert not JobSeekerProfile.objects.exists()


def test_after_placement_the_page_offers_a_new_profile_prefilled_from_the_last(cast, hoa, client):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    services.profile_set_status(actor=cast["counsellor_a"], profile=profile, status="placed")
    client.force_login(hoa)
    page = client.get(PAGE).content.decode()
    assert "Đã có việc làm" in page and "Lập hồ sơ tìm việc mới" in page and "Sửa hồ sơ" not in page
    form = client.get(EDIT).content.decode()
    assert "Lập hồ sơ tìm việc" in form and 'value="Thợ may công nghiệp"' in form
    assert client.post(EDIT, form_data(title="Thợ may mẫu")).status_code == 302
    newest = JobSeekerProfile.objects.get(status="active")
    assert newest.pk != profile.pk and newest.title == "Thợ may mẫu"
    assert JobSeekerProfile.objects.get(pk=profile.pk).title == "Thợ may công nghiệp"


def test_a_worker_never_sees_another_workers_profile(hoa, minh, client):
    services.profile_create_self(actor=hoa, data=own_data(title="Thợ may của Hoa"))
    client.force_login(minh)
    page = client.get(PAGE).content.decode()
    assert "Thợ may của Hoa" not in page and "Bạn chưa có hồ sơ tìm việc" in page
    assert "Thợ may của Hoa" not in client.get(EDIT).content.decode()
    assert client.get(f"/seekers/{JobSeekerProfile.objects.get().pk}/").status_code == 403  # staff pages


def test_the_worker_home_links_the_profile_page(hoa, client):
    client.force_login(hoa)
    page = client.get("/applications/my/").content.decode()
    assert "Hồ sơ tìm việc của tôi" in page and EDIT in page  # no active profile yet: invited to open one
    services.profile_create_self(actor=hoa, data=own_data())
    page = client.get("/applications/my/").content.decode()
    assert PAGE in page and "chưa có hồ sơ tìm việc đang hoạt động" not in page


#
# API
#
def api_payload(**overrides) -> dict:
    data = {
        "title": "Thợ may công nghiệp",
        "occupation": "7533",
        "workplace_1": "80",
        "desired_pay_min": 7_000_000,
        "available_now": True,
        "experience": [{"employer": "Công ty May Tân Ninh", "position": "Công nhân", "duty": "May", "from": "2019-05"}],
        "languages": [{"language": "Tiếng Anh", "level": "average"}],
        "skills": ["May máy 1 kim"],
        "lifting": "under_5",
        "recruitment_modes": ["in_person"],
    }
    return {**data, **overrides}


def test_api_put_opens_get_reads_patch_changes_put_replaces(hoa, api_as):
    api = api_as(hoa)
    assert api.get(API).status_code == 404
    created = api.put(API, api_payload(), format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["occupation"], body["workplace_1"]) == ("active", "7533", "80")
    assert body["registered_on"] == today().isoformat() and body["warnings"] == []
    assert api.get(API).json()["id"] == body["id"]

    changed = api.patch(API, {"desired_pay_min": 8_000_000}, format="json")
    assert changed.status_code == 200 and changed.json()["desired_pay_min"] == 8_000_000
    assert changed.json()["skills"] == ["May máy 1 kim"]

    replaced = api.put(API, {"title": "Thợ may mẫu"}, format="json")
    assert replaced.status_code == 200
    body = replaced.json()
    assert body["id"] == created.json()["id"] and body["title"] == "Thợ may mẫu"
    assert (body["occupation"], body["desired_pay_min"], body["skills"], body["lifting"]) == (None, None, [], "")
    events = AuditEvent.objects.filter(object_id=str(body["id"]), content_type__model="jobseekerprofile")
    assert {(e.action, e.actor_id, e.channel) for e in events} == {("create", hoa.pk, "api"), ("update", hoa.pk, "api")}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "placed"}, "status"),
        ({"person": 1}, "person"),
        ({"registered_on": "2020-01-01"}, "registered_on"),
        ({"salary": 1}, "salary"),
        ({"occupation": "9999"}, "occupation"),
        ({"workplace_1": "99999"}, "workplace_1"),
        ({"experience": [{"employer": "A", "from": "05/2019"}]}, "experience"),
        ({"desired_pay_min": -1}, "desired_pay_min"),
    ],
)
def test_api_bad_input_is_400_naming_the_field_and_saves_nothing(hoa, api_as, payload, field):
    response = api_as(hoa).put(API, api_payload(**payload), format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert not JobSeekerProfile.objects.exists()


def test_api_patch_without_an_active_profile_is_404(hoa, api_as):
    response = api_as(hoa).patch(API, {"title": "X"}, format="json")
    assert response.status_code == 404 and "PUT" in response.json()["detail"]


def test_api_another_worker_gets_404_not_someone_elses_profile(hoa, minh, api_as):
    assert api_as(hoa).put(API, api_payload(), format="json").status_code == 201
    other = api_as(minh)
    assert other.get(API).status_code == 404
    assert other.patch(API, {"title": "Đổi trộm"}, format="json").status_code == 404
    pk = JobSeekerProfile.objects.get().pk
    assert other.get(f"/api/v1/job-seekers/{pk}/").status_code == 403  # the staff API is not for workers
    assert JobSeekerProfile.objects.get().title == "Thợ may công nghiệp"


def test_api_is_for_workers_only(cast, api_as):
    assert api_as().get(API).status_code in (401, 403)
    for role in ("employer", "counsellor_a", "admin"):
        assert api_as(cast[role]).get(API).status_code == 403
        assert api_as(cast[role]).put(API, api_payload(), format="json").status_code == 403
    assert not JobSeekerProfile.objects.exists()


def test_api_shows_the_latest_profile_after_placement_and_put_opens_a_new_one(cast, hoa, api_as):
    profile = services.profile_create_self(actor=hoa, data=own_data())
    services.profile_set_status(actor=cast["counsellor_a"], profile=profile, status="placed")
    api = api_as(hoa)
    assert api.get(API).json()["status"] == "placed"
    assert api.patch(API, {"title": "X"}, format="json").status_code == 404
    response = api.put(API, api_payload(title="Thợ may mẫu"), format="json")
    assert response.status_code == 201 and response.json()["id"] != profile.pk
    assert api.get(API).json()["title"] == "Thợ may mẫu"


#
# Placed on hire (called by applications' hire transition)
#
def hire_of(person, *, employer_account, status="hired"):
    """Just what profile_place_on_hire reads of an application (applications/tests run the real hire)."""
    vacancy = SimpleNamespace(employer=SimpleNamespace(account_id=employer_account.pk))
    return SimpleNamespace(person=person, vacancy=vacancy, status=status)


def test_place_on_hire_only_by_the_vacancys_employer_or_staff_of_the_area(cast, hoa):
    profile = make_profile(cast["admin"], make_person(cast["admin"]))
    hired = hire_of(profile.person, employer_account=cast["employer"])
    for actor in (hoa, cast["province_b"]):
        with pytest.raises(PermissionDenied):
            services.profile_place_on_hire(actor=actor, application=hired)
    with pytest.raises(ValidationError):
        offered = hire_of(profile.person, employer_account=cast["employer"], status="offered")
        services.profile_place_on_hire(actor=cast["employer"], application=offered)
    profile.refresh_from_db()
    assert profile.status == "active"
    assert services.profile_place_on_hire(actor=cast["employer"], application=hired).status == "placed"
    event = AuditEvent.objects.get(object_id=str(profile.pk), changes__status=["active", "placed"])
    assert event.actor == cast["employer"]
    assert services.profile_place_on_hire(actor=cast["counsellor_a"], application=hired) is None  # none active


def test_the_consent_to_show_contact_details_is_ticked_on_the_profile_form_and_dated(hoa, client):
    client.force_login(hoa)
    assert client.post(EDIT, form_data(publish_contact="on")).status_code == 302
    given = Consent.objects.get(purpose="publish_contact", withdrawn_at=None)
    assert given.person.account == hoa and given.given_at is not None
    assert re.search(r'<input[^>]*name="publish_contact"[^>]*checked', client.get(EDIT).content.decode())
    assert client.post(EDIT, form_data(title="Thợ may mẫu")).status_code == 302  # the box left unticked
    given.refresh_from_db()
    assert given.withdrawn_at is not None and JobSeekerProfile.objects.get().title == "Thợ may mẫu"
