"""One FilterSet for the job-seeker list page, its CSV/Excel export and the API.

The working-condition filters read as a job's requirement and find the people who can meet it: `lifting=5_to_20`
finds those who can lift 5–20 kg or more, `hands=one_left` those who can use their left hand (or both),
`fine_hand_work_ok=true` those who can do fine manual work. A job that does not need something is simply not
filtered on it, so people who cannot do it are still matched.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from vieclam.coding.filtersets import OccupationFilter
from vieclam.core.filtersets import DateFilter, PickerFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.places.choices import Level
from vieclam.places.filtersets import CommuneFilter
from vieclam.places.forms import CommunePickerField
from vieclam.seekers.choices import LIFTING_ORDER, Hands, Lifting, ProfileStatus, WorkEnvironment
from vieclam.seekers.models import JobSeekerProfile

__all__ = ("JobSeekerFilterSet",)


# A job's requirement -> the tolerances of the people who can meet it.
ENVIRONMENT_MEETS = {
    WorkEnvironment.INDOOR: [WorkEnvironment.INDOOR, WorkEnvironment.MIXED, WorkEnvironment.ANY],
    WorkEnvironment.OUTDOOR: [WorkEnvironment.OUTDOOR, WorkEnvironment.MIXED, WorkEnvironment.ANY],
    WorkEnvironment.MIXED: [WorkEnvironment.MIXED, WorkEnvironment.ANY],
}
HANDS_MEET = {
    Hands.BOTH: [Hands.BOTH, Hands.ANY],
    Hands.ONE_LEFT: [Hands.BOTH, Hands.ONE_LEFT, Hands.ANY],
    Hands.ONE_RIGHT: [Hands.BOTH, Hands.ONE_RIGHT, Hands.ANY],
}
ENVIRONMENT_REQUIRED = [
    (WorkEnvironment.INDOOR, _("Việc trong nhà")),
    (WorkEnvironment.OUTDOOR, _("Việc ngoài trời")),
    (WorkEnvironment.MIXED, _("Việc hỗn hợp")),
]
LIFTING_REQUIRED = [
    (Lifting.UNDER_5, _("Việc nâng dưới 5 kg")),
    (Lifting.FROM_5_TO_20, _("Việc nâng 5–20 kg")),
    (Lifting.OVER_20, _("Việc nâng trên 20 kg")),
]
HANDS_REQUIRED = [
    (Hands.BOTH, _("Việc cần hai tay")),
    (Hands.ONE_LEFT, _("Việc chỉ cần tay trái")),
    (Hands.ONE_RIGHT, _("Việc chỉ cần tay phải")),
]


class YesNoField(forms.TypedChoiceField):
    """true or false (any case); anything else is an error naming the field, not silently ignored."""

    def __init__(self, **kwargs) -> None:
        kwargs.update(
            choices=[("", "—"), ("true", _("Có")), ("false", _("Không"))],
            coerce=lambda value: value == "true",
            empty_value=None,
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().lower()


class AreaField(CommunePickerField):
    """A province or a commune picked by name (the API passes a code; old pre-2025 codes are mapped)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(provinces=True, **kwargs)


class AreaFilter(PickerFilter):
    field_class = AreaField


@extend_schema_field(OpenApiTypes.BOOL)
class YesNoFilter(django_filters.Filter):
    field_class = YesNoField


class JobSeekerFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên, công việc, nghề)"), method="filter_q", max_length=100)
    occupation = OccupationFilter(label=_("Nghề"), method="filter_occupation")
    commune = CommuneFilter(label=_("Xã nơi ở"), field_name="person__residence_commune")
    workplace = AreaFilter(label=_("Nơi làm việc mong muốn (tỉnh hoặc xã)"), method="filter_workplace")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ProfileStatus.choices)
    available_by = DateFilter(label=_("Sẵn sàng làm việc trước ngày"), method="filter_available_by")
    work_environment = django_filters.ChoiceFilter(
        label=_("Nơi làm việc của việc"), choices=ENVIRONMENT_REQUIRED, method="filter_environment"
    )
    lifting = django_filters.ChoiceFilter(
        label=_("Trọng lượng phải nâng"), choices=LIFTING_REQUIRED, method="filter_lifting"
    )
    hands = django_filters.ChoiceFilter(label=_("Việc cần dùng tay"), choices=HANDS_REQUIRED, method="filter_hands")
    can_stand_or_walk = YesNoFilter(label=_("Đứng, đi lại nhiều được"))
    hearing_speaking_ok = YesNoFilter(label=_("Nghe, nói được"))
    vision_ok = YesNoFilter(label=_("Nhìn được chi tiết nhỏ"))
    fine_hand_work_ok = YesNoFilter(label=_("Thao tác tay với đồ vật nhỏ"))

    class Meta:
        model = JobSeekerProfile
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the name, title or occupation, ignoring case and diacritics."""
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=" " + word)
        return queryset

    def filter_occupation(self, queryset, name, occupation):
        """An occupation and everything under it: 72 finds every occupation of group 72 (7212 welders…)."""
        return queryset.filter(occupation__code__startswith=occupation.code)

    def filter_workplace(self, queryset, name, unit):
        """A province matches the province or any commune in it; a commune matches itself or its province."""
        if unit.level == Level.PROVINCE:
            condition = Q(workplace_1=unit) | Q(workplace_1__province=unit)
            condition |= Q(workplace_2=unit) | Q(workplace_2__province=unit)
        else:
            condition = Q(workplace_1__in=[unit.pk, unit.province_id]) | Q(workplace_2__in=[unit.pk, unit.province_id])
        return queryset.filter(condition)

    def filter_available_by(self, queryset, name, value):
        return queryset.filter(Q(available_now=True) | Q(available_from__lte=value))

    def filter_environment(self, queryset, name, value):
        return queryset.filter(work_environment__in=ENVIRONMENT_MEETS[value])

    def filter_lifting(self, queryset, name, value):
        return queryset.filter(lifting__in=LIFTING_ORDER[LIFTING_ORDER.index(value) :])

    def filter_hands(self, queryset, name, value):
        return queryset.filter(hands__in=HANDS_MEET[value])
