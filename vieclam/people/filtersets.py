"""One FilterSet per registry, shared by the list pages and the API."""

import django_filters
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.dates import today
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
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
        # The persons a name finds cluster in the name order ("nguyen van…" lies past half of a province), which
        # the planner cannot know: it walked the name index through 500.000 rows to fill a page. Sorting the
        # matches that the trigram index finds is cheap, so the same order is given as an expression that no
        # index serves.
        # Within a commune (a commune officer, or the commune filter) the commune's name index is short to walk,
        # so the planner's own choice stands there.
        matches = queryset.filter(search_text__contains=" " + fold(value))
        if self.data.get("commune") or not _wide(self.request):
            return matches
        return matches.order_by(Concat("full_name", Value("")), "pk")


def _wide(request) -> bool:
    """The viewer sees whole provinces (or everything), not just a few communes."""
    scope = scope_for(getattr(request, "user", None))
    return scope.unrestricted or bool(scope.province_ids)


class HouseholdFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo chủ hộ"), method="search", max_length=100)
    commune = CommuneFilter(label=_("Xã/phường"), field_name="commune")
    poverty_class = django_filters.ChoiceFilter(label=_("Phân loại hộ"), choices=Classification.choices)

    class Meta:
        model = Household
        fields = ["q", "commune", "poverty_class"]

    def search(self, queryset, name, value):
        return queryset.filter(search_text__contains=" " + fold(value))
