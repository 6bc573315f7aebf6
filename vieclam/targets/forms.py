"""Forms of the target pages: set a target, revise it. The services check everything again and name each field."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.forms import StyledFormMixin
from vieclam.indicators.models import Indicator
from vieclam.places.choices import Level
from vieclam.places.forms import CommunePickerField
from vieclam.places.models import AdministrativeUnit, Edition, Succession
from vieclam.targets.display import amount_parse

__all__ = ("TargetForm", "TargetReviseForm", "old_units_for")

AREA_MISSING = _("Chọn địa bàn: một tỉnh, xã, phường đang hiệu lực hoặc một đơn vị trước 01/07/2025.")
AREA_TWICE = _("Chỉ chọn một địa bàn: đơn vị đang hiệu lực hoặc đơn vị trước 01/07/2025.")


class IndicatorChoiceField(forms.ModelChoiceField):
    """An indicator of the catalogue chosen by its name."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("error_messages", {"invalid_choice": _("Chọn một chỉ tiêu trong danh sách.")})
        super().__init__(queryset=Indicator.objects.order_by("group", "order", "code"), **kwargs)

    def label_from_instance(self, obj) -> str:
        return f"{obj.name_vi} ({obj.get_unit_display()})"


class OldUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        province = obj.province.name if obj.province_id and obj.province_id != obj.pk else ""
        return f"{obj.name}, {province}" if province else obj.name


def old_units_for(viewer):
    """Pre-2025 provinces and districts whose communes went into the viewer's province(s): An Phú for An Giang."""
    scope = scope_for(viewer)
    successors = AdministrativeUnit.objects.filter(level=Level.COMMUNE, edition=Edition.POST_2025)
    if scope.unrestricted:
        successors = successors.filter(province__code=settings.VIECLAM_PROVINCE)
    else:
        successors = successors.filter(province_id__in=scope.province_ids)
    old_communes = Succession.objects.filter(level=Level.COMMUNE, successor__in=successors).values("predecessor_id")
    communes = AdministrativeUnit.objects.filter(pk__in=old_communes)
    return (
        AdministrativeUnit.objects.filter(
            Q(pk__in=communes.values("parent_id")) | Q(pk__in=communes.values("province_id"))
        )
        .filter(edition=Edition.PRE_2025)
        .select_related("province")
        .order_by("level", "province__code", "name")
    )


class AmountField(forms.Field):
    """A number typed the Vietnamese way (7.125; 2,5); what cannot be read goes on to the service, which says so."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "maxlength": 30})

    def to_python(self, value):
        text = str(value or "").strip()[:30]
        return amount_parse(text)


class TargetForm(StyledFormMixin, forms.Form):
    indicator = IndicatorChoiceField(label=_("Chỉ tiêu"))
    area = CommunePickerField(
        label=_("Địa bàn"), provinces=True, required=False,
        help_text=_("Tỉnh hoặc xã, phường đang hiệu lực; gõ tên (có dấu hoặc không)."),
    )  # fmt: skip
    old_area = OldUnitChoiceField(
        label=_("Hoặc đơn vị trước 01/07/2025"), queryset=AdministrativeUnit.objects.none(), required=False,
        help_text=_("Huyện, tỉnh cũ, cho kế hoạch đặt trước sắp xếp đơn vị hành chính."),
    )  # fmt: skip
    year_from = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    year_to = forms.IntegerField(
        label=_("Đến năm"), min_value=2000, max_value=2100, required=False,
        help_text=_("Để trống cho chỉ tiêu một năm; điền cho kế hoạch nhiều năm (2021–2025)."),
    )  # fmt: skip
    value = AmountField(label=_("Giá trị"), help_text=_("Ví dụ 7.125 hoặc 2,5 (tỷ lệ %)."))
    note = forms.CharField(label=_("Ghi chú, căn cứ"), max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, viewer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(viewer)
        self.fields["area"].limit_to(None if scope.unrestricted else scope.units_q())
        self.fields["old_area"].queryset = old_units_for(viewer)

    def clean(self):
        data = super().clean()
        chosen = [u for u in (data.get("area"), data.get("old_area")) if u is not None]
        if not chosen and "area" not in self.errors:
            self.add_error("area", AREA_MISSING)
        elif len(chosen) == 2:
            self.add_error("old_area", AREA_TWICE)
        data["unit"] = chosen[0] if chosen else None
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        year_to = data.get("year_to") or data["year_from"]
        return {"indicator": data["indicator"], "area": data["unit"], "years": (data["year_from"], year_to),
                "value": data["value"], "note": data.get("note", "")}  # fmt: skip


class TargetReviseForm(StyledFormMixin, forms.Form):
    value = AmountField(label=_("Giá trị mới"))
    reason = forms.CharField(label=_("Lý do điều chỉnh"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
