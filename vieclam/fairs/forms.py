"""The form that plans a fair; the service checks everything again and names each wrong field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.fields import DateField
from vieclam.core.forms import StyledFormMixin
from vieclam.fairs.choices import FairKind
from vieclam.places.forms import CommunePickerField

__all__ = ("FairForm",)


class FairForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên phiên"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại phiên"), choices=FairKind.choices)
    held_on = DateField(label=_("Ngày tổ chức"))
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), help_text=_("hh:mm"))
    ends_at = forms.TimeField(label=_("Giờ kết thúc"), help_text=_("hh:mm"))
    commune = CommunePickerField(
        label=_("Xã, phường, đặc khu"), help_text=_("Nơi tổ chức; gõ tên (có dấu hoặc không).")
    )
    address = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    capacity = forms.IntegerField(label=_("Số người lao động tối đa"), min_value=1)
    target_groups = forms.CharField(label=_("Đối tượng tham gia"), max_length=500, required=False)
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )

    def __init__(self, *args, viewer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(viewer)
        self.fields["commune"].limit_to(None if scope.unrestricted else scope.units_q())
