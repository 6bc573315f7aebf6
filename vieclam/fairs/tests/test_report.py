"""The fair report counted from the records: An Phú's line reproduced exactly, and outcomes found through the job
exchange's applications to the booths' vacancies (selectors module docstring: the counting rules)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter

import pytest
from django.utils import timezone

from vieclam.applications.choices import ApplicationChannel, ApplicationStatus
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.applications.services import application_refer, application_transition
from vieclam.codelists.models import EthnicGroup
from vieclam.connections.models import Connection
from vieclam.core.dates import today
from vieclam.employers.tests.factories import commune, make_employer
from vieclam.fairs import services
from vieclam.fairs.choices import FairKind, FairStatus, InterestKind, RegistrationChannel
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairRegistration
from vieclam.fairs.selectors import fair_report, fair_report_line
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.matching.facts import priority_groups
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

AN_PHU = (
    "32 công ty, doanh nghiệp tham gia; 508 lao động đăng ký tìm việc trực tiếp tại doanh nghiệp, 19 lao động đăng "
    "ký tìm việc trực tuyến tại sàn giao dịch việc làm, 86 lao động được phỏng vấn trực tiếp, 75 lao động hẹn phỏng "
    "vấn, 16 lao động đăng ký xuất khẩu lao động, 213 lao động đăng ký học nghề"
)


def _persons(count: int, prefix: str) -> list[Person]:
    unit = commune("25459")
    rows = [Person(full_name=f"{prefix} {n}", date_of_birth=dt.date(1990, 1, 1), sex="male", residence_commune=unit)
            for n in range(count)]  # fmt: skip
    return Person.objects.bulk_create(rows)


def _registrations(fair: Fair, persons: list[Person], channel: str) -> list[FairRegistration]:
    rows = [FairRegistration(fair=fair, person=p, channel=channel, token=secrets.token_urlsafe(32)) for p in persons]
    return FairRegistration.objects.bulk_create(rows)


def _an_phu_fair(staff, officer) -> Fair:
    """32 booths with a vacancy each; 508 workers apply at the booths (walk-in registrations), 86 of them are
    interviewed on the spot and 75 others given a later interview date; 19 register online; 213 want training and
    16 to work abroad."""
    fair = make_fair(officer, capacity=1000)
    vacancies = [make_vacancy(staff, employer=make_employer(staff, name=f"Công ty {n}"), status="open")
                 for n in range(32)]  # fmt: skip
    booths = FairBooth.objects.bulk_create(
        FairBooth(fair=fair, employer_id=v.employer_id, number=str(n + 1)) for n, v in enumerate(vacancies)
    )
    FairBooth.vacancies.through.objects.bulk_create(
        FairBooth.vacancies.through(fairbooth_id=b.pk, vacancy_id=v.pk) for b, v in zip(booths, vacancies, strict=True)
    )
    applicants = _persons(508, "Người ứng tuyển")
    walk_ins = _registrations(fair, applicants, RegistrationChannel.WALK_IN)
    _registrations(fair, _persons(19, "Người đăng ký trực tuyến"), RegistrationChannel.ONLINE)
    now, later = timezone.now(), timezone.now() + dt.timedelta(days=3)
    status = {**dict.fromkeys(range(86), ApplicationStatus.INTERVIEWED),
              **dict.fromkeys(range(86, 161), ApplicationStatus.INTERVIEW_SCHEDULED)}  # fmt: skip
    applications = Application.objects.bulk_create(
        Application(vacancy=vacancies[n % 32], person=p, channel=ApplicationChannel.APPLIED,
                    status=status.get(n, ApplicationStatus.SUBMITTED), interview_at=now if n < 86 else later)
        for n, p in enumerate(applicants)
    )  # fmt: skip
    events = []
    for n, application in enumerate(applications[:161]):
        events.append(ApplicationEvent(application=application, from_status=ApplicationStatus.SUBMITTED,
                                       to_status=ApplicationStatus.INTERVIEW_SCHEDULED))  # fmt: skip
        if n < 86:
            events.append(ApplicationEvent(application=application, from_status=ApplicationStatus.INTERVIEW_SCHEDULED,
                                           to_status=ApplicationStatus.INTERVIEWED))  # fmt: skip
    ApplicationEvent.objects.bulk_create(events)
    FairInterest.objects.bulk_create(
        [FairInterest(registration=r, kind=InterestKind.TRAINING) for r in walk_ins[:213]]
        + [FairInterest(registration=r, kind=InterestKind.LABOUR_EXPORT) for r in walk_ins[213:229]]
    )
    return services.fair_transition(actor=officer, fair=fair, to_status=FairStatus.HELD)


def test_the_report_reproduces_an_phus_line_exactly(cast):
    fair = _an_phu_fair(cast["province_a"], cast["commune_a"])
    report = fair_report(Fair.objects.filter(pk=fair.pk))
    assert fair_report_line(report) == AN_PHU
    assert (report.fairs, report.fairs_held_by_kind) == (1, {FairKind.MOBILE: 1})
    assert (report.vacancies, report.positions) == (32, 64)
    assert (report.registered_online, report.registered_in_person, report.checked_in) == (19, 508, 0)
    assert (report.hired_at_fair, report.hired_within_30_days) == (0, 0)


def test_outcomes_at_a_booth_are_applications_of_the_job_exchange(cast):
    staff = cast["province_a"]
    fair = make_fair(cast["commune_a"])
    employer = make_employer(staff)
    vacancy, elsewhere = (make_vacancy(staff, employer=employer, status="open") for _ in range(2))
    services.booth_register(actor=staff, fair=fair, data={"employer": employer, "vacancies": [vacancy]})
    registration = services.registration_create(actor=staff, fair=fair, data={**walk_in(1), "check_in": True})
    person = registration.person
    before = services.registration_create(actor=staff, fair=fair, data=walk_in(2)).person
    early = application_refer(actor=staff, vacancy=vacancy, person=before)
    Application.objects.filter(pk=early.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    application_refer(actor=staff, vacancy=elsewhere, person=before)  # not a vacancy of the fair

    application = application_refer(actor=staff, vacancy=vacancy, person=person)
    application = application_transition(actor=staff, application=application, to_status="interview_scheduled",
                                         interview_at=timezone.now())  # fmt: skip
    application = application_transition(actor=staff, application=application, to_status="interviewed")
    application_transition(actor=staff, application=application, to_status="hired",
                           contract_type="xac_dinh_12_den_36_thang", start_date=today())  # fmt: skip

    report = fair_report(Fair.objects.filter(pk=fair.pk))
    assert (report.employers, report.vacancies, report.positions) == (1, 1, 2)
    assert (report.registered_in_person, report.checked_in) == (2, 1)
    assert (report.applied, report.interviewed, report.interview_appointments) == (1, 1, 0)
    assert (report.hired_at_fair, report.hired_within_30_days) == (1, 1)
    assert Connection.objects.filter(application=application).exists()  # the hire is a successful connection


def test_a_hire_weeks_after_the_fair_is_confirmed_within_30_days_not_at_the_fair(cast):
    staff = cast["province_a"]
    fair = make_fair(cast["commune_a"])
    employer = make_employer(staff)
    vacancy = make_vacancy(staff, employer=employer, status="open")
    services.booth_register(actor=staff, fair=fair, data={"employer": employer, "vacancies": [vacancy]})
    person = services.registration_create(actor=staff, fair=fair, data=walk_in(1)).person
    application = application_refer(actor=staff, vacancy=vacancy, person=person)
    application = application_transition(actor=staff, application=application, to_status="interview_scheduled",
                                         interview_at=timezone.now() + dt.timedelta(days=7))  # fmt: skip
    ApplicationEvent.objects.create(application=application, from_status="interview_scheduled", to_status="hired",
                                    at=timezone.now() + dt.timedelta(days=20))  # fmt: skip
    report = fair_report(Fair.objects.filter(pk=fair.pk))
    assert (report.interviewed, report.interview_appointments) == (0, 1)
    assert (report.hired_at_fair, report.hired_within_30_days) == (0, 1)


def test_priority_groups_counted_in_sql_agree_with_the_matching_rule(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    minority = EthnicGroup.objects.exclude(code="01").first()
    households = {
        "poor": {"poverty_class": "poor"},
        "near_poor": {"poverty_class": "near_poor"},
        "exited": {"poverty_class": "not_poor", "poverty_exit_on": today() - dt.timedelta(days=200)},
        "exited_long_ago": {"poverty_class": "not_poor", "poverty_exit_on": today() - dt.timedelta(days=3000)},
    }
    persons = []
    for n, (name, values) in enumerate(households.items()):
        household = household_create(actor=staff, commune="25459", head_name=name)
        Household.objects.filter(pk=household.pk).update(**values)
        person = services.registration_create(actor=staff, fair=fair, data=walk_in(n)).person
        Person.objects.filter(pk=person.pk).update(household=household, ethnicity=minority if n == 0 else None)
        persons.append(person)
    for n, extra in enumerate(({"ethnicity": minority}, {"priority_groups": ["nguoi_khuyet_tat"]}, {})):
        person = services.registration_create(actor=staff, fair=fair, data=walk_in(10 + n)).person
        Person.objects.filter(pk=person.pk).update(**extra)
        persons.append(person)
    people = Person.objects.filter(pk__in=[p.pk for p in persons]).select_related("household", "ethnicity")
    expected = Counter(str(group) for person in people for group in priority_groups(person))
    groups = fair_report(Fair.objects.filter(pk=fair.pk)).priority_groups
    assert groups == dict(expected)
    assert groups == {"poor": 1, "near_poor": 1, "exited": 1, "ethnic_minority": 2, "disability": 1}
