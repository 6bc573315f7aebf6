"""One FilterSet per list (classes, enrolments) for the page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.applications.filtersets import PersonFilter
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.training.choices import ClassFunding, EnrolmentStatus, TrainingField, TrainingLevel
from vieclam.training.models import Enrolment, Provider, TrainingClass

__all__ = ("ClassFilterSet", "EnrolmentFilterSet")


class ClassFilterSet(RegistryFilterSet):
    field = django_filters.ChoiceFilter(label=_("Lĩnh vực"), field_name="course__field", choices=TrainingField.choices)
    level = django_filters.ChoiceFilter(label=_("Trình độ"), field_name="course__level", choices=TrainingLevel.choices)
    funding = django_filters.ChoiceFilter(label=_("Nguồn kinh phí"), choices=ClassFunding.choices)
    provider = django_filters.ModelChoiceFilter(label=_("Cơ sở đào tạo"), queryset=Provider.objects.order_by("name"))
    started_after = DateFilter(label=_("Khai giảng từ ngày"), field_name="start_date", lookup_expr="gte")
    started_before = DateFilter(label=_("Khai giảng đến ngày"), field_name="start_date", lookup_expr="lte")

    class Meta:
        model = TrainingClass
        fields: list[str] = []


class EnrolmentFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên học viên)"), method="filter_q", max_length=100)
    person = PersonFilter(label=_("Học viên"), field_name="person")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=EnrolmentStatus.choices)
    funding = django_filters.ChoiceFilter(label=_("Nguồn kinh phí"), choices=ClassFunding.choices)
    field = django_filters.ChoiceFilter(
        label=_("Lĩnh vực"), field_name="training_class__course__field", choices=TrainingField.choices
    )
    enrolled_after = DateFilter(label=_("Ghi danh từ ngày"), field_name="enrolled_on", lookup_expr="gte")
    enrolled_before = DateFilter(label=_("Ghi danh đến ngày"), field_name="enrolled_on", lookup_expr="lte")

    class Meta:
        model = Enrolment
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the trainee's name, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(person__search_text__contains=" " + word)
        return queryset
