"""One FilterSet for the employer list page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.core.text import fold
from vieclam.employers import selectors
from vieclam.employers.forms import AreaCodeField, TypeChoiceField
from vieclam.employers.models import Employer
from vieclam.places.choices import Level

__all__ = ("EmployerFilterSet",)


class AreaCodeFilter(django_filters.Filter):
    """?commune=25459 or ?province=80; old pre-2025 codes are mapped to the unit that absorbed them."""

    field_class = AreaCodeField


class TypeFilter(django_filters.ModelChoiceFilter):
    """?type=dn_fdi: an employer type of Mẫu 01 by its code."""

    field_class = TypeChoiceField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, queryset=lambda request: selectors.employer_type_list(), **kwargs)


class EmployerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên, mã số thuế, địa chỉ)"), method="filter_q", max_length=100)
    commune = AreaCodeFilter(label=_("Xã (mã)"), field_name="commune", level=Level.COMMUNE)
    province = AreaCodeFilter(label=_("Tỉnh (mã)"), field_name="commune__province", level=Level.PROVINCE, max_length=2)
    type = TypeFilter(label=_("Loại hình"), field_name="employer_type")
    industry = django_filters.CharFilter(label=_("Ngành (VSIC)"), method="filter_industry", max_length=5)
    industrial_zone = django_filters.BooleanFilter(label=_("Trong KCN/KKT"), field_name="in_industrial_zone")

    class Meta:
        model = Employer
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must appear, ignoring case and diacritics: 'det may' finds 'Công ty Dệt May'."""
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_industry(self, queryset, name, value):
        """A section letter (C) matches the section and the codes filed under it; digits match a code prefix."""
        value = value.strip().upper()
        if value.isalpha():
            return queryset.filter(Q(industry__code=value) | Q(industry__section=value))
        return queryset.filter(industry__code__startswith=value)
