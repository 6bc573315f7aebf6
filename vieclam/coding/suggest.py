"""Suggest VSCO 2020 4-digit occupation codes for a free-text job title, with a confidence in 0..1.

    >>> suggest_occupations("NHÂN VIÊN KINH DOANH (NGÀNH TÔN-QUẬN 2)", limit=3)[0]
    Suggestion(code='3322', name='Nhân viên đại diện bán hàng hóa thương mại', score=1.0)

Used when employers post, when vacancies are imported and by counsellors. No network and no model weights:
a TF-IDF nearest-neighbour index (index.py) over
  1. the names of the level-4 codes and of their level-5 children, from the Occupation table;
  2. curated aliases per code (data/occupation_aliases.csv), the job-market words for each code;
  3. real job titles labelled with a code (data/training_titles.csv).
Titles are cleaned first (normalize.py). The index is built once per process, on first use.
Candidate codes are the level-4 Occupation rows minus data/excluded_codes.csv (ISCO-08 codes that VSCO 2020
replaces by a national code, e.g. 5414 → 5401). Method and accuracy: data/SOURCES.md and the README.
"""

from __future__ import annotations

import csv
import heapq
import threading
from dataclasses import dataclass
from pathlib import Path

from vieclam.coding.index import Document, TfidfIndex
from vieclam.coding.normalize import clean_segment, title_segments
from vieclam.core.text import fold

DATA = Path(__file__).resolve().parent / "data"
ISCO_MARK = " (ISCO-08)"
TIED_PER_GROUP = 3
WEIGHTS = {"name": 0.9, "child": 0.85, "english": 0.8, "alias": 1.0, "title": 1.0}


@dataclass(frozen=True)
class Suggestion:
    """One suggested code: `score` is the similarity to the closest known name or title, 0..1."""

    code: str
    name: str
    score: float


@dataclass(frozen=True)
class OccupationRow:
    """What the suggester needs of an Occupation row."""

    code: str
    level: int
    name: str
    name_en: str = ""
    # An ISCO-08 fill: its Vietnamese name is this project's translation (codelists/data/SOURCES.md), shown but not
    # indexed: the aliases hold the market's words for these codes, and the translations' generic words ("thợ vận
    # hành máy", "sản xuất") would only dilute them (measured: top-1 85,4 % → 84,9 % when indexed).
    isco_fill: bool = False


def _document(code: str, name: str, kind: str) -> Document:
    return Document(code, ((clean_segment(name), 1.0),), WEIGHTS[kind])


def _members(units) -> dict[str, tuple[str, ...]]:
    """What a label stands for: a level-4 code itself, or a 3-digit group every candidate code under it ('174'
    labels a manager whose title does not say the industry that VSCO 174x is split by)."""
    members: dict[str, tuple[str, ...]] = {code: (code,) for code in units}
    for code in sorted(units):
        members[code[:3]] = (*members.get(code[:3], ()), code)
    return members


def _display_name(row: OccupationRow) -> str:
    """As Occupation.display_name: the Vietnamese name, else the ISCO-08 English title marked as such."""
    return row.name or (f"{row.name_en}{ISCO_MARK}" if row.name_en else row.code)


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class OccupationSuggester:
    """The index over the names, aliases and labelled titles of the candidate codes."""

    def __init__(self, occupations: list[OccupationRow], *, training: list[dict[str, str]] | None = None):
        excluded = {row["code"] for row in _read_csv("excluded_codes.csv")}
        override_rows = _read_csv("name_overrides.csv")
        overrides = {row["code"]: row["name"] for row in override_rows}
        self.english_overrides = {row["code"]: row["name_en"] for row in override_rows if row["name_en"]}
        units = {o.code: o for o in occupations if o.level == 4 and o.code not in excluded}
        self.names = {code: overrides.get(code) or _display_name(o) for code, o in units.items()}
        self.members = _members(units)
        if not units:  # code lists not loaded yet: suggest nothing rather than read the data files for nothing
            self.index = TfidfIndex([])
            return
        documents = list(self._name_documents(occupations, units, overrides))
        documents += self._text_documents(_read_csv("occupation_aliases.csv"), "alias")
        rows = _read_csv("training_titles.csv") if training is None else training
        documents += self._text_documents(rows, "title")
        self.index = TfidfIndex(documents)

    def _name_documents(self, occupations, units, overrides):
        for code, unit in units.items():
            name = overrides.get(code, unit.name)
            if code in self.english_overrides:  # a name translated for this project: its ISCO-08 title is indexed
                yield _document(code, self.english_overrides[code], "english")
            elif name and not (unit.isco_fill and code not in overrides):
                yield _document(code, name, "name")
            if unit.name_en:
                yield _document(code, unit.name_en, "english")
        for child in occupations:
            parent = units.get(child.code[:4])
            bare_industry = child.code[:3] in ("172", "174")  # their level-5 names are bare industries ('Xây dựng')
            if (
                child.level == 5
                and parent
                and child.name
                and not bare_industry
                and fold(child.name) != fold(parent.name)
            ):
                yield _document(parent.code, child.name, "child")

    def _text_documents(self, rows, kind) -> list[Document]:
        documents = []
        for row in rows:
            text = row.get("alias") or row.get("title", "")
            segments = [(clean_segment(text), 1.0)] if kind == "alias" else title_segments(text)
            segments = tuple((words, weight) for words, weight in segments if words)
            if segments and row["code"] in self.members:
                documents.append(Document(row["code"], segments, WEIGHTS[kind]))
        return documents

    def suggest(self, title: str, *, limit: int = 5) -> list[Suggestion]:
        """The `limit` best codes for `title`, best first; [] when no word of the title is known."""
        scores: dict[str, float] = {}
        for code, score in self.index.scores(title_segments(title)).items():
            for unit in self.members[code]:
                scores[unit] = max(score, scores.get(unit, 0.0))
        ranked = heapq.nsmallest(limit + 9, scores.items(), key=lambda item: (-item[1], item[0]))
        ranked = _cap_ties(ranked)[:limit]  # 9: all the 174x codes could tie ahead of the others
        return [Suggestion(code, self.names[code], round(score, 3)) for code, score in ranked]


def _cap_ties(ranked: list[tuple[str, float]], keep: int = TIED_PER_GROUP) -> list[tuple[str, float]]:
    """Move codes past the `keep`-th that tie with codes of their 3-digit group to the end.

    A manager title without an industry matches all nine 174x codes equally; showing three of them and then
    the next best other codes is more useful than five interchangeable ones.
    """
    seen: dict[tuple[str, float], int] = {}
    head, tail = [], []
    for code, score in ranked:
        key = (code[:3], round(score, 6))
        seen[key] = seen.get(key, 0) + 1
        (head if seen[key] <= keep else tail).append((code, score))
    return head + tail


_lock = threading.Lock()
_suggester: OccupationSuggester | None = None


def get_suggester() -> OccupationSuggester:
    """The process-wide suggester, built from the Occupation table on first use (not cached while it is empty)."""
    global _suggester
    if _suggester is None:
        with _lock:
            if _suggester is None:
                rows = _occupation_rows()
                if not rows:
                    return OccupationSuggester([])
                _suggester = OccupationSuggester(rows)
    return _suggester


def _occupation_rows() -> list[OccupationRow]:
    from vieclam.codelists.choices import OccupationOrigin
    from vieclam.codelists.models import Occupation

    fields = ("code", "level", "name_vi", "name_en", "origin")
    rows = []
    for code, level, name, name_en, origin in Occupation.objects.filter(level__in=(4, 5)).values_list(*fields):
        fill = origin == OccupationOrigin.ISCO08_FILL
        # Only a fill's English name (its ISCO-08 title) is indexed: the VSCO rows' English names are this project's
        # translations of the Vietnamese names already indexed, so they would add no words of the market's own.
        rows.append(OccupationRow(code, level, name or "", (name_en or "") if fill else "", fill))
    return rows


def suggest_occupations(title: str, *, limit: int = 5) -> list[Suggestion]:
    """Top `limit` VSCO level-4 codes for a free-text job title; see the module docstring."""
    return get_suggester().suggest(title, limit=limit)
