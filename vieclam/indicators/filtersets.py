"""The catalogue's filters, shared by the page and the API: words ignoring diacritics, and the group."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.filtersets import RegistryFilterSet
from vieclam.indicators.models import Indicator
from vieclam.indicators.selectors import GROUPS, indicator_catalogue

__all__ = ("IndicatorFilterSet",)


class IndicatorFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm chỉ tiêu"), method="search", max_length=100)
    group = django_filters.ChoiceFilter(label=_("Nhóm"), choices=list(GROUPS.items()))

    class Meta:
        model = Indicator
        fields = ["q", "group"]

    def search(self, queryset, name, value):
        """Names, definitions and groups containing every word, ignoring diacritics ("ty le ngheo")."""
        codes = [i.code for _group, found in indicator_catalogue(search=value) for i in found]
        return queryset.filter(code__in=codes)
