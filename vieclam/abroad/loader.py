"""Loads countries, eligibility rules and support norms from abroad/data/ (sources in data/SOURCES.md).

Rows are matched on their code and never deleted: a row that ends gets a `valid_to`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vieclam.abroad.models import Country, EligibilityRule, SupportNorm
from vieclam.core.refdata import read_csv, sync_rows

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "note"]


def load_abroad_reference() -> dict[str, int]:
    """Load the three files; returns the number of changed rows per table (all 0 on a second run)."""
    return {
        "abroad_countries": _load_countries(),
        "abroad_eligibility": _load_eligibility(),
        "abroad_support_norms": _load_norms(),
    }


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


def _dated(row: dict[str, str]) -> dict:
    return {"legal_source": row["legal_source"], "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]), "note": row["note"]}  # fmt: skip


def _load_countries() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "name_en": r["name_en"], "order": int(r["order"]), **_dated(r)}
        for r in read_csv(DATA / "countries.csv")
    ]
    return sync_rows(Country, key=["code"], rows=rows, fields=["name_vi", "name_en", "order", *DATED])


def _load_eligibility() -> int:
    rows = [{"code": r["code"], "min_age": int(r["min_age"]), **_dated(r)} for r in read_csv(DATA / "eligibility.csv")]
    return sync_rows(EligibilityRule, key=["code"], rows=rows, fields=["min_age", *DATED])


def _load_norms() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "kind": r["kind"], "group": r["group"],
         "max_amount": _int(r["max_amount"]), "max_share": _int(r["max_share"]), "verified": r["verified"] == "1",
         **_dated(r)}
        for r in read_csv(DATA / "support_norms.csv")
    ]  # fmt: skip
    fields = ["name_vi", "kind", "group", "max_amount", "max_share", "verified", *DATED]
    return sync_rows(SupportNorm, key=["code"], rows=rows, fields=fields)
