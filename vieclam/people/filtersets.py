"""One FilterSet per registry, shared by the list pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.dates import today
from vieclam.core.exports import FORMATS
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.search import name_search
from vieclam.core.text import fold
from vieclam.people.choices import Sex
from vieclam.people.models import Household, Person
from vieclam.people.validation import CODED_FIELDS
from vieclam.places.filtersets import CommuneFilter
from vieclam.poverty.choices import Classification


def activity_status_choices() -> list[tuple[str, str]]:
    from vieclam.codelists.models import CodeItem

    items = CodeItem.objects.filter(code_list__slug=CODED_FIELDS["activity_status"]).valid_on(today())
    return [(item.code, item.name) for item in items.order_by("order")]


class PersonFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo tên"), method="search", max_length=100)
    commune = CommuneFilter(label=_("Xã/phường"), field_name="residence_commune")
    sex = django_filters.ChoiceFilter(label=_("Giới tính"), choices=Sex.choices)
    activity_status = django_filters.ChoiceFilter(label=_("Tình trạng hoạt động kinh tế"),
                                                  choices=activity_status_choices)  # fmt: skip
    born_after = DateFilter(label=_("Sinh từ ngày"), field_name="date_of_birth", lookup_expr="gte")
    born_before = DateFilter(label=_("Sinh đến ngày"), field_name="date_of_birth", lookup_expr="lte")

    class Meta:
        model = Person
        fields = ["q", "commune", "sex", "activity_status", "born_after", "born_before"]

    def search(self, queryset, name, value):
        # Names starting with the words first, read in order from an index (core.search); an export gets all.
        return name_search(queryset, value, complete=self.data.get("export") in FORMATS)

    def filter_queryset(self, queryset):
        # The name search last: how it queries depends on how many rows the other filters leave (core.search).
        cleaned = self.form.cleaned_data
        for name in sorted(cleaned, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, cleaned[name])
        return queryset


class HouseholdFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo chủ hộ"), method="search", max_length=100)
    commune = CommuneFilter(label=_("Xã/phường"), field_name="commune")
    poverty_class = django_filters.ChoiceFilter(label=_("Phân loại hộ"), choices=Classification.choices)

    class Meta:
        model = Household
        fields = ["q", "commune", "poverty_class"]

    def search(self, queryset, name, value):
        return queryset.filter(search_text__contains=" " + fold(value))
