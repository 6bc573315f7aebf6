"""One FilterSet for the staff application list, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.applications.choices import ApplicationChannel, ApplicationStatus, RefusalReason
from vieclam.applications.models import Application
from vieclam.core.text import fold

__all__ = ("ApplicationFilterSet",)


class IntegerFilter(django_filters.Filter):
    """A whole number (django-filter's NumberFilter is a decimal)."""

    field_class = forms.IntegerField


class ApplicationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ApplicationStatus.choices)
    channel = django_filters.ChoiceFilter(label=_("Hình thức"), choices=ApplicationChannel.choices)
    vacancy = IntegerFilter(label=_("Việc làm (số)"), field_name="vacancy_id", min_value=1)
    person = IntegerFilter(label=_("Người lao động (số)"), field_name="person_id", min_value=1)
    employer = IntegerFilter(label=_("Người sử dụng lao động (số)"), field_name="vacancy__employer_id", min_value=1)
    reason = django_filters.ChoiceFilter(
        label=_("Lý do không tuyển"), field_name="refusal_reason", choices=RefusalReason.choices
    )
    created_after = django_filters.DateFilter(label=_("Nộp từ ngày"), field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(
        label=_("Nộp đến ngày"), field_name="created_at", lookup_expr="date__lte"
    )

    class Meta:
        model = Application
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the person's name, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(person__search_text__contains=" " + word)
        return queryset
