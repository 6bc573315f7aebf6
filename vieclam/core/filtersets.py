"""The FilterSet base of every registry.

Every filter is a select by label or a picker, never free text over codes. A value that cannot be read (an unknown
label or code, a day that does not exist) gives an EMPTY result with the reason on the page (`explanations`), and a
400 naming the field in the API; never the unfiltered list, never a silent nothing.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from vieclam.core.fields import DateField, MoneyField, PickerField

__all__ = ("DateFilter", "MoneyFilter", "PickerFilter", "RegistryFilterBackend", "RegistryFilterSet")

NO_RESULT_BECAUSE = _("Không có kết quả vì bộ lọc chưa đọc được:")


@extend_schema_field(OpenApiTypes.DATE)
class DateFilter(django_filters.DateFilter):
    """A day typed dd/mm/yyyy (ISO also read, for the API)."""

    field_class = DateField


@extend_schema_field(OpenApiTypes.INT)
class MoneyFilter(django_filters.Filter):
    """An amount of đồng typed as people write it: 7.000.000, 7 triệu."""

    field_class = MoneyField


@extend_schema_field(OpenApiTypes.STR)
class PickerFilter(django_filters.Filter):
    """Something picked by its label; the API passes its value (a code or an id). Subclasses set `field_class`."""

    field_class = PickerField


class RegistryFilterSet(django_filters.FilterSet):
    """Unreadable filters give no rows (with `explanations`); picker filters follow the request user's scope."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        viewer = getattr(self.request, "user", None)
        for field in self.form.fields.values():
            if hasattr(field, "for_viewer"):
                field.for_viewer(viewer)

    @property
    def qs(self):
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs

    @property
    def explanations(self) -> list[str]:
        """One line per filter that could not be read (each message names its field)."""
        if not self.is_bound or self.is_valid():
            return []
        lines = []
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else ""
            for error in errors:
                lines.append(error if not label or error.startswith(str(label)) else f"{label}: {error}")
        return lines


class RegistryFilterBackend(DjangoFilterBackend):
    """The API's filter backend: an unreadable filter is a 400 whose body names each field, with the messages the
    list page shows. django-filter's own backend %-formats every message again, so a typed value holding a "%"
    (`?employer=%25u`) turned a 400 into a 500."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ValidationError({name: list(errors) for name, errors in filterset.form.errors.items()})
        return filterset.qs
