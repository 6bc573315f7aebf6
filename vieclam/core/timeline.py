"""A person's timeline: every kind of event the system holds on one person, in one list, newest first.

Each app that records something about a person registers a source in its `AppConfig.ready()`:

    timeline_source_register("counselling", label=_("Tư vấn"), provider=counselling_timeline)

A provider is `provider(*, person, viewer, limit) -> Iterable[TimelineEntry]`: the person is already checked to be
in the viewer's scope; the provider returns at most `limit` of its newest entries, in one or two indexed queries
on the person's id, with words (never codes) in `title` and `detail`. A new kind of event plugs in by registering
a source; no other source changes. `core` holds only the mechanism: it imports no project app.

A source may name a `probe`, `TimelineProbe(Model, "person")`: the table and column where a person with entries of
that kind has at least one row. Before the providers run, one query asks every probe at once (an EXISTS per
source, each an index lookup) and only the sources that may have entries run their queries: a person has entries
of a few kinds, and each provider's query costs about a millisecond of ORM work however few rows it finds. A probe
may say yes where its provider finds nothing (a follow-up not yet done); it must never say no where it would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import connection
from django.utils import timezone

__all__ = ("TimelineEntry", "TimelineProbe", "timeline_for", "timeline_kinds", "timeline_source_register")


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened to a person. `at` is a datetime, or a date for facts known only by day."""

    at: dt.datetime | dt.date
    kind: str
    title: str
    detail: str = ""
    actor: str = ""
    url: str = ""

    @cached_property  # read by the sort and again by the page
    def moment(self) -> dt.datetime:
        """`at` as an aware datetime, so dated and timed entries sort together (a date sorts at its start)."""
        if isinstance(self.at, dt.datetime):
            return self.at if timezone.is_aware(self.at) else timezone.make_aware(self.at)
        return dt.datetime.combine(self.at, dt.time.min, tzinfo=timezone.get_current_timezone())


Provider = Callable[..., Iterable[TimelineEntry]]


@dataclass(frozen=True)
class TimelineProbe:
    """Rows of `model` whose `field` equals the person's `attr` exist when the source may have entries."""

    model: Any
    field: str = "person"
    attr: str = "pk"

    def sql(self) -> str:
        column = connection.ops.quote_name(self.model._meta.get_field(self.field).column)
        table = connection.ops.quote_name(self.model._meta.db_table)
        return f"EXISTS (SELECT 1 FROM {table} WHERE {column} = %s)"


@dataclass(frozen=True)
class _Source:
    kind: str
    label: Any
    provider: Provider
    probe: TimelineProbe | None = None


_SOURCES: dict[str, _Source] = {}


def timeline_source_register(kind: str, *, label: Any, provider: Provider, probe: TimelineProbe | None = None) -> None:
    """Add (or replace, on a reload) the source of one kind of event."""
    _SOURCES[kind] = _Source(kind=kind, label=label, provider=provider, probe=probe)


def timeline_kinds() -> list[tuple[str, str]]:
    """(kind, label) of every registered source, for the page's filter."""
    return [(source.kind, str(source.label)) for source in _SOURCES.values()]


def timeline_for(
    *, person: Any, viewer: Any, kinds: Iterable[str] | None = None, limit: int = 200
) -> list[TimelineEntry]:
    """The newest `limit` entries of the chosen kinds (all by default), newest first; equal moments keep the
    order of registration, so a record and its first event read in the order they were made."""
    wanted = set(kinds) if kinds else None
    sources = [s for s in _SOURCES.values() if wanted is None or s.kind in wanted]
    absent = _absent(sources, person)
    entries: list[TimelineEntry] = []
    for source in sources:
        if source.kind not in absent:
            entries.extend(source.provider(person=person, viewer=viewer, limit=limit))
    entries.sort(key=lambda entry: entry.moment, reverse=True)
    return entries[:limit]


def _absent(sources: list[_Source], person: Any) -> set[str]:
    """The kinds whose probe finds no row for the person, in one query."""
    probed = [s for s in sources if s.probe is not None and getattr(person, s.probe.attr, None) is not None]
    if len(probed) < 2:  # one probe would cost the query it saves
        return set()
    sql = "SELECT " + ", ".join(s.probe.sql() for s in probed)  # type: ignore[union-attr]
    with connection.cursor() as cursor:
        cursor.execute(sql, [getattr(person, s.probe.attr) for s in probed])  # type: ignore[union-attr]
        found = cursor.fetchone()
    return {s.kind for s, present in zip(probed, found, strict=True) if not present}
