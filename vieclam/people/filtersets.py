"""One FilterSet per registry, shared by the list pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.text import fold
from vieclam.people.choices import Sex
from vieclam.people.models import Household, Person
from vieclam.poverty.choices import Classification


class PersonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo tên"), method="search", max_length=100)
    commune = django_filters.CharFilter(label=_("Mã xã"), field_name="residence_commune__code", max_length=5)
    sex = django_filters.ChoiceFilter(label=_("Giới tính"), choices=Sex.choices)
    activity_status = django_filters.CharFilter(label=_("Tình trạng hoạt động kinh tế"), max_length=40)
    born_after = django_filters.DateFilter(label=_("Sinh từ ngày"), field_name="date_of_birth", lookup_expr="gte")
    born_before = django_filters.DateFilter(label=_("Sinh đến ngày"), field_name="date_of_birth", lookup_expr="lte")

    class Meta:
        model = Person
        fields = ["q", "commune", "sex", "activity_status", "born_after", "born_before"]

    def search(self, queryset, name, value):
        return queryset.filter(search_text__contains=" " + fold(value))


class HouseholdFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo chủ hộ"), method="search", max_length=100)
    commune = django_filters.CharFilter(label=_("Mã xã"), field_name="commune__code", max_length=5)
    poverty_class = django_filters.ChoiceFilter(label=_("Phân loại hộ"), choices=Classification.choices)

    class Meta:
        model = Household
        fields = ["q", "commune", "poverty_class"]

    def search(self, queryset, name, value):
        return queryset.filter(search_text__contains=" " + fold(value))
