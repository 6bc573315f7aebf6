"""Accuracy of an occupation coder on the labelled real titles in data/eval_titles.csv (see data/SOURCES.md).

A suggestion is correct when it is the labelled `code` or one of `code_alt` (ambiguous titles accept more
than one code). A 3-digit label ('174') accepts any code under it: managers whose title does not say the
industry that VSCO 174x is split by. Used by the tests (a floor) and by bench/occupation_coding.py.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

EVAL_FILE = Path(__file__).resolve().parent / "data" / "eval_titles.csv"


@dataclass(frozen=True)
class LabelledTitle:
    """One evaluation row: the title as posted and the codes accepted for it, primary first."""

    title: str
    accepted: tuple[str, ...]
    source: str
    stratum: str

    def is_correct(self, code: str, *, primary_only: bool = False) -> bool:
        accepted = self.accepted[:1] if primary_only else self.accepted
        return any(code == ok or (len(ok) == 3 and code.startswith(ok)) for ok in accepted)


@dataclass
class Result:
    """Counts and per-title latencies of one run; `misses` lists (title, accepted, top 3) for the top-3 misses."""

    total: int = 0
    top1: int = 0
    top1_primary: int = 0
    top3: int = 0
    seconds: list[float] = field(default_factory=list)
    misses: list[tuple[str, tuple[str, ...], list[str]]] = field(default_factory=list)

    def rate(self, hits: int) -> float:
        return hits / self.total if self.total else 0.0

    def latency_ms(self, quantile: float | None = None) -> float:
        if not self.seconds:
            return 0.0
        ordered = sorted(self.seconds)
        if quantile is None:
            return 1000 * sum(ordered) / len(ordered)
        return 1000 * ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]


def load_eval(path: Path = EVAL_FILE) -> list[LabelledTitle]:
    with path.open(encoding="utf-8") as handle:
        return [
            LabelledTitle(row["title"], (row["code"], *row["code_alt"].split()), row["source"], row["stratum"])
            for row in csv.DictReader(handle)
        ]


def evaluate(coder: Callable[[str], list[str]], rows: list[LabelledTitle]) -> Result:
    """Run `coder(title) → codes, best first` over `rows`, timing each call."""
    result = Result()
    for row in rows:
        started = time.perf_counter()
        codes = coder(row.title)
        result.seconds.append(time.perf_counter() - started)
        result.total += 1
        result.top1 += bool(codes) and row.is_correct(codes[0])
        result.top1_primary += bool(codes) and row.is_correct(codes[0], primary_only=True)
        if any(row.is_correct(code) for code in codes[:3]):
            result.top3 += 1
        else:
            result.misses.append((row.title, row.accepted, codes[:3]))
    return result
