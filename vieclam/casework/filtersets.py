"""One FilterSet per list of case work, for the page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.casework import selectors
from vieclam.casework.forms import CounsellorField, ItemField
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.core.dates import today
from vieclam.core.filtersets import DateFilter, PickerFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.people.forms import PersonPickerField
from vieclam.places.filtersets import CommuneFilter

__all__ = ("CaseFilterSet", "GroupSessionFilterSet", "SessionFilterSet")


class _ItemFilter(django_filters.ModelChoiceFilter):
    """An item of a code list chosen by name (?topic=hoc_nghe in the API)."""

    field_class = ItemField
    items = staticmethod(selectors.topic_list)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, queryset=lambda request: type(self).items(), **kwargs)


class TopicFilter(_ItemFilter):
    items = staticmethod(selectors.topic_list)


class ChannelFilter(_ItemFilter):
    items = staticmethod(selectors.channel_list)


class UnitKindFilter(_ItemFilter):
    items = staticmethod(selectors.unit_kind_list)


class CounsellorFilter(django_filters.ModelChoiceFilter):
    """A counsellor of the viewer's areas chosen by name (?counsellor=<username> in the API)."""

    field_class = CounsellorField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "username")
        super().__init__(*args, queryset=lambda request: selectors.counsellor_choices(viewer=request.user), **kwargs)


class PersonFilter(PickerFilter):
    """A person of the user's areas picked by CCCD or name (the API passes the id)."""

    field_class = PersonPickerField


def _by_name(queryset, value: str, path: str):
    for word in fold(value).split():
        queryset = queryset.filter(**{f"{path}search_text__contains": " " + word})
    return queryset


class SessionFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    commune = CommuneFilter(label=_("Xã nơi ở"), field_name="person__residence_commune")
    topic = TopicFilter(label=_("Nội dung tư vấn"), field_name="topics")
    channel = ChannelFilter(label=_("Hình thức tư vấn"), field_name="channel")
    counsellor = CounsellorFilter(label=_("Tư vấn viên"), field_name="counsellor")
    held_after = DateFilter(label=_("Từ ngày"), field_name="held_on", lookup_expr="gte")
    held_before = DateFilter(label=_("Đến ngày"), field_name="held_on", lookup_expr="lte")

    class Meta:
        model = CounsellingSession
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must start a word of the person's name, ignoring case and diacritics."""
        return _by_name(queryset, value, "person__")


class GroupSessionFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên đơn vị)"), method="filter_q", max_length=100)
    commune = CommuneFilter(label=_("Xã, phường"), field_name="commune")
    unit_kind = UnitKindFilter(label=_("Nơi tổ chức"), field_name="unit_kind")
    topic = TopicFilter(label=_("Nội dung tư vấn"), field_name="topics")
    held_after = DateFilter(label=_("Từ ngày"), field_name="held_on", lookup_expr="gte")
    held_before = DateFilter(label=_("Đến ngày"), field_name="held_on", lookup_expr="lte")

    class Meta:
        model = GroupSession
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.filter(unit_name__icontains=value.strip())


class CaseFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên người lao động)"), method="filter_q", max_length=100)
    person = PersonFilter(label=_("Người lao động"), field_name="person")
    commune = CommuneFilter(label=_("Xã nơi ở"), field_name="person__residence_commune")
    counsellor = CounsellorFilter(label=_("Tư vấn viên phụ trách"), field_name="counsellor")
    overdue = django_filters.BooleanFilter(label=_("Quá hạn hẹn"), method="filter_overdue")
    next_before = DateFilter(label=_("Hẹn đến ngày"), field_name="next_action_on", lookup_expr="lte")

    class Meta:
        model = CaseAssignment
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return _by_name(queryset, value, "person__")

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(next_action_on__lt=today()) if value else queryset.exclude(next_action_on__lt=today())
