"""The ONE FilterSet of the fair list, for the page, its export, the report page and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.models import Fair

__all__ = ("FairFilterSet",)


class FairFilterSet(RegistryFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại phiên"), choices=FairKind.choices)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=FairStatus.choices)
    held_after = DateFilter(label=_("Tổ chức từ ngày"), field_name="held_on", lookup_expr="gte")
    held_before = DateFilter(label=_("Tổ chức đến ngày"), field_name="held_on", lookup_expr="lte")

    class Meta:
        model = Fair
        fields: list[str] = []
