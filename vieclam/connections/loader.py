"""Loads the funding norms and the sustained-employment rules from connections/data/ (sources in data/SOURCES.md).

Rows are matched on their code and never deleted: a norm or rule that ends gets a `valid_to`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vieclam.connections.models import FundingNorm, SustainedRule
from vieclam.core.refdata import read_csv, sync_rows

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "note"]


def load_connection_rules() -> dict[str, int]:
    """Load both files; returns the number of changed rows per table (all 0 on a second run)."""
    return {"connection_funding_norms": _load_norms(), "connection_sustained_rules": _load_rules()}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dated(row: dict[str, str]) -> dict:
    return {"legal_source": row["legal_source"], "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]), "note": row["note"]}  # fmt: skip


def _load_norms() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "amount": int(r["amount"]), **_dated(r)}
        for r in read_csv(DATA / "funding_norms.csv")
    ]
    return sync_rows(FundingNorm, key=["code"], rows=rows, fields=["name_vi", "amount", *DATED])


def _load_rules() -> int:
    rows = [
        {"code": r["code"], "check_offset_months": int(r["check_offset_months"]), "requires": r["requires"],
         "rationale": r["rationale"], **_dated(r)}
        for r in read_csv(DATA / "sustained_rules.csv")
    ]  # fmt: skip
    fields = ["check_offset_months", "requires", "rationale", *DATED]
    return sync_rows(SustainedRule, key=["code"], rows=rows, fields=fields)
