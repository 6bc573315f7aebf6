"""One FilterSet for the area list page and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from vieclam.core.dates import today
from vieclam.core.filtersets import PickerFilter
from vieclam.places import selectors
from vieclam.places.choices import Level
from vieclam.places.forms import CommunePickerField, ProvinceChoiceField
from vieclam.places.models import AdministrativeUnit


class CommuneFilter(PickerFilter):
    """A commune picked by name (the API passes its code; an old pre-2025 code is mapped)."""

    field_class = CommunePickerField


class ProvinceFilter(django_filters.ModelChoiceFilter):
    """A province chosen by name (?province=80 in the API)."""

    field_class = ProvinceChoiceField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, queryset=lambda request: ProvinceChoiceField.provinces(), **kwargs)


class AreaFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("Cấp"), choices=Level.choices, method="filter_noop")
    as_of = django_filters.DateFilter(
        label=_("Vào ngày"),
        method="filter_noop",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.")},
    )
    parent = django_filters.CharFilter(label=_("Thuộc (mã)"), method="filter_noop", max_length=5)
    q = django_filters.CharFilter(label=_("Tìm theo tên hoặc mã"), method="filter_noop", max_length=100)

    def filter_noop(self, queryset, name, value):
        return queryset  # all filtering happens together in filter_queryset, which needs as_of first

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if valid and self.form.cleaned_data.get("parent"):
            code = self.form.cleaned_data["parent"]
            self.parent_unit = selectors.unit_get(code=code, as_of=self.as_of_date)
            if self.parent_unit is None:
                self.form.add_error("parent", _("Không có đơn vị hành chính mã {code} vào ngày này.").format(code=code))
                return False
        return valid

    @property
    def as_of_date(self):
        return self.form.cleaned_data.get("as_of") or today()

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.unit_list(
            as_of=self.as_of_date,
            level=data.get("level") or None,
            parent=getattr(self, "parent_unit", None),
            q=data.get("q") or "",
        )

    class Meta:
        model = AdministrativeUnit
        fields: list[str] = []
