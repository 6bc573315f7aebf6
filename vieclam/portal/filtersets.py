"""The audit log's FilterSet (the page and the API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.choices import AuditAction, Channel
from vieclam.core.filtersets import DateFilter, RegistryFilterSet
from vieclam.core.models import AuditEvent


class AuditEventFilterSet(RegistryFilterSet):
    action = django_filters.ChoiceFilter(label=_("Hành động"), choices=AuditAction.choices)
    channel = django_filters.ChoiceFilter(label=_("Kênh"), choices=Channel.choices)
    object_type = django_filters.CharFilter(label=_("Loại đối tượng"), field_name="content_type__model")
    object_id = django_filters.CharFilter(label=_("Mã đối tượng"))
    since = DateFilter(label=_("Từ ngày"), field_name="at", lookup_expr="date__gte")
    until = DateFilter(label=_("Đến ngày"), field_name="at", lookup_expr="date__lte")

    class Meta:
        model = AuditEvent
        fields = ["action", "channel", "object_type", "object_id", "since", "until"]
