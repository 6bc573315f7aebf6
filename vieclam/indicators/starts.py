""" "Lao động được giải quyết việc làm": distinct persons who started work in the period.

A person counts once per period (and per commune of residence) however many starts qualify. The sources are
registered here by the apps that record starts: a successful connection through the centre (connections), a
labour event that made the person employed or took them abroad (people), and later vocational training, labour
export and job-creation loans (each registers its own source, `start_source_register`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from django.db.models import Q

from vieclam.indicators.periods import Period
from vieclam.indicators.persons import _py_group
from vieclam.indicators.rules import AsOf, Communes, Counts
from vieclam.people.models import Person

# A source yields (person id, abroad) for the starts it records in the period, inside `communes`.
StartSource = Callable[..., Iterable[tuple[int, bool]]]
_sources: dict[str, StartSource] = {}


def start_source_register(name: str, source: StartSource) -> None:
    _sources[name] = source


def starts(*, period: Period, communes: Communes, as_of: AsOf) -> dict[int, tuple[bool, str]]:
    """person id → (abroad, first source) for everyone who started work in the period."""
    out: dict[int, tuple[bool, str]] = {}
    for name, source in sorted(_sources.items()):
        for person_id, abroad in source(period=period, communes=communes, as_of=as_of):
            seen = out.get(person_id)
            out[person_id] = (abroad or (seen[0] if seen else False), seen[1] if seen else name)
    return out


def starts_rule(*, abroad_only: bool):
    def count(*, period: Period, communes, as_of, by) -> Counts:
        found = starts(period=period, communes=communes, as_of=as_of)
        chosen = [pk for pk, (abroad, _src) in found.items() if abroad or not abroad_only]
        counts: Counts = {}
        fields = ("pk", "residence_commune_id", "sex", "date_of_birth", "ethnicity__code",
                  "household__poverty_class", "occupation__code")  # fmt: skip
        for start in range(0, len(chosen), 5000):
            for row in Person.objects.filter(pk__in=chosen[start : start + 5000]).values(*fields):
                group = found[row["pk"]][1] if by == "channel" else _py_group(by, row, period)
                key = (row["residence_commune_id"], group)
                counts[key] = counts.get(key, 0) + 1
        return counts

    return count


def in_communes(path: str, communes: Collection[int] | None) -> Q:
    return Q() if communes is None else Q(**{f"{path}__in": list(communes)})
