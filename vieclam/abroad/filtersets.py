"""One FilterSet per list (journeys, programmes, enterprises) for the page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.abroad.choices import JourneyState, ReturnKind
from vieclam.abroad.models import Country, Journey, Programme, ServiceEnterprise
from vieclam.applications.filtersets import PersonFilter
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.text import fold

__all__ = ("EnterpriseFilterSet", "JourneyFilterSet", "ProgrammeFilterSet")


def _countries():
    return Country.objects.order_by("order", "name_vi")


class JourneyFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    state = django_filters.ChoiceFilter(label=_("Bước"), choices=JourneyState.choices)
    country = django_filters.ModelChoiceFilter(label=_("Nước đến"), queryset=_countries(), to_field_name="code")
    programme = django_filters.ModelChoiceFilter(
        label=_("Đơn hàng"), queryset=Programme.objects.order_by("-opened_on", "-pk")
    )
    enterprise = django_filters.ModelChoiceFilter(
        label=_("Doanh nghiệp dịch vụ"), queryset=ServiceEnterprise.objects.order_by("name")
    )
    return_kind = django_filters.ChoiceFilter(label=_("Về nước"), choices=ReturnKind.choices)
    registered_after = DateFilter(label=_("Đăng ký từ ngày"), field_name="registered_on", lookup_expr="gte")
    registered_before = DateFilter(label=_("Đăng ký đến ngày"), field_name="registered_on", lookup_expr="lte")
    departed_after = DateFilter(label=_("Xuất cảnh từ ngày"), field_name="departed_on", lookup_expr="gte")
    departed_before = DateFilter(label=_("Xuất cảnh đến ngày"), field_name="departed_on", lookup_expr="lte")

    class Meta:
        model = Journey
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the person's name, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(person__search_text__contains=" " + word)
        return queryset


class ProgrammeFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên đơn hàng)"), field_name="name", lookup_expr="icontains",
                                  max_length=100)  # fmt: skip
    enterprise = django_filters.ModelChoiceFilter(
        label=_("Doanh nghiệp dịch vụ"), queryset=ServiceEnterprise.objects.order_by("name")
    )
    country = django_filters.ModelChoiceFilter(label=_("Nước đến"), queryset=_countries(), to_field_name="code")
    opened_after = DateFilter(label=_("Bắt đầu tuyển từ ngày"), field_name="opened_on", lookup_expr="gte")

    class Meta:
        model = Programme
        fields: list[str] = []


class EnterpriseFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên hoặc mã số thuế)"), method="filter_q", max_length=100)
    licensed = django_filters.BooleanFilter(label=_("Giấy phép còn hiệu lực"), method="filter_licensed")

    class Meta:
        model = ServiceEnterprise
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(tax_code__startswith=value))

    def filter_licensed(self, queryset, name, value):
        from vieclam.core.dates import today

        valid = Q(licence_revoked_on__isnull=True) | Q(licence_revoked_on__gt=today())
        return queryset.filter(valid) if value else queryset.exclude(valid)
