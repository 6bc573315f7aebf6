"""Services: submit, refer, the transition table, hire → successful connection, expiry; each move is audited."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from vieclam.applications import selectors, services
from vieclam.applications.choices import ApplicationStatus
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.applications.tests.factories import (
    LAN,
    MINH,
    make_employer_account,
    make_worker,
    open_vacancy,
    person_of,
)
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.services import profile_create_self
from vieclam.seekers.tests.factories import make_profile
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    """Two employers with an open vacancy each, two workers in Tây Ninh and one in Hà Nội."""
    employer_a, company_a = make_employer_account("cong_ty_a", name="Công ty A")
    employer_b, company_b = make_employer_account("cong_ty_b", name="Công ty B")
    hoa = make_worker("hoa")
    minh = make_worker("minh", identity=MINH, name="Trần Văn Minh", commune_code="25480")
    lan = make_worker("lan", identity=LAN, name="Phạm Thị Lan", commune_code="00004")
    return {
        **cast,
        "employer_a": employer_a,
        "employer_b": employer_b,
        "hoa": hoa,
        "minh": minh,
        "lan": lan,
        "vacancy_a": open_vacancy(cast["province_a"], company_a),
        "vacancy_b": open_vacancy(cast["province_a"], company_b),
    }


def submit(world, worker="hoa", vacancy="vacancy_a") -> Application:
    user = world[worker]
    return services.application_submit(actor=user, vacancy=world[vacancy], person=person_of(user))


def move(actor, application, to_status, **data) -> Application:
    return services.application_transition(actor=actor, application=application, to_status=to_status, **data)


def hire(actor, application) -> Application:
    return move(actor, application, "hired", contract_type="xac_dinh_12_den_36_thang", start_date=in_days(7))


def interview_time() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(in_days(3), dt.time(9, 30)))


#
# The whole path
#
def test_hire_with_a_contract_is_a_successful_connection_and_places_the_profile(world):
    profile = make_profile(world["counsellor_a"], person_of(world["hoa"]))
    application = submit(world)
    employer = world["employer_a"]
    move(employer, application, "seen")
    move(employer, application, "interview_scheduled", interview_at=interview_time(), note="Phòng nhân sự, tầng 2")
    move(employer, application, "interviewed")
    move(employer, application, "offered")
    hire(employer, application)

    application.refresh_from_db()
    assert application.status == "hired" and application.successful_connection
    assert application.contract_type == "xac_dinh_12_den_36_thang" and application.start_date == in_days(7)
    profile.refresh_from_db()
    assert profile.status == "placed"
    # The profile change is audited under the employer's name (not a made-up staff user).
    placed = AuditEvent.objects.get(object_id=str(profile.pk), changes__status=["active", "placed"])
    assert placed.actor == employer
    found = selectors.successful_connections(viewer=world["province_a"], since=today(), until=today())
    assert list(found.values_list("pk", flat=True)) == [application.pk]
    assert not selectors.successful_connections(viewer=world["province_b"], since=today(), until=today()).exists()
    assert not selectors.successful_connections(
        viewer=world["province_a"], since=today() - dt.timedelta(days=30), until=today() - dt.timedelta(days=1)
    ).exists()


def test_each_transition_is_an_event_with_actor_and_time_and_an_audit_event(world):
    application = submit(world)
    move(world["employer_a"], application, "seen")
    move(world["employer_a"], application, "interview_scheduled", interview_at=interview_time())
    events = list(ApplicationEvent.objects.filter(application=application).order_by("at", "pk"))
    assert [(e.from_status, e.to_status) for e in events] == [
        ("", "submitted"),
        ("submitted", "seen"),
        ("seen", "interview_scheduled"),
    ]
    assert [e.actor_id for e in events] == [world["hoa"].pk, world["employer_a"].pk, world["employer_a"].pk]
    assert all(e.at is not None for e in events)
    assert events[2].data["interview_at"].startswith(in_days(3).isoformat())
    audits = AuditEvent.objects.filter(content_type__model="application", object_id=str(application.pk))
    assert audits.count() == 3


#
# Submitting and referring
#
def test_a_counsellor_refers_a_person_of_their_province(world):
    person = person_of(world["minh"])
    application = services.application_refer(
        actor=world["counsellor_a"], vacancy=world["vacancy_a"], person=person, note="Có kinh nghiệm may 3 năm"
    )
    assert application.channel == "referred" and application.referred_by == world["counsellor_a"]
    event = application.events.get()
    assert event.note == "Có kinh nghiệm may 3 năm" and event.actor == world["counsellor_a"]


def test_referring_a_person_outside_the_area_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.application_refer(
            actor=world["counsellor_a"], vacancy=world["vacancy_a"], person=person_of(world["lan"])
        )
    assert "person" in error.value.message_dict
    assert not Application.objects.exists()


@pytest.mark.parametrize("role", ["employer_a", "hoa"])
def test_only_staff_refer(world, role):
    with pytest.raises(PermissionDenied):
        services.application_refer(actor=world[role], vacancy=world["vacancy_a"], person=person_of(world["minh"]))


@pytest.mark.parametrize("role", ["counsellor_a", "employer_a"])
def test_only_workers_submit(world, role):
    with pytest.raises(PermissionDenied):
        services.application_submit(actor=world[role], vacancy=world["vacancy_a"], person=person_of(world["hoa"]))


def test_a_worker_applies_only_as_themself(world):
    with pytest.raises(ValidationError) as error:
        services.application_submit(actor=world["hoa"], vacancy=world["vacancy_a"], person=person_of(world["minh"]))
    assert "person" in error.value.message_dict
    assert not Application.objects.exists()


def test_applying_twice_is_refused_until_the_first_is_withdrawn(world):
    first = submit(world)
    with pytest.raises(ValidationError) as error:
        submit(world)
    assert "đã ứng tuyển" in error.value.message_dict["vacancy"][0]
    with pytest.raises(ValidationError) as error:
        services.application_refer(
            actor=world["counsellor_a"], vacancy=world["vacancy_a"], person=person_of(world["hoa"])
        )
    assert "vacancy" in error.value.message_dict
    move(world["hoa"], first, "withdrawn")
    assert submit(world).pk != first.pk


def test_the_database_also_refuses_a_second_open_application(world):
    first = submit(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(vacancy=first.vacancy, person=first.person, channel="applied")


@pytest.mark.parametrize("status", ["closed", "filled"])
def test_applying_to_a_vacancy_that_is_not_open_is_refused(world, status):
    vacancy_set_status(actor=world["province_a"], vacancy=world["vacancy_a"], status=status)
    with pytest.raises(ValidationError) as error:
        submit(world)
    assert "không nhận hồ sơ" in error.value.message_dict["vacancy"][0]
    assert not Application.objects.exists()


def test_applying_after_the_deadline_is_refused(world):
    Vacancy.objects.filter(pk=world["vacancy_a"].pk).update(deadline=today() - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        submit(world)
    assert "hết hạn nộp hồ sơ" in error.value.message_dict["vacancy"][0]


#
# Who may move an application where
#
def test_another_employer_gets_404(world):
    application = submit(world)
    with pytest.raises(Http404):
        move(world["employer_b"], application, "seen")
    application.refresh_from_db()
    assert application.status == "submitted" and application.events.count() == 1


def test_another_worker_and_staff_of_another_province_get_404(world):
    application = submit(world)
    for outsider in ("minh", "province_b", "commune_b"):
        with pytest.raises(Http404):
            move(world[outsider], application, "withdrawn")


def test_the_worker_withdraws_but_cannot_move_the_employer_side(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["hoa"], application, "seen")
    assert "to_status" in error.value.message_dict
    move(world["hoa"], application, "withdrawn", note="Đã tìm được việc gần nhà")
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.events.last().note == "Đã tìm được việc gần nhà"
    with pytest.raises(ValidationError):
        move(world["hoa"], application, "withdrawn")


def test_the_employer_cannot_withdraw(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "withdrawn")
    assert "to_status" in error.value.message_dict


def test_staff_of_the_area_move_the_application_and_may_withdraw_it(world):
    application = submit(world)
    move(world["commune_a"], application, "seen")
    move(world["counsellor_a"], application, "withdrawn")
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_a_move_outside_the_table_names_what_is_allowed(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "hired", contract_type="xac_dinh_thoi_han", start_date=in_days(1))
    assert "Đã xem hồ sơ" in error.value.message_dict["to_status"][0]
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "archived")
    assert "to_status" in error.value.message_dict


def test_hiring_needs_contract_type_and_start_date_and_writes_nothing_without(world):
    application = submit(world)
    move(world["employer_a"], application, "seen")
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "hired")
    assert set(error.value.message_dict) == {"contract_type", "start_date"}
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "hired", contract_type="mua_vu", start_date=in_days(1))
    assert "mùa vụ" in error.value.message_dict["contract_type"][0]
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "hired", contract_type="khong_co", start_date=in_days(1))
    assert "contract_type" in error.value.message_dict
    application.refresh_from_db()
    assert application.status == "seen" and application.events.count() == 2


def test_refusing_needs_a_structured_reason(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "refused")
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "refused", reason="too_old")
    assert "reason" in error.value.message_dict
    move(world["employer_a"], application, "refused", reason="lacking_skills", note="Chưa biết máy may công nghiệp")
    application.refresh_from_db()
    assert (
        application.refusal_reason == "lacking_skills" and application.refusal_note == "Chưa biết máy may công nghiệp"
    )
    assert not application.successful_connection


def test_scheduling_an_interview_needs_its_time_and_can_be_rescheduled(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "interview_scheduled")
    assert "interview_at" in error.value.message_dict
    move(world["employer_a"], application, "interview_scheduled", interview_at=interview_time())
    later = interview_time() + dt.timedelta(days=1)
    move(world["employer_a"], application, "interview_scheduled", interview_at=later)
    application.refresh_from_db()
    assert application.interview_at == later and application.events.count() == 3


def test_unknown_fields_are_refused(world):
    application = submit(world)
    with pytest.raises(ValidationError) as error:
        move(world["employer_a"], application, "seen", salary=10)
    assert "salary" in error.value.message_dict


def test_a_counsellor_hiring_for_the_employer_places_the_profile_under_the_counsellors_name(world):
    profile = make_profile(world["counsellor_a"], person_of(world["hoa"]))
    application = submit(world)
    move(world["counsellor_a"], application, "seen")
    hire(world["counsellor_a"], application)
    profile.refresh_from_db()
    assert profile.status == "placed"
    placed = AuditEvent.objects.get(object_id=str(profile.pk), changes__status=["active", "placed"])
    assert placed.actor == world["counsellor_a"]


def test_a_worker_who_kept_their_own_profile_is_placed_when_hired(world):
    profile = profile_create_self(actor=world["hoa"], data={"title": "Công nhân may", "occupation": "7533"})
    application = submit(world)
    move(world["employer_a"], application, "seen")
    hire(world["employer_a"], application)
    profile.refresh_from_db()
    assert profile.status == "placed"
    events = AuditEvent.objects.filter(content_type__model="jobseekerprofile", object_id=str(profile.pk))
    assert list(events.order_by("pk").values_list("actor", flat=True)) == [world["hoa"].pk, world["employer_a"].pk]


def test_a_failing_placement_undoes_the_hire(world, monkeypatch):
    make_profile(world["counsellor_a"], person_of(world["hoa"]))
    application = submit(world)
    move(world["employer_a"], application, "seen")

    def refuse(**kwargs):
        raise PermissionDenied

    monkeypatch.setattr(services, "profile_place_on_hire", refuse)
    with pytest.raises(PermissionDenied):
        hire(world["employer_a"], application)
    application.refresh_from_db()
    assert application.status == "seen" and not application.events.filter(to_status="hired").exists()
    assert JobSeekerProfile.objects.get().status == "active"


def test_hiring_without_an_active_profile_still_works(world):
    application = submit(world)
    move(world["employer_a"], application, "seen")
    hire(world["employer_a"], application)
    assert not JobSeekerProfile.objects.exists()
    assert Application.objects.successful_connections().count() == 1


#
# Expiry
#
def test_applications_of_closed_vacancies_expire_and_final_ones_stay(world):
    open_one = submit(world)
    hired = submit(world, worker="minh")
    move(world["employer_a"], hired, "seen")
    hire(world["employer_a"], hired)
    vacancy_set_status(actor=world["province_a"], vacancy=world["vacancy_a"], status="closed")
    other = submit(world, vacancy="vacancy_b")
    assert services.applications_expire() == 1
    open_one.refresh_from_db()
    hired.refresh_from_db()
    other.refresh_from_db()
    assert (open_one.status, hired.status, other.status) == ("expired", "hired", "submitted")
    event = open_one.events.last()
    assert event.to_status == "expired" and event.actor is None and event.data == {"vacancy_status": "closed"}
    assert services.applications_expire() == 0


def test_applications_of_an_expired_vacancy_wait_for_the_grace_period(world):
    application = submit(world)
    deadline = today() - dt.timedelta(days=1)
    Vacancy.objects.filter(pk=world["vacancy_a"].pk).update(status="expired", deadline=deadline)
    assert services.applications_expire() == 0
    later = deadline + dt.timedelta(days=services.EXPIRED_VACANCY_GRACE_DAYS + 1)
    assert services.applications_expire(later) == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.EXPIRED


def test_the_daily_command_expires_and_reports(world):
    submit(world)
    vacancy_set_status(actor=world["province_a"], vacancy=world["vacancy_a"], status="closed")
    out = io.StringIO()
    call_command("expire_applications", stdout=out)
    assert "Expired applications: 1" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("expire_applications", "--date", "31/12/2026")
