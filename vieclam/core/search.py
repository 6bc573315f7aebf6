"""Name search over a folded `search_text` (" " + core.text.fold(name)) that pages fast on a million rows.

A name is found when the typed words start one of its words ("nguyen van" finds "Nguyễn Văn An" and "Lê Nguyễn
Văn Bình", diacritics ignored). The matches are listed names-that-start-with-the-words first, then the others,
each part in folded-name order (byte order: "dang" among the d's, unlike the stored name's "Đặng" after "Z").

Why this shape: a very common name ("nguyen van" is ~8,5 % of a province) had 85.000 matches that the trigram
index found and the database then sorted to show 50 (0,4–0,9 s under load). Names that *start* with the words are
one range of a b-tree on the folded name in byte order (COLLATE "C"), read in that order: a page stops after its
rows. The rest — the words further inside a name — are few for such names and found by a trigram index on the
name less its first word. When the names that start with the words alone fill every page a list may show
(core.paging), the rest could never be reached, so the list is those names only (the same pages, and a count
that stops at the bound); an export still gets every match. When no name starts with the words (a middle name
such as "thi"), the matches are one part in folded-name order, which the b-tree can serve as well.
PostgreSQL indexes: people migration 0008. SQLite needs no index (its default collation is byte order).
"""

from __future__ import annotations

from django.db.models import Case, F, Func, IntegerField, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, StrIndex, Substr
from django.db.models.lookups import Contains, StartsWith

from vieclam.core.paging import BoundedPaginator, counted
from vieclam.core.text import fold

__all__ = ("Bytewise", "name_search", "name_tail")


class Bytewise(Func):
    """A text column in byte order (COLLATE "C" on PostgreSQL): the order its b-tree index is read in."""

    template = '(%(expressions)s COLLATE "C")'
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(Cast(expression, TextField()), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite compares text bytewise already (BINARY collation); it has no collation named "C".
        return compiler.compile(self.source_expressions[0])


def name_tail(field: str = "search_text") -> Substr:
    """The folded name less its first word: " nguyen van an" → " van an" (a one-word name stays whole)."""
    text = Cast(field, TextField())
    return Substr(text, StrIndex(Substr(text, 2), Value(" ")) + 1)


def name_search(
    queryset: QuerySet, text: str, *, field: str = "search_text", complete: bool = False, bound: int | None = None
) -> QuerySet:
    """The rows whose folded name has a word starting with `text`, ordered as described above.

    `bound`: the rows a list can be paged through (BoundedPaginator's). `complete`: every match even when those
    starting with the words exceed `bound` (an export). Apply the other filters first (their rows decide).
    """
    bound = BoundedPaginator.max_rows if bound is None else bound
    words = fold(text)
    key = Bytewise(field)
    starts = StartsWith(key, " " + words)
    leading = queryset.filter(starts).order_by(key, "pk")
    # Counted in the list's order: the planner then reads the key's b-tree and stops at bound + 1 rows. Unordered,
    # it gathered every match of a common name into a bitmap first (85.000 rows: twice the time).
    found = leading.values("pk")[: bound + 1].count()
    if found > bound and not complete:
        return counted(leading, found, bound + 1)
    inside = Contains(name_tail(field), " " + words)
    if not found:
        # Only words inside names ("thi" of "Nguyễn Thị Lan"): one part, which the key's index can serve too.
        return queryset.filter(inside).order_by(key, "pk")
    first = Case(When(starts, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.filter(starts | inside).order_by(first, key, F("pk"))
