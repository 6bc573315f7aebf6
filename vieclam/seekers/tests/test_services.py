"""The rules of seekers.services: who may have a profile, one active profile per person, status changes."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.services import profile_set_status, profile_update
from vieclam.seekers.tests.factories import BINH, make_person, make_profile

pytestmark = pytest.mark.django_db


def profile_events(action=None):
    events = AuditEvent.objects.filter(content_type__model="jobseekerprofile")
    return events.filter(action=action) if action else events


def test_creates_an_active_profile_with_codes_resolved_and_audited(cast):
    person = make_person(cast["admin"])
    profile = make_profile(
        cast["commune_a"], person, occupation="2411", position="nhan_vien", workplace_1="80", workplace_2="25480",
        desired_pay_min=8_000_000, recruitment_modes=["cv", "in_person"], skills=["Excel", "Excel", " MISA "],
    )  # fmt: skip
    assert profile.status == "active" and profile.registered_on == today()
    assert (profile.occupation.code, profile.workplace_1.code, profile.workplace_2.code) == ("2411", "80", "25480")
    assert profile.recruitment_modes == ["in_person", "cv"] and profile.skills == ["Excel", "MISA"]
    assert profile.search_text == " nguyen van an ke toan vien ke toan va cac nha chuyen mon co lien quan"
    event = profile_events("create").get()
    assert event.area.code == "25459" and event.actor == cast["commune_a"]
    assert event.changes["occupation"] == [None, "2411"] and event.changes["person"] == [None, person.pk]


def test_a_person_under_15_cannot_seek_work(cast):
    child = make_person(cast["admin"], name="Trần Bé", national_id=None, born=today() - dt.timedelta(days=365 * 14))
    with pytest.raises(ValidationError) as info:
        make_profile(cast["admin"], child)
    assert list(info.value.message_dict) == ["person"] and "15 tuổi" in info.value.message_dict["person"][0]
    assert not JobSeekerProfile.objects.exists() and not profile_events().exists()


def test_a_person_outside_the_actors_area_is_refused_by_name(cast):
    person = make_person(cast["admin"], name="Trần Văn Bình", national_id=BINH[0], commune="00004")
    with pytest.raises(ValidationError) as info:
        make_profile(cast["commune_a"], person)
    assert "ngoài địa bàn" in info.value.message_dict["person"][0]
    assert not JobSeekerProfile.objects.exists()


def test_workers_and_employers_cannot_write(cast):
    person = make_person(cast["admin"])
    for role in ("worker", "employer"):
        with pytest.raises(PermissionDenied):
            make_profile(cast[role], person)


def test_a_second_active_profile_is_refused_until_the_first_is_placed(cast):
    person = make_person(cast["admin"])
    first = make_profile(cast["admin"], person)
    with pytest.raises(ValidationError) as info:
        make_profile(cast["admin"], person, title="Thủ quỹ")
    assert f"#{first.pk}" in info.value.message_dict["person"][0]
    profile_set_status(actor=cast["admin"], profile=first, status="placed")
    second = make_profile(cast["admin"], person, title="Thủ quỹ")
    with pytest.raises(ValidationError) as info:
        profile_set_status(actor=cast["admin"], profile=first, status="active")
    assert f"#{second.pk}" in info.value.message_dict["status"][0]
    first.refresh_from_db()
    assert first.status == "placed"


def test_status_changes_follow_the_allowed_transitions_and_are_audited(cast):
    profile = make_profile(cast["admin"], make_person(cast["admin"]))
    profile_set_status(actor=cast["commune_a"], profile=profile, status="closed")
    for bad in ("closed", "placed", "hired"):
        with pytest.raises(ValidationError) as info:
            profile_set_status(actor=cast["commune_a"], profile=profile, status=bad)
        assert "status" in info.value.message_dict
    profile_set_status(actor=cast["commune_a"], profile=profile, status="active")
    changes = [e.changes for e in profile_events("update").order_by("at", "pk")]
    assert changes == [{"status": ["active", "closed"]}, {"status": ["closed", "active"]}]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"desired_pay_min": -1}, "desired_pay_min"),
        ({"occupation": "99999"}, "occupation"),
        ({"position": "giam_doc"}, "position"),
        ({"workplace_1": "123"}, "workplace_1"),
        ({"workplace_2": "80"}, "workplace_2"),
        ({"workplace_1": "80", "workplace_2": "80"}, "workplace_2"),
        ({"available_now": True, "available_from": dt.date(2030, 1, 1)}, "available_from"),
        ({"experience": [{"employer": "Cty A", "from": "2020-13"}]}, "experience"),
        ({"experience": [{"employer": "Cty A", "from": "2021-01", "to": "2020-01"}]}, "experience"),
        ({"languages": [{"language": "Anh"}, {"language": "Pháp"}, {"language": "Nhật"}]}, "languages"),
        ({"languages": [{"language": "Anh", "level": "expert"}]}, "languages"),
        ({"recruitment_modes": ["fax"]}, "recruitment_modes"),
        ({"lifting": "50kg"}, "lifting"),
        ({"fine_hand_work_ok": "yes"}, "fine_hand_work_ok"),
        ({"registered_on": dt.date(2999, 1, 1)}, "registered_on"),
        ({"title": "  "}, "title"),
        ({"status": "placed"}, "status"),
        ({"salary": 1}, "salary"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(cast, data, field):
    person = make_person(cast["admin"])
    with pytest.raises(ValidationError) as info:
        make_profile(cast["admin"], person, **data)
    assert field in info.value.message_dict, info.value.message_dict
    assert not JobSeekerProfile.objects.exists() and not profile_events().exists()


def test_an_old_workplace_code_is_mapped_and_noted(cast):
    profile = make_profile(cast["admin"], make_person(cast["admin"]), workplace_1="00001")
    assert profile.workplace_1.code == "00097" and "00001" in profile.warnings[0]


def test_update_records_old_and_new_values_and_nothing_when_unchanged(cast):
    profile = make_profile(cast["admin"], make_person(cast["admin"]), occupation="2411")
    profile_update(actor=cast["province_a"], profile=profile, data={"title": "Kế toán trưởng", "occupation": "2411"})
    profile_update(actor=cast["province_a"], profile=profile, data={"title": "Kế toán trưởng"})
    event = profile_events("update").get()
    assert event.changes == {"title": ["Kế toán viên", "Kế toán trưởng"]} and event.area.code == "25459"


def test_update_cannot_move_the_profile_to_another_person(cast):
    profile = make_profile(cast["admin"], make_person(cast["admin"]))
    other = make_person(cast["admin"], name="Lê Văn Cường", national_id=None)
    with pytest.raises(ValidationError) as info:
        profile_update(actor=cast["admin"], profile=profile, data={"person": other})
    assert "person" in info.value.message_dict
    profile_update(actor=cast["admin"], profile=profile, data={"person": profile.person, "title": "Thủ quỹ"})


def test_update_outside_the_actors_area_is_denied(cast):
    person = make_person(cast["admin"], name="Trần Văn Bình", national_id=BINH[0], commune="00004")
    profile = make_profile(cast["admin"], person)
    with pytest.raises(PermissionDenied):
        profile_update(actor=cast["commune_a"], profile=profile, data={"title": "X"})
    with pytest.raises(PermissionDenied):
        profile_set_status(actor=cast["commune_a"], profile=profile, status="closed")


def test_renaming_the_person_keeps_the_search_text_in_step(cast):
    from vieclam.people.services import person_update

    person = make_person(cast["admin"])
    profile = make_profile(cast["admin"], person)
    person_update(actor=cast["admin"], person=person, data={"full_name": "Nguyễn Văn Ân Mới"})
    profile.refresh_from_db()
    assert profile.search_text.startswith(" nguyen van an moi ke toan vien")


def test_the_database_refuses_a_second_active_profile_too(cast):
    from django.db import IntegrityError, transaction

    person = make_person(cast["admin"])
    make_profile(cast["admin"], person)
    with pytest.raises(IntegrityError), transaction.atomic():
        JobSeekerProfile.objects.create(person=person, title="X")
