"""Idempotent loading of reference data: compare with what is stored, write only the differences."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
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


@dataclass(frozen=True)
class ReferenceLoader:
    """One app's reference data: `load()` returns {table: changed rows}; it runs after the loaders named in `after`."""

    name: str
    load: Callable[[], dict[str, int]]
    after: tuple[str, ...] = ()


_loaders: dict[str, ReferenceLoader] = {}


def reference_loader_register(name: str, load: Callable[[], dict[str, int]], *, after: Sequence[str] = ()) -> None:
    """Called by an app (in its AppConfig.ready) so load_all_reference loads its data; registering twice is harmless.

    Example: reference_loader_register("poverty", load_poverty_rules, after=["places"])
    """
    _loaders[name] = ReferenceLoader(name, load, tuple(after))


def reference_loaders() -> list[ReferenceLoader]:
    """The registered loaders, each after those it names in `after` (then by name): the order they run in."""
    order = list(TopologicalSorter({name: loader.after for name, loader in sorted(_loaders.items())}).static_order())
    missing = [name for name in order if name not in _loaders]
    if missing:
        raise ImproperlyConfigured(f"Reference loaders wait for loaders nobody registered: {', '.join(missing)}")
    return [_loaders[name] for name in order]


def load_all_reference() -> dict[str, int]:
    """Every registered app's reference data, in dependency order; {table: changed rows}."""
    changes: dict[str, int] = {}
    for loader in reference_loaders():
        changes.update(loader.load())
    return changes
