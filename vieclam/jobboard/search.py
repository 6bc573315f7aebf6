"""The public job search: live vacancies (open, deadline today or later) matched word by word, filtered, sorted.

Words are folded (case and diacritics ignored) and each must start a word of the vacancy's index document, in
any order: 'ke toan ha noi' finds "Kế toán tổng hợp" in a commune of Hà Nội. On PostgreSQL the words become one
full-text query on the stored tsvector (`ke & toan:* & ha & noi:*`) served by a GIN index; on SQLite LIKEs.
A word no document holds (a typo) is searched together with close words of the vocabulary: by trigram
similarity on PostgreSQL with pg_trgm, otherwise by edit distance 1, with leftover Telex keys ('toans',
'ddien') undone first on both.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Func, Q, QuerySet, Value, When, Window
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.core.text import fold
from vieclam.jobboard.choices import Sort
from vieclam.jobboard.models import JobIndex, JobWord
from vieclam.jobboard.text import edits1, telex_variants, words
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = (
    "JobQuery",
    "JobResults",
    "PlaceFilter",
    "Term",
    "job_get",
    "job_search",
    "live_jobs",
    "place_resolve",
    "trigram_available",
)

MAX_WORDS = 12  # words after the twelfth are ignored
MIN_TYPO_LENGTH = 3  # shorter words are taken as typed: too many real words lie one edit away
EXACT_MAX_LENGTH = 3  # a vocabulary word this short, before the last word, is matched whole (see _word_groups)
MAX_SUGGESTIONS = 3
TRIGRAM_THRESHOLD = 0.3
# What a result row shows; the rest of the vacancy (description, lists) stays in the database.
ROW_FIELDS = (
    "vacancy_id", "province_id", "commune_id", "posted_at", "deadline", "pay_top",
    "vacancy__title", "vacancy__pay_min", "vacancy__pay_max", "vacancy__pay_band", "vacancy__pay_negotiable",
    "vacancy__contract_type", "vacancy__working_time", "vacancy__positions_count", "vacancy__deadline",
    "vacancy__created_at", "vacancy__employer__name", "vacancy__occupation__code", "vacancy__occupation__name_vi",
    "vacancy__occupation__name_en", "commune__code", "commune__name", "province__code", "province__name",
)  # fmt: skip
ROW_RELATED = ("vacancy", "vacancy__employer", "vacancy__occupation", "commune", "province")


@dataclass(frozen=True)
class PlaceFilter:
    """Where to look: a unit in force (province or commune), or the new communes that came out of an old one."""

    label: str
    level: str
    unit_id: int | None = None  # a unit in force
    province_id: int | None = None  # the province of a commune in force
    old_unit_id: int | None = None  # an old (pre-2025) province or commune
    old_code: str = ""
    note: str = ""

    def q(self) -> Q:
        if self.unit_id is not None:
            return Q(province_id=self.unit_id) if self.level == Level.PROVINCE else Q(commune_id=self.unit_id)
        old = Succession.objects.filter(level=Level.COMMUNE)
        if self.level == Level.PROVINCE:
            old = old.filter(predecessor__province_id=self.old_unit_id)
        else:
            old = old.filter(predecessor_code=self.old_code)
        return Q(commune_id__in=old.values("successor_id"))


@dataclass(frozen=True)
class JobQuery:
    """A validated search (jobboard.forms.JobSearchForm builds it from a query string)."""

    q: str = ""
    province: PlaceFilter | None = None
    commune: PlaceFilter | None = None
    occupation: str = ""
    pay_min: int | None = None
    contract_types: tuple[str, ...] = ()
    posted_within_days: int | None = None
    sort: str = ""


class Term(NamedTuple):
    """A word to look for: as a whole word, or (prefix) as the start of a word."""

    word: str
    prefix: bool

    def like(self) -> str:
        """The LIKE pattern body in a column of space-separated words with a space at both ends."""
        return f" {self.word}" if self.prefix else f" {self.word} "

    def tsquery(self) -> str:
        return f"{self.word}:*" if self.prefix else self.word


@dataclass
class JobResults:
    """The matching index rows, ordered, and how the words were read.

    `ids` is what to paginate: it selects from the index alone, so the database sorts before it joins (a join
    before the sort costs a lookup per match). `rows(ids)` then loads one page with everything a row shows.
    """

    matches: QuerySet[JobIndex]
    words: list[str]
    sort: str
    corrections: dict[str, list[str]] = field(default_factory=dict)  # typed word → vocabulary words searched

    @property
    def ids(self) -> QuerySet:
        return self.matches.values_list("vacancy_id", flat=True)

    @property
    def jobs(self) -> QuerySet[JobIndex]:
        """Every match with its vacancy, employer and places (for small result sets and tests)."""
        return self.matches.select_related(*ROW_RELATED).only(*ROW_FIELDS)

    def page(self, number: object, size: int) -> tuple[int, int, list[int]]:
        """(count of matches, page number, vacancy ids of that page), as Paginator.get_page reads the number.

        One query: the count comes with the page (a window over the matches, which the sort reads anyway). Only a
        page past the end (or below 1) takes two more: the count, then the last page.
        """
        try:
            wanted = int(number) if number not in (None, "") else 1
        except (TypeError, ValueError):
            wanted = 1
        if wanted >= 1:
            found = self._page_rows(wanted, size)
            if found:
                return found[0][1], wanted, [pk for pk, _total in found]
            if wanted == 1:
                return 0, 1, []
        count = self.matches.count()
        last = max(1, -(-count // size))
        return count, last, [pk for pk, _total in self._page_rows(last, size)]

    def ranked(self, limit: int) -> tuple[int, list[int]]:
        """(count of matches, ids of the first `limit` in order), in one query."""
        found = self._rows(0, limit)
        return (found[0][1] if found else 0), [pk for pk, _total in found]

    def _page_rows(self, number: int, size: int) -> list[tuple[int, int]]:
        return self._rows((number - 1) * size, size)

    def _rows(self, start: int, size: int) -> list[tuple[int, int]]:
        counted = self.matches.annotate(total=Window(Count("*")))
        return list(counted.values_list("vacancy_id", "total")[start : start + size])

    @staticmethod
    def rows(ids) -> list[JobIndex]:
        """The index rows of these vacancy ids, in the same order, with what a result row shows (one query)."""
        ids = list(ids)
        found = JobIndex.objects.select_related(*ROW_RELATED).only(*ROW_FIELDS).in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def live_jobs(day: dt.date | None = None) -> QuerySet[JobIndex]:
    """Index rows of open vacancies whose deadline is `day` or later (no deadline: open until closed)."""
    day = day or timezone.localdate()
    return JobIndex.objects.filter(Q(deadline__gte=day) | Q(deadline__isnull=True), is_live=True)


def job_search(query: JobQuery, *, now: dt.datetime | None = None) -> JobResults:
    """The live jobs matching every word and filter of `query`, in its order (relevance, newest or pay)."""
    now = now or timezone.now()
    jobs = live_jobs(timezone.localdate(now))
    typed = list(dict.fromkeys(words(query.q)))[:MAX_WORDS]
    groups, corrections = _word_groups(typed)
    if groups:
        jobs = jobs.filter(_match(groups))
    jobs = jobs.filter(_filters(query, now))
    sort = query.sort or Sort.RELEVANCE
    if sort == Sort.RELEVANCE and not groups:
        sort = Sort.NEWEST
    return JobResults(matches=_order(jobs, sort, groups), words=typed, sort=sort, corrections=corrections)


def job_get(*, pk: int, day: dt.date | None = None) -> Vacancy:
    """A live vacancy with what its public page shows, or Http404 (draft, closed, filled, expired, overdue)."""
    day = day or timezone.localdate()
    related = ("employer", "employer__commune", "employer__commune__province", "employer__employer_type",
               "occupation", "workplace_commune", "workplace_commune__province")  # fmt: skip
    vacancy = (
        Vacancy.objects.select_related(*related)
        .filter(Q(deadline__gte=day) | Q(deadline__isnull=True), pk=pk, status=VacancyStatus.OPEN)
        .first()
    )
    if vacancy is None:
        raise Http404(_("Không có việc làm đang tuyển số {pk}.").format(pk=pk))
    return vacancy


#
# Words and typos
#
def _word_groups(typed: list[str]) -> tuple[list[list[Term]], dict[str, list[str]]]:
    """One group of alternative terms per typed word.

    A word is looked for as the start of a word (so 'ngh' finds 'nghiệp' while it is being typed), except a short
    vocabulary word before the last one, which is looked for whole: 'ha noi' should not find 'hai noi', and a
    two-letter prefix would also make the index read dozens of posting lists. A word that starts no vocabulary
    word (a typo) also brings up to three close vocabulary words.
    """
    exact_wanted = [w for i, w in enumerate(typed) if i < len(typed) - 1 and len(w) <= EXACT_MAX_LENGTH]
    exact, known = _vocabulary_flags(exact_wanted, typed)
    groups, corrections = [], {}
    for word in typed:
        if word in exact:
            groups.append([Term(word, prefix=False)])
            continue
        suggestions = []
        if word not in known and len(word) >= MIN_TYPO_LENGTH and not word.isdigit():
            suggestions = _suggest(word)
        if suggestions:
            corrections[word] = suggestions
        groups.append([Term(word, prefix=True), *(Term(s, prefix=False) for s in suggestions)])
    return groups, corrections


def _vocabulary_flags(exact_wanted: list[str], typed: list[str]) -> tuple[set[str], set[str]]:
    """(words that are vocabulary words, words that begin one), in one query: 'toa' begins 'toan'."""
    if not typed:
        return set(), set()
    table = connection.ops.quote_name(JobWord._meta.db_table)
    checks = [f"EXISTS (SELECT 1 FROM {table} WHERE word = %s)" for _ in exact_wanted]
    checks += [f"EXISTS (SELECT 1 FROM {table} WHERE word LIKE %s)" for _ in typed]
    with connection.cursor() as cursor:
        # The words are [a-z0-9]+ (jobboard.text.words), so they hold no LIKE wildcard to escape.
        cursor.execute(f"SELECT {', '.join(checks)}", [*exact_wanted, *(f"{w}%" for w in typed)])
        flags = cursor.fetchone()
    exact = {w for w, found in zip(exact_wanted, flags, strict=False) if found}
    known = {w for w, found in zip(typed, flags[len(exact_wanted) :], strict=True) if found}
    return exact, known


def _suggest(word: str) -> list[str]:
    """Up to three vocabulary words close to an unknown word: Telex repairs first, then the most similar."""
    if trigram_available():
        return _suggest_trigram(word)
    return _suggest_edit1(word)


def _suggest_edit1(word: str) -> list[str]:
    """Edit-distance-1 and Telex variants that are vocabulary words, Telex first, then the most common."""
    telex = telex_variants(word)
    found = dict(JobWord.objects.filter(word__in=[*telex, *edits1(word)]).values_list("word", "doc_count"))
    ranked = [w for w in telex if w in found]
    ranked += sorted((w for w in found if w not in ranked), key=lambda w: (-found[w], w))
    return ranked[:MAX_SUGGESTIONS]


def _suggest_trigram(word: str) -> list[str]:
    """Telex variants and trigram-similar vocabulary words (pg_trgm; the GIN index serves the % operator)."""
    telex = telex_variants(word) or [""]
    table = connection.ops.quote_name(JobWord._meta.db_table)
    marks = ", ".join(["%s"] * len(telex))
    sql = (
        f"SELECT word FROM {table} WHERE word IN ({marks}) OR (word %% %s AND similarity(word, %s) >= %s) "
        f"ORDER BY word IN ({marks}) DESC, similarity(word, %s) DESC, doc_count DESC, word LIMIT %s"
    )
    params = [*telex, word, word, TRIGRAM_THRESHOLD, *telex, word, MAX_SUGGESTIONS]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


@functools.cache
def _trigram_on(database: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def trigram_available() -> bool:
    """True on PostgreSQL with pg_trgm installed (checked once per database and process)."""
    return connection.vendor == "postgresql" and _trigram_on(connection.settings_dict["NAME"])


class _TextMatch(Func):
    """PostgreSQL: document_vector @@ to_tsquery('simple', query), served by the GIN index of migration 0002."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        vector, vector_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        return f"{vector} @@ to_tsquery('simple'::regconfig, {query})", [*vector_params, *query_params]


def _match(groups: list[list[Term]]):
    """The document matches one term of every group."""
    if connection.vendor == "postgresql":
        # Words are [a-z0-9]+, so they carry no tsquery syntax: 'toan:*' is a prefix match on a lexeme.
        tsquery = " & ".join("(" + " | ".join(t.tsquery() for t in group) + ")" for group in groups)
        return _TextMatch(F("document_vector"), Value(tsquery))
    return functools.reduce(operator.and_, (_any_word(group, "document") for group in groups))


def _any_word(group: list[Term], column: str) -> Q:
    """The column (words with a space at both ends) matches one of the terms."""
    return functools.reduce(operator.or_, (Q(**{f"{column}__contains": t.like()}) for t in group))


#
# Filters and order
#
def _filters(query: JobQuery, now: dt.datetime) -> Q:
    conditions = Q()
    for place in (query.province, query.commune):
        if place is not None:
            conditions &= place.q()
    if query.occupation:
        conditions &= Q(occupation_code__startswith=query.occupation)
    if query.pay_min is not None:
        conditions &= Q(pay_top__gte=query.pay_min)
    if query.contract_types:
        conditions &= Q(contract_type__in=query.contract_types)
    if query.posted_within_days is not None:
        conditions &= Q(posted_at__gte=now - dt.timedelta(days=query.posted_within_days))
    return conditions


def _order(jobs: QuerySet[JobIndex], sort: str, groups: list[list[Term]]) -> QuerySet[JobIndex]:
    newest = (F("posted_at").desc(), F("vacancy_id").desc())
    if sort == Sort.PAY:
        return jobs.order_by(F("pay_top").desc(nulls_last=True), *newest)
    if sort == Sort.NEWEST:
        return jobs.order_by(*newest)
    return jobs.alias(score=_relevance(groups)).order_by(F("score").desc(), *newest)


def _relevance(groups: list[list[Term]]):
    """2 points for each word found in the title, 3 more when the title holds the whole phrase, 1 if it starts so."""
    points = [Case(When(_any_word(g, "title_text"), then=Value(2)), default=Value(0)) for g in groups]
    phrase = " " + " ".join(g[0].word for g in groups)
    points.append(Case(When(title_text__contains=phrase, then=Value(3)), default=Value(0)))
    points.append(Case(When(title_text__startswith=phrase, then=Value(1)), default=Value(0)))
    return functools.reduce(operator.add, points) if len(points) > 1 else points[0]


#
# Places
#
def place_resolve(*, value: str, level: str) -> PlaceFilter:
    """A province or commune given as a code in force, an old (pre-2025) code, or (provinces) a name.

    Codes in force win: '80' is today's Tây Ninh, not the old Long An that also bore 80 (give 'Long An').
    An old unit selects the new communes its area went to. Raises ValidationError when nothing matches.
    """
    value = (value or "").strip()
    current = AdministrativeUnit.objects.current().filter(level=level)
    old = AdministrativeUnit.objects.filter(level=level, edition=Edition.PRE_2025)
    if value.isdigit():
        unit = current.filter(code=value).first()
        if unit is not None:
            return PlaceFilter(label=unit.name, level=level, unit_id=unit.pk, province_id=unit.province_id)
        before = old.filter(code=value).first()
        if before is not None or (level == Level.COMMUNE and _old_commune_code(value)):
            return _old_place(before, value, level)
    elif level == Level.PROVINCE and value:
        unit = _by_name(current, value)
        if unit is not None:
            return PlaceFilter(label=unit.name, level=level, unit_id=unit.pk)
        before = _by_name(old, value)
        if before is not None:
            return _old_place(before, before.code, level)
    what = _("tỉnh, thành phố") if level == Level.PROVINCE else _("xã, phường")
    raise ValidationError(
        _("Không tìm thấy {what} “{value}”: dùng mã hiện hành, mã cũ trước 01/07/2025 hoặc tên.").format(
            what=what, value=value[:60]
        )
    )


def _by_name(units: QuerySet[AdministrativeUnit], value: str) -> AdministrativeUnit | None:
    wanted = fold(value)
    for unit in units.only("pk", "code", "name", "short_name", "level", "edition"):
        if wanted in {fold(unit.name), fold(unit.short_name)}:
            return unit
    return None


def _old_commune_code(code: str) -> bool:
    return Succession.objects.filter(level=Level.COMMUNE, predecessor_code=code).exists()


def _old_place(unit: AdministrativeUnit | None, code: str, level: str) -> PlaceFilter:
    name = unit.name if unit is not None else code
    note = _("{name} là đơn vị trước 01/07/2025: kết quả gồm các xã, phường hiện nay thuộc địa bàn cũ đó.").format(
        name=name
    )
    return PlaceFilter(
        label=_("{name} (trước 01/07/2025)").format(name=name),
        level=level,
        old_unit_id=unit.pk if unit is not None else None,
        old_code=code,
        note=note,
    )
