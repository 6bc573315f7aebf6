"""What the public job search shows alike to every visitor, kept in the Django cache (Redis in production).

The job board is the busiest public page, and most of each request is the same for everyone: the select options
(provinces, occupations, contract types), the code-list names, the provinces and communes a query string names,
the ranking of a search, and the card of each vacancy it finds.

- Reference data (`reference`) is kept per day by each worker in its own memory (`local`), behind the shared
  cache: a request reads none of it from Redis.
- A request reads the index generation and the cache epoch first, in one round trip (`request_state`).
- A search (`search_page`) is ranked once: one query gives its count and the ids of its first RANKED matches in
  order, kept for RESULTS_SECONDS; its pages, in any visitor's hands, are slices of it.
- A result card (`cards`) is the same in every search that finds the vacancy: kept per vacancy and language, so a
  page of a new search usually loads only the few cards no search showed lately.

Freshness: reference data is kept per day and for `REFERENCE_SECONDS`; clearing the cache (or deleting
`EPOCH_KEY`) starts a new epoch, and every worker drops what it kept at its next page. Rankings are kept for
`RESULTS_SECONDS` at most, and any change of the index (jobboard.indexing) starts a new generation of keys at once,
so a vacancy saved, closed or filled drops out of every cached search; a vacancy or employer saved drops its cards.
Bulk writes that bypass the index (deadlines passing: queryset.update, COPY) show at most `RESULTS_SECONDS` late
in rankings and `REFERENCE_SECONDS` late on cards.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.translation import get_language

from vieclam.core.dates import today

__all__ = (
    "PAGE_SIZE",
    "REFERENCE_SECONDS",
    "RESULTS_SECONDS",
    "SearchPage",
    "State",
    "cards",
    "cards_changed",
    "index_changed",
    "local",
    "reference",
    "request_state",
    "search_page",
)

PAGE_SIZE = 20
REFERENCE_SECONDS = 600
RESULTS_SECONDS = 60
RANKED = 1000  # ids of a search kept in order: its first 50 pages
GENERATION_KEY = "jobboard:generation"
EPOCH_KEY = "jobboard:epoch"
CARDS_KEY = "jobboard:cards"
LOCAL_MAX = 2000  # entries a worker keeps (reference data, vocabulary flags): a bound against odd inputs

T = TypeVar("T")


def reference(name: str, compute: Callable[[], T], *parts: object) -> T:
    """`compute()` once per day, language and `parts` (reference data: the same for every visitor).

    Kept in this process for REFERENCE_SECONDS (and the epoch), behind the shared cache that other workers fill.
    """
    key = _key("ref", name, today().isoformat(), get_language() or "", *parts)
    return local(key, lambda: cache.get_or_set(key, compute, REFERENCE_SECONDS))


class State(NamedTuple):
    generation: int  # of the index: a new one whenever a row changes
    epoch: str  # of the cache: a new one when it was cleared
    cards: int  # of the result cards: a new one when the whole index was rebuilt


def request_state() -> State:
    """The index generation and the cache epoch, in one round trip: what the page reads first.

    A new epoch (the cache was cleared) drops what this process kept in `local`.
    """
    values = cache.get_many([GENERATION_KEY, EPOCH_KEY, CARDS_KEY])
    generation, epoch = values.get(GENERATION_KEY) or _counter(GENERATION_KEY), values.get(EPOCH_KEY)
    cards = values.get(CARDS_KEY) or _counter(CARDS_KEY)
    if epoch is None:
        cache.add(EPOCH_KEY, str(time.time_ns()), None)
        epoch = cache.get(EPOCH_KEY, "")
    if epoch != _local_epoch[0]:
        with _local_lock:
            _local.clear()
            _local_epoch[0] = epoch
    return State(int(generation), str(epoch), int(cards))


def _counter(key: str) -> int:
    cache.add(key, 1, None)
    return int(cache.get(key, 1))


_local: dict[str, tuple[float, Any]] = {}
_local_epoch = [""]
_local_lock = threading.Lock()


def local(key: str, compute: Callable[[], T], seconds: float = REFERENCE_SECONDS) -> T:
    """`compute()` kept in this process for `seconds` (and the cache's epoch: see request_state)."""
    found = _local.get(key)
    now = time.monotonic()
    if found is not None and found[0] > now:
        return found[1]
    value = compute()
    with _local_lock:
        if len(_local) >= LOCAL_MAX:
            _local.clear()
        _local[key] = (now + seconds, value)
    return value


def index_changed() -> None:
    """The index changed: every cached search is dropped (a new generation of keys)."""
    _bump(GENERATION_KEY)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not set yet, or evicted
        cache.add(key, 1, None)


def cards(ids: Sequence[int], render: Callable[[list[int]], dict[int, str]], generation: int) -> list[str]:
    """The rendered result card of each vacancy id, in order: from the cache, `render(missing ids)` for the rest.

    A card is the same in every search that finds the vacancy, so it is kept for REFERENCE_SECONDS under its id
    and language; `cards_changed()` drops it when the vacancy or its employer is saved.
    """
    keys = {pk: _card_key(generation, get_language() or "", pk) for pk in ids}
    found = cache.get_many(list(keys.values()))
    html = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in ids if pk not in html]
    if missing:
        made = render(missing)
        cache.set_many({keys[pk]: text for pk, text in made.items()}, REFERENCE_SECONDS)
        html.update(made)
    return [html[pk] for pk in ids if pk in html]


def cards_changed(vacancy_ids: Iterable[int] | None) -> None:
    """These vacancies (all when None) were saved: their cached cards are dropped, in every language."""
    if vacancy_ids is None:
        _bump(CARDS_KEY)
        return
    generation = cache.get(CARDS_KEY)
    if generation is None:
        return  # no card was cached under a generation yet
    languages = [code for code, _name in settings.LANGUAGES]
    cache.delete_many([_card_key(generation, lang, pk) for pk in vacancy_ids for lang in languages])


def _card_key(generation: int, language: str, pk: int) -> str:
    return f"jobboard:card:{generation}:{language}:{pk}"


@dataclass(frozen=True)
class SearchPage:
    """One page of a search, as cached: how the words were read, the total, and the vacancy ids of the page."""

    words: list[str]
    sort: str
    count: int
    number: int
    ids: list[int]
    corrections: dict[str, list[str]] = field(default_factory=dict)

    def paginator_page(self):
        """A Django page over the cached ids (the pager reads its count and numbers)."""
        return Paginator(_Known(self.count, self.ids), PAGE_SIZE).page(self.number)


@dataclass(frozen=True)
class _Ranked:
    """A search as cached: how the words were read, the count, and the ids of its first RANKED matches in order."""

    words: list[str]
    sort: str
    count: int
    ids: list[int]
    corrections: dict[str, list[str]]


def search_page(query: Any, number: str | None, search: Callable[[Any], Any], generation: int) -> SearchPage:
    """Page `number` of `search(query)` (jobboard.search.job_search), read as Paginator.get_page reads it.

    A search is ranked once (one query: the count and the ids of its first RANKED matches in order) and kept for
    RESULTS_SECONDS while the index is the same (`generation`: request_state): its next pages, asked by this
    visitor or another, are slices of it. A page further on is queried by itself.
    """
    key = _key("search", generation, today().isoformat(), repr(query))
    ranked = cache.get(key)
    results = None
    if ranked is None:
        results = search(query)
        count, ids = results.ranked(RANKED)
        ranked = _Ranked(results.words, results.sort, count, ids, results.corrections)
        cache.set(key, ranked, RESULTS_SECONDS)
    wanted = _page_number(number, ranked.count)
    start = (wanted - 1) * PAGE_SIZE
    if start < len(ranked.ids) or start >= ranked.count:
        ids = ranked.ids[start : start + PAGE_SIZE]
    else:  # past the ranked part
        ids = (results or search(query)).page(wanted, PAGE_SIZE)[2]
    return SearchPage(
        words=ranked.words,
        sort=ranked.sort,
        count=ranked.count,
        number=wanted,
        ids=ids,
        corrections=ranked.corrections,
    )


def _page_number(number: str | None, count: int) -> int:
    """As Paginator.get_page: 1 when not a whole number, the last page when out of range."""
    last = max(1, -(-count // PAGE_SIZE))
    try:
        wanted = int(number) if number else 1
    except ValueError:
        return 1
    return wanted if 1 <= wanted <= last else last


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
