"""The demo's training, work-abroad and loan journeys keep the rules their services enforce: each generated record is
recorded again through the real services (which raise on anything they would refuse) and must come out the same,
and the dated and counted assumptions of the apps hold on every generated row."""

from __future__ import annotations

import datetime as dt

import pytest

from vieclam.core.dates import today
from vieclam.demo.generate import demo_generate
from vieclam.people.models import Person
from vieclam.places.models import AdministrativeUnit
from vieclam.training import services as training_services
from vieclam.training.choices import NEXT_STATUSES, EnrolmentStatus
from vieclam.training.models import Enrolment, TrainingClass
from vieclam.training.rules import best_group, book_on, employment_check_until

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(db):
    unit = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    demo_generate(province=unit, persons=4000, seed=13)
    return unit


def test_training_classes_and_enrolments_keep_the_training_rules(province):
    classes = list(TrainingClass.objects.select_related("course", "provider"))
    assert len(classes) >= 3  # a class a year for 4.000 inhabitants
    for klass in classes:
        assert klass.provider.occupations.filter(pk=klass.course.occupation_id).exists()
        assert klass.end_date >= klass.start_date
        enrolments = list(klass.enrolments.select_related("person__household", "person__ethnicity",
                                                          "person__residence_commune", "support_norm"))  # fmt: skip
        assert 0 < len([e for e in enrolments if e.status != "dropped"]) <= klass.capacity
        book = book_on(klass.start_date)
        for enrolment in enrolments:
            person = enrolment.person
            assert person.age_on(klass.start_date) >= training_services.MIN_AGE
            assert enrolment.enrolled_on <= klass.start_date <= klass.end_date
            group, norm = best_group(person, level=klass.course.level, book=book)
            assert enrolment.priority_group_id == (group.pk if group else None)
            if enrolment.support_amount:
                assert enrolment.funding == "supported" and enrolment.support_norm_id == norm.pk
                assert enrolment.support_amount <= min(norm.amount, klass.course.cost_norm)
            events = list(enrolment.events.order_by("on", "pk"))
            assert events[0].status == "enrolled" and events[0].on == enrolment.enrolled_on
            for before, after in zip(events, events[1:], strict=False):
                assert after.status in NEXT_STATUSES[EnrolmentStatus(before.status)] and after.on >= before.on
            assert events[-1].status == enrolment.status
            if enrolment.status == "completed":
                assert klass.start_date <= enrolment.completed_on <= today() and enrolment.certificate_number
                assert enrolment.employment_check_until == employment_check_until(enrolment.completed_on)
        for enrolment in enrolments[:3]:
            enrolment.full_clean()


def test_training_rows_are_recorded_again_the_same_through_the_services(province, cast):
    admin = cast["admin"]
    for klass in TrainingClass.objects.select_related("course", "provider", "venue_commune").order_by("pk")[:8]:
        again = training_services.class_create(actor=admin, data={
            "code": klass.code + "b", "course": klass.course, "provider": klass.provider,
            "venue_commune": klass.venue_commune, "start_date": klass.start_date, "end_date": klass.end_date,
            "capacity": klass.capacity, "funding": klass.funding,
        })  # fmt: skip
        enrolments = list(klass.enrolments.order_by("pk"))
        rows = [(Person.objects.get(pk=e.person_id), {"funding": e.funding, "support_amount": e.support_amount,
                                                      "enrolled_on": e.enrolled_on}) for e in enrolments]  # fmt: skip
        made = training_services.enrolments_create(actor=admin, training_class=again, rows=rows)
        for original, copy in zip(enrolments, made, strict=True):
            for event in original.events.exclude(status="enrolled").order_by("on", "pk"):
                copy = training_services.enrolment_transition(
                    actor=admin, enrolment=copy, status=event.status, on=event.on,
                    certificate_number=original.certificate_number, note=event.note,
                )  # fmt: skip
            copy = Enrolment.objects.get(pk=copy.pk)
            keys = ("priority_group_id", "support_norm_id", "support_amount", "status", "completed_on", "dropped_on",
                    "employment_check_until")  # fmt: skip
            assert [getattr(copy, k) for k in keys] == [getattr(original, k) for k in keys]


def test_some_completers_found_work_within_six_months(province):
    from vieclam.training.indicators import employed_after_training

    completed = Enrolment.objects.filter(status="completed").count()
    employed = employed_after_training().count()
    assert completed and 0 < employed < completed
    assert dt.date(2024, 1, 1) <= Enrolment.objects.order_by("enrolled_on").first().enrolled_on


def test_journeys_abroad_keep_the_steps_in_order_and_the_age_rule(province):
    from vieclam.abroad.models import Journey
    from vieclam.abroad.rules import CLOSED, NEXT, contract_end, min_age_on

    journeys = list(Journey.objects.select_related("person", "programme__enterprise").prefetch_related("events"))
    assert len(journeys) >= 5
    assert {j.state for j in journeys} & {"departed", "working"}
    open_ = [j.person_id for j in journeys if j.state not in CLOSED]
    assert len(open_) == len(set(open_)), "one open journey a person"
    for journey in journeys:
        events = sorted(journey.events.all(), key=lambda e: (e.on, e.pk))
        assert events[0].state == "registered" and events[0].on == journey.registered_on
        for before, after in zip(events, events[1:], strict=False):
            assert after.state in NEXT[before.state] and after.on >= before.on
        assert events[-1].state == journey.state and events[-1].on <= today()
        assert journey.person.age_on(journey.registered_on) >= min_age_on(journey.registered_on)
        assert journey.registered_on >= journey.programme.opened_on
        assert journey.programme.enterprise.licensed_on(journey.programme.opened_on)
        if journey.departed_on:
            assert journey.contract_signed_on <= journey.departed_on
            assert journey.person.age_on(journey.departed_on) >= min_age_on(journey.departed_on)
            assert journey.expected_return_on == contract_end(journey.departed_on, journey.contract_months)
        if journey.returned_on:
            assert journey.returned_on > journey.departed_on
            early = journey.returned_on < journey.expected_return_on
            assert journey.return_kind == ("early" if early else "on_time") and bool(journey.return_reason) == early
        journey.full_clean()


def test_journeys_abroad_are_recorded_again_the_same_through_the_services(province, cast):
    from vieclam.abroad import services as abroad_services
    from vieclam.abroad.models import Journey

    admin = cast["admin"]
    keys = ("state", "registered_on", "contract_signed_on", "departed_on", "expected_return_on", "returned_on",
            "return_kind", "return_reason", "back_in_work_on", "country_id", "contract_months")  # fmt: skip
    generated = []
    for journey in Journey.objects.select_related("person", "programme").order_by("pk"):
        generated.append(([getattr(journey, k) for k in keys], journey.person, journey.programme,
                          [(e.state, e.on, e.note) for e in journey.events.order_by("on", "pk")]))  # fmt: skip
    Journey.objects.all().delete()
    for values, person, programme, steps in generated:
        journey = abroad_services.journey_register(actor=admin, data={"person": person, "programme": programme,
                                                                      "registered_on": steps[0][1]})  # fmt: skip
        for state, on, note in steps[1:]:
            data = {"return_reason": note} if state == "returned" and note else {"note": note} if note else {}
            journey = abroad_services.journey_advance(actor=admin, journey=journey, state=state, on=on, data=data)
        journey = Journey.objects.get(pk=journey.pk)
        assert [getattr(journey, k) for k in keys] == values


def test_loans_keep_their_ceilings_and_steps_in_order(province):
    from vieclam.loans.choices import TRANSITIONS
    from vieclam.loans.models import Loan
    from vieclam.loans.services import ceiling_problem, policy_on

    loans = list(Loan.objects.select_related("policy", "priority_group").prefetch_related("events"))
    assert len(loans) >= 10
    assert {loan.status for loan in loans} >= {"da_giai_ngan"}
    for loan in loans:
        assert loan.policy == policy_on(loan.borrower_kind, loan.applied_on)
        jobs = max(loan.jobs_new + loan.jobs_kept, 1)
        assert ceiling_problem(policy=loan.policy, kind=loan.borrower_kind, amount=loan.amount_requested,
                               jobs=jobs) is None  # fmt: skip
        if loan.priority_group:
            assert loan.priority_group.is_valid_on(loan.applied_on)
        status, last = "da_nop", loan.applied_on
        for event in sorted(loan.events.all(), key=lambda e: (e.on, e.pk)):
            allowed, to = TRANSITIONS[event.kind]
            assert status in allowed and event.on >= last and event.on <= today()
            status = to or status
            last = event.on if event.kind != "kiem_tra_viec_lam" else last
        assert status == loan.status
        if loan.approved_amount:
            assert loan.disbursed_amount <= loan.approved_amount <= loan.amount_requested
        loan.full_clean()


def test_loans_are_recorded_again_the_same_through_the_services(province, cast):
    from vieclam.loans import services as loan_services
    from vieclam.loans.models import Loan

    admin = cast["admin"]
    keys = ("status", "status_on", "approved_amount", "term_months", "interest_rate", "disbursed_amount",
            "disbursed_on", "jobs_created", "policy_id", "priority_group_id")  # fmt: skip
    for loan in Loan.objects.select_related("person", "employer", "priority_group").order_by("pk"):
        again = loan_services.loan_create(actor=admin, data={
            "borrower_kind": loan.borrower_kind, "person": loan.person, "employer": loan.employer,
            "purpose": loan.purpose, "amount_requested": loan.amount_requested, "jobs_new": loan.jobs_new,
            "jobs_kept": loan.jobs_kept, "priority_group": loan.priority_group, "applied_on": loan.applied_on,
            "commune_confirmed_on": loan.commune_confirmed_on,
        })  # fmt: skip
        for event in loan.events.order_by("on", "pk"):
            data = {"kind": event.kind, "on": event.on, "note": event.note}
            if event.kind == "phe_duyet":
                data.update(amount=event.amount, term_months=event.term_months)  # the rate: the service's own
            elif event.kind == "giai_ngan":
                data.update(amount=event.amount)
            elif event.kind == "kiem_tra_viec_lam":
                data.update(workers=event.workers, persons=[p.person for p in event.job_persons.all()])
            loan_services.loan_event_record(actor=admin, loan=again, data=data)
        again = Loan.objects.get(pk=again.pk)
        assert [getattr(again, k) for k in keys] == [getattr(loan, k) for k in keys]


def test_the_journeys_rules_agree_with_their_brute_force_counts_on_the_demo(province):
    from vieclam.indicators.engine import Calculator
    from vieclam.indicators.periods import Period
    from vieclam.indicators.rules import rule_get, rule_names
    from vieclam.indicators.tests.test_rules import BRUTE

    def only(counts: dict) -> dict:
        return {k: v for k, v in counts.items() if v}

    from vieclam.indicators.models import Indicator

    names = [n for n in rule_names() if n.startswith(("training_", "abroad_", "loans_"))]
    names += ["employment_starts", "employment_starts_abroad", "connections_persons"]
    assert len(names) > 15
    dims: dict[str, set] = {name: {None} for name in names}  # the breakdowns the catalogue shows (as test_rules)
    for indicator in Indicator.objects.all():
        for term in (indicator.numerator, indicator.denominator):
            rule = (term or "").removeprefix("drop:")
            if rule in dims:
                dims[rule] |= {d for d in indicator.disaggregations if d != "commune" and d in rule_get(rule).dims}
    moment = dt.datetime(2025, 6, 30, 23, tzinfo=dt.UTC)
    periods = [Period.year(2024), Period.year(2025), Period(dt.date(2026, 1, 1), today()), Period.month(2025, 3)]
    wrong, seen = [], 0
    for as_of in (None, moment):
        calc = Calculator(communes=None, as_of=as_of)
        for name in names:
            for period in periods:
                for by in dims[name]:
                    got, expected = only(calc.counts(name, period, by)), only(BRUTE[name](period, as_of, by))
                    seen += bool(expected)
                    if got != expected:
                        wrong.append((name, period, as_of, by, got, expected))
    assert not wrong, "\n".join(map(str, wrong[:10]))
    assert seen > 50


def test_the_journeys_pages_and_timelines_show_the_demo(province, cast, client):
    from vieclam.abroad.models import Journey
    from vieclam.loans.models import Loan

    client.force_login(cast["province_a"])
    klass, journey, loan = TrainingClass.objects.first(), Journey.objects.first(), Loan.objects.first()
    urls = ["/training/", "/training/enrolments/", "/training/providers/", f"/training/{klass.pk}/", "/abroad/",
            "/abroad/programmes/", "/abroad/enterprises/", f"/abroad/{journey.pk}/", "/loans/", f"/loans/{loan.pk}/",
            f"/people/{journey.person_id}/"]  # fmt: skip
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_timeline_probes_skip_only_kinds_the_person_has_none_of(province, cast):
    """core.timeline asks every source's probe first and skips the sources it says are empty: on the demo's
    persons with the richest histories and on random ones, the timeline equals every provider asked directly."""
    import random

    from django.db.models import Count

    from vieclam.core import timeline

    rich = set()
    for source in timeline._SOURCES.values():
        if source.probe is not None and source.probe.field == "person":
            rows = source.probe.model.objects.exclude(person=None).values("person")
            rich.update(rows.annotate(n=Count("pk")).order_by("-n").values_list("person", flat=True)[:5])
    ids = sorted(Person.objects.values_list("pk", flat=True))
    chosen = Person.objects.filter(pk__in=rich | set(random.Random(3).sample(ids, 20)))
    assert len(rich) >= 25
    for person in chosen.select_related("household"):
        viewer = cast["admin"]
        every = [e for s in timeline._SOURCES.values() for e in s.provider(person=person, viewer=viewer, limit=200)]
        every.sort(key=lambda entry: entry.moment, reverse=True)
        assert timeline.timeline_for(person=person, viewer=viewer) == every[:200]


def test_every_demo_person_is_in_the_books_from_their_latest_labour_event_on(province):
    """The demo writes state_since itself (bulk rows, not the services): it must be the day of each person's latest
    labour event, as people.services keeps it, or the indicators would trust today's columns too early."""
    from django.db.models import Max

    from vieclam.people.models import LabourEvent

    latest = dict(LabourEvent.objects.values("person").annotate(day=Max("effective")).values_list("person", "day"))
    assert latest
    for pk, since in Person.objects.values_list("pk", "state_since"):
        assert since is not None and since == latest.get(pk, since), pk
