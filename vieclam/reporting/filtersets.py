"""The ONE FilterSet of the report list, for the page, its export and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.filtersets import RegistryFilterSet
from vieclam.reporting.choices import ReportStatus
from vieclam.reporting.kinds import kinds
from vieclam.reporting.models import Report

__all__ = ("ReportFilterSet",)


def kind_choices() -> list[tuple[str, str]]:
    return [(k.code, k.title) for k in kinds()]


class ReportFilterSet(RegistryFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại báo cáo"), choices=kind_choices)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ReportStatus.choices)
    year = django_filters.NumberFilter(
        label=_("Năm"), field_name="period_end", lookup_expr="year", min_value=2000, max_value=2100
    )

    class Meta:
        model = Report
        fields: list[str] = []
