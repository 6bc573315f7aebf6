"""The area of a figure: a commune, several, a province, or a unit that existed before 1 July 2025.

Records hold the commune in force (the 2025 boundary). A pre-2025 unit (an old district such as An Phú, an old
province such as Long An) is reached through the crosswalk (places.Succession): each commune in force is placed in
the old unit of its *main* predecessor — a predecessor merged whole before one merged in part, then the one whose
name the new commune kept, then the lowest code. Where a new commune came from several old units the Area says so
in `notes`, so a report states how it placed the records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vieclam.core.text import fold
from vieclam.places.choices import Level, SuccessionKind
from vieclam.places.models import AdministrativeUnit, Edition, Succession

BOUNDARY_2025 = "2025"
BOUNDARY_OLD = "pre2025"


@dataclass(frozen=True)
class Area:
    label: str
    commune_ids: frozenset[int]
    unit: AdministrativeUnit | None = None
    boundary: str = BOUNDARY_2025
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        return f"{self.unit.pk}" if self.unit is not None else ",".join(map(str, sorted(self.commune_ids)))


def area_for(unit: AdministrativeUnit) -> Area:
    """The communes in force that make up `unit` (of either edition)."""
    if unit.edition == Edition.PRE_2025:
        return _old_area(unit)
    if unit.level == Level.COMMUNE:
        return Area(unit.name, frozenset({unit.pk}), unit)
    communes = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=unit)
    return Area(unit.name, frozenset(communes.values_list("pk", flat=True)), unit)


def area_of_communes(communes: list[AdministrativeUnit]) -> Area:
    if len(communes) == 1:
        return area_for(communes[0])
    label = ", ".join(c.name for c in communes)
    return Area(label, frozenset(c.pk for c in communes))


def _old_area(unit: AdministrativeUnit) -> Area:
    old_communes = AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, level=Level.COMMUNE)
    if unit.level == Level.COMMUNE:
        inside = {unit.pk}
    elif unit.level == Level.DISTRICT:
        inside = set(old_communes.filter(parent=unit).values_list("pk", flat=True))
    else:
        inside = set(old_communes.filter(province=unit).values_list("pk", flat=True))
    successor_ids = set(
        Succession.objects.filter(predecessor_id__in=inside, level=Level.COMMUNE).values_list("successor_id", flat=True)
    )
    rows = Succession.objects.filter(successor_id__in=successor_ids, level=Level.COMMUNE).select_related(
        "predecessor__parent", "successor"
    )
    by_successor: dict[int, list[Succession]] = defaultdict(list)
    for row in rows:
        by_successor[row.successor_id].append(row)
    kept, notes = set(), []
    for successor_id, preds in sorted(by_successor.items()):
        main = _main_predecessor(preds)
        if main.predecessor_id in inside:
            kept.add(successor_id)
        outside = [p for p in preds if p.predecessor_id not in inside]
        if outside:
            notes.append(_split_note(unit, preds[0].successor, main, inside, outside))
    return Area(unit.name, frozenset(kept), unit, BOUNDARY_OLD, tuple(notes))


def _main_predecessor(preds: list[Succession]) -> Succession:
    def rank(row: Succession) -> tuple:
        same_name = fold(row.predecessor_name).split(" ", 1)[-1] == fold(row.successor.name).split(" ", 1)[-1]
        return (row.kind != SuccessionKind.FULL, not same_name, row.predecessor_code)

    return min(preds, key=rank)


def _split_note(unit, successor, main, inside, outside) -> str:
    others = ", ".join(sorted({p.predecessor_name for p in outside}))
    if main.predecessor_id in inside:
        return _(
            "%(new)s gồm cả %(others)s (ngoài %(unit)s); số liệu của %(new)s được tính cả vào %(unit)s theo "
            "đơn vị cũ chính là %(main)s."
        ) % {"new": successor.name, "others": others, "unit": unit.name, "main": main.predecessor_name}
    return _(
        "%(new)s có một phần từ %(unit)s nhưng đơn vị cũ chính là %(main)s; "
        "số liệu của %(new)s không tính vào %(unit)s."
    ) % {"new": successor.name, "unit": unit.name, "main": main.predecessor_name}
