"""Loads the loan ceilings, rates and priority groups from loans/data/ (sources in data/SOURCES.md).

Rows are matched on their code and never deleted: a row that ends gets a `valid_to`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from vieclam.core.refdata import read_csv, sync_rows
from vieclam.loans.models import LoanPolicy, PriorityGroup

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "verified", "note"]


def load_loan_rules() -> dict[str, int]:
    """Load both files; returns the number of changed rows per table (all 0 on a second run)."""
    return {"loan_policies": _load_policies(), "loan_priority_groups": _load_groups()}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dated(row: dict[str, str]) -> dict:
    return {"legal_source": row["legal_source"], "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]), "verified": row["verified"] == "1", "note": row["note"]}  # fmt: skip


def _load_policies() -> int:
    rows = [
        {"code": r["code"], "borrower_kind": r["borrower_kind"], "max_amount": int(r["max_amount"]),
         "max_per_job": int(r["max_per_job"]) if r["max_per_job"] else None,
         "max_term_months": int(r["max_term_months"]), "annual_rate": Decimal(r["annual_rate"]),
         "priority_rate": Decimal(r["priority_rate"]), **_dated(r)}
        for r in read_csv(DATA / "policies.csv")
    ]  # fmt: skip
    fields = ["borrower_kind", "max_amount", "max_per_job", "max_term_months", "annual_rate", "priority_rate", *DATED]
    return sync_rows(LoanPolicy, key=["code"], rows=rows, fields=fields)


def _load_groups() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "applies_to": r["applies_to"], "order": int(r["order"]),
         **_dated(r)}
        for r in read_csv(DATA / "priority_groups.csv")
    ]  # fmt: skip
    return sync_rows(PriorityGroup, key=["code"], rows=rows, fields=["name_vi", "applies_to", "order", *DATED])
