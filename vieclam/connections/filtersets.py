"""One FilterSet per list (connections, follow-ups) for the page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.applications.filtersets import PersonFilter
from vieclam.connections.choices import ConnectionSource, FollowUpResult, FollowUpStatus, FundingSource
from vieclam.connections.models import Connection, FollowUp
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.employers.filtersets import EmployerFilter

__all__ = ("ConnectionFilterSet", "FollowUpFilterSet")


class ConnectionFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    employer = EmployerFilter(label=_("Người sử dụng lao động"), field_name="employer")
    source = django_filters.ChoiceFilter(label=_("Nguồn"), choices=ConnectionSource.choices)
    funding_source = django_filters.ChoiceFilter(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    double_funding = django_filters.BooleanFilter(label=_("Không chi trùng"), field_name="double_funding_flag")
    started_after = DateFilter(label=_("Bắt đầu từ ngày"), field_name="start_date", lookup_expr="gte")
    started_before = DateFilter(label=_("Bắt đầu đến ngày"), field_name="start_date", lookup_expr="lte")

    class Meta:
        model = Connection
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the person's name, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(person__search_text__contains=" " + word)
        return queryset


class FollowUpFilterSet(RegistryFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=FollowUpStatus.choices)
    due_before = DateFilter(label=_("Đến hạn trước ngày"), field_name="due_on", lookup_expr="lte")
    due_after = DateFilter(label=_("Đến hạn từ ngày"), field_name="due_on", lookup_expr="gte")
    offset_months = django_filters.NumberFilter(label=_("Sau (tháng)"), min_value=0, max_value=120)
    result = django_filters.ChoiceFilter(label=_("Kết quả"), choices=FollowUpResult.choices)
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    whole_area = django_filters.BooleanFilter(
        label=_("Cả địa bàn (không chỉ người tôi theo dõi)"), method="filter_whole_area"
    )

    class Meta:
        model = FollowUp
        fields: list[str] = []

    def filter_whole_area(self, queryset, name, value):
        """Read by the selector (selectors.followup_queue) before filtering: a counsellor's own or the whole area."""
        return queryset
