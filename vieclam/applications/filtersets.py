"""One FilterSet for the staff application list, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.applications.choices import ApplicationChannel, ApplicationStatus, RefusalReason
from vieclam.applications.models import Application
from vieclam.core.filtersets import DateFilter, PickerFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.employers.filtersets import EmployerFilter
from vieclam.people.forms import PersonPickerField
from vieclam.vacancies.forms import VacancyPickerField

__all__ = ("ApplicationFilterSet",)


class VacancyFilter(PickerFilter):
    """A vacancy of the user's areas picked by title or employer (the API passes its id)."""

    field_class = VacancyPickerField


class PersonFilter(PickerFilter):
    """A person of the user's areas picked by CCCD or name (the API passes the id)."""

    field_class = PersonPickerField


class ApplicationFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ApplicationStatus.choices)
    channel = django_filters.ChoiceFilter(label=_("Hình thức"), choices=ApplicationChannel.choices)
    vacancy = VacancyFilter(label=_("Việc làm"), field_name="vacancy")
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    employer = EmployerFilter(label=_("Người sử dụng lao động"), field_name="vacancy__employer")
    reason = django_filters.ChoiceFilter(
        label=_("Lý do không tuyển"), field_name="refusal_reason", choices=RefusalReason.choices
    )
    created_after = DateFilter(label=_("Nộp từ ngày"), field_name="created_at", lookup_expr="date__gte")
    created_before = DateFilter(label=_("Nộp đến ngày"), field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = Application
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the person's name, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(person__search_text__contains=" " + word)
        return queryset
