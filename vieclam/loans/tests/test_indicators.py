"""The loan rules against their brute-force counts, the loans' start source (a person once across channels) and
the loan on the borrower's timeline."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vieclam.connections.models import Connection
from vieclam.connections.tests.factories import make_connection
from vieclam.core.timeline import timeline_for, timeline_kinds
from vieclam.indicators.engine import Calculator
from vieclam.indicators.periods import Period, period_parse
from vieclam.indicators.rules import rule_get
from vieclam.loans.models import LoanEvent
from vieclam.loans.tests.bruteforce import BRUTE_LOANS
from vieclam.loans.tests.factories import a_person, make_disbursed_loan, make_loan, step
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db
D = dt.date
A, B = "25459", "25480"


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def loans(cast):
    """Loans in two communes of Tây Ninh: a worker's (two tranches, a check naming two persons), a household
    business's (recorded late), a cooperative's disbursed in 2025, and an application never disbursed."""
    staff = cast["province_a"]
    first = make_disbursed_loan(staff, amount=60_000_000, on=D(2026, 2, 10))
    helper = a_person(staff, commune=B)
    step(staff, first, "kiem_tra_viec_lam", D(2026, 8, 1), workers=2, persons=[first.person, helper])
    business = make_disbursed_loan(staff, borrower_kind="ho_kinh_doanh", commune=B, jobs_new=4,
                                   amount=400_000_000, on=D(2026, 5, 5))  # fmt: skip
    step(staff, business, "kiem_tra_viec_lam", D(2026, 11, 2), workers=4)
    LoanEvent.objects.filter(loan=business).update(recorded_at=at(D(2026, 11, 20)))
    old = make_disbursed_loan(staff, borrower_kind="hop_tac_xa", jobs_new=10, amount=900_000_000, on=D(2025, 10, 1))
    step(staff, old, "kiem_tra_viec_lam", D(2026, 1, 20), workers=9)
    make_loan(staff, applied_on=D(2026, 6, 1))
    return {"first": first, "helper": helper, "business": business}


def test_every_loan_rule_agrees_with_its_brute_force_count(loans):
    a = AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=A).pk
    checked = 0
    for text in ("2025", "2026-Q1", "2026-H1", "2026-H2", "2026", "01/01/2026-20/03/2026"):
        period = period_parse(text)
        for as_of in (None, at(D(2026, 6, 30), 23), at(D(2026, 11, 10))):
            for communes in (None, frozenset({a})):
                for by in (None, "borrower_kind"):
                    for name, brute in BRUTE_LOANS.items():
                        found = rule_get(name).count(period=period, communes=communes, as_of=as_of, by=by)
                        expected = {k: v for k, v in brute(period, as_of, by).items()
                                    if communes is None or k[0] in communes}  # fmt: skip
                        assert {k: v for k, v in found.items() if v} == expected, (name, text, as_of, by)
                        checked += 1
    assert checked == 6 * 3 * 2 * 2 * 3


def test_the_loan_figures_of_a_year(loans):
    calc, year = Calculator(communes=None), Period.year(2026)
    assert sum(calc.counts("loans_disbursed", year).values()) == 2
    assert sum(calc.counts("loans_disbursed_amount", year).values()) == 460_000_000
    assert sum(calc.counts("loans_jobs_created", year).values()) == 2 + 4 + 9
    by_kind = calc.counts("loans_jobs_created", year, by="borrower_kind")
    assert sorted(by_kind.values()) == [2, 4, 9] and ("ho_kinh_doanh" in {g for _c, g in by_kind})


def test_a_person_a_check_names_is_a_start_counted_once_across_channels(cast, loans):
    helper = loans["helper"]
    calc, year = Calculator(communes=None), Period.year(2026)
    before = sum(calc.counts("employment_starts", year).values())
    assert before == 2  # the borrower and the helper the check named
    make_connection(cast["province_a"], person=helper, start_date=D(2026, 9, 1))
    calc = Calculator(communes=None)
    assert sum(calc.counts("employment_starts", year).values()) == 2  # the helper once, not twice
    channels = calc.counts("employment_starts", year, by="channel")
    assert sorted(g for (_c, g), n in channels.items() if n) == ["connections", "loans"]
    assert Connection.objects.filter(person=helper).exists()


def test_a_loan_is_on_the_borrowers_timeline_in_words(cast, loans):
    first = loans["first"]
    assert "loan" in {kind for kind, _label in timeline_kinds()}
    entries = timeline_for(person=first.person, viewer=cast["commune_a"], kinds=["loan"])
    assert [e.title for e in entries] == ["Vay vốn tạo việc làm: đã giải ngân ngày 10/02/2026"]
    assert "đã giải ngân 60.000.000 đồng" in entries[0].detail and "tạo việc làm cho 2 lao động" in entries[0].detail
    assert entries[0].url == f"/loans/{first.pk}/"


def test_the_owners_household_business_loan_is_on_the_owners_timeline_with_no_more_queries(cast):
    staff = cast["commune_a"]
    owner = a_person(staff, name="Cầm Thị Lan")
    make_loan(staff, borrower_kind="ho_kinh_doanh", person=owner, jobs_new=2, amount_requested=300_000_000)
    with CaptureQueriesContext(connection) as one:
        timeline_for(person=owner, viewer=staff, kinds=["loan"])
    make_loan(staff, borrower_kind="ho_kinh_doanh", person=owner, jobs_new=2, amount_requested=100_000_000,
              applied_on=D(2026, 4, 1), commune_confirmed_on=D(2026, 4, 1))  # fmt: skip
    with CaptureQueriesContext(connection) as two:
        entries = timeline_for(person=owner, viewer=staff, kinds=["loan"])
    assert len(entries) == 2 and len(two.captured_queries) == len(one.captured_queries)
    assert entries[0].title.startswith("Vay vốn tạo việc làm (hộ kinh doanh Hộ kinh doanh May Tân Ninh)")


def test_a_person_a_check_names_sees_the_job_on_their_timeline(cast, loans):
    helper, first = loans["helper"], loans["first"]
    entries = timeline_for(person=helper, viewer=cast["province_a"], kinds=["loan_job"])
    assert [e.title for e in entries] == [f"Có việc làm từ vốn vay tạo việc làm của {first.person.full_name}"]
    assert entries[0].detail == "Kiểm tra ngày 01/08/2026" and entries[0].url == f"/loans/{first.pk}/"
