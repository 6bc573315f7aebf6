"""Communes picked by name: diacritics ignored, the installation's province first, old (pre-2025) names found."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vieclam.core.dates import today
from vieclam.core.fields import PickerField, PickerSource
from vieclam.core.widgets import Option
from vieclam.places import selectors
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

__all__ = ("CommunePickerField", "CommuneSource", "ProvinceChoiceField")


class CommuneSource(PickerSource):
    """Communes in force today, inside `within` (a user's areas) or anywhere when None. Posted by code."""

    url_name = "places:commune_picker"

    def __init__(self, *, within: Q | None = None, provinces: bool = False) -> None:
        self.within = within
        self.levels = (Level.PROVINCE, Level.COMMUNE) if provinces else (Level.COMMUNE,)

    def get(self, value: str) -> AdministrativeUnit | None:
        return selectors.unit_pick_get(code=value, on=today(), within=self.within, levels=self.levels)

    def search(self, text: str, *, limit: int) -> list[AdministrativeUnit]:
        return selectors.unit_search(text=text, on=today(), within=self.within, limit=limit, levels=self.levels)

    def option(self, obj: AdministrativeUnit) -> Option:
        province = obj.province.name if obj.province_id and obj.province_id != obj.pk else ""
        label = f"{obj.name}, {province}" if province else obj.name
        former = getattr(obj, "former_name", "")
        return Option(obj.code, label, _("trước đây: {name}").format(name=former) if former else "")


class CommunePickerField(PickerField):
    """A commune by name (`provinces=True`: or a whole province); `limit_to(within)` keeps to a user's areas."""

    def __init__(self, *, coerce=None, provinces: bool = False, **kwargs) -> None:
        super().__init__(source=CommuneSource(provinces=provinces), coerce=coerce, **kwargs)
        self.provinces = provinces
        self.widget.url_params = {"levels": "all"} if provinces else {}

    def limit_to(self, within: Q | None) -> None:
        self.source = CommuneSource(within=within, provinces=self.provinces)
        params = {"levels": "all"} if self.provinces else {}
        self.widget.url_params = {**params, "scope": "mine"} if within is not None else params


class ProvinceChoiceField(forms.ModelChoiceField):
    """A province in force today, chosen by name and posted by its code."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("error_messages", {"invalid_choice": _lazy("Chọn một tỉnh, thành phố trong danh sách.")})
        kwargs.setdefault("queryset", AdministrativeUnit.objects.none())
        super().__init__(**kwargs)

    @staticmethod
    def provinces():
        return AdministrativeUnit.objects.current().filter(level=Level.PROVINCE).order_by("name")

    def load(self) -> None:
        """Read the provinces per form (the date moves on while the process lives)."""
        self.queryset = self.provinces()

    def to_python(self, value):
        """A province in force, or (for the API and old links) the successor of an old pre-2025 province code."""
        try:
            return super().to_python(value)
        except forms.ValidationError:
            unit = selectors.unit_pick_get(code=str(value), on=today(), levels=(Level.PROVINCE,))
            if unit is None:
                raise
            return unit

    def label_from_instance(self, obj) -> str:
        return obj.name
