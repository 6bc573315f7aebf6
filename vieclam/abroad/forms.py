"""Forms of journeys, their steps and support, and of the enterprise and programme registries. The forms only parse
input; every rule is checked by abroad.services, whose errors the views put back on the matching field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.abroad import selectors
from vieclam.abroad.choices import JourneyState
from vieclam.abroad.models import Country, Programme, ServiceEnterprise, SupportNorm
from vieclam.coding.forms import OccupationPickerField
from vieclam.core.fields import DateField, MoneyField
from vieclam.core.forms import StyledFormMixin
from vieclam.core.money import format_amount
from vieclam.employers.forms import EmployerPickerField
from vieclam.people.forms import PersonPickerField

__all__ = ("EnterpriseForm", "JourneyForm", "ProgrammeForm", "StepForm", "SupportForm")


class ProgrammeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} — {obj.country.name_vi} ({obj.enterprise.name})"


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name_vi


class NormChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        cap = format_amount(obj.max_amount) + " đồng" if obj.max_amount else f"{obj.max_share}% chi phí"
        unverified = "" if obj.verified else " — " + str(_("mức chưa kiểm chứng"))
        return f"{obj.name_vi} ({obj.get_group_display()}, {_('tối đa')} {cap}){unverified}"


def _programmes():
    return Programme.objects.select_related("country", "enterprise").order_by("-opened_on", "-pk")


class JourneyForm(StyledFormMixin, forms.Form):
    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    programme = ProgrammeChoiceField(label=_("Đơn hàng"), queryset=Programme.objects.none(), required=False)
    country = CountryChoiceField(label=_("Nước đến"), queryset=Country.objects.none(), required=False,
                                 help_text=_("Để trống để lấy theo đơn hàng."))  # fmt: skip
    occupation = OccupationPickerField(label=_("Nghề (VSCO 2020)"), min_level=4, max_level=4, required=False)
    foreign_employer = forms.CharField(label=_("Người sử dụng lao động ở nước ngoài"), max_length=255, required=False)
    contract_months = forms.IntegerField(label=_("Thời hạn hợp đồng (tháng)"), min_value=1, max_value=120,
                                         required=False)  # fmt: skip
    registered_on = DateField(label=_("Ngày đăng ký"))
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(user)
        self.fields["programme"].queryset = _programmes()
        self.fields["country"].queryset = selectors.country_list()


class StepForm(StyledFormMixin, forms.Form):
    state = forms.ChoiceField(label=_("Bước tiếp theo"), choices=JourneyState.choices)
    on = DateField(label=_("Ngày"))
    country = CountryChoiceField(label=_("Nước đến"), queryset=Country.objects.none(), required=False)
    foreign_employer = forms.CharField(label=_("Người sử dụng lao động ở nước ngoài"), max_length=255, required=False)
    contract_months = forms.IntegerField(label=_("Thời hạn hợp đồng (tháng)"), min_value=1, max_value=120,
                                         required=False)  # fmt: skip
    return_reason = forms.CharField(label=_("Lý do về trước hạn"), max_length=400, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, allowed=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(JourneyState.choices)
        self.fields["state"].choices = [(s, labels[s]) for s in allowed]
        self.fields["country"].queryset = selectors.country_list()

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] for k in ("country", "foreign_employer", "contract_months", "return_reason", "note")
                if data.get(k) not in (None, "")}  # fmt: skip


class SupportForm(StyledFormMixin, forms.Form):
    norm = NormChoiceField(label=_("Định mức hỗ trợ"), queryset=SupportNorm.objects.none())
    amount = MoneyField(label=_("Số tiền (đồng)"), max_value=10_000_000_000)
    granted_on = DateField(label=_("Ngày hỗ trợ"))
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["norm"].queryset = SupportNorm.objects.order_by("kind", "group", "-valid_from")


class EnterpriseForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên doanh nghiệp"), max_length=255)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14)
    licence_number = forms.CharField(label=_("Số giấy phép"), max_length=50)
    licence_date = DateField(label=_("Ngày cấp giấy phép"))
    licence_revoked_on = DateField(label=_("Ngày thu hồi giấy phép"), required=False)
    employer = EmployerPickerField(
        label=_("Trong danh mục người sử dụng lao động"),
        required=False,
        help_text=_("Gõ tên hoặc mã số thuế rồi chọn (nếu doanh nghiệp có trong danh mục)."),
    )
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].for_viewer(user)


class ProgrammeForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên đơn hàng"), max_length=255)
    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp dịch vụ"), queryset=ServiceEnterprise.objects.none())
    country = CountryChoiceField(label=_("Nước đến"), queryset=Country.objects.none())
    occupation = OccupationPickerField(label=_("Nghề (VSCO 2020)"), min_level=4, max_level=4, required=False)
    foreign_employer = forms.CharField(label=_("Người sử dụng lao động ở nước ngoài"), max_length=255, required=False)
    contract_months = forms.IntegerField(label=_("Thời hạn hợp đồng (tháng)"), min_value=1, max_value=120)
    worker_cost = MoneyField(label=_("Chi phí người lao động trả (đồng)"), required=False, max_value=10_000_000_000)
    service_fee = MoneyField(label=_("Tiền dịch vụ (đồng)"), required=False, max_value=10_000_000_000)
    positions = forms.IntegerField(label=_("Số người cần tuyển"), min_value=1, max_value=100_000, required=False)
    opened_on = DateField(label=_("Ngày bắt đầu tuyển"))
    closed_on = DateField(label=_("Ngày kết thúc tuyển"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = ServiceEnterprise.objects.order_by("name")
        self.fields["country"].queryset = selectors.country_list()
