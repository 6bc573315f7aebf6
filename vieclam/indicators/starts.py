""" "Lao động được giải quyết việc làm": distinct persons who started work in the period.

A person counts once per period (and per commune of residence) however many starts qualify. The sources are
registered here by the apps that record starts: a successful connection through the centre (connections), a
labour event that made the person employed or took them abroad (people), and later vocational training, labour
export and job-creation loans (each registers its own source, `start_source_register`).

A source is a function (period=, communes=, as_of=) → QuerySet of its start records in the period whose person
lives in `communes`, each reaching its person through a `person` foreign key and annotated with `_day` (the date
of the start) and `_abroad` (True when the start took the person abroad). The persons are then counted in SQL;
a month series (`count_months`) asks each source once for the whole year, grouped by month and person.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import ExtractMonth

from vieclam.indicators.dims import person_dims
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import AsOf, Communes, Counts, _group_key, dim_expression
from vieclam.people.models import Person

StartSource = Callable[..., QuerySet]
_sources: dict[str, StartSource] = {}
_PERSON_DIMS = person_dims("")


def start_source_register(name: str, source: StartSource) -> None:
    _sources[name] = source


def _source_rows(name: str, *, period: Period, communes: Communes, as_of: AsOf, abroad_only: bool) -> QuerySet:
    rows = _sources[name](period=period, communes=communes, as_of=as_of)
    return rows.filter(_abroad=True) if abroad_only else rows


def starts(*, period: Period, communes: Communes, as_of: AsOf) -> dict[int, tuple[bool, str]]:
    """person id → (abroad, first source) for everyone who started work in the period."""
    out: dict[int, tuple[bool, str]] = {}
    for name in sorted(_sources):
        rows = _sources[name](period=period, communes=communes, as_of=as_of)
        for person_id, abroad in rows.values_list("person_id", "_abroad").distinct():
            seen = out.get(person_id)
            out[person_id] = (abroad or (seen[0] if seen else False), seen[1] if seen else name)
    return out


class StartsRule:
    """Distinct persons with a start in the period (abroad_only: a start abroad), by commune of residence and group.

    One query over the persons whose id is in the union of the sources' person ids (a person once however many
    starts); "channel" is the first source, by name, holding a start of the person. `count_months` gives the
    twelve months of a year with one grouped query per source."""

    def __init__(self, name: str, *, abroad_only: bool, dims: Collection[str]) -> None:
        self.name, self.abroad_only, self.dims = name, abroad_only, tuple(dims)

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        names = sorted(_sources)
        if not names:
            return {}
        ids = {
            name: _source_rows(name, period=period, communes=communes, as_of=as_of, abroad_only=self.abroad_only)
            .order_by()
            .values("person_id")
            for name in names
        }
        first, *rest = ids.values()
        persons = Person.objects.filter(pk__in=first.union(*rest) if rest else first)
        keys: dict = {"_c": F("residence_commune_id")}
        if by == "channel":
            keys["_g"] = Case(*(When(pk__in=ids[n], then=Value(n)) for n in names), output_field=CharField())
        elif by in _PERSON_DIMS:
            keys["_g"] = dim_expression(_PERSON_DIMS[by], period)
        rows = persons.annotate(**keys).values(*keys).order_by().annotate(_n=Count("pk"))
        counts: Counts = {}
        for row in rows:
            group = (_group_key(row["_g"]) if "_g" in row else "_") if by else ""
            counts[(row["_c"], group)] = counts.get((row["_c"], group), 0) + row["_n"]
        return counts

    def count_months(self, *, year: int, communes: Communes, as_of: AsOf) -> dict[int, Counts]:
        """{month: {(commune, ""): persons}} for the twelve months of `year` (no disaggregation)."""
        seen: dict[int, dict[int, int]] = {}  # month → person id → commune
        for name in sorted(_sources):
            rows = _source_rows(name, period=Period.year(year), communes=communes, as_of=as_of,
                                abroad_only=self.abroad_only)  # fmt: skip
            rows = rows.annotate(_m=ExtractMonth("_day")).values_list("_m", "person_id", "person__residence_commune_id")
            for month, person_id, commune in rows.order_by().distinct():
                seen.setdefault(month, {})[person_id] = commune
        out: dict[int, Counts] = {}
        for month, persons in seen.items():
            counts: Counts = {}
            for commune in persons.values():
                counts[(commune, "")] = counts.get((commune, ""), 0) + 1
            out[month] = counts
        return out


def starts_rule(*, abroad_only: bool):
    """The counting function of a StartsRule (kept for callers that register a FunctionRule)."""
    return StartsRule("", abroad_only=abroad_only, dims=()).count


def in_communes(path: str, communes: Collection[int] | None) -> Q:
    return Q() if communes is None else Q(**{f"{path}__in": list(communes)})
