"""The loan application form and the form of a step. The forms only parse input; every rule is checked by
loans.services, whose errors the views put back on the matching field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.core.fields import DateField, MoneyField
from vieclam.core.forms import StyledFormMixin
from vieclam.employers.forms import EmployerPickerField
from vieclam.loans.choices import BorrowerKind, EventKind
from vieclam.loans.models import PriorityGroup
from vieclam.loans.selectors import priority_group_list
from vieclam.people.forms import PersonPickerField

__all__ = ("LoanEventForm", "LoanForm")


class PriorityGroupField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name_vi


class LoanForm(StyledFormMixin, forms.Form):
    borrower_kind = forms.ChoiceField(label=_("Đối tượng vay"), choices=BorrowerKind.choices)
    person = PersonPickerField(
        label=_("Người vay (hoặc chủ hộ kinh doanh)"), required=False, help_text=_("Gõ số CCCD hoặc họ tên rồi chọn.")
    )
    employer = EmployerPickerField(
        label=_("Cơ sở sản xuất, kinh doanh"), required=False, help_text=_("Gõ tên hoặc mã số thuế rồi chọn.")
    )
    purpose = forms.CharField(label=_("Mục đích vay"), max_length=400)
    amount_requested = MoneyField(label=_("Số tiền đề nghị vay (đồng)"), min_value=1)
    jobs_new = forms.IntegerField(label=_("Số lao động tạo việc làm mới"), min_value=0, required=False)
    jobs_kept = forms.IntegerField(label=_("Số lao động duy trì, mở rộng việc làm"), min_value=0, required=False)
    priority_group = PriorityGroupField(
        label=_("Đối tượng ưu tiên"), queryset=PriorityGroup.objects.none(), required=False
    )
    applied_on = DateField(label=_("Ngày nộp hồ sơ"))
    commune_confirmed_on = DateField(label=_("Ngày UBND xã xác nhận"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(user)
        self.fields["employer"].for_viewer(user)
        groups = priority_group_list()
        self.fields["priority_group"].queryset = PriorityGroup.objects.filter(pk__in=[g.pk for g in groups])


class LoanEventForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Bước"), choices=EventKind.choices)
    on = DateField(label=_("Ngày"))
    amount = MoneyField(label=_("Số tiền (đồng)"), required=False, min_value=1)
    term_months = forms.IntegerField(label=_("Thời hạn vay (tháng)"), min_value=1, max_value=600, required=False)
    interest_rate = forms.DecimalField(
        label=_("Lãi suất (%/năm)"), required=False, max_digits=6, decimal_places=3,
        help_text=_("Để trống: lãi suất theo quy định đang áp dụng cho khoản vay."),
    )  # fmt: skip
    workers = forms.IntegerField(label=_("Số lao động được tạo việc làm"), min_value=0, required=False)
    person_1 = PersonPickerField(label=_("Người được tạo việc làm"), required=False)
    person_2 = PersonPickerField(label=_("Người được tạo việc làm"), required=False)
    person_3 = PersonPickerField(label=_("Người được tạo việc làm"), required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("person_1", "person_2", "person_3"):
            self.fields[name].for_viewer(user)

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("person_")}
        data["persons"] = [self.cleaned_data[n] for n in ("person_1", "person_2", "person_3") if self.cleaned_data[n]]
        return data
