"""Loads the priority groups and the support norms from training/data/ (sources in data/SOURCES.md).

Rows are matched on their code and never deleted: a group or norm that ends gets a `valid_to`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vieclam.core.refdata import read_csv, sync_rows
from vieclam.training.models import PriorityGroup, SupportNorm

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "note"]


def load_training_rules() -> dict[str, int]:
    """Load both files; returns the number of changed rows per table (all 0 on a second run)."""
    return {"training_priority_groups": _load_groups(), "training_support_norms": _load_norms()}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dated(row: dict[str, str]) -> dict:
    return {"legal_source": row["legal_source"], "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]), "note": row["note"]}  # fmt: skip


def _load_groups() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "order": int(r["order"]), "derive": r["derive"], **_dated(r)}
        for r in read_csv(DATA / "priority_groups.csv")
    ]
    return sync_rows(PriorityGroup, key=["code"], rows=rows, fields=["name_vi", "order", "derive", *DATED])


def _load_norms() -> int:
    groups = dict(PriorityGroup.objects.values_list("code", "pk"))
    rows = [
        {"code": r["code"], "priority_group_id": groups[r["priority_group"]], "levels": r["levels"],
         "amount": int(r["amount"]), "verified": r["verified"] == "1", **_dated(r)}
        for r in read_csv(DATA / "support_norms.csv")
    ]  # fmt: skip
    fields = ["priority_group_id", "levels", "amount", "verified", *DATED]
    return sync_rows(SupportNorm, key=["code"], rows=rows, fields=fields)
