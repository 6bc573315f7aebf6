"""Every counting rule against a brute-force count written here, independently, over the same rows.

A small world of records is made through the apps' services in two communes of Tây Ninh, then dated the way an
officer would have recorded them (registration days, fair days, status changes on given days). For every indicator
of the catalogue × period × as_of × disaggregation, the Calculator's counts must equal a plain-Python count that
walks the rows one by one (no SQL grouping, status history replayed from the audit trail by hand). A rule added to
the registry without a brute-force count here fails `test_every_rule_has_a_brute_force_count`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from vieclam.abroad.models import JourneyEvent
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.applications.services import application_refer, application_submit, application_transition
from vieclam.applications.tests.factories import make_worker, person_of
from vieclam.casework.models import CounsellingSession, GroupAttendance, GroupSession
from vieclam.casework.services import group_attendee_add
from vieclam.casework.tests.factories import make_group, make_session
from vieclam.codelists.models import Occupation
from vieclam.connections.models import Connection, FollowUp
from vieclam.connections.services import followup_record
from vieclam.connections.tests.factories import a_person, make_connection
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services as fair_services
from vieclam.fairs.models import Fair, FairBooth, FairRegistration
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.indicators.dims import AGE_BANDS
from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period, period_parse
from vieclam.indicators.rules import DROP, rule_get, rule_names
from vieclam.loans.tests.bruteforce import BRUTE_LOANS, loan_start_persons
from vieclam.people.models import Household, HouseholdReview, LabourEvent, Person
from vieclam.people.reviews import household_review_record
from vieclam.people.services import household_add_member, household_create, person_update, state_since_refresh
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.services import profile_set_status
from vieclam.seekers.tests.factories import make_profile
from vieclam.training.tests.bruteforce import BRUTE as TRAINING_BRUTE
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

A, B = "25459", "25480"
D = dt.date
THREE = ["employment", "health_insurance", "clean_water"]
PERIODS = ["2025", "2026-Q1", "2026-Q2", "2026-H2", "2026", "01/01/2026-20/03/2026"]


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


AS_OF = [None, at(D(2026, 3, 31), 23), at(D(2026, 6, 30), 23)]

# Rules the brute force does not cover yet (none): any new rule without a brute-force count fails.
NOT_YET_COVERED: set[str] = set()


# --- the world --------------------------------------------------------------------------------------------------
def _status_on(model, pk: int, *, day: dt.date, when: dt.datetime) -> None:
    """Date the last audited status change of a record to `day`."""
    ct = ContentType.objects.get_for_model(model)
    event = AuditEvent.objects.filter(content_type=ct, object_id=str(pk), changes__has_key="status").latest("at", "pk")
    AuditEvent.objects.filter(pk=event.pk).update(at=when or at(day))


def _date(model, pk, **fields) -> None:
    model.objects.filter(pk=pk).update(**fields)


def _profile(staff, person, registered: dt.date, recorded: dt.date | None = None):
    profile = make_profile(staff, person)
    _date(JobSeekerProfile, profile.pk, registered_on=registered, created_at=at(recorded or registered))
    return JobSeekerProfile.objects.get(pk=profile.pk)


def _vacancy(staff, *, commune, created: dt.date, employer=None, status="open", **data):
    vacancy = make_vacancy(staff, employer=employer, commune_code=commune, status=status, **data)
    _date(Vacancy, vacancy.pk, created_at=at(created))
    _date(Employer, vacancy.employer_id, created_at=at(created - dt.timedelta(days=1)))
    return vacancy


def _move(staff, vacancy, status, day):
    vacancy_set_status(actor=staff, vacancy=Vacancy.objects.get(pk=vacancy.pk), status=status)
    _status_on(Vacancy, vacancy.pk, day=day, when=at(day))


def _refer(staff, vacancy, person, day):
    application = application_refer(actor=staff, vacancy=vacancy, person=person)
    _date(Application, application.pk, created_at=at(day))
    return application


@pytest.fixture
def world(cast):
    staff = cast["province_a"]
    other_occupation = Occupation.objects.exclude(code__startswith="2").filter(code__regex=r"^\d{4}$").first()
    hoa_user = make_worker("hoa_rules")
    hoa = person_of(hoa_user)
    an = a_person(staff, commune=A, sex="female", born=D(1990, 5, 1), ethnicity="01", occupation="2411",
                  activity_status="co_viec_lam", technical_level="so_cap", workplace_commune=B)  # fmt: skip
    ba = a_person(staff, commune=A, sex="male", born=D(1960, 2, 1), activity_status="that_nghiep",
                  unemployment_duration="tren_1_nam")  # fmt: skip
    chi = a_person(staff, commune=B, sex="female", born=D(2003, 1, 1), ethnicity="02",
                   activity_status="khong_tham_gia_di_hoc")  # fmt: skip
    dung = a_person(staff, commune=B, sex="male", born=D(1985, 7, 1), activity_status="that_nghiep",
                    technical_level="cnkt_khong_bang")  # fmt: skip
    for person in (an, ba, chi, dung):  # registered in May 2025
        _date(Person, person.pk, created_at=at(D(2025, 5, 1)))
        LabourEvent.objects.filter(person=person).update(effective=D(2025, 5, 1), recorded_at=at(D(2025, 5, 1)))
    # Dũng found work in Hà Nội from 15/01/2026 (recorded the next day); Chi went abroad on 01/09/2026 (no service
    # records that yet: written as the import would).
    found_work = {"activity_status": "co_viec_lam", "workplace_commune": "00004"}
    person_update(actor=cast["admin"], person=dung, data=found_work, effective=D(2026, 1, 15))
    LabourEvent.objects.filter(person=dung, kind="status").update(recorded_at=at(D(2026, 1, 16)))
    LabourEvent.objects.create(person=chi, effective=D(2026, 9, 1), kind="abroad", changes={})
    state_since_refresh(person_ids=[an.pk, ba.pk, chi.pk, dung.pk])  # as an import does after writing events

    # Households: An's poor in 2025, out of poverty from 01/05/2026; Dũng's made in 2026 and reviewed once.
    h_a = household_create(actor=staff, commune=A, head_name="Trần Thị An")
    h_b = household_create(actor=staff, commune=B, head_name="Lê Văn Dũng")
    household_add_member(actor=staff, household=h_a, person=an, relationship="head")
    household_add_member(actor=staff, household=h_b, person=dung, relationship="head")
    _date(Household, h_a.pk, created_at=at(D(2025, 6, 1)))
    _date(Household, h_b.pk, created_at=at(D(2026, 2, 1)))
    for household, day, income, lacks in ((h_a, D(2025, 10, 1), 1_000_000, THREE), (h_a, D(2026, 5, 1), 2_600_000, []),
                                          (h_b, D(2026, 2, 15), 1_900_000, THREE)):  # fmt: skip
        review = household_review_record(actor=staff, household=Household.objects.get(pk=household.pk),
                                         kind="regular", reviewed_on=day, income_per_capita=income,
                                         deprivations=lacks)  # fmt: skip
        HouseholdReview.objects.filter(pk=review.pk).update(recorded_at=at(day))
    an.refresh_from_db()
    dung.refresh_from_db()

    # Job seekers: An registers twice in Q1 (closes the first profile; the second is recorded late, in April).
    first = _profile(staff, an, D(2026, 1, 10))
    profile_set_status(actor=staff, profile=first, status="closed")
    _status_on(JobSeekerProfile, first.pk, day=D(2026, 2, 15), when=at(D(2026, 2, 15)))
    _profile(staff, an, D(2026, 3, 5), recorded=D(2026, 4, 10))
    placed = _profile(staff, chi, D(2026, 5, 20))
    profile_set_status(actor=staff, profile=placed, status="placed")
    _status_on(JobSeekerProfile, placed.pk, day=D(2026, 8, 1), when=at(D(2026, 8, 1)))
    _profile(staff, dung, D(2025, 11, 3))
    make_profile(staff, ba)  # registered today

    # Vacancies and their employers (v2 is a second vacancy of v1's employer; v4 stays a draft).
    v1 = _vacancy(staff, commune=A, created=D(2026, 1, 20), positions_count=3)
    v2 = _vacancy(staff, commune=A, created=D(2026, 2, 1), employer=v1.employer, positions_count=2)
    v3 = _vacancy(staff, commune=B, created=D(2026, 4, 5), positions_count=5, occupation=other_occupation)
    _vacancy(staff, commune=B, created=D(2026, 2, 1), status="draft")
    v5 = _vacancy(staff, commune=B, created=D(2025, 12, 20), positions_count=1)

    # Applications and referrals (before the vacancies close).
    _refer(staff, v2, an, D(2026, 2, 10))
    _refer(staff, v3, an, D(2026, 4, 20))
    _refer(staff, v1, chi, D(2026, 2, 12))
    own = application_submit(actor=hoa_user, vacancy=v2, person=hoa)
    _date(Application, own.pk, created_at=at(D(2026, 3, 1)))

    # Fairs: F1 (mobile, commune A, 20/03) with a hire on the day; F2 (online, commune B, 10/06); F3 never held.
    fair_day = D(2026, 3, 20)
    f1 = make_fair(cast["commune_a"], status="open")
    fair_services.booth_register(actor=staff, fair=f1, data={"employer": v2.employer, "vacancies": [v2]})
    came = fair_services.registration_create(actor=staff, fair=f1, data={**walk_in(1), "check_in": True})
    fair_services.registration_create(actor=staff, fair=f1, data=walk_in(2))
    hired = application_refer(actor=staff, vacancy=v2, person=came.person)
    hired = application_transition(actor=staff, application=hired, to_status="interview_scheduled",
                                   interview_at=timezone.now())  # fmt: skip
    hired = application_transition(actor=staff, application=hired, to_status="interviewed")
    application_transition(actor=staff, application=hired, to_status="hired",
                           contract_type="xac_dinh_12_den_36_thang", start_date=timezone.localdate())  # fmt: skip
    f1 = fair_services.fair_transition(actor=staff, fair=f1, to_status="held")
    _date(Application, hired.pk, created_at=at(fair_day, 9))
    ApplicationEvent.objects.filter(application=hired).update(at=at(fair_day, 11))
    Connection.objects.filter(application=hired).update(start_date=D(2026, 3, 23), created_at=at(fair_day, 11))
    _date(Fair, f1.pk, held_on=fair_day, created_at=at(D(2026, 3, 1)))
    FairBooth.objects.filter(fair=f1).update(created_at=at(D(2026, 3, 10)))
    FairRegistration.objects.filter(fair=f1).update(created_at=at(D(2026, 3, 15)))
    FairRegistration.objects.filter(fair=f1, checked_in_at__isnull=False).update(checked_in_at=at(fair_day, 8))

    f2 = make_fair(staff, status="open", commune=B, kind="online")
    fair_services.booth_register(
        actor=staff,
        fair=f2,
        data={"employer": v3.employer, "vacancies": [v3], "meeting_link": "https://meet.example.vn/f2"},
    )
    fair_services.registration_create(actor=staff, fair=f2, data={"person": dung, "channel": "online"})
    fair_services.fair_transition(actor=staff, fair=f2, to_status="held")
    _date(Fair, f2.pk, held_on=D(2026, 6, 10), created_at=at(D(2026, 5, 1)))
    FairBooth.objects.filter(fair=f2).update(created_at=at(D(2026, 6, 1)))
    FairRegistration.objects.filter(fair=f2).update(created_at=at(D(2026, 6, 2)))
    f3 = make_fair(staff, status="planned", commune=A)
    _date(Fair, f3.pk, held_on=D(2026, 5, 1), created_at=at(D(2026, 4, 1)))

    # Vacancy statuses, dated.
    _move(staff, v1, "filled", D(2026, 3, 10))
    _move(staff, v3, "closed", D(2026, 7, 1))
    _move(staff, v5, "filled", D(2026, 1, 5))

    # Connections (Dũng twice in Q1: counted once) and their follow-ups.
    for start, name in ((D(2026, 1, 15), "Công ty Một"), (D(2026, 2, 20), "Công ty Hai")):
        connection = make_connection(staff, person=dung, employer=make_employer(staff, commune_code=B, name=name),
                                     start_date=start)  # fmt: skip
        _date(Connection, connection.pk, created_at=at(start))
    late = make_connection(staff, person=ba, start_date=D(2026, 5, 1))
    _date(Connection, late.pk, created_at=at(D(2026, 5, 3)))
    checks = list(FollowUp.objects.filter(person=dung).order_by("due_on", "pk")[:2])
    results = ((D(2026, 7, 20), "same_employer"), (D(2026, 7, 25), "not_working"))
    for check, (day, result) in zip(checks, results, strict=True):
        followup_record(actor=staff, follow_up=check, data={"result": result, "checked_on": day})
        _date(FollowUp, check.pk, recorded_at=at(day, 16))
    check = FollowUp.objects.filter(person=ba).order_by("due_on").first()
    followup_record(actor=staff, follow_up=check, data={"result": "not_working", "checked_on": D(2026, 11, 1)})
    _date(FollowUp, check.pk, recorded_at=at(D(2026, 11, 2)))

    # Counselling: An individually twice in March and in a group session the same month (one person).
    for day in (D(2026, 3, 2), D(2026, 3, 9)):
        session = make_session(staff, an, held_on=day)
        _date(CounsellingSession, session.pk, created_at=at(day))
    session = make_session(staff, chi, held_on=D(2026, 6, 3))
    _date(CounsellingSession, session.pk, created_at=at(D(2026, 6, 3)))
    group = make_group(staff, commune=A, headcount=40, held_on=D(2026, 3, 5))
    group_attendee_add(actor=staff, group=group, person=an)
    group_attendee_add(actor=staff, group=group, person=hoa)
    _date(GroupSession, group.pk, created_at=at(D(2026, 3, 5)))
    group_b = make_group(staff, commune=B, headcount=12, held_on=D(2026, 7, 7))
    _date(GroupSession, group_b.pk, created_at=at(D(2026, 7, 8)))
    return {"an": an, "dung": dung}


# --- the brute force --------------------------------------------------------------------------------------------
def local_day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def known(moment: dt.datetime | None, as_of) -> bool:
    return as_of is None or (moment is not None and moment <= as_of)


def within(day: dt.date | None, period: Period) -> bool:
    return day is not None and period.start <= day <= period.end


def key(value) -> str:
    return "_" if value is None or value == "" else str(value)


def person_group(person, by: str | None, period: Period) -> str:
    if by is None:
        return ""
    if by == "sex":
        return key(person.sex)
    if by == "age_band":
        end, born = period.end, person.date_of_birth
        age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
        for low, high in AGE_BANDS:
            if age >= low and (high is None or age <= high):
                return f"{low}-{high}" if high else f"{low}+"
        return "_"
    if by == "ethnic_minority":
        return "_" if person.ethnicity is None else ("kinh" if person.ethnicity.code == "01" else "minority")
    if by == "poverty_class":
        return key(person.household.poverty_class if person.household else None)
    if by == "occupation_group":
        return key(person.occupation.code[:1] if person.occupation else None)
    raise AssertionError(by)


class Tally:
    """Counts by (commune, group): rows, distinct identities, or sums."""

    def __init__(self) -> None:
        self.sums: dict = defaultdict(int)
        self.seen: dict = defaultdict(set)

    def add(self, commune: int, group: str, n: int = 1, *, who=None) -> None:
        if who is None:
            self.sums[(commune, group)] += n
        else:
            self.seen[(commune, group)].add(who)

    def counts(self) -> dict:
        out = {k: v for k, v in self.sums.items() if v}
        for k, members in self.seen.items():
            out[k] = out.get(k, 0) + len(members)
        return out


def status_on(obj, day: dt.date, as_of) -> str:
    """The status at the end of `day` as known at `as_of`: undo, newest first, every change after that moment."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
    if as_of is not None and as_of < moment:
        moment = as_of
    ct = ContentType.objects.get_for_model(type(obj))
    events = sorted(
        (
            e
            for e in AuditEvent.objects.filter(content_type=ct, object_id=str(obj.pk), action="update")
            if "status" in e.changes
        ),
        key=lambda e: (e.at, e.pk),
        reverse=True,
    )
    status = obj.status
    for event in events:
        if event.at > moment:
            status = event.changes["status"][0]
    return status


def reached(obj, status: str, period: Period, as_of) -> bool:
    ct = ContentType.objects.get_for_model(type(obj))
    for event in AuditEvent.objects.filter(content_type=ct, object_id=str(obj.pk), action="update"):
        change = event.changes.get("status")
        if isinstance(change, list) and change[1] == status and within(local_day(event.at), period):
            return known(event.at, as_of)
    return False


def bf_seekers(open_only: bool):
    def count(period, as_of, by):
        t = Tally()
        for profile in JobSeekerProfile.objects.all():
            person = profile.person
            if not known(profile.created_at, as_of):
                continue
            if open_only:
                ok = profile.registered_on <= period.end and status_on(profile, period.end, as_of) == "active"
            else:
                ok = within(profile.registered_on, period)
            if ok:
                t.add(person.residence_commune_id, person_group(person, by, period), who=person.pk)
        return t.counts()

    return count


def vacancy_group(vacancy, by):
    return "" if by is None else key(vacancy.occupation.code[:1])


def bf_vacancies(kind: str, positions: bool):
    def count(period, as_of, by):
        t = Tally()
        for vacancy in Vacancy.objects.all():
            if not known(vacancy.created_at, as_of):
                continue
            if kind == "registered":
                ok = vacancy.status != "draft" and within(local_day(vacancy.created_at), period)
            elif kind == "open":
                ok = local_day(vacancy.created_at) <= period.end and status_on(vacancy, period.end, as_of) == "open"
            else:
                ok = reached(vacancy, "filled", period, as_of)
            if ok:
                t.add(
                    vacancy.workplace_commune_id,
                    vacancy_group(vacancy, by),
                    vacancy.positions_count if positions else 1,
                )
        return t.counts()

    return count


def bf_employers_registered(period, as_of, by):
    t = Tally()
    for employer in Employer.objects.all():
        if known(employer.created_at, as_of) and within(local_day(employer.created_at), period):
            t.add(employer.commune_id, "")
    return t.counts()


def bf_employers_with_vacancies(period, as_of, by):
    t = Tally()
    for vacancy in Vacancy.objects.exclude(status="draft"):
        if known(vacancy.created_at, as_of) and within(local_day(vacancy.created_at), period):
            t.add(vacancy.employer.commune_id, "", who=vacancy.employer_id)
    return t.counts()


def bf_applications(referred_only: bool, persons: bool):
    def count(period, as_of, by):
        t = Tally()
        for application in Application.objects.all():
            if referred_only and application.channel != "referred":
                continue
            if known(application.created_at, as_of) and within(local_day(application.created_at), period):
                person = application.person
                group = key(application.channel) if by == "channel" else person_group(person, by, period)
                t.add(person.residence_commune_id, group, who=person.pk if persons else None)
        return t.counts()

    return count


def bf_connections(period, as_of, by):
    t = Tally()
    for connection in Connection.objects.all():
        if known(connection.created_at, as_of) and within(connection.start_date, period):
            person = connection.person
            group = key(connection.source) if by == "channel" else person_group(person, by, period)
            t.add(person.residence_commune_id, group, who=person.pk)
    return t.counts()


def bf_followups(in_work_only: bool):
    def count(period, as_of, by):
        t = Tally()
        for check in FollowUp.objects.filter(status="done"):
            if in_work_only and check.result not in ("same_employer", "other_job"):
                continue
            if known(check.recorded_at, as_of) and within(check.checked_on, period):
                person = check.person
                t.add(person.residence_commune_id, person_group(person, by, period), who=person.pk)
        return t.counts()

    return count


def bf_counselling_attendances(period, as_of, by):
    t = Tally()
    for session in CounsellingSession.objects.all():
        if known(session.created_at, as_of) and within(session.held_on, period):
            t.add(session.person.residence_commune_id, "")
    for group in GroupSession.objects.all():
        if known(group.created_at, as_of) and within(group.held_on, period):
            t.add(group.commune_id, "", group.headcount)
    return t.counts()


def bf_counselling_persons(period, as_of, by):
    people = []
    for session in CounsellingSession.objects.all():
        if known(session.created_at, as_of) and within(session.held_on, period):
            people.append(session.person)
    for row in GroupAttendance.objects.all():
        if known(row.session.created_at, as_of) and within(row.held_on, period):
            people.append(row.person)
    t = Tally()
    for person in people:
        t.add(person.residence_commune_id, person_group(person, by, period), who=person.pk)
    return t.counts()


def held(fair, period, as_of, moment) -> bool:
    return fair.status in ("held", "closed") and within(fair.held_on, period) and known(moment, as_of)


def bf_fairs_held(period, as_of, by):
    t = Tally()
    for fair in Fair.objects.all():
        if held(fair, period, as_of, fair.created_at):
            t.add(fair.commune_id, key(fair.kind) if by else "")
    return t.counts()


def bf_fair_employers(period, as_of, by):
    t = Tally()
    for booth in FairBooth.objects.all():
        if held(booth.fair, period, as_of, booth.created_at):
            t.add(booth.fair.commune_id, key(booth.fair.kind) if by else "")
    return t.counts()


def bf_fair_registrations(checked_in: bool):
    def count(period, as_of, by):
        t = Tally()
        for row in FairRegistration.objects.all():
            moment = row.checked_in_at if checked_in else row.created_at
            if checked_in and row.checked_in_at is None:
                continue
            if held(row.fair, period, as_of, moment):
                group = {"fair_kind": key(row.fair.kind), "channel": key(row.channel), None: ""}[by]
                t.add(row.fair.commune_id, group)
        return t.counts()

    return count


def bf_fair_hired(period, as_of, by):
    first: dict[int, Fair] = {}
    for event in ApplicationEvent.objects.filter(to_status="hired").order_by("pk"):
        application = event.application
        for booth in FairBooth.objects.filter(vacancies=application.vacancy):
            fair = booth.fair
            made = local_day(application.created_at)
            if not held(fair, period, as_of, event.at):
                continue
            if fair.held_on <= made <= fair.held_on + dt.timedelta(days=30) and local_day(event.at) == fair.held_on:
                best = first.get(application.person_id)
                if best is None or (fair.held_on, fair.pk) < (best.held_on, best.pk):
                    first[application.person_id] = fair
    t = Tally()
    for fair in first.values():
        t.add(fair.commune_id, key(fair.kind) if by else "")
    return t.counts()


# Persons on a day: the state replayed from their dated labour events (a "registered" event holds the whole state,
# a "status" event the fields it changed); the training level is not dated (today's). Households: their class is
# that of their latest review on or before the day; on or after today without as_of, their class now.
EMPLOYED, UNEMPLOYED = "co_viec_lam", "that_nghiep"


def person_on(person, day: dt.date, as_of) -> dict | None:
    events = [
        e for e in LabourEvent.objects.filter(person=person) if e.effective <= day and known(e.recorded_at, as_of)
    ]
    if not events:
        return None
    state: dict = {}
    for event in sorted(events, key=lambda e: (e.effective, e.pk)):
        state.update(event.changes)
    return state


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def province_of(commune_id):
    return AdministrativeUnit.objects.get(pk=commune_id).province_id if commune_id else None


PERSON_TESTS = {
    "persons_15plus": lambda s, p: True,
    "persons_employed": lambda s, p: s.get("activity_status") == EMPLOYED,
    "persons_unemployed": lambda s, p: s.get("activity_status") == UNEMPLOYED,
    "persons_active": lambda s, p: s.get("activity_status") in (EMPLOYED, UNEMPLOYED),
    "persons_inactive": lambda s, p: (s.get("activity_status") or "").startswith("khong_tham_gia"),
    "persons_unemployed_long": lambda s, p: (
        s.get("activity_status") == UNEMPLOYED and s.get("unemployment_duration") == "tren_1_nam"
    ),
    "persons_trained": lambda s, p: (p.technical_level or "") not in ("", "chua_qua_dao_tao", "cnkt_khong_bang"),
    "persons_working_outside": lambda s, p: (
        s.get("activity_status") == EMPLOYED
        and bool(s.get("workplace_commune_id"))
        and province_of(s["workplace_commune_id"]) != province_of(s["residence_commune_id"])
    ),
}


def bf_persons(name: str):
    def count(period, as_of, by):
        t = Tally()
        for person in Person.objects.filter(date_of_birth__lte=years_before(period.end, 15)):
            state = person_on(person, period.end, as_of)
            if state is not None and PERSON_TESTS[name](state, person):
                t.add(state["residence_commune_id"], person_group(person, by, period), who=person.pk)
        return t.counts()

    return count


def household_class_on(household, day: dt.date, as_of) -> str | None:
    """None when the household is not in the books on `day`."""
    if day >= timezone.localdate() and as_of is None:
        return household.poverty_class or ""
    reviews = [r for r in household.reviews.all() if r.reviewed_on <= day and known(r.recorded_at, as_of)]
    if reviews:
        return max(reviews, key=lambda r: (r.reviewed_on, r.pk)).classification
    created = household.created_at <= timezone.make_aware(dt.datetime.combine(day, dt.time.max))
    return "" if created and known(household.created_at, as_of) else None


def bf_households(classes):
    def count(period, as_of, by):
        t = Tally()
        for household in Household.objects.all():
            cls = household_class_on(household, period.end, as_of)
            if cls is not None and (classes is None or cls in classes):
                t.add(household.commune_id, key(cls) if by else "")
        return t.counts()

    return count


def bf_households_exited(period, as_of, by):
    t = Tally()
    for household in Household.objects.all():
        if within(household.poverty_exit_on, period) and known(household.created_at, as_of):
            t.add(household.commune_id, key(household.poverty_class) if by else "")
    return t.counts()


def bf_starts(abroad_only: bool):
    def count(period, as_of, by):
        found: dict[int, list] = defaultdict(lambda: [False, set()])
        for connection in Connection.objects.all():
            if within(connection.start_date, period) and known(connection.created_at, as_of):
                found[connection.person_id][1].add("connections")
        for event in LabourEvent.objects.all():
            if not (within(event.effective, period) and known(event.recorded_at, as_of)):
                continue
            if event.kind == "abroad" or (event.kind == "status" and event.changes.get("activity_status") == EMPLOYED):
                found[event.person_id][0] |= event.kind == "abroad"
                found[event.person_id][1].add("labour_events")
        for step in JourneyEvent.objects.filter(state="departed"):  # abroad: a departure is a start abroad
            if within(step.on, period) and known(step.recorded_at, as_of):
                found[step.person_id][0] = True
                found[step.person_id][1].add("abroad")
        for pk in loan_start_persons(period, as_of):
            found[pk][1].add("loans")
        t = Tally()
        for pk, (abroad, sources) in found.items():
            if abroad_only and not abroad:
                continue
            person = Person.objects.get(pk=pk)
            group = min(sources) if by == "channel" else person_group(person, by, period)
            t.add(person.residence_commune_id, group, who=pk)
        return t.counts()

    return count


def bf_abroad_steps(state: str, *, early_only: bool = False):
    """Persons with a journey step `state` dated in the period (abroad.indicators)."""

    def count(period, as_of, by):
        t = Tally()
        for step in JourneyEvent.objects.filter(state=state):
            journey = step.journey
            if early_only and journey.return_kind != "early":
                continue
            if within(step.on, period) and known(step.recorded_at, as_of):
                person = step.person
                if by == "country":
                    group = key(journey.country.code if journey.country else None)
                elif by == "return_kind":
                    group = key(journey.return_kind)
                else:
                    group = person_group(person, by, period)
                t.add(person.residence_commune_id, group, who=person.pk)
        return t.counts()

    return count


def bf_abroad_stock(period, as_of, by):
    """Persons who departed on or before the period's end and had not returned by then (both as known at as_of)."""
    t = Tally()
    for step in JourneyEvent.objects.filter(state="departed"):
        if step.on > period.end or not known(step.recorded_at, as_of):
            continue
        back = [e for e in step.journey.events.all() if e.state == "returned" and e.on <= period.end
                and known(e.recorded_at, as_of)]  # fmt: skip
        if back:
            continue
        person, journey = step.person, step.journey
        group = key(journey.country.code if journey.country else None) if by == "country" else person_group(
            person, by, period)  # fmt: skip
        t.add(person.residence_commune_id, group, who=person.pk)
    return t.counts()


BRUTE = {
    **{name: bf_persons(name) for name in PERSON_TESTS},
    "households": bf_households(None),
    "households_poor": bf_households({"poor"}),
    "households_near_poor": bf_households({"near_poor"}),
    "households_exited": bf_households_exited,
    "employment_starts": bf_starts(abroad_only=False),
    "employment_starts_abroad": bf_starts(abroad_only=True),
    "seekers_registered": bf_seekers(open_only=False),
    "seekers_open": bf_seekers(open_only=True),
    "vacancies_registered": bf_vacancies("registered", positions=False),
    "vacancy_positions_registered": bf_vacancies("registered", positions=True),
    "vacancies_open": bf_vacancies("open", positions=False),
    "vacancy_positions_open": bf_vacancies("open", positions=True),
    "vacancies_filled": bf_vacancies("filled", positions=False),
    "vacancy_positions_filled": bf_vacancies("filled", positions=True),
    "employers_registered": bf_employers_registered,
    "employers_with_vacancies": bf_employers_with_vacancies,
    "applications": bf_applications(referred_only=False, persons=False),
    "applications_persons": bf_applications(referred_only=False, persons=True),
    "referrals": bf_applications(referred_only=True, persons=False),
    "referrals_persons": bf_applications(referred_only=True, persons=True),
    "connections_persons": bf_connections,
    "followups_done_persons": bf_followups(in_work_only=False),
    "followups_in_work_persons": bf_followups(in_work_only=True),
    "counselling_attendances": bf_counselling_attendances,
    "counselling_persons": bf_counselling_persons,
    "fairs_held": bf_fairs_held,
    "fair_employers": bf_fair_employers,
    "fair_registrations": bf_fair_registrations(checked_in=False),
    "fair_visitors": bf_fair_registrations(checked_in=True),
    "fair_hired_persons": bf_fair_hired,
    **TRAINING_BRUTE,
    "abroad_registered_persons": bf_abroad_steps("registered"),
    "abroad_departed_persons": bf_abroad_steps("departed"),
    "abroad_returned_persons": bf_abroad_steps("returned"),
    "abroad_returned_early_persons": bf_abroad_steps("returned", early_only=True),
    "abroad_back_in_work_persons": bf_abroad_steps("back_in_work"),
    "abroad_stock_persons": bf_abroad_stock,
    **BRUTE_LOANS,
}


# --- the comparison ---------------------------------------------------------------------------------------------
def commune_pk(code: str) -> int:
    return AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=code).pk


def terms(indicator: Indicator, period: Period) -> list[tuple[str, Period]]:
    """(rule, period) pairs the indicator's figure reads (a drop: reads the day before and the end)."""
    out = []
    for term in (indicator.numerator, indicator.denominator):
        if not term:
            continue
        rule = term.removeprefix(DROP)
        if term.startswith(DROP):
            out.append((rule, Period(period.day_before(), period.day_before())))
        out.append((rule, period))
    return out


def only(counts: dict, communes) -> dict:
    return {k: v for k, v in counts.items() if v and (communes is None or k[0] in communes)}


def known_bug(rule: str, period: Period, as_of, communes) -> str:
    """Combinations where the engine is known to differ from the brute force: each has an xfail test below."""
    return ""


def test_every_rule_has_a_brute_force_count():
    registered = {name for name in rule_names() if not name.startswith("test_")}  # the test-only rules of conftest
    missing = registered - set(BRUTE) - NOT_YET_COVERED
    assert not missing, f"write a brute-force count in this file for: {sorted(missing)}"


def test_every_counted_rule_and_indicator_agrees_with_the_brute_force_count(world):
    a, b = commune_pk(A), commune_pk(B)
    brute: dict = {}  # (rule, period, as_of, by) → counts: each brute force runs once, whatever reads it
    # every as_of over the whole area; each commune alone as the records stand now
    wanted = [(None, as_of) for as_of in AS_OF] + [(frozenset({a}), None), (frozenset({b}), None)]
    calcs = {(c, as_of): Calculator(communes=c, as_of=as_of) for c, as_of in wanted}
    checked, wrong = 0, []
    for indicator in Indicator.objects.order_by("code"):
        dims = [None, *(d for d in indicator.disaggregations if d != "commune")]
        for text in PERIODS:
            period = period_parse(text)
            for (communes, as_of), calc in calcs.items():
                for rule, when in terms(indicator, period):
                    for by in dims:
                        if by is not None and by not in rule_get(rule).dims or known_bug(rule, when, as_of, communes):
                            continue
                        if (rule, when, as_of, by) not in brute:
                            brute[(rule, when, as_of, by)] = BRUTE[rule](when, as_of, by)
                        expected = only(brute[(rule, when, as_of, by)], communes)
                        got = only(calc.counts(rule, when, by), communes)
                        checked += 1
                        if got != expected:
                            wrong.append((indicator.code, rule, text, as_of, communes, by, got, expected))
    assert not wrong, "\n".join(map(str, wrong[:20]))
    assert checked > 1000


def test_the_world_counts_what_an_officer_expects(world):
    """A few figures read by hand, so the brute force itself is checked against the story of the world."""
    a, b = commune_pk(A), commune_pk(B)
    q1, q2 = period_parse("2026-Q1"), period_parse("2026-Q2")
    calc = Calculator(communes=None)

    def total(rule, period, communes=None, calc=calc):
        return sum(only(calc.counts(rule, period), communes).values())

    assert total("seekers_registered", q1, {a}) == 1  # An's two profiles of Q1: one person
    assert total("seekers_registered", q1, {b}) == 0
    assert total("seekers_open", q1) == 2  # An's second profile (A) and Dũng's of 2025 (B)
    assert total("seekers_open", period_parse("2026-H2")) == 3  # Chi placed in August; Ba registered today
    assert total("vacancies_registered", q1) == 2 and total("vacancy_positions_registered", q1) == 5  # no draft
    assert total("vacancies_filled", q1) == 2 and total("vacancy_positions_filled", q1) == 4
    assert total("vacancies_open", q1) == 1 and total("vacancies_open", q2) == 2  # v3 closed on 01/07: open on 30/06
    assert total("employers_with_vacancies", q1, {a}) == 1  # one employer, two vacancies
    assert total("connections_persons", q1, {b}) == 1  # Dũng connected twice
    assert total("counselling_persons", q1, {a}) == 2  # An (three times) and Hoa (group)
    assert total("counselling_attendances", q1, {a}) == 42  # two sessions + a head count of 40
    assert total("fairs_held", period_parse("2026")) == 2  # F3 was never held
    assert total("fair_hired_persons", q1, {a}) == 1
    assert total("followups_done_persons", period_parse("2026-H2"), {b}) == 1


def test_a_person_is_counted_once_per_period_however_many_records_qualify(world):
    a, b = commune_pk(A), commune_pk(B)
    calc = Calculator(communes=None)
    year, q1 = period_parse("2026"), period_parse("2026-Q1")
    an, dung = world["an"], world["dung"]
    # An: two job-seeker profiles in Q1, referred twice in 2026, counselled twice and in a group in March.
    assert JobSeekerProfile.objects.filter(person=an, registered_on__year=2026).count() == 2
    assert only(calc.counts("seekers_registered", q1), {a}) == {(a, ""): 1}
    assert Application.objects.filter(person=an, channel="referred").count() == 2
    # referred in A in 2026: An twice and the walk-in hired at the fair once: three referrals, two persons
    assert only(calc.counts("referrals", year), {a}) == {(a, ""): 3}
    assert only(calc.counts("referrals_persons", year), {a}) == {(a, ""): 2}
    assert only(calc.counts("counselling_persons", q1, "sex"), {a}) == {(a, "female"): 2}  # An and Hoa
    # Dũng: two successful connections in Q1 and two checks in July.
    assert Connection.objects.filter(person=dung, start_date__year=2026).count() == 2
    assert only(calc.counts("connections_persons", q1), {b}) == {(b, ""): 1}
    assert only(calc.counts("employment_starts", q1), {b}) == {(b, ""): 1}  # connected and an employed event
    assert only(calc.counts("followups_done_persons", year), {b}) == {(b, ""): 1}


def test_figures_as_they_stood_leave_out_what_was_recorded_later(world):
    a = commune_pk(A)
    q1 = period_parse("2026-Q1")
    then = Calculator(communes=None, as_of=at(D(2026, 3, 31), 23))
    now = Calculator(communes=None)
    # An's second profile (registered 05/03) was recorded on 10/04: at 31/03 An had only the closed first one.
    assert only(now.counts("seekers_open", q1), {a}) == {(a, ""): 1}
    assert only(then.counts("seekers_open", q1), {a}) == {}
    indicator = Indicator.objects.get(code="nguoi_tim_viec_dang_ky")
    assert now.figure(indicator, q1, [a]).value == 1 == then.figure(indicator, q1, [a]).value


def test_the_connection_rate_is_placed_persons_over_persons_who_applied(world):
    rate = Indicator.objects.get(code="ty_le_ket_noi_thanh_cong")
    a, b = commune_pk(A), commune_pk(B)
    q1 = period_parse("2026-Q1")
    figure = Calculator(communes=None).figure(rate, q1, [a])
    # applied or referred in Q1 in A: An, Hoa, the walk-in hired at the fair; connected in Q1: the walk-in.
    assert (figure.numerator, figure.denominator, figure.display) == (1, 3, "33,3%")
    in_b = Calculator(communes=None).figure(rate, q1, [b])  # Chi referred; Dũng connected without applying
    assert (in_b.numerator, in_b.denominator, in_b.display) == (1, 1, "100,0%")
    nobody = Calculator(communes=None).figure(rate, period_parse("2025"), [a])
    assert nobody.value is None and nobody.display == "—"


def test_persons_recorded_after_as_of_are_left_out(world):
    a = commune_pk(A)
    h2, as_of = period_parse("2026-H2"), at(D(2026, 3, 31), 23)
    expected = only(BRUTE["persons_15plus"](h2, as_of, None), {a})  # An and Ba, registered in 2025
    assert expected == {(a, ""): 2}
    assert only(Calculator(communes=None, as_of=as_of).counts("persons_15plus", h2), {a}) == expected


def test_a_person_who_moved_counts_where_they_lived_on_the_day(cast):
    staff = cast["province_a"]
    em = a_person(staff, commune=B, sex="female", born=D(1980, 1, 1), activity_status="co_viec_lam")
    _date(Person, em.pk, created_at=at(D(2025, 5, 1)))
    LabourEvent.objects.filter(person=em).update(effective=D(2025, 5, 1), recorded_at=at(D(2025, 5, 1)))
    person_update(actor=staff, person=em, data={"residence_commune": A}, effective=D(2026, 4, 1))
    a, b = commune_pk(A), commune_pk(B)
    q1 = period_parse("2026-Q1")
    whole = Calculator(communes=None).counts("persons_15plus", q1)
    assert only(whole, {b}) == {(b, ""): 1} and only(whole, {a}) == {}  # on 31/03 Em lived in B
    assert only(Calculator(communes={a}).counts("persons_15plus", q1), {a}) == {}
    assert only(Calculator(communes={b}).counts("persons_15plus", q1), {b}) == {(b, ""): 1}
