"""Where a posting's job is: the province and commune in force today, from the free text boards print.

    'Hà Nội: Số 5 Phạm Hùng, Phường Cầu Giấy'   → Thành phố Hà Nội, Phường Cầu Giấy
    'Long An'                                   → Tỉnh Tây Ninh (old province mapped across the 2025 reform), no commune
    'Thái Bình, Hải Phòng, Hải Dương'           → the first of them inside the officer's areas, else the first; `many`

Provinces are read the way the public job board reads them (jobboard.search.place_resolve: names in force, old
pre-2025 names, codes), with the same extra names people type (jobboard.indexing.PROVINCE_ALIASES: 'TP.HCM'); an
old province is mapped to its successor with places.selectors.successors_of_code. A commune is looked for by name
among today's communes of that province, then among the old (pre-2025) communes of the provinces merged into it,
mapped through the commune crosswalk (places.Succession) when the old commune went to a single new one. A
commune code column is read with places.selectors.area_resolve (old codes are mapped the same way).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vieclam.core.text import fold
from vieclam.jobboard.indexing import PROVINCE_ALIASES
from vieclam.jobboard.search import place_resolve
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession
from vieclam.places.selectors import AreaCodeError, area_resolve, successors_of_code

__all__ = ("Place", "PlaceError", "PlaceResolver")

_SPLIT = re.compile(r"[,;:|&\n]|\s/\s")
_MORE_PLACES = re.compile(r"^\d+ noi khac$")  # TopCV: 'Hà Nội & 2 nơi khác'
# Province names of boards that neither our old nor our new list holds: Thừa Thiên Huế became Thành phố Huế on
# 01/01/2025 (Nghị quyết 1314/NQ-UBTVQH15), before the old list we keep was drawn up.
EXTRA_NAMES = {"thua thien hue": "46"}
_COMMUNE_PREFIX = re.compile(r"^(?:phuong|xa|thi tran|dac khu)\s+")
_KIND_WORDS = (("p", "phuong"), ("x", "xa"), ("tt", "thi tran"), ("ward", "phuong"), ("commune", "xa"))
_PROVINCE_PREFIX = re.compile(r"^(?:thanh pho|tinh|tp)\s+")
_ALIAS_STOP = {"tp"}


class PlaceError(ValueError):
    """A place that cannot be used; str(error) is the message to show."""


@dataclass(frozen=True)
class Place:
    """A workplace: the province in force, the commune when the text names one, and what was mapped."""

    province: AdministrativeUnit | None
    commune: AdministrativeUnit | None = None
    notes: tuple[str, ...] = ()
    many: bool = False  # the text names several provinces; the one kept is `province`


def _key(text: str) -> str:
    """Folded, punctuation as spaces: 'P. Cầu Giấy' → 'p cau giay'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def _parts(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


class PlaceResolver:
    """Resolves the places of one batch; caches provinces and each province's communes for the batch."""

    def __init__(self, *, on: dt.date, prefer: Callable[[AdministrativeUnit], bool] | None = None):
        self.on = on
        self.prefer = prefer or (lambda unit: True)
        self._provinces: dict[str, tuple[AdministrativeUnit | None, str]] = {}
        self._province_names: dict[str, str] | None = None
        self._aliases: dict[str, str] | None = None
        self._communes: dict[int, _CommuneIndex] = {}

    def resolve(self, *, location: str = "", address: str = "", commune_code: str = "") -> Place:
        """The workplace named by a commune code, else by the location and address texts; raises PlaceError."""
        if commune_code.strip():
            return self._by_code(commune_code.strip())
        found = self._provinces_in(_parts(location)) or self._provinces_in(list(reversed(_parts(address))))
        if not found:
            return Place(None)
        chosen = next((item for item in found if self.prefer(item[0])), found[0])
        province, note = chosen
        parts = [p for p in _parts(location) + _parts(address) if self._province(p)[0] is None]
        commune, commune_note = self._index(province).find(parts)
        notes = tuple(n for n in (note, commune_note) if n)
        more = any(_MORE_PLACES.match(_key(p)) for p in _parts(location))
        return Place(province, commune, notes, many=len(found) > 1 or more)

    #
    # Provinces
    #
    def _provinces_in(self, parts: list[str]) -> list[tuple[AdministrativeUnit, str]]:
        found: dict[int, tuple[AdministrativeUnit, str]] = {}
        for part in parts:
            unit, note = self._province(part)
            if unit is not None:
                found.setdefault(unit.pk, (unit, note))
        return list(found.values())

    def _province(self, part: str) -> tuple[AdministrativeUnit | None, str]:
        """(province in force, note when an old province was mapped) for one part of the text, cached."""
        key = _key(part)
        if key not in self._provinces:
            self._provinces[key] = self._lookup_province(key)
        return self._provinces[key]

    def _lookup_province(self, key: str) -> tuple[AdministrativeUnit | None, str]:
        code = self._aliases_map().get(key.replace(" ", "")) or EXTRA_NAMES.get(key)
        if code is None:
            name = self._province_names_map().get(_PROVINCE_PREFIX.sub("", key))
            if key.isdigit() or name is None:
                return None, ""  # only names of provinces go to place_resolve: an address is full of other words
            try:
                found = place_resolve(value=name, level=Level.PROVINCE)
            except ValidationError:
                return None, ""
            if found.unit_id is not None:
                return AdministrativeUnit.objects.get(pk=found.unit_id), ""
            code = found.old_code
            successors = [s.successor for s in successors_of_code(code=code, level=Level.PROVINCE)]
            successors = [unit for unit in successors if unit.is_valid_on(self.on)]
            if len(successors) != 1:
                return None, ""
            note = _("{old} nay thuộc {new}.").format(old=found.label, new=successors[0].name)
            return successors[0], note
        return AdministrativeUnit.objects.current().get(level=Level.PROVINCE, code=code), ""

    def _province_names_map(self) -> dict[str, str]:
        """Key → the name as the places list spells it ('ba ria vung tau' → 'Bà Rịa - Vũng Tàu'), old and new."""
        if self._province_names is None:
            names = AdministrativeUnit.objects.filter(level=Level.PROVINCE).values_list("name", "short_name")
            self._province_names = {_key(n): n for pair in names for n in pair if n}
        return self._province_names

    def _aliases_map(self) -> dict[str, str]:
        if self._aliases is None:
            self._aliases = {}
            for code, words in PROVINCE_ALIASES.items():
                keys = _key(words).split()
                for alias in [*keys, *(a + b for a, b in zip(keys, keys[1:], strict=False))]:
                    if alias not in _ALIAS_STOP:
                        self._aliases[alias] = code
        return self._aliases

    #
    # Communes
    #
    def _by_code(self, code: str) -> Place:
        try:
            unit, note = area_resolve(code=code, on=self.on)
        except AreaCodeError as exc:
            raise PlaceError(str(exc)) from exc
        if unit.level != Level.COMMUNE:
            raise PlaceError(_("Mã xã “{code}” phải là mã xã, phường có 5 chữ số.").format(code=code))
        return Place(unit.province, unit, (note,) if note else ())

    def _index(self, province: AdministrativeUnit) -> _CommuneIndex:
        if province.pk not in self._communes:
            self._communes[province.pk] = _CommuneIndex(province, self.on)
        return self._communes[province.pk]


class _CommuneIndex:
    """The communes of one province by folded name: today's, and (loaded on first need) the pre-2025 ones."""

    def __init__(self, province: AdministrativeUnit, on: dt.date):
        self.province = province
        self.on = on
        self.current = list(AdministrativeUnit.objects.valid_on(on).filter(level=Level.COMMUNE, province=province))
        self.by_name = _names(self.current)
        self._old: dict[str, list[AdministrativeUnit]] | None = None
        self._successors: dict[int, list[int]] = {}
        self._districts: set[str] = set()

    def find(self, parts: list[str]) -> tuple[AdministrativeUnit | None, str]:
        """The commune named in `parts`: parts with 'Phường/Xã' first, then bare names, each from the end.

        A name is taken as today's commune only when every old commune of that name went (at least partly) into
        it ('An Phú' in an old-style Thủ Đức address is not today's Phường An Phú); an old name only when no
        commune bears it today; and a bare name only when it was not an old district ('Đống Đa' in 'số 76 Giảng
        Võ, Đống Đa' names the old district, not today's Phường Đống Đa). No guess is better than a wrong one:
        the row then takes its employer's commune or asks for a commune code.
        """
        ordered = list(reversed(parts))
        prefixed = [p for p in ordered if _COMMUNE_PREFIX.match(_typed(_key(p)))]
        bare = [p for p in ordered if p not in prefixed and _key(p) not in self._district_keys()]
        for group in (prefixed, bare):
            for part in group:
                unit = self._current(part)
                if unit is not None:
                    return unit, ""
            for part in group:
                found = self._old_commune(part, parts) if not _match(self.by_name, part) else (None, "")
                if found[0] is not None:
                    return found
        return None, ""

    def _current(self, part: str) -> AdministrativeUnit | None:
        matches = _match(self.by_name, part)
        if len(matches) != 1:
            return None
        unit = matches[0]
        for old in _match(self._old_names(), part):
            if unit.pk not in self._successors.get(old.pk, []):
                return None  # an old commune of that name went elsewhere: the text may mean that one
        return unit

    def _old_commune(self, part: str, parts: list[str]) -> tuple[AdministrativeUnit | None, str]:
        matches = _match(self._old_names(), part)
        if len(matches) > 1:  # the same name in several old districts: keep those whose district is named too
            districts = {_key(p) for p in parts}
            matches = [u for u in matches if u.parent and {_key(u.parent.name), _key(u.parent.short_name)} & districts]
        if len(matches) != 1:
            return None, ""
        old = matches[0]
        new_ids = self._successors.get(old.pk, [])
        current = {u.pk: u for u in self.current}
        targets = [current[pk] for pk in new_ids if pk in current]
        if len(targets) != 1:
            return None, ""
        note = _("{old} (trước 01/07/2025) nay thuộc {new}.").format(old=old.name, new=targets[0].name)
        return targets[0], note

    def _district_keys(self) -> set[str]:
        self._old_names()
        return self._districts

    def _old_names(self) -> dict[str, list[AdministrativeUnit]]:
        """Old communes (and old district names) of the provinces merged into this one, with their successors."""
        if self._old is None:
            old_provinces = list(
                Succession.objects.filter(level=Level.PROVINCE, successor=self.province).values_list(
                    "predecessor_id", flat=True
                )
            )
            old_units = AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, province_id__in=old_provinces)
            old = list(old_units.filter(level=Level.COMMUNE).select_related("parent"))
            districts = old_units.filter(level=Level.DISTRICT).values_list("name", "short_name")
            self._districts = {_key(name) for pair in districts for name in pair if name}
            self._old = _names(old)
            successors = defaultdict(list)
            rows = Succession.objects.filter(level=Level.COMMUNE, predecessor__in=[u.pk for u in old])
            for old_id, new_id in rows.values_list("predecessor_id", "successor_id"):
                successors[old_id].append(new_id)
            self._successors = dict(successors)
        return self._old


def _names(units: list[AdministrativeUnit]) -> dict[str, list[AdministrativeUnit]]:
    """Folded full name and short name → units ('phuong cau giay' and 'cau giay')."""
    index: dict[str, list[AdministrativeUnit]] = defaultdict(list)
    for unit in units:
        for name in {_key(unit.name), _key(unit.short_name)}:
            if name:
                index[name].append(unit)
    return index


def _match(index: dict[str, list[AdministrativeUnit]], part: str) -> list[AdministrativeUnit]:
    """Units named `part`: by full name when it says the kind ('P. Tân Ninh' is Phường Tân Ninh, not Xã Tân
    Ninh), else by short name. A bare number ('9') is only a name after 'Phường' ('Phường 9')."""
    key = _typed(_key(part))
    if _COMMUNE_PREFIX.match(key):
        found = index.get(key, [])
    elif key.isdigit():
        found = []
    else:
        found = index.get(key, [])
    return list({u.pk: u for u in found}.values())


def _typed(key: str) -> str:
    """Abbreviated and English kinds spelt out: 'p tan ninh' → 'phuong tan ninh', 'ngoc ha ward' → 'phuong ngoc ha'."""
    for short, full in _KIND_WORDS:
        if key.startswith(short + " "):
            return full + key[len(short) :]
    for suffix, full in (("ward", "phuong"), ("commune", "xa")):
        if key.endswith(" " + suffix):
            return f"{full} {key[: -len(suffix) - 1]}"
    return key
