"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt

from vieclam.connections.tests.factories import a_person
from vieclam.employers.tests.factories import employer_type, make_employer
from vieclam.loans import services
from vieclam.loans.models import Loan, LoanEvent

__all__ = ("a_person", "make_disbursed_loan", "make_loan", "step")

D = dt.date
DISBURSED_ON = D(2026, 4, 1)


def make_loan(actor, *, commune: str = "25459", **data) -> Loan:
    values = {
        "borrower_kind": "nguoi_lao_dong",
        "purpose": "Mua máy may để nhận hàng gia công",
        "amount_requested": 80_000_000,
        "jobs_new": 1,
        "applied_on": D(2026, 3, 2),
        **data,
    }
    values.setdefault("commune_confirmed_on", values["applied_on"] + dt.timedelta(days=3))
    if values["borrower_kind"] == "nguoi_lao_dong" and "person" not in values:
        values["person"] = a_person(actor, commune=commune)
    elif values["borrower_kind"] != "nguoi_lao_dong" and "employer" not in values:
        kind = "ho_kinh_doanh" if values["borrower_kind"] == "ho_kinh_doanh" else "dn_ngoai_nha_nuoc"
        values["employer"] = make_employer(actor, commune_code=commune, name="Hộ kinh doanh May Tân Ninh",
                                           employer_type=employer_type(kind))  # fmt: skip
    return services.loan_create(actor=actor, data=values)


def step(actor, loan: Loan, kind: str, on: dt.date, **data) -> LoanEvent:
    return services.loan_event_record(actor=actor, loan=loan, data={"kind": kind, "on": on, **data})


def make_disbursed_loan(actor, *, amount: int = 80_000_000, on: dt.date = DISBURSED_ON, **data) -> Loan:
    applied = on - dt.timedelta(days=20)
    data = {"applied_on": applied, "commune_confirmed_on": applied, **data}
    loan = make_loan(actor, amount_requested=amount, **data)
    step(actor, loan, "tham_dinh", on - dt.timedelta(days=10))
    step(actor, loan, "phe_duyet", on - dt.timedelta(days=5), amount=amount, term_months=60)
    step(actor, loan, "giai_ngan", on, amount=amount)
    loan.refresh_from_db()
    return loan
