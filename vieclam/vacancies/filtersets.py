"""One FilterSet for the vacancy list page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from vieclam.core.text import fold
from vieclam.employers.filtersets import AreaCodeFilter
from vieclam.places.choices import Level
from vieclam.vacancies.choices import PAY_BAND_CEILINGS, VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("VacancyFilterSet",)

occupation_code = RegexValidator(r"^[0-9]{1,5}$", _("Mã nghề gồm 1 đến 5 chữ số (VSCO 2020), ví dụ 2411."))


class IntegerFilter(django_filters.Filter):
    """A whole number (django-filter's NumberFilter is a decimal)."""

    field_class = forms.IntegerField


class VacancyFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên việc, doanh nghiệp, nghề)"), method="filter_q", max_length=100)
    occupation = django_filters.CharFilter(
        label=_("Mã nghề"), method="filter_occupation", max_length=5, validators=[occupation_code]
    )
    province = AreaCodeFilter(
        label=_("Tỉnh nơi làm việc (mã)"), field_name="workplace_commune__province", level=Level.PROVINCE, max_length=2
    )
    commune = AreaCodeFilter(label=_("Xã nơi làm việc (mã)"), field_name="workplace_commune", level=Level.COMMUNE)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=VacancyStatus.choices)
    employer = IntegerFilter(label=_("Người sử dụng lao động (số)"), field_name="employer_id", min_value=1)
    pay_min = IntegerFilter(label=_("Lương ít nhất (đồng/tháng)"), method="filter_pay_min", min_value=0)
    deadline_after = django_filters.DateFilter(label=_("Hạn nộp từ ngày"), field_name="deadline", lookup_expr="gte")

    class Meta:
        model = Vacancy
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must appear, ignoring case and diacritics: 'ke toan' finds 'Kế toán tổng hợp'."""
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_occupation(self, queryset, name, value):
        """A code and everything under it: 2411 finds 2411 and 24111–24113; 24 finds the whole sub-major group."""
        return queryset.filter(occupation__code__startswith=value)

    def filter_pay_min(self, queryset, name, value):
        """Vacancies whose pay can reach `value` a month: the top of the range (or its floor when open-ended),
        or a Mẫu 01 monthly band whose ceiling reaches it. Negotiable-only pay is left out: nothing is promised."""
        bands = [band for band, ceiling in PAY_BAND_CEILINGS.items() if ceiling is None or ceiling >= value]
        in_range = Q(pay_top__gte=value)
        in_band = Q(pay_min__isnull=True, pay_max__isnull=True, pay_band__in=bands)
        return queryset.alias(pay_top=Coalesce("pay_max", "pay_min")).filter(in_range | in_band)
