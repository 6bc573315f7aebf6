"""The connection form (recorded by staff) and the follow-up check form. The forms only parse input; every rule is
checked by connections.services, whose errors the views put back on the matching field."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import STAFF_ROLES
from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_for
from vieclam.coding.forms import OccupationPickerField
from vieclam.connections import selectors
from vieclam.connections.choices import FollowUpResult, FundingSource
from vieclam.core.fields import DateField, MoneyField
from vieclam.core.forms import StyledFormMixin
from vieclam.employers.forms import EmployerPickerField
from vieclam.people.forms import PersonPickerField

__all__ = ("ConnectionForm", "CounsellorChoiceField", "FollowUpForm", "counsellor_choices")


def counsellor_choices(viewer) -> QuerySet[User]:
    """Active staff who work in one of the viewer's areas (everyone's staff for an administrator)."""
    rows = User.objects.filter(role__in=STAFF_ROLES, is_active=True)
    scope = scope_for(viewer)
    if not scope.unrestricted:
        rows = rows.filter(scope.q("areas")).distinct()
    return rows.order_by("username")


class CounsellorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class ConnectionForm(StyledFormMixin, forms.Form):
    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    employer = EmployerPickerField(label=_("Người sử dụng lao động"), help_text=_("Gõ tên hoặc mã số thuế rồi chọn."))
    occupation = OccupationPickerField(label=_("Nghề (VSCO 2020)"), min_level=4, max_level=4, required=False)
    contract_type = forms.ChoiceField(label=_("Loại hợp đồng lao động"), required=False)
    contract_number = forms.CharField(label=_("Số hợp đồng"), max_length=50, required=False)
    start_date = DateField(label=_("Ngày bắt đầu làm việc"))
    monthly_pay = MoneyField(label=_("Tiền lương (đồng/tháng)"), required=False, max_value=1_000_000_000)
    social_insurance = forms.BooleanField(label=_("Tham gia BHXH bắt buộc"), required=False)
    evidence_note = forms.CharField(
        label=_("Căn cứ xác nhận"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: bản sao hợp đồng, xác nhận của doanh nghiệp qua điện thoại ngày …"),
    )
    funding_source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    counsellor = CounsellorChoiceField(label=_("Cán bộ theo dõi"), queryset=User.objects.none(), required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(user)
        self.fields["employer"].for_viewer(user)
        self.fields["counsellor"].queryset = counsellor_choices(user)
        self.fields["contract_type"].choices = [
            ("", "—"), *((item.code, item.name) for item in selectors.contract_type_list())
        ]  # fmt: skip
        if not self.is_bound:
            self.initial.setdefault("counsellor", user.pk)


class FollowUpForm(StyledFormMixin, forms.Form):
    result = forms.ChoiceField(label=_("Kết quả"), choices=[("", "—"), *FollowUpResult.choices], required=False)
    checked_on = DateField(label=_("Ngày kiểm tra"), required=False)
    has_contract = forms.BooleanField(label=_("Có HĐLĐ"), required=False)
    has_social_insurance = forms.BooleanField(label=_("Có BHXH bắt buộc"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
