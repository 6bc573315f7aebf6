"""Idempotent loading of reference data: compare with what is stored, write only the differences."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.db import models


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sync_rows(
    model: type[models.Model],
    *,
    key: Sequence[str],
    rows: Iterable[dict],
    fields: Sequence[str],
    delete_missing: bool = False,
) -> int:
    """Make the table hold `rows`, matched on `key`; returns how many rows were created, changed or deleted.

    Example: sync_rows(EthnicGroup, key=["code"], rows=[{"code": "01", "name": "Kinh"}], fields=["name"])
    """
    existing = {tuple(getattr(obj, k) for k in key): obj for obj in model.objects.all()}
    to_create, to_update, seen = [], [], set()
    for row in rows:
        row_key = tuple(row[k] for k in key)
        seen.add(row_key)
        obj = existing.get(row_key)
        if obj is None:
            to_create.append(model(**row))
            continue
        changed = [f for f in fields if getattr(obj, f) != row[f]]
        for f in changed:
            setattr(obj, f, row[f])
        if changed:
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=1000)
    if to_update:
        model.objects.bulk_update(to_update, list(fields), batch_size=500)
    deleted = 0
    if delete_missing:
        stale = [obj.pk for k, obj in existing.items() if k not in seen]
        for start in range(0, len(stale), 500):
            deleted += model.objects.filter(pk__in=stale[start : start + 500]).delete()[0]
    return len(to_create) + len(to_update) + deleted


def load_all_reference() -> dict[str, int]:
    """Every app's reference data, in dependency order; {table: changed rows}."""
    from vieclam.codelists.loader import load_codelists
    from vieclam.places.loader import load_places
    from vieclam.poverty.loader import load_poverty_rules

    return {**load_places(), **load_codelists(), **load_poverty_rules()}
