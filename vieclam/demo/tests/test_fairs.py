"""The demo province's history, on one 20.000-person province built once for the module: referrals, counselling
and follow-ups (demo.history); job fairs (demo.fairs): every fair's report is consistent, statuses match the
dates, hires at fairs became connections, and the fairs show on a person's timeline."""

import pytest
from django.db import transaction

from vieclam.applications.models import Application, ApplicationEvent
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.connections.models import Connection, FollowUp
from vieclam.core.dates import today
from vieclam.core.timeline import timeline_for
from vieclam.demo.generate import demo_generate, demo_rows
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairRegistration
from vieclam.fairs.selectors import OUTCOME_DAYS, fair_report
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(db):
    return AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Built once (about 20 s) in a transaction rolled back after the module; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
        demo_generate(province=province, persons=20_000, seed=4)
        yield province
        transaction.set_rollback(True)


def test_every_kind_of_fair_is_held_and_past_fairs_are_closed_one_is_open_ahead(demo):
    fairs = list(Fair.objects.all())
    past = [f for f in fairs if f.held_on < today()]
    assert {f.kind for f in past} == {"centre", "mobile", "online", "hybrid"}
    assert all(f.status == "closed" for f in past)
    ahead = [f for f in fairs if f.held_on > today()]
    assert sorted(f.status for f in ahead) == ["open", "planned"]
    assert {f.commune.province_id for f in fairs} == {demo.pk}
    for fair in fairs[:10]:
        fair.full_clean()


def test_every_fairs_report_is_consistent(demo):
    for fair in Fair.objects.filter(status="closed"):
        report = fair_report(Fair.objects.filter(pk=fair.pk))
        assert report.employers == FairBooth.objects.filter(fair=fair).count() >= 3
        assert report.vacancies >= report.employers and report.positions >= report.vacancies
        assert report.checked_in <= report.registered <= fair.capacity
        assert report.applied <= report.checked_in
        assert report.interviewed + report.interview_appointments <= report.applied
        assert report.hired_at_fair <= report.hired_within_30_days <= report.applied
        assert report.training + report.labour_export <= 2 * report.checked_in
        if fair.kind == "online":
            assert report.registered_in_person == 0
    total = fair_report(Fair.objects.all())
    assert total.applied > 0 and total.interviewed > 0 and total.interview_appointments > 0
    assert total.hired_at_fair > 0 and total.training > total.labour_export > 0
    assert 0 < total.registered_online < total.registered_in_person


def test_the_open_fair_has_places_left_and_booths_with_open_vacancies(demo):
    fair = Fair.objects.get(status="open")
    assert 0 < FairRegistration.objects.filter(fair=fair).count() < fair.capacity
    booths = FairBooth.objects.filter(fair=fair).prefetch_related("vacancies")
    assert booths and all(b.vacancies.all() and {v.status for v in b.vacancies.all()} == {"open"} for b in booths)
    assert not FairRegistration.objects.filter(fair=fair, checked_in_at__isnull=False).exists()


def test_hires_at_fairs_became_connections_and_applications_are_of_the_fair(demo):
    at_fairs = Application.objects.filter(vacancy__fair_booths__isnull=False).select_related("vacancy")
    assert at_fairs.exists()
    for application in at_fairs.prefetch_related("vacancy__fair_booths__fair")[:300]:
        day = application.vacancy.fair_booths.get().fair.held_on
        assert application.created_at.date() == day
        assert application.vacancy.created_at <= application.created_at <= application.status_changed_at
        assert (application.status_changed_at.date() - day).days <= OUTCOME_DAYS
    hired = at_fairs.filter(status="hired")
    assert hired.exists()
    assert Connection.objects.filter(application__in=hired, source="board").count() == hired.count()


def test_a_registrant_who_came_has_both_fair_events_on_their_timeline(demo, cast):
    registration = FairRegistration.objects.filter(checked_in_at__isnull=False).select_related("person").first()
    entries = timeline_for(person=registration.person, viewer=cast["admin"])
    kinds = {entry.kind for entry in entries}
    assert {"fair_registration", "fair_check_in"} <= kinds
    assert FairInterest.objects.exists()


def test_fairs_are_the_same_for_the_same_seed(province):
    first = demo_rows(province=province, persons=3000, seed=8)
    again = demo_rows(province=province, persons=3000, seed=8)
    for table in ("fairs", "fair_booths", "fair_registrations", "fair_interests", "applications"):
        assert first[table][2] == again[table][2], table
    assert first["fairs"][2] and first["fair_registrations"][2]


def test_the_history_has_referrals_a_third_hired_each_after_its_vacancy_was_posted(demo):
    applications = Application.objects.select_related("vacancy")
    referred = applications.filter(channel="referred")
    assert referred.count() > 50 and applications.filter(channel="applied").count() > referred.count()
    assert 0.2 < referred.filter(status="hired").count() / referred.count() < 0.5
    for application in applications:
        assert application.vacancy.created_at <= application.created_at <= application.status_changed_at
        assert application.status in {"hired", "refused"} and application.vacancy.status != "open"
        if application.status == "hired":
            assert application.contract_type and application.start_date
    moments = list(ApplicationEvent.objects.order_by("application", "pk").values_list("application", "at"))
    assert all(a <= b for (x, a), (y, b) in zip(moments, moments[1:], strict=False) if x == y)
    # The event log reads its data by the application's field names (a worker's "Dữ liệu của tôi" shows them).
    fields = {field.name for field in Application._meta.get_fields()}
    keys = {key for data in ApplicationEvent.objects.values_list("data", flat=True) for key in data}
    assert keys and keys <= fields


def test_the_history_counsels_before_referring_and_follows_each_connection_up(demo):
    referred = Application.objects.filter(channel="referred").select_related("person")
    for application in referred[:50]:
        sessions = CounsellingSession.objects.filter(person=application.person_id)
        assert sessions.filter(held_on__lte=application.created_at.date()).exists()
    hires = Application.objects.filter(status="hired").count()
    assert Connection.objects.filter(source="board").count() == hires > 0
    assert FollowUp.objects.count() == 4 * Connection.objects.count()
    checked = FollowUp.objects.exclude(status="due")
    assert 0.05 < checked.filter(status="missed").count() / checked.count() < 0.3
    for follow_up in FollowUp.objects.filter(status="done").select_related("connection")[:100]:
        assert follow_up.checked_on >= follow_up.connection.start_date and follow_up.result
    assert GroupSession.objects.exists() and CaseAssignment.objects.exists()
