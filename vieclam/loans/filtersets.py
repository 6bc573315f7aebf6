"""One FilterSet for the loan list page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.applications.filtersets import PersonFilter
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.employers.filtersets import EmployerFilter
from vieclam.loans.choices import BorrowerKind, LoanStatus
from vieclam.loans.models import Loan
from vieclam.places.filtersets import CommuneFilter

__all__ = ("LoanFilterSet",)


class LoanFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người vay, cơ sở)"), method="filter_q", max_length=100)
    borrower_kind = django_filters.ChoiceFilter(label=_("Đối tượng vay"), choices=BorrowerKind.choices)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=LoanStatus.choices)
    person = PersonFilter(label=_("Người vay"), field_name="person")
    employer = EmployerFilter(label=_("Cơ sở sản xuất, kinh doanh"), field_name="employer")
    commune = CommuneFilter(label=_("Xã, phường"), field_name="commune")
    priority = django_filters.BooleanFilter(
        label=_("Đối tượng ưu tiên"), field_name="priority_group", lookup_expr="isnull", exclude=True
    )
    applied_after = DateFilter(label=_("Nộp hồ sơ từ ngày"), field_name="applied_on", lookup_expr="gte")
    applied_before = DateFilter(label=_("Nộp hồ sơ đến ngày"), field_name="applied_on", lookup_expr="lte")
    disbursed_after = DateFilter(label=_("Giải ngân từ ngày"), field_name="disbursed_on", lookup_expr="gte")
    disbursed_before = DateFilter(label=_("Giải ngân đến ngày"), field_name="disbursed_on", lookup_expr="lte")

    class Meta:
        model = Loan
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the borrowing person's name or be in the establishment's name."""
        for word in fold(value).split():
            queryset = queryset.filter(
                Q(person__search_text__contains=" " + word) | Q(employer__search_text__contains=word)
            )
        return queryset
