"""Keeps the search index (JobIndex, JobWord) in line with the vacancy and employer registries.

`jobindex_sync()` compares what each row should be with what it is and rewrites only the differences, so it is
idempotent and a second run writes nothing. The post_save signals (jobboard.signals) call `jobindex_update()` for
one vacancy or one employer's vacancies; `vieclam jobs_reindex` calls `jobindex_sync()` for all, and also rebuilds
the vocabulary.

A writer that saves many vacancies through the ORM (vieclam.imports) wraps them in `deferred()`: the signals then
only note the ids, and the index rows are brought up to date together when the block ends, in the writer's
transaction (one sync of 5.000 vacancies instead of 5.000 syncs of one):

    with transaction.atomic(), indexing.deferred():
        for data in rows:
            vacancy_create(actor=officer, data=data)
    # the index is current for every vacancy saved above, and commits with them

Rows written by COPY or queryset.update() (the demo generator) bypass the signals: run `vieclam jobs_reindex`.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction

from vieclam.jobboard.models import JobIndex, JobWord
from vieclam.jobboard.shared import cards_changed, index_changed
from vieclam.jobboard.text import document
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Succession
from vieclam.vacancies.choices import PAY_BAND_CEILINGS, VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = (
    "PROVINCE_ALIASES",
    "UNBOUNDED_PAY",
    "deferred",
    "jobindex_sync",
    "jobindex_update",
    "pay_top",
    "place_texts",
    "vacancy_ids_of_employer",
)

# Sorts first and passes every "pays at least" filter: the Mẫu 01 band "trên 50 triệu" has no ceiling.
UNBOUNDED_PAY = 2_147_483_647
# What people type for a province besides its name (new province code → words).
PROVINCE_ALIASES = {"79": "TP HCM TPHCM HCM Sài Gòn Saigon", "01": "HN"}
FIELDS = (
    "document", "title_text", "province_id", "commune_id", "occupation_code", "contract_type",
    "pay_min", "pay_max", "pay_top", "posted_at", "deadline", "is_live",
)  # fmt: skip
SOURCE = (
    "id", "title", "employer__name", "occupation__code", "occupation__name_vi", "occupation__name_en",
    "workplace_commune_id", "contract_type", "pay_min", "pay_max", "pay_band", "status", "deadline", "created_at",
)  # fmt: skip
BATCH = 5000

logger = logging.getLogger(__name__)


@dataclass
class _Pending:
    """What a deferred() block has to reindex when it ends."""

    vacancy_ids: set[int] = field(default_factory=set)
    employer_ids: set[int] = field(default_factory=set)


_pending: ContextVar[_Pending | None] = ContextVar("jobboard_index_pending", default=None)


def jobindex_update(*, vacancy_ids: Iterable[int] = (), employer_ids: Iterable[int] = ()) -> None:
    """Bring the index rows of these vacancies (and of all the vacancies of these employers) up to date: at once,
    or at the end of the enclosing deferred() block. What the post_save signals call."""
    pending = _pending.get()
    if pending is not None:
        pending.vacancy_ids.update(vacancy_ids)
        pending.employer_ids.update(employer_ids)
        return
    ids = [*vacancy_ids, *(pk for employer_id in employer_ids for pk in vacancy_ids_of_employer(employer_id))]
    if ids:
        jobindex_sync(vacancy_ids=ids)


@contextmanager
def deferred() -> Iterator[None]:
    """Reindex the vacancies saved inside the block once, together, when it ends (see the module docstring).

    Open it inside the writer's transaction: the index rows are then written before that transaction ends and
    commit or roll back with the vacancies. When the transaction is already marked for rollback (a dry run,
    transaction.set_rollback(True)) nothing is reindexed: nothing saved in the block will stay. When the block
    raises, what was saved before is still reindexed (in a savepoint; a database error there is logged), since
    the caller may catch the exception and commit. A vacancy whose savepoint was rolled back is looked up and
    simply not found. A nested block joins the outermost. The pending ids are kept per thread (a context
    variable): other requests are not deferred.
    """
    if _pending.get() is not None:
        yield
        return
    pending = _Pending()
    token = _pending.set(pending)
    try:
        yield
    except Exception:
        _pending.reset(token)
        _sync_pending_after_error(pending)
        raise
    except BaseException:
        _pending.reset(token)
        raise
    _pending.reset(token)
    _sync_pending(pending)


def _sync_pending(pending: _Pending) -> None:
    if connection.in_atomic_block and connection.needs_rollback:
        return
    ids = sorted(pending.vacancy_ids | _vacancy_ids_of_employers(pending.employer_ids))
    for start in range(0, len(ids), BATCH):
        jobindex_sync(vacancy_ids=ids[start : start + BATCH])


def _sync_pending_after_error(pending: _Pending) -> None:
    if connection.in_atomic_block and connection.needs_rollback:
        return
    try:
        with transaction.atomic():
            _sync_pending(pending)
    except DatabaseError:
        logger.warning("Could not reindex %d vacancies after an error", len(pending.vacancy_ids), exc_info=True)


@transaction.atomic
def jobindex_sync(*, vacancy_ids: Iterable[int] | None = None) -> dict[str, float]:
    """Rewrite the index rows of these vacancies (all when None) that differ; returns counts and seconds.

    A full run (vacancy_ids None) also drops rows of vacancies that no longer exist and rebuilds the vocabulary
    with exact counts; a partial run only adds the new words of the rows it wrote.
    """
    started = time.perf_counter()
    vacancies = Vacancy.objects.all()
    if vacancy_ids is not None:
        vacancy_ids = list(vacancy_ids)
        vacancies = vacancies.filter(pk__in=vacancy_ids)
    source = list(vacancies.values_list(*SOURCE))
    places = place_texts(commune_ids={row[6] for row in source})
    # A commune without a province cannot be placed (never the case in the reference data): left out.
    wanted = {row[0]: _row(row, places) for row in source if row[6] in places}
    existing = JobIndex.objects.all() if vacancy_ids is None else JobIndex.objects.filter(pk__in=vacancy_ids)
    current = {pk: values for pk, *values in existing.values_list("pk", *FIELDS).iterator(chunk_size=BATCH)}
    changed = [pk for pk, values in wanted.items() if tuple(current.get(pk, ())) != values]
    gone = [pk for pk in current if pk not in wanted]
    _delete([pk for pk in changed if pk in current] + gone)
    _insert([(pk, *wanted[pk]) for pk in changed])
    if changed or gone:
        # Now for this process, and again once committed, in case another request cached the old rows between.
        index_changed()
        transaction.on_commit(index_changed)
    # A result card also shows what the index does not compare (the title as written, the pay band): dropped
    # for every vacancy synced, changed or not.
    cards_changed(vacancy_ids)
    transaction.on_commit(functools.partial(cards_changed, vacancy_ids))
    if vacancy_ids is None:
        vocabulary = _vocabulary_rebuild(values[0] for values in wanted.values() if values[-1])
    else:
        vocabulary = _vocabulary_add(wanted[pk][0] for pk in changed if wanted[pk][-1])
    return {
        "rows": len(wanted),
        "written": len(changed),
        "deleted": len(gone),
        "words": vocabulary,
        "seconds": time.perf_counter() - started,
    }


def place_texts(*, commune_ids: set[int]) -> dict[int, tuple[int, str]]:
    """{commune id: (province id, place words)} for the index documents.

    The place words are the commune and province names (and common aliases), and the names of the old
    (pre-2025) provinces and districts its area came from: 'Long An' finds the Tây Ninh communes that were in
    Long An, not the whole new province. A commune with no commune-level crosswalk falls back to the old
    provinces merged into its province.
    """
    if not commune_ids:
        return {}
    communes = AdministrativeUnit.objects.filter(pk__in=commune_ids).values_list(
        "pk", "short_name", "province_id", "province__short_name", "province__code"
    )
    old: dict[int, dict[str, None]] = {}
    rows = Succession.objects.filter(
        level=Level.COMMUNE, successor_id__in=commune_ids, predecessor__isnull=False
    ).values_list("successor_id", "predecessor__province__short_name", "predecessor__parent__short_name")
    for successor, old_province, old_district in rows.order_by("successor_id", "predecessor_code"):
        names = old.setdefault(successor, {})
        names.setdefault(old_province or "", None)
        names.setdefault(old_district or "", None)
    out = {}
    missing_provinces = set()
    for pk, name, province_id, province_name, province_code in communes:
        parts = [name, province_name, PROVINCE_ALIASES.get(province_code, ""), *old.get(pk, {})]
        out[pk] = (province_id, " ".join(p for p in parts if p))
        if pk not in old:
            missing_provinces.add(province_id)
    if missing_provinces:
        _add_old_provinces(out, missing_provinces, old)
    return out


def _add_old_provinces(out: dict, province_ids: set[int], old: dict) -> None:
    by_province: dict[int, list[str]] = {}
    rows = Succession.objects.filter(level=Level.PROVINCE, successor_id__in=province_ids).values_list(
        "successor_id", "predecessor_name"
    )
    for successor, name in rows:
        by_province.setdefault(successor, []).append(_without_prefix(name))
    for pk, (province_id, text) in out.items():
        if pk not in old and by_province.get(province_id):
            out[pk] = (province_id, " ".join([text, *by_province[province_id]]))


def _without_prefix(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        name = name.removeprefix(prefix)
    return name


def _row(source: tuple, places: dict[int, tuple[int, str]]) -> tuple:
    """The JobIndex values (in FIELDS order) of one vacancy row (in SOURCE order)."""
    (_pk, title, employer, occupation_code, name_vi, name_en, commune_id, contract_type,
     pay_min, pay_max, pay_band, status, deadline, created_at) = source  # fmt: skip
    province_id, place = places.get(commune_id, (None, ""))
    text = document([title, name_vi or name_en, employer, place])
    return (
        text,
        document([title])[:300],
        province_id,
        commune_id,
        occupation_code,
        contract_type,
        pay_min,
        pay_max,
        pay_top(pay_min=pay_min, pay_max=pay_max, pay_band=pay_band),
        created_at,
        deadline,
        status == VacancyStatus.OPEN,
    )


def pay_top(*, pay_min: int | None, pay_max: int | None, pay_band: str) -> int | None:
    """The most a job can pay a month, as vacancies.filtersets reads it; None when only negotiable."""
    if pay_max is not None or pay_min is not None:
        return pay_max if pay_max is not None else pay_min
    if pay_band in PAY_BAND_CEILINGS:
        return PAY_BAND_CEILINGS[pay_band] or UNBOUNDED_PAY
    return None


def _insert(rows: list[tuple]) -> None:
    """Rows of (vacancy_id, *FIELDS): COPY on PostgreSQL (a full build is 100.000 rows), bulk INSERT elsewhere."""
    if connection.vendor != "postgresql" or len(rows) < BATCH:
        JobIndex.objects.bulk_create(
            (JobIndex(vacancy_id=pk, **dict(zip(FIELDS, values, strict=True))) for pk, *values in rows),
            batch_size=BATCH,
        )
        return
    by_attname = {f.attname: f.column for f in JobIndex._meta.concrete_fields}
    columns = ", ".join(connection.ops.quote_name(by_attname[name]) for name in ("vacancy_id", *FIELDS))
    table = connection.ops.quote_name(JobIndex._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _delete(pks: list[int]) -> None:
    for start in range(0, len(pks), BATCH):
        JobIndex.objects.filter(pk__in=pks[start : start + BATCH]).delete()


def _vocabulary_rebuild(documents: Iterable[str]) -> int:
    counts = Counter(word for text in documents for word in text.split())
    JobWord.objects.all().delete()
    JobWord.objects.bulk_create((JobWord(word=w, doc_count=n) for w, n in counts.items()), batch_size=BATCH)
    return len(counts)


def _vocabulary_add(documents: Iterable[str]) -> int:
    new = {word for text in documents for word in text.split()}
    JobWord.objects.bulk_create([JobWord(word=w, doc_count=1) for w in new], batch_size=BATCH, ignore_conflicts=True)
    return len(new)


def vacancy_ids_of_employer(employer_id: int) -> list[int]:
    return list(Vacancy.objects.filter(employer_id=employer_id).values_list("pk", flat=True))


def _vacancy_ids_of_employers(employer_ids: set[int]) -> set[int]:
    ids: set[int] = set()
    ordered = sorted(employer_ids)
    for start in range(0, len(ordered), BATCH):
        chunk = ordered[start : start + BATCH]
        ids.update(Vacancy.objects.filter(employer_id__in=chunk).values_list("pk", flat=True))
    return ids
