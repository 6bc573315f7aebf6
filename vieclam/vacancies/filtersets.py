"""One FilterSet for the vacancy list page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from vieclam.coding.filtersets import OccupationFilter
from vieclam.core.filtersets import DateFilter, MoneyFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.employers.filtersets import EmployerFilter
from vieclam.places.filtersets import CommuneFilter, ProvinceFilter
from vieclam.vacancies.choices import PAY_BAND_CEILINGS, VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("VacancyFilterSet",)


class VacancyFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên việc, doanh nghiệp, nghề)"), method="filter_q", max_length=100)
    occupation = OccupationFilter(label=_("Nghề"), method="filter_occupation")
    province = ProvinceFilter(label=_("Tỉnh nơi làm việc"), field_name="workplace_commune__province")
    commune = CommuneFilter(label=_("Xã nơi làm việc"), field_name="workplace_commune")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=VacancyStatus.choices)
    employer = EmployerFilter(label=_("Người sử dụng lao động"), field_name="employer")
    pay_min = MoneyFilter(label=_("Lương ít nhất (đồng/tháng)"), method="filter_pay_min")
    deadline_after = DateFilter(label=_("Hạn nộp từ ngày"), field_name="deadline", lookup_expr="gte")

    class Meta:
        model = Vacancy
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must appear, ignoring case and diacritics: 'ke toan' finds 'Kế toán tổng hợp'."""
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_occupation(self, queryset, name, occupation):
        """An occupation and everything under it: 2411 finds 2411 and 24111–24113; 24 the whole sub-major group."""
        return queryset.filter(occupation__code__startswith=occupation.code)

    def filter_pay_min(self, queryset, name, value):
        """Vacancies whose pay can reach `value` a month: the top of the range (or its floor when open-ended),
        or a Mẫu 01 monthly band whose ceiling reaches it. Negotiable-only pay is left out: nothing is promised."""
        bands = [band for band, ceiling in PAY_BAND_CEILINGS.items() if ceiling is None or ceiling >= value]
        in_range = Q(pay_top__gte=value)
        in_band = Q(pay_min__isnull=True, pay_max__isnull=True, pay_band__in=bands)
        return queryset.alias(pay_top=Coalesce("pay_max", "pay_min")).filter(in_range | in_band)
