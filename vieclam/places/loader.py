"""Loads the administrative units, their dated changes and the 2025 crosswalk from places/data/.

Sources and the reasons behind every correction are in places/data/SOURCES.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from vieclam.core.refdata import read_csv, sync_rows
from vieclam.core.text import fold
from vieclam.places.choices import Level, UnitType
from vieclam.places.models import REFORM_DATE, AdministrativeUnit, AreaClassRule, Edition, Succession, UnitVersion

DATA = Path(__file__).resolve().parent / "data"
PRE_END = REFORM_DATE - dt.timedelta(days=1)
PRE_SOURCE = "thanglequoc/vietnamese-provinces-database v2.4.1 (NQ 1365/NQ-UBTVQH15)"
POST_SOURCE = "Công văn 1027/CTK-CSCL; QĐ 19/2025/QĐ-TTg (thanglequoc v3.0.2 for types and English names)"
MAPPING_SOURCE = "dvhcvn/20250701 merges.json (not official; NQ 1654–1687/NQ-UBTVQH15)"

# thanglequoc v3.0.2 and v4.2.0 use 06978 and 23938; Công văn 1027 and the crosswalk use 06970 and 23737.
# The official list wins: it is the one provinces and the national systems code against.
CODE_CORRECTIONS = {"06978": "06970", "23938": "23737"}

TYPE_BY_NAME = {
    "Thành phố trực thuộc trung ương": UnitType.CENTRAL_CITY,
    "Tỉnh": UnitType.PROVINCE,
    "Thành phố thuộc thành phố trực thuộc trung ương": UnitType.CITY_IN_CENTRAL_CITY,
    "Thành phố thuộc tỉnh": UnitType.PROVINCIAL_CITY,
    "Quận": UnitType.URBAN_DISTRICT,
    "Thị xã": UnitType.TOWN,
    "Huyện": UnitType.RURAL_DISTRICT,
    "Phường": UnitType.WARD,
    "Thị trấn": UnitType.TOWNLET,
    "Xã": UnitType.COMMUNE,
    "Đặc khu tại hải đảo": UnitType.SPECIAL_ZONE,
}
PREFIXES = ("Phường ", "Xã ", "Đặc khu ", "Thị trấn ")
UNIT_FIELDS = [
    "name", "short_name", "name_en", "unit_type", "area_class", "parent_id",
    "province_id", "valid_from", "valid_to", "search_text", "source",
]  # fmt: skip


def load_places() -> dict[str, int]:
    """Load everything; returns the number of changed rows per table (all 0 on a second run)."""
    changes = {"area_class_rules": _load_area_class_rules()}
    classes = dict(AreaClassRule.objects.values_list("unit_type", "area_class"))
    dated = _dated_changes()
    changes["units"] = _load_units(classes, dated)
    base = {(r["edition"], r["level"], r["code"]): (r["name"], r["unit_type"]) for r in [*_pre_rows(), *_post_rows({})]}
    changes["unit_versions"] = _load_versions(classes, dated, base)
    changes["successions"] = _load_successions()
    return changes


def _load_area_class_rules() -> int:
    """Only missing rules are created: an officer's edit of a rule (say for đặc khu) is kept."""
    have = set(AreaClassRule.objects.values_list("unit_type", flat=True))
    new = [AreaClassRule(**row) for row in read_csv(DATA / "area_class_rules.csv") if row["unit_type"] not in have]
    AreaClassRule.objects.bulk_create(new)
    return len(new)


def _dated_changes() -> dict[tuple[str, str], list[dict]]:
    by_unit: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in read_csv(DATA / "dated_changes.csv"):
        row["valid_from"] = dt.date.fromisoformat(row["valid_from"])
        by_unit[(row["level"], row["code"])].append(row)
    return by_unit


def _unit_row(r: dict, level: str, common: dict, **overrides) -> dict:
    """One unit from a source CSV row; `overrides` set code, name, parent or province."""
    row = {
        "level": level, "code": r["code"], "name": r["full_name"], "short_name": r["name"],
        "name_en": r["full_name_en"], "unit_type": TYPE_BY_NAME[r["administrative_unit_name"]],
        "area_class": "", "parent_id": None, "province_id": None, "valid_from": None, "valid_to": None,
    }  # fmt: skip
    row.update(common)
    row.update(overrides)
    return row


def _pre_rows() -> list[dict]:
    common = {"edition": Edition.PRE_2025, "valid_to": PRE_END, "source": PRE_SOURCE}
    rows = [_unit_row(r, Level.PROVINCE, common) for r in read_csv(DATA / "pre_2025_07/provinces.csv")]
    rows += [
        _unit_row(r, Level.DISTRICT, common, parent=("province", r["province_code"]), province=r["province_code"])
        for r in read_csv(DATA / "pre_2025_07/districts.csv")
    ]
    rows += [
        _unit_row(r, Level.COMMUNE, common, parent=("district", r["district_code"]), province=r["province_code"])
        for r in read_csv(DATA / "pre_2025_07/wards.csv")
    ]
    return rows


def _post_rows(dated) -> list[dict]:
    official = {r["code"]: r["name"] for r in read_csv(DATA / "official_gso_2025/communes_1027_CTK-CSCL.csv")}
    common = {"edition": Edition.POST_2025, "valid_from": REFORM_DATE, "source": POST_SOURCE}
    rows = [_unit_row(r, Level.PROVINCE, common) for r in read_csv(DATA / "post_2025_07/provinces.csv")]
    for r in read_csv(DATA / "post_2025_07/wards.csv"):
        code = CODE_CORRECTIONS.get(r["code"], r["code"])
        name = official[code]  # the official spelling wins (e.g. 00745 Phố Bảng)
        short = next((name[len(p) :] for p in PREFIXES if name.startswith(p)), r["name"])
        parent = ("province", r["province_code"])
        rows.append(_unit_row(r, Level.COMMUNE, common, code=code, name=name, short_name=short, parent=parent,
                              province=r["province_code"]))  # fmt: skip
    for row in rows:
        changes = dated.get((row["level"], row["code"]), [])
        if changes:  # the unit's columns hold its latest state
            row["name"], row["unit_type"] = changes[-1]["full_name"], changes[-1]["unit_type"]
    return rows


def _load_units(classes, dated) -> int:
    pre, post = _pre_rows(), _post_rows(dated)
    all_names = _names_by_unit(post, dated)
    changed = 0
    for edition_rows in (pre, post):
        for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
            rows = [r for r in edition_rows if r["level"] == level]
            if rows:
                changed += _sync_level(rows, classes, all_names)
    return changed


def _names_by_unit(post, dated) -> dict[tuple[str, str], list[str]]:
    names = {}
    for row in post:
        extra = [c["full_name"] for c in dated.get((row["level"], row["code"]), [])]
        names[(row["level"], row["code"])] = extra
    return names


def _sync_level(rows, classes, all_names) -> int:
    edition = rows[0]["edition"]
    ids = {(u.level, u.code): u.pk for u in AdministrativeUnit.objects.filter(edition=edition)}
    for row in rows:
        parent = row.pop("parent", None)
        province = row.pop("province", None)
        row["parent_id"] = ids.get(parent) if parent else None
        row["province_id"] = ids.get(("province", province or row["code"]))
        row["area_class"] = classes.get(row["unit_type"], "") if row["level"] == Level.COMMUNE else ""
        extra = all_names.get((row["level"], row["code"]), []) if edition == Edition.POST_2025 else []
        # The leading space lets a search match at the start of any word, the first included.
        row["search_text"] = " " + fold(" ".join([row["code"], row["name"], row["name_en"], *extra]))[:398]
    changed = sync_rows(AdministrativeUnit, key=["edition", "level", "code"], rows=rows, fields=UNIT_FIELDS)
    if rows[0]["level"] == Level.PROVINCE:
        changed += _point_provinces_at_themselves(edition)
    return changed


def _point_provinces_at_themselves(edition) -> int:
    """A province's `province` is itself, so 'everything in province P' is one filter at every level."""
    missing = AdministrativeUnit.objects.filter(edition=edition, level=Level.PROVINCE, province__isnull=True)
    count = 0
    for unit in missing:
        AdministrativeUnit.objects.filter(pk=unit.pk).update(province_id=unit.pk)
        count += 1
    return count


def _load_versions(classes, dated, base) -> int:
    rows = []
    for unit in AdministrativeUnit.objects.only("pk", "level", "code", "edition", "valid_from", "valid_to"):
        own_changes = dated.get((unit.level, unit.code), []) if unit.edition == Edition.POST_2025 else []
        rows.extend(_versions_of(unit, classes, own_changes, base[(unit.edition, unit.level, unit.code)]))
    return sync_rows(UnitVersion, key=["unit_id", "valid_from"], rows=rows,
                     fields=["valid_to", "name", "unit_type", "area_class", "legal_source"],
                     delete_missing=True)  # fmt: skip


def _versions_of(unit, classes, changes, base) -> list[dict]:
    legal = "NQ 1365/NQ-UBTVQH15" if unit.edition == Edition.PRE_2025 else "QĐ 19/2025/QĐ-TTg; NQ 202/2025/QH15"
    starts = [(unit.valid_from, base[0], base[1], legal)]
    starts += [(c["valid_from"], c["full_name"], c["unit_type"], c["legal_source"]) for c in changes]
    versions = []
    for i, (start, name, unit_type, source) in enumerate(starts):
        end = starts[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(starts) else unit.valid_to
        area_class = classes.get(unit_type, "") if unit.level == Level.COMMUNE else ""
        versions.append({"unit_id": unit.pk, "valid_from": start, "valid_to": end, "name": name,
                         "unit_type": unit_type, "area_class": area_class, "legal_source": source})  # fmt: skip
    return versions


def _load_successions() -> int:
    pre = {(u.level, u.code): u.pk for u in AdministrativeUnit.objects.filter(edition=Edition.PRE_2025)}
    post = {(u.level, u.code): u.pk for u in AdministrativeUnit.objects.filter(edition=Edition.POST_2025)}
    rows = []
    for r in read_csv(DATA / "mapping_2025/province_old_to_new.csv"):
        rows.append(_succession(Level.PROVINCE, r["old_province_code"], r["old_province_name"],
                                r["new_province_code"], r["merge_type"], pre, post))  # fmt: skip
    for r in read_csv(DATA / "mapping_2025/ward_old_to_new.csv"):
        new_code = CODE_CORRECTIONS.get(r["new_ward_code"], r["new_ward_code"])
        rows.append(_succession(Level.COMMUNE, r["old_ward_code"], r["old_ward_name"],
                                new_code, r["merge_type"], pre, post))  # fmt: skip
    return sync_rows(Succession, key=["level", "predecessor_code", "successor_id"], rows=rows,
                     fields=["predecessor_id", "predecessor_name", "kind", "source"], delete_missing=True)  # fmt: skip


def _succession(level, old_code, old_name, new_code, kind, pre, post) -> dict:
    return {
        "level": level, "predecessor_code": old_code, "predecessor_name": old_name,
        "predecessor_id": pre.get((level, old_code)), "successor_id": post[(level, new_code)],
        "kind": kind, "source": MAPPING_SOURCE,
    }  # fmt: skip
