"""Filters shared by the registries that record an occupation (vacancies, job seekers)."""

from __future__ import annotations

from vieclam.coding.forms import OccupationPickerField
from vieclam.core.filtersets import PickerFilter

__all__ = ("OccupationFilter",)


class OccupationFilter(PickerFilter):
    """An occupation picked by name (the API passes a code); the FilterSet's method takes everything under it."""

    field_class = OccupationPickerField
