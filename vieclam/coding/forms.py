"""Occupations picked by name: VSCO names matching the words typed, then the suggester's codes for a job title."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vieclam.codelists.models import Occupation
from vieclam.coding.suggest import get_suggester
from vieclam.core.dates import today
from vieclam.core.fields import PickerField, PickerSource
from vieclam.core.widgets import Option

__all__ = ("OccupationPickerField", "OccupationSource")

SUGGESTED = 4


class OccupationSource(PickerSource):
    """Occupations in force today, posted by code; the list offers levels `min_level`..`max_level` only (a code of
    another level posted anyway is left to the record's own check, which says what is wrong with it)."""

    url_name = "coding:occupation_picker"

    def __init__(self, *, min_level: int = 1, max_level: int = 5) -> None:
        self.levels = range(min_level, max_level + 1)

    def _current(self):
        return Occupation.objects.valid_on(today()).filter(level__in=list(self.levels))

    def get(self, value: str) -> Occupation | None:
        code = value.strip()
        return Occupation.objects.valid_on(today()).filter(code=code).first() if code.isdigit() else None

    def search(self, text: str, *, limit: int) -> list[Occupation]:
        by_name = list(self._current().search(text)[:limit])
        if text.strip().isdigit() or len(text.strip()) < 3:
            return by_name
        codes = [s.code for s in get_suggester().suggest(text, limit=SUGGESTED)]
        suggested = {o.code: o for o in self._current().filter(code__in=codes)}
        found = [suggested[code] for code in codes if code in suggested]
        for occupation in found:
            occupation.suggested = True
        seen = {o.code for o in found}
        return (found + [o for o in by_name if o.code not in seen])[:limit]

    def prefer(self, same_label: list[Occupation]) -> Occupation | None:
        """A group and its only detail often share a name (Kế toán viên): take the most detailed one."""
        deepest = max(same_label, key=lambda o: len(o.code))
        return deepest if all(deepest.code.startswith(o.code) for o in same_label) else None

    def option(self, obj: Occupation) -> Option:
        note = _("mã {code}").format(code=obj.code)
        if getattr(obj, "suggested", False):
            note = _("{note}, gợi ý theo tên công việc").format(note=note)
        return Option(obj.code, obj.name, note)


class OccupationPickerField(PickerField):
    """A VSCO 2020 occupation by name (levels limited as the record requires)."""

    def __init__(self, *, min_level: int = 1, max_level: int = 5, coerce=None, **kwargs) -> None:
        super().__init__(source=OccupationSource(min_level=min_level, max_level=max_level), coerce=coerce, **kwargs)
