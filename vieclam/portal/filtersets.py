"""The audit log's FilterSet (the page and the API)."""

import django_filters
from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from vieclam.core.choices import AuditAction, Channel
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.models import AuditEvent


def _object_types() -> list[tuple[str, str]]:
    """The kinds of record the log may hold, by their names (Người lao động, Hộ gia đình…), not their model codes.
    Read from the app registry: no query, and no scan of a large audit table for the kinds it holds."""
    named = {
        (model._meta.model_name, str(model._meta.verbose_name).capitalize())
        for model in apps.get_models()
        if model.__module__.startswith("vieclam.") and model is not AuditEvent
    }
    return sorted(named, key=lambda item: item[1])


class AuditEventFilterSet(RegistryFilterSet):
    action = django_filters.ChoiceFilter(label=_("Hành động"), choices=AuditAction.choices)
    channel = django_filters.ChoiceFilter(label=_("Kênh"), choices=Channel.choices)
    object_type = django_filters.ChoiceFilter(
        label=_("Loại hồ sơ"), field_name="content_type__model", choices=_object_types
    )
    # The API and links from a record's page filter by id; officers never type one, so the page keeps it hidden.
    object_id = django_filters.CharFilter(label=_("Mã đối tượng"), widget=forms.HiddenInput)
    since = DateFilter(label=_("Từ ngày"), field_name="at", lookup_expr="date__gte")
    until = DateFilter(label=_("Đến ngày"), field_name="at", lookup_expr="date__lte")

    class Meta:
        model = AuditEvent
        fields = ["action", "channel", "object_type", "object_id", "since", "until"]
