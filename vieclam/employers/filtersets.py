"""One FilterSet for the employer list page, its CSV/Excel export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.codelists.models import Industry
from vieclam.core.dates import today
from vieclam.core.filtersets import PickerFilter, RegistryFilterSet
from vieclam.core.text import fold
from vieclam.employers import selectors
from vieclam.employers.forms import EmployerPickerField, TypeChoiceField
from vieclam.employers.models import Employer
from vieclam.places.filtersets import CommuneFilter, ProvinceFilter

__all__ = ("EmployerFilterSet",)

UNKNOWN_INDUSTRY = _("Ngành kinh tế: không có ngành “%(value)s”; hãy chọn trong danh sách.")


class TypeFilter(django_filters.ModelChoiceFilter):
    """?type=dn_fdi: an employer type of Mẫu 01, chosen by name."""

    field_class = TypeChoiceField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, queryset=lambda request: selectors.employer_type_list(), **kwargs)


class EmployerFilter(PickerFilter):
    """An employer of the user's areas picked by name or tax code (the API passes its id)."""

    field_class = EmployerPickerField


class IndustryField(forms.ChoiceField):
    """VSIC sections and divisions chosen by name; the API may also pass the start of any code in force (10, 1010)."""

    default_error_messages = {"invalid_choice": UNKNOWN_INDUSTRY}

    def __init__(self, **kwargs) -> None:
        loaded: list = []

        def load() -> list:  # read when first needed (never for an API call without ?industry), then kept
            return loaded or loaded.extend(industry_choices()) or loaded

        super().__init__(choices=load, **kwargs)

    def valid_value(self, value) -> bool:
        value = str(value).strip().upper()
        current = Industry.objects.valid_on(today())
        return super().valid_value(value) or (value.isdigit() and current.filter(code__startswith=value).exists())


def industry_choices() -> list[tuple[str, str]]:
    rows = Industry.objects.valid_on(today()).filter(level__in=(1, 2)).order_by("-system", "code")
    seen, choices = set(), [("", "—")]
    for industry in rows.only("code", "name_vi", "name_en"):
        code, name = industry.code, industry.name
        if code not in seen:
            seen.add(code)
            choices.append((code, f"{code} – {name[:1] + name[1:].lower() if name.isupper() else name}"))
    return sorted(choices, key=lambda choice: (not choice[0].isalpha(), choice[0]))


class IndustryFilter(django_filters.Filter):
    field_class = IndustryField


class EmployerFilterSet(RegistryFilterSet):
    q = django_filters.CharFilter(label=_("Tìm (tên, mã số thuế, địa chỉ)"), method="filter_q", max_length=100)
    commune = CommuneFilter(label=_("Xã/phường"), field_name="commune")
    province = ProvinceFilter(label=_("Tỉnh, thành phố"), field_name="commune__province")
    type = TypeFilter(label=_("Loại hình"), field_name="employer_type")
    industry = IndustryFilter(label=_("Ngành kinh tế"), method="filter_industry")
    industrial_zone = django_filters.BooleanFilter(label=_("Trong KCN/KKT"), field_name="in_industrial_zone")

    class Meta:
        model = Employer
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        """Every word must appear, ignoring case and diacritics: 'det may' finds 'Công ty Dệt May'."""
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_industry(self, queryset, name, value):
        """A section letter (C) matches the section and the codes filed under it; digits match a code prefix."""
        value = value.strip().upper()
        if value.isalpha():
            return queryset.filter(Q(industry__code=value) | Q(industry__section=value))
        return queryset.filter(industry__code__startswith=value)
