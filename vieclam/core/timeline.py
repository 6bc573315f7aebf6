"""A person's timeline: every kind of event the system holds on one person, in one list, newest first.

Each app that records something about a person registers a source in its `AppConfig.ready()`:

    timeline_source_register("counselling", label=_("Tư vấn"), provider=counselling_timeline)

A provider is `provider(*, person, viewer, limit) -> Iterable[TimelineEntry]`: the person is already checked to be
in the viewer's scope; the provider returns at most `limit` of its newest entries, in one or two indexed queries
on the person's id, with words (never codes) in `title` and `detail`. A new kind of event plugs in by registering
a source; no other source changes. `core` holds only the mechanism: it imports no project app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

__all__ = ("TimelineEntry", "timeline_for", "timeline_kinds", "timeline_source_register")


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened to a person. `at` is a datetime, or a date for facts known only by day."""

    at: dt.datetime | dt.date
    kind: str
    title: str
    detail: str = ""
    actor: str = ""
    url: str = ""

    @property
    def moment(self) -> dt.datetime:
        """`at` as an aware datetime, so dated and timed entries sort together (a date sorts at its start)."""
        if isinstance(self.at, dt.datetime):
            return self.at if timezone.is_aware(self.at) else timezone.make_aware(self.at)
        return dt.datetime.combine(self.at, dt.time.min, tzinfo=timezone.get_current_timezone())


Provider = Callable[..., Iterable[TimelineEntry]]


@dataclass(frozen=True)
class _Source:
    kind: str
    label: Any
    provider: Provider


_SOURCES: dict[str, _Source] = {}


def timeline_source_register(kind: str, *, label: Any, provider: Provider) -> None:
    """Add (or replace, on a reload) the source of one kind of event."""
    _SOURCES[kind] = _Source(kind=kind, label=label, provider=provider)


def timeline_kinds() -> list[tuple[str, str]]:
    """(kind, label) of every registered source, for the page's filter."""
    return [(source.kind, str(source.label)) for source in _SOURCES.values()]


def timeline_for(
    *, person: Any, viewer: Any, kinds: Iterable[str] | None = None, limit: int = 200
) -> list[TimelineEntry]:
    """The newest `limit` entries of the chosen kinds (all by default), newest first; equal moments keep the
    order of registration, so a record and its first event read in the order they were made."""
    wanted = set(kinds) if kinds else None
    entries: list[TimelineEntry] = []
    for source in _SOURCES.values():
        if wanted is not None and source.kind not in wanted:
            continue
        entries.extend(source.provider(person=person, viewer=viewer, limit=limit))
    entries.sort(key=lambda entry: entry.moment, reverse=True)
    return entries[:limit]
