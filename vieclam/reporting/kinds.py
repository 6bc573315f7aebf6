"""The reports the system makes, as data (data/kinds.csv): title, legal source, the periods a report covers, the
indicators it lists (codes of the indicator catalogue) and those it breaks down by commune."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import get_language

from vieclam.core.refdata import read_csv

__all__ = ("HALF", "YEAR", "ReportKind", "kind_get", "kinds")

DATA = Path(__file__).resolve().parent / "data"
HALF, YEAR = "half", "year"


@dataclass(frozen=True)
class ReportKind:
    code: str
    title_vi: str
    title_en: str
    periods: tuple[str, ...]
    indicators: tuple[str, ...]
    commune_indicators: tuple[str, ...]
    legal_source: str

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "vi").startswith("en") else self.title_vi


@functools.cache
def _kinds() -> dict[str, ReportKind]:
    out = {}
    for row in read_csv(DATA / "kinds.csv"):
        out[row["code"]] = ReportKind(
            code=row["code"], title_vi=row["title_vi"], title_en=row["title_en"],
            periods=tuple(row["periods"].split()), indicators=tuple(row["indicators"].split()),
            commune_indicators=tuple(row["commune_indicators"].split()), legal_source=row["legal_source"],
        )  # fmt: skip
    return out


def kinds() -> list[ReportKind]:
    return list(_kinds().values())


def kind_get(code: str) -> ReportKind | None:
    return _kinds().get(code)
