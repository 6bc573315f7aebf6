"""One FilterSet per code table, shared by the API and the future list pages.

Every FilterSet takes `q` (name or code, ignoring case and diacritics) and `as_of` (only rows in force that day).
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.codelists.choices import IndustrySystem, Level, OccupationOrigin
from vieclam.codelists.models import CodeList, EthnicGroup, Industry, Occupation

__all__ = ("CodeListFilterSet", "EthnicGroupFilterSet", "IndustryFilterSet", "OccupationFilterSet")

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def level_filter() -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=_("Cấp"),
        choices=Level.choices,
        error_messages={"invalid_choice": _("Cấp “%(value)s” không hợp lệ: chọn một số từ 1 đến 5.")},
    )


class CodeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo tên hoặc mã"), method="filter_q", max_length=100)
    as_of = django_filters.DateFilter(
        label=_("Có hiệu lực vào ngày"),
        method="filter_as_of",
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.")},
    )

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_as_of(self, queryset, name, value):
        return queryset.valid_on(value)


class OccupationFilterSet(CodeFilterSet):
    level = level_filter()
    parent = django_filters.CharFilter(label=_("Thuộc (mã)"), field_name="parent_code", max_length=5)
    origin = django_filters.ChoiceFilter(
        label=_("Nguồn gốc"),
        choices=OccupationOrigin.choices,
        error_messages={"invalid_choice": _("Nguồn gốc “%(value)s” không hợp lệ: chọn vsco hoặc isco08_fill.")},
    )

    class Meta:
        model = Occupation
        fields: list[str] = []


class IndustryFilterSet(CodeFilterSet):
    """Both VSIC editions unless `system` is given; they reuse codes with different meanings."""

    system = django_filters.ChoiceFilter(
        label=_("Hệ thống ngành"),
        choices=IndustrySystem.choices,
        error_messages={"invalid_choice": _("Hệ thống “%(value)s” không hợp lệ: chọn vsic2025 hoặc vsic2007.")},
    )
    level = level_filter()
    parent = django_filters.CharFilter(label=_("Thuộc (mã)"), field_name="parent_code", max_length=5)

    class Meta:
        model = Industry
        fields: list[str] = []


class EthnicGroupFilterSet(CodeFilterSet):
    class Meta:
        model = EthnicGroup
        fields: list[str] = []


class CodeListFilterSet(CodeFilterSet):
    """`q` matches the list's name or the name of any of its items."""

    class Meta:
        model = CodeList
        fields: list[str] = []
