"""One FilterSet for the list of poverty standards, shared by the API and any future list page."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.poverty.models import PovertyStandard

__all__ = ("PovertyStandardFilterSet",)


class PovertyStandardFilterSet(django_filters.FilterSet):
    as_of = django_filters.DateFilter(
        label=_("Có hiệu lực vào ngày"),
        method="filter_as_of",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.")},
    )

    def filter_as_of(self, queryset, name, value):
        return queryset.valid_on(value)

    class Meta:
        model = PovertyStandard
        fields: list[str] = []
