"""Loads the national code lists from codelists/data/: occupations, industries, ethnic groups, TT 11/2022 lists.

The legal source and validity period of each edition are in data/editions.csv; sources and caveats of every
file are in data/SOURCES.md. Rows are matched on their code and never deleted (see models.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import models

from vieclam.codelists.choices import IndustrySystem, OccupationOrigin
from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Industry, Occupation
from vieclam.core.refdata import read_csv, sync_rows
from vieclam.core.text import fold

DATA = Path(__file__).resolve().parent / "data"
DATED = ["valid_from", "valid_to", "legal_source", "note", "search_text"]
OCCUPATION_FIELDS = ["level", "name_vi", "name_en", "parent_code", "parent_id", "origin", "gap_type", *DATED]
INDUSTRY_FIELDS = ["level", "name_vi", "name_en", "parent_code", "parent_id", "section", *DATED]
ORIGIN_BY_ROW_ORIGIN = {"vsco_source": OccupationOrigin.VSCO, "isco08_fill": OccupationOrigin.ISCO08_FILL}

# Names in current use that the GSO list spells differently; searched, never shown.
ETHNIC_SEARCH_ALIASES = {"05": "Khmer", "08": "Mông Hmong H'Mông", "47": "Cờ Lao"}


def load_codelists() -> dict[str, int]:
    """Load everything; returns the number of changed rows per table (all 0 on a second run)."""
    editions = _editions()
    return {
        "occupations": _load_occupations(editions),
        "industries": _load_industries(editions),
        "ethnic_groups": _load_ethnic_groups(editions["ethnic_groups"]),
        "code_lists": _load_code_lists(),
        "code_items": _load_code_items(),
    }


def _names_en(file: str) -> dict[str, str]:
    """{code: English name} from one of the *_names_en.csv files written for this project."""
    return {r["code"]: r["name_en"] for r in read_csv(DATA / file)}


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _editions() -> dict[str, dict]:
    """{edition: {legal_source, valid_from, valid_to}} from editions.csv."""
    return {
        row["edition"]: {
            "legal_source": row["legal_source"],
            "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]),
        }
        for row in read_csv(DATA / "editions.csv")
    }


def _search_text(*parts: str) -> str:
    """Folded text for `q`; hyphenated names are also stored joined and split ('kho-me kho me khome')."""
    text = fold(" ".join(p for p in parts if p))
    if "-" in text:
        text = f"{text} {text.replace('-', ' ')} {text.replace('-', '')}"
    return text


def _sync_tree(model: type[models.Model], rows: list[dict], *, key: list[str], fields: list[str], **scope) -> int:
    """Sync rows level by level, so every parent exists (and has a pk) before its children point at it."""
    changed = 0
    for level in sorted({row["level"] for row in rows}):
        ids = dict(model.objects.filter(**scope).values_list("code", "pk"))
        level_rows = [row for row in rows if row["level"] == level]
        for row in level_rows:
            row["parent_id"] = ids.get(row["parent_code"]) if row["parent_code"] else None
        changed += sync_rows(model, key=key, rows=level_rows, fields=fields)
    return changed


#
# Occupations
#
def _load_occupations(editions: dict[str, dict]) -> int:
    rows = []
    # Vietnamese names of the ISCO-08 fills the source leaves unnamed, translated for this project (SOURCES.md).
    fill_names = {r["code"]: r["name_vi"] for r in read_csv(DATA / "isco08_fill_names_vi.csv")}
    # English names of the VSCO rows (the fills keep their ISCO-08 title), written for this project (SOURCES.md).
    names_en = _names_en("vsco2020_names_en.csv")
    for r in read_csv(DATA / "vsco2020_completed.csv"):
        origin = ORIGIN_BY_ROW_ORIGIN[r["row_origin"]]
        edition = editions["isco08_fill" if origin == OccupationOrigin.ISCO08_FILL else "vsco2020"]
        name_vi = r["name_vi"] or (fill_names.get(r["code"], "") if origin == OccupationOrigin.ISCO08_FILL else "")
        name_en = r["title_en"] or names_en.get(r["code"], "")
        rows.append({
            "code": r["code"], "level": int(r["level"]), "name_vi": name_vi, "name_en": name_en,
            "parent_code": r["parent_code"], "origin": origin, "gap_type": r["gap_type"], "note": r["qa_note"],
            "search_text": _search_text(r["code"], name_vi, name_en), **edition,
        })  # fmt: skip
    return _sync_tree(Occupation, rows, key=["code"], fields=OCCUPATION_FIELDS)


#
# Industries
#
def _load_industries(editions: dict[str, dict]) -> int:
    changed = _sync_tree(Industry, _vsic2007_rows(editions["vsic2007"]), key=["system", "code"],
                         fields=INDUSTRY_FIELDS, system=IndustrySystem.VSIC2007)  # fmt: skip
    changed += _sync_tree(Industry, _vsic2025_rows(editions["vsic2025"]), key=["system", "code"],
                          fields=INDUSTRY_FIELDS, system=IndustrySystem.VSIC2025)  # fmt: skip
    return changed


def _industry_row(system, code, level, name, parent_code, section, note, edition, names_en) -> dict:
    name_en = names_en.get(code, "")
    return {
        "system": system, "code": code, "level": level, "name_vi": name, "name_en": name_en,
        "parent_code": parent_code, "section": section, "note": note,
        "search_text": _search_text(code, name, name_en), **edition,
    }  # fmt: skip


def _vsic2007_rows(edition: dict) -> list[dict]:
    system, names_en = IndustrySystem.VSIC2007, _names_en("vsic2007_names_en.csv")
    return [
        _industry_row(system, r["code"], int(r["level"]), r["name_vi"], r["parent_code"], r["section"], "", edition,
                      names_en)
        for r in read_csv(DATA / "vsic2007_codes.csv")
    ]  # fmt: skip


def _vsic2025_rows(edition: dict) -> list[dict]:
    """Sections (19 of 22) and level 4. The 3-digit parents are not in the data, and neither is a trustworthy
    division → section mapping, so level-4 rows keep parent_code but get neither a parent nor a section."""
    system, names_en = IndustrySystem.VSIC2025, _names_en("vsic2025_names_en.csv")
    sections = [
        _industry_row(system, r["code"], 1, r["name_vi"], "", r["code"], r["note"], edition, names_en)
        for r in read_csv(DATA / "vsic2025_sections_partial.csv")
    ]
    groups = [
        _industry_row(system, r["code"], 4, r["name_vi"], r["parent_code"], "", "", edition, names_en)
        for r in read_csv(DATA / "vsic2025_level4.csv")
    ]
    return sections + groups


#
# Ethnic groups
#
def _load_ethnic_groups(edition: dict) -> int:
    names_en = _names_en("ethnic_groups_names_en.csv")
    rows = [
        {
            "code": r["code"], "name_vi": r["name_vi"], "name_en": names_en.get(r["code"], ""),
            "other_names": r["other_names_vi"], "note": r["qa_note"],
            "search_text": _search_text(r["code"], r["name_vi"], r["other_names_vi"], names_en.get(r["code"], ""),
                                        ETHNIC_SEARCH_ALIASES.get(r["code"], "")),
            **edition,
        }
        for r in read_csv(DATA / "ethnic_groups_vn_54.csv")
    ]  # fmt: skip
    return sync_rows(EthnicGroup, key=["code"], rows=rows, fields=["name_vi", "name_en", "other_names", *DATED])


#
# Short code lists: TT 11/2022/TT-BLĐTBXH form lists and the employment-service lists
#
def _load_code_lists() -> int:
    item_names: dict[str, list[str]] = {}
    for item in _items_csv():
        item_names.setdefault(item["list"], []).append(item["name_vi"])
    rows = []
    for r in _lists_csv():
        names = item_names.get(r["slug"], [])
        rows.append({
            "slug": r["slug"], "name_vi": r["name_vi"], "name_en": r["name_en"], "legal_source": r["legal_source"],
            "valid_from": _date(r["valid_from"]), "valid_to": _date(r["valid_to"]), "note": r["note"],
            "search_text": _search_text(r["slug"].replace("-", " "), r["name_vi"], r["name_en"], *names),
        })  # fmt: skip
    return sync_rows(CodeList, key=["slug"], rows=rows, fields=["name_vi", "name_en", *DATED])


def _load_code_items() -> int:
    """Items inherit their list's legal source and dates unless their own row narrows them."""
    lists = {c.slug: c for c in CodeList.objects.all()}
    rows, order = [], {}
    for r in _items_csv():
        code_list = lists[r["list"]]
        order[code_list.pk] = order.get(code_list.pk, 0) + 1
        rows.append({
            "code_list_id": code_list.pk, "code": r["code"], "name_vi": r["name_vi"], "name_en": r["name_en"],
            "parent_code": r["parent_code"], "order": order[code_list.pk], "note": r["note"],
            "legal_source": r["legal_source"] or code_list.legal_source,
            "valid_from": _date(r["valid_from"]) or code_list.valid_from,
            "valid_to": _date(r["valid_to"]) or code_list.valid_to,
            "search_text": _search_text(r["code"].replace("_", " "), r["name_vi"], r["name_en"]),
        })  # fmt: skip
    _check_parents(rows)
    fields = ["name_vi", "name_en", "parent_code", "order", *DATED]
    return sync_rows(CodeItem, key=["code_list_id", "code"], rows=rows, fields=fields)


# (lists, items) file pairs: the TT 11/2022 form lists, and the employment-service lists (counselling topics,
# channels, group-session units) written for this project from the law and the seeds (SOURCES.md).
LIST_FILES = [("tt11_2022_lists.csv", "tt11_2022_items.csv"), ("services_lists.csv", "services_items.csv")]


def _lists_csv() -> list[dict]:
    return [row for lists, _items in LIST_FILES for row in read_csv(DATA / lists)]


def _items_csv() -> list[dict]:
    return [row for _lists, items in LIST_FILES for row in read_csv(DATA / items)]


def _check_parents(rows: list[dict]) -> None:
    codes = {(r["code_list_id"], r["code"]) for r in rows}
    missing = [r["code"] for r in rows if r["parent_code"] and (r["code_list_id"], r["parent_code"]) not in codes]
    if missing:
        raise ValueError(f"code-list items: parent_code not in the same list for {missing}")
