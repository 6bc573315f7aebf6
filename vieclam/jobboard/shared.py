"""What the public job search shows alike to every visitor, kept in the Django cache (Redis in production).

The job board is the busiest public page, and most of each request used to be the same for everyone: the
select options (provinces, occupations, contract types), the code-list names of a result row, the provinces
and communes a query string names, and, for a given query string, the count and the ids of a page of results.
These are read from the cache; a request then loads only the rows of its page by id.

Freshness: reference data is kept per day (and `REFERENCE_SECONDS`); search results for `RESULTS_SECONDS` at
most, and any change of the index (jobboard.indexing) starts a new generation of keys at once, so a vacancy
saved, closed or filled drops out of every cached search. Bulk writes that bypass the index (deadlines passing)
(queryset.update, COPY) show at most `RESULTS_SECONDS` late.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.translation import get_language

from vieclam.core.dates import today

__all__ = (
    "PAGE_SIZE",
    "REFERENCE_SECONDS",
    "RESULTS_SECONDS",
    "SearchPage",
    "index_changed",
    "reference",
    "search_page",
)

PAGE_SIZE = 20
REFERENCE_SECONDS = 600
RESULTS_SECONDS = 60
GENERATION_KEY = "jobboard:generation"

T = TypeVar("T")


def reference(name: str, compute: Callable[[], T], *parts: object) -> T:
    """`compute()` once per day, language and `parts` (reference data: the same for every visitor)."""
    key = _key("ref", name, today().isoformat(), get_language() or "", *parts)
    return cache.get_or_set(key, compute, REFERENCE_SECONDS)


def index_changed() -> None:
    """The index changed: every cached search is dropped (a new generation of keys)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.add(GENERATION_KEY, 1, None)


def _generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


@dataclass(frozen=True)
class SearchPage:
    """One page of a search, as cached: how the words were read, the total, and the vacancy ids of the page."""

    key: str  # the cache key: also names the cached fragment of the rendered results
    words: list[str]
    sort: str
    count: int
    number: int
    ids: list[int]
    corrections: dict[str, list[str]] = field(default_factory=dict)

    def paginator_page(self):
        """A Django page over the cached ids (the pager reads its count and numbers)."""
        return Paginator(_Known(self.count, self.ids), PAGE_SIZE).page(self.number)


def search_page(query: Any, number: str | None, search: Callable[[Any], Any]) -> SearchPage:
    """Page `number` of `search(query)` (jobboard.search.job_search), from the cache when another visitor
    asked the same within RESULTS_SECONDS and the index has not changed since."""
    generation = _generation()
    key = _key("search", generation, today().isoformat(), repr(query), number or "")
    found = cache.get(key)
    if found is None:
        results = search(query)
        paginator = Paginator(results.ids, PAGE_SIZE)
        # Every page and order of a search has the same count: counted once for them all.
        count_key = _key("count", generation, today().isoformat(), repr(replace(query, sort="")))
        count = cache.get(count_key)
        if count is None:
            cache.set(count_key, paginator.count, RESULTS_SECONDS)
        else:
            paginator.__dict__["count"] = count  # the cached_property, already known
        page = paginator.get_page(number)
        found = SearchPage(
            key=key,
            words=results.words,
            sort=results.sort,
            count=page.paginator.count,
            number=page.number,
            ids=list(page.object_list),
            corrections=results.corrections,
        )
        cache.set(key, found, RESULTS_SECONDS)
    return found


class _Known:
    """A result list whose length is known and whose one page of ids is at hand."""

    def __init__(self, count: int, ids: list[int]):
        self._count, self._ids = count, ids

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: slice) -> list[int]:  # the paginator slices out the page it was built for
        return self._ids


def _key(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts[1:]).encode()).hexdigest()[:40]
    return f"jobboard:{parts[0]}:{digest}"
