"""Loads the indicator catalogue from indicators/data/catalogue.csv (sources in data/SOURCES.md).

Rows are matched on their code and never deleted: an indicator that ends gets a `valid_to`. Every rule a row names
must be registered (indicators.rules), so a typo fails the load instead of showing an empty figure.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from vieclam.core.refdata import read_csv, sync_rows
from vieclam.indicators.models import Indicator
from vieclam.indicators.rules import DROP, rule_names

DATA = Path(__file__).resolve().parent / "data"
FIELDS = [
    "name_vi", "name_en", "group", "order", "unit", "numerator", "denominator", "scale", "decimals",
    "disaggregations", "better", "key", "definition", "legal_source", "valid_from", "valid_to",
]  # fmt: skip


def catalogue_rows() -> list[dict]:
    rows = []
    for order, r in enumerate(read_csv(DATA / "catalogue.csv"), start=1):
        rows.append({
            "code": r["code"], "name_vi": r["name_vi"], "name_en": r["name_en"], "group": r["group"],
            "order": order, "unit": r["unit"], "numerator": r["numerator"], "denominator": r["denominator"],
            "scale": int(r["scale"] or 1), "decimals": int(r["decimals"] or 0),
            "disaggregations": json.loads(r["disaggregations"] or "[]"), "better": r["better"] or "higher",
            "key": r["key"] == "1", "definition": r["definition"], "legal_source": r["legal_source"],
            "valid_from": _date(r["valid_from"]), "valid_to": _date(r["valid_to"]),
        })  # fmt: skip
    return rows


def load_catalogue() -> dict[str, int]:
    rows = catalogue_rows()
    known = set(rule_names())
    names = {r[k].removeprefix(DROP) for r in rows for k in ("numerator", "denominator") if r[k]}
    unknown = sorted(names - known)
    if unknown:
        raise ImproperlyConfigured(f"indicators/data/catalogue.csv names unregistered counting rules: {unknown}")
    return {"indicators": sync_rows(Indicator, key=["code"], rows=rows, fields=FIELDS)}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
