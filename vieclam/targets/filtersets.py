"""The ONE FilterSet of the target list, for the page, its export and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.core.filtersets import RegistryFilterSet
from vieclam.indicators.models import Indicator
from vieclam.places.filtersets import CommuneFilter
from vieclam.targets.choices import TargetKind
from vieclam.targets.models import Target

__all__ = ("TargetFilterSet",)


class IndicatorFilter(django_filters.ModelChoiceFilter):
    """An indicator chosen by name (?indicator=giai_quyet_viec_lam in the API)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("error_messages", {"invalid_choice": _("Chọn một chỉ tiêu trong danh sách.")})
        super().__init__(*args, queryset=Indicator.objects.order_by("group", "order", "code"), **kwargs)


class TargetFilterSet(RegistryFilterSet):
    year = django_filters.NumberFilter(
        label=_("Năm"), method="filter_year", min_value=2000, max_value=2100,
        help_text=_("Chỉ tiêu năm đó và kế hoạch nhiều năm gồm năm đó."),
    )  # fmt: skip
    indicator = IndicatorFilter(label=_("Chỉ tiêu"))
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=TargetKind.choices)
    area = CommuneFilter(label=_("Địa bàn"), field_name="area", provinces=True)

    class Meta:
        model = Target
        fields: list[str] = []

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(Q(year_from__lte=year) & Q(year_to__gte=year))
