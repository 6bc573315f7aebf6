"""Paging of the registry lists that stays fast on a million rows: counts and page numbers are bounded.

An exact COUNT(*) over a province's million persons, and an OFFSET of hundreds of thousands of rows, each cost
seconds: the database reads every row. `BoundedPaginator` counts at most `max_rows` + 1 rows (a LIMIT inside the
count, so it stops early) and numbers pages only up to `max_rows`. A list longer than that reads "hơn 10.000"
and its pager ends at the bound, with a note to narrow the list with the filters (a deeper page asked for in the
address shows the last page with that note); the export still writes every filtered row. A list within the bound
pages exactly as Django's own paginator does.

A page past the first is read as a "deferred join", in the one query the page costs anyway: the database finds
the page's primary keys in the list's order (OFFSET/LIMIT over the list-order index, no joined table, no shown
column), and only those ≤ 50 rows are then read with their related rows and annotations. A plain OFFSET joins
and builds every skipped row (10.000 rows at the bound: the province officer's last pages took 0,3–0,4 s on a
million persons). The page holds the same rows in the same order: it is used only when the list's order ends in
the primary key (no ties), and not for a DISTINCT, sliced or combined queryset, which page as before. A page in
the deeper half of the bound reads, instead of the count, the keys of the first max_rows + 1 rows in the list's
order, which give both the count and the page's keys (`_read_keys`); its rows are then read by those keys.

`RegistryPagination` is the same paging for the staff API: `count` is bounded too, `count_is_exact` says whether
it is the whole count, and a page past the bound answers 404 with a Vietnamese message.
"""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import F, OrderBy, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from vieclam.core.api.pagination import StandardPagination

__all__ = ("MAX_ROWS", "BoundedPaginator", "RegistryPagination", "counted", "too_deep_message")

MAX_ROWS = 10_000  # rows a list can be paged through; an officer narrows a longer list with the filters


class BoundedPaginator(Paginator):
    """Django's paginator with the count and the page numbers capped at `max_rows` rows."""

    max_rows = MAX_ROWS
    truncated = False  # set by `count`: the list holds more rows than can be paged
    refused: int | None = None  # set by `get_page`: a page number past the bound that was asked for
    exportable = False  # the list offers a CSV/Excel export (of every filtered row): its note says so
    _keys: list | None = None  # the keys of the list's first max_rows + 1 rows in its order, when read

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        known = getattr(rows, "bounded_count", None)
        if self._keys is not None:
            found = len(self._keys)  # read with the keys of a deep page (see `_read_keys`)
        elif known is not None and (known[0] < known[1] or known[1] > self.max_rows):
            found = known[0]  # counted already (see `counted`), exactly or past this paginator's bound
        elif hasattr(rows, "order_by"):
            # Order and the shown columns are irrelevant to a count; without them the database stops after
            # max_rows + 1 rows and computes no per-row annotation.
            found = rows.order_by().values("pk")[: self.max_rows + 1].count()
        else:
            found = len(rows[: self.max_rows + 1])
        self.truncated = found > self.max_rows
        return min(found, self.max_rows)

    @property
    def count_is_exact(self) -> bool:
        return not (self.count and self.truncated)

    def get_page(self, number):
        self._read_keys(number)
        try:
            wanted = self.validate_number(number)
        except PageNotAnInteger:
            wanted = 1
        except EmptyPage:
            if self.truncated and str(number).isdigit():
                self.refused = int(number)
            wanted = self.num_pages
        return self.page(wanted)

    def page(self, number):
        """The page; past the first one, its rows are found by primary key first (see the module's doc)."""
        self._read_keys(number, past_the_bound=False)  # the API answers a page past the bound 404: no keys
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if self._keys is not None:
            return self._get_page(rows.filter(pk__in=self._keys[bottom:top]), number, self)
        if bottom > 0 and _pages_by_key(rows):
            # One query: WHERE pk IN (SELECT pk … ORDER BY … OFFSET bottom LIMIT per_page), in the list's order.
            return self._get_page(rows.filter(pk__in=rows.values("pk")[bottom:top]), number, self)
        return self._get_page(rows[bottom:top], number, self)

    def _read_keys(self, number, *, past_the_bound: bool = True) -> None:
        """A page in the deeper half of the bound (or past it) reads the keys of the list's first max_rows + 1
        rows, in its order, in the query that would have counted them: the count and the page's keys then cost one
        read in the list's order, where a count and the page's keys cost that read and, before it, a count (which
        joins every counted row to its scope: 0,13 s of the province's applications' last page)."""
        if "count" in self.__dict__ or self._keys is not None or not str(number).isdigit():
            return
        bottom = (int(number) - 1) * self.per_page
        if bottom < self.max_rows // 2 or (bottom >= self.max_rows and not past_the_bound):
            return
        rows = self.object_list
        if getattr(rows, "bounded_count", None) is None and _pages_by_key(rows):
            self._keys = list(rows.values_list("pk", flat=True)[: self.max_rows + 1])


def _pages_by_key(rows) -> bool:
    """Whether `rows` can be paged by primary key first with the very same rows and order as a plain OFFSET."""
    if not isinstance(rows, QuerySet):
        return False
    query = rows.query
    if query.is_sliced or query.distinct or query.combinator:
        return False
    if not connections[rows.db].features.allow_sliced_subqueries_with_in:
        return False
    ordering = query.order_by or (rows.model._meta.ordering if query.default_ordering else ())
    return bool(ordering) and _is_primary_key(ordering[-1], rows.model)


def _is_primary_key(term, model) -> bool:
    """`term` (the last of an ordering) orders by the primary key, ascending or descending: the order is total."""
    if isinstance(term, OrderBy):
        term = term.expression
    if isinstance(term, F):
        term = term.name
    if not isinstance(term, str):
        return False
    name = term.lstrip("-")
    return name == "pk" or name == model._meta.pk.name or name == model._meta.pk.attname


class RegistryPagination(StandardPagination):
    """The staff API's paging of a registry list: bounded count and pages (see BoundedPaginator)."""

    django_paginator_class = BoundedPaginator

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            number = request.query_params.get(self.page_query_param, "")
            page_size = self.get_page_size(request) or 1
            bound = self.django_paginator_class.max_rows
            if number.isdigit() and (int(number) - 1) * page_size >= bound:
                raise NotFound(too_deep_message(bound)) from None
            raise

    def get_paginated_response(self, data) -> Response:
        response = super().get_paginated_response(data)
        response.data["count_is_exact"] = self.page.paginator.count_is_exact
        return response

    def get_paginated_response_schema(self, schema: dict) -> dict:
        answer = super().get_paginated_response_schema(schema)
        answer["properties"]["count_is_exact"] = {
            "type": "boolean",
            "description": f"False when the list holds more than {BoundedPaginator.max_rows} rows: `count` is then "
            "that bound and pages go no further; narrow the list with the filters.",
        }
        return answer


def counted(rows: QuerySet, found: int, limit: int) -> QuerySet:
    """`rows` marked with a count already taken of them: `found` rows when at most `limit` were read.

    Whoever counted a list's rows to choose its query (core.search) passes that on, so a paginator does not read
    the same 10.000 rows again (on a province-wide common name that second count was a fifth of the page). The mark
    lives on this queryset object only: any further filter or order is a new queryset, which is counted afresh.
    """
    rows.bounded_count = (found, limit)  # type: ignore[attr-defined]
    return rows


def too_deep_message(rows: int = MAX_ROWS) -> str:
    return _(
        "Danh sách chỉ được chia trang trong {rows} dòng đầu; hãy lọc thêm (xã/phường, tên…) để xem các dòng khác."
    ).format(rows=number_format(rows, force_grouping=True))
