"""Loads the poverty standards, their lines and indicators and the low-income thresholds from poverty/data/.

Rows are matched on their natural key and never deleted (see models.py); sources are in data/SOURCES.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vieclam.core.refdata import read_csv, sync_rows
from vieclam.poverty.models import DeprivationIndicator, LowIncomeThreshold, PovertyLine, PovertyStandard

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "note"]
LINE_FIELDS = [
    "income_line", "average_upper", "poor_min_deprivations", "score_income_line", "score_per_deprivation",
    "score_poor_deprivation", "legal_source", "note",
]  # fmt: skip


def load_poverty_rules() -> dict[str, int]:
    """Load everything; returns the number of changed rows per table (all 0 on a second run)."""
    return {
        "poverty_standards": _load_standards(),
        "poverty_lines": _load_lines(),
        "poverty_indicators": _load_indicators(),
        "poverty_low_income_thresholds": _load_low_income_thresholds(),
    }


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


def _load_standards() -> int:
    rows = [
        {"code": r["code"], "name_vi": r["name_vi"], "legal_source": r["legal_source"],
         "valid_from": _date(r["valid_from"]), "valid_to": _date(r["valid_to"]), "note": r["note"]}
        for r in read_csv(DATA / "standards.csv")
    ]  # fmt: skip
    return sync_rows(PovertyStandard, key=["code"], rows=rows, fields=["name_vi", *DATED])


def _load_lines() -> int:
    standards = dict(PovertyStandard.objects.values_list("code", "pk"))
    rows = []
    for r in read_csv(DATA / "lines.csv"):
        rows.append({
            "standard_id": standards[r["standard"]], "area_class": r["area_class"],
            "income_line": int(r["income_line"]), "average_upper": _int(r["average_upper"]),
            "poor_min_deprivations": int(r["poor_min_deprivations"]),
            "score_income_line": _int(r["score_income_line"]),
            "score_per_deprivation": _int(r["score_per_deprivation"]),
            "score_poor_deprivation": _int(r["score_poor_deprivation"]),
            "legal_source": r["legal_source"], "note": r["note"],
        })  # fmt: skip
    return sync_rows(PovertyLine, key=["standard_id", "area_class"], rows=rows, fields=LINE_FIELDS)


def _load_indicators() -> int:
    """Indicators take their standard's legal source and dates unless their own row narrows them."""
    standards = {s.code: s for s in PovertyStandard.objects.all()}
    rows, order = [], {}
    for r in read_csv(DATA / "deprivation_indicators.csv"):
        standard = standards[r["standard"]]
        order[standard.pk] = order.get(standard.pk, 0) + 1
        rows.append({
            "standard_id": standard.pk, "code": r["code"], "dimension": r["dimension"], "name_vi": r["name_vi"],
            "deprived_when": r["deprived_when"], "order": order[standard.pk], "note": r["note"],
            "legal_source": r["legal_source"] or standard.legal_source,
            "valid_from": _date(r["valid_from"]) or standard.valid_from,
            "valid_to": _date(r["valid_to"]) or standard.valid_to,
        })  # fmt: skip
    fields = ["dimension", "name_vi", "deprived_when", "order", *DATED]
    return sync_rows(DeprivationIndicator, key=["standard_id", "code"], rows=rows, fields=fields)


def _load_low_income_thresholds() -> int:
    rows = [
        {"code": r["code"], "area_class": r["area_class"], "income_ceiling": int(r["income_ceiling"]),
         "legal_source": r["legal_source"], "valid_from": _date(r["valid_from"]), "valid_to": _date(r["valid_to"]),
         "note": r["note"]}
        for r in read_csv(DATA / "low_income_thresholds.csv")
    ]  # fmt: skip
    return sync_rows(LowIncomeThreshold, key=["code", "area_class"], rows=rows, fields=["income_ceiling", *DATED])
