"""The training rules equal a brute-force count on training data (classes in two communes, both fields, supported
and self-funded trainees, completers who found work inside and outside the six months)."""

import datetime as dt

import pytest

from vieclam.connections.tests.factories import make_connection
from vieclam.indicators.engine import Calculator
from vieclam.indicators.formats import figure_text
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import period_parse
from vieclam.indicators.rules import rule_get
from vieclam.people.services import person_update
from vieclam.training import services
from vieclam.training.tests.bruteforce import BRUTE
from vieclam.training.tests.factories import a_person, make_class, make_course, make_provider

pytestmark = pytest.mark.django_db
PERIODS = ("2026", "2026-Q1", "2026-Q2", "2026-H2", "2025")


@pytest.fixture
def world(cast):
    officer = cast["province_a"]
    sewing, rice = make_course(officer), make_course(officer, name="Trồng lúa chất lượng cao", field="nong_nghiep")
    provider = make_provider(officer)
    classes = [
        make_class(officer, course=sewing, provider=provider, start_date=dt.date(2026, 2, 2),
                   end_date=dt.date(2026, 4, 2)),
        make_class(officer, course=rice, provider=provider, start_date=dt.date(2026, 5, 4),
                   end_date=dt.date(2026, 6, 30), funding="self_funded", commune_code="25480"),
        make_class(officer, course=rice, provider=provider, start_date=dt.date(2025, 9, 1),
                   end_date=dt.date(2025, 10, 30)),
    ]  # fmt: skip
    people = [a_person(officer, commune_code="25459" if i % 2 else "25480", sex="male" if i % 3 else "female")
              for i in range(9)]  # fmt: skip
    services.enrolments_create(actor=officer, training_class=classes[0], rows=[(p, {}) for p in people[:4]])
    services.enrolments_create(actor=officer, training_class=classes[1], rows=[(p, {}) for p in people[3:7]])
    services.enrolments_create(actor=officer, training_class=classes[2], rows=[(p, {}) for p in people[6:]])
    enrolments = {e.person_id: e for e in classes[0].enrolments.all()}
    for person, day in (
        (people[0], dt.date(2026, 4, 2)),
        (people[1], dt.date(2026, 4, 2)),
        (people[2], dt.date(2026, 4, 1)),
    ):
        services.enrolment_transition(actor=officer, enrolment=enrolments[person.pk], status="completed", on=day,
                                      certificate_number=f"SC-{person.pk}")  # fmt: skip
    services.enrolment_transition(actor=officer, enrolment=enrolments[people[3].pk], status="dropped",
                                  on=dt.date(2026, 3, 1), note="Đi làm xa")  # fmt: skip
    for row in classes[2].enrolments.all():
        services.enrolment_transition(actor=officer, enrolment=row, status="completed", on=dt.date(2025, 10, 30),
                                      certificate_number=f"SC-{row.pk}")  # fmt: skip
    make_connection(officer, person=people[0], start_date=dt.date(2026, 6, 1))  # within six months
    person_update(
        actor=officer, person=people[1], data={"activity_status": "co_viec_lam"}, effective=dt.date(2026, 11, 1)
    )  # seven months later: not counted
    person_update(
        actor=officer, person=people[7], data={"activity_status": "co_viec_lam"}, effective=dt.date(2026, 4, 30)
    )  # completed 30/10/2025: the last day of the window
    return classes, people


def test_every_training_rule_equals_its_brute_force_count(world):
    calc = Calculator(communes=None)
    checked = 0
    for name, brute in BRUTE.items():
        for text in PERIODS:
            period = period_parse(text)
            for by in (None, *(d for d in ("training_field", "sex") if d in rule_get(name).dims)):
                got = {k: v for k, v in calc.counts(name, period, by).items() if v}
                assert got == brute(period, None, by), (name, text, by)
                checked += 1
    assert checked == (4 * 3 + 3 * 2) * len(PERIODS)


def test_the_world_counts_what_an_officer_expects(world):
    calc = Calculator(communes=None)
    year, last_year = period_parse("2026"), period_parse("2025")

    def text(code, period=year):
        indicator = Indicator.objects.get(code=code)
        return figure_text(calc.figure(indicator, period).value, indicator)

    assert (text("dao_tao_lop_mo"), text("dao_tao_lop_nong_nghiep"), text("dao_tao_lop_phi_nong_nghiep")) == (
        "2", "1", "1")  # fmt: skip
    assert text("dao_tao_hoc_vien") == "7" and text("dao_tao_tu_hoc") == "4"  # person 3 in two classes: once
    assert text("dao_tao_hoan_thanh") == "3" and text("dao_tao_co_viec_lam") == "1"
    assert text("ty_le_co_viec_lam_sau_dao_tao") == "33,3%"
    assert text("dao_tao_hoan_thanh", last_year) == "3" and text("dao_tao_co_viec_lam", last_year) == "1"


def test_the_rate_of_work_after_training_by_class_provider_and_occupation(cast, world):
    from vieclam.training.selectors import class_outcome, employment_rates

    classes, _people = world
    outcome = class_outcome(training_class=classes[0])
    assert (outcome.completed, outcome.employed, outcome.rate) == (3, 1, 33.3)
    by_class = employment_rates(viewer=cast["province_a"], by="class")
    assert by_class[classes[0].pk].employed == 1 and by_class[classes[2].pk].employed == 1
    by_provider = employment_rates(viewer=cast["province_a"], by="provider")
    assert [(o.completed, o.employed) for o in by_provider.values()] == [(6, 2)]  # one provider, both years
    assert employment_rates(viewer=cast["province_b"], by="occupation") == {}
