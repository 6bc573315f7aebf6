"""The class form, the enrolment form (a person picked by CCCD or name) and the status form of an enrolment. The
forms only parse input; every rule is checked by training.services, whose errors the views put back on the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.coding.forms import OccupationPickerField
from vieclam.core.fields import DateField, MoneyField
from vieclam.core.forms import StyledFormMixin
from vieclam.people.forms import PersonPickerField
from vieclam.places.forms import CommunePickerField
from vieclam.training import selectors
from vieclam.training.choices import (
    ClassFunding,
    DemandSource,
    EnrolmentStatus,
    ProviderKind,
    TrainingField,
    TrainingLevel,
)

__all__ = (
    "ClassForm",
    "CourseForm",
    "EnrolmentForm",
    "InterestForm",
    "LicenceForm",
    "ProviderForm",
    "TransitionForm",
)


class NamedChoiceField(forms.ModelChoiceField):
    """A provider or course chosen by its name (never typed as an id)."""

    def label_from_instance(self, obj) -> str:
        return str(obj)


class ClassForm(StyledFormMixin, forms.Form):
    code = forms.CharField(label=_("Số hiệu lớp"), max_length=40, required=False)
    course = NamedChoiceField(label=_("Khóa đào tạo"), queryset=selectors.course_list())
    provider = NamedChoiceField(label=_("Cơ sở đào tạo"), queryset=selectors.provider_list())
    venue_commune = CommunePickerField(label=_("Nơi mở lớp"), help_text=_("Gõ tên xã, phường (có dấu hoặc không)."))
    start_date = DateField(label=_("Ngày khai giảng"))
    end_date = DateField(label=_("Ngày kết thúc"))
    capacity = forms.IntegerField(label=_("Số chỗ"), min_value=1, max_value=500)
    funding = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=ClassFunding.choices)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        self.fields["venue_commune"].limit_to(None if scope.unrestricted else scope.units_q())


class EnrolmentForm(StyledFormMixin, forms.Form):
    person = PersonPickerField(label=_("Học viên"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    priority_group = NamedChoiceField(
        label=_("Nhóm ưu tiên"),
        queryset=selectors.priority_group_list(),
        required=False,
        empty_label=_("Xác định theo hồ sơ"),
        help_text=_("Để trống: lấy nhóm có định mức cao nhất theo hồ sơ hộ và người lao động."),
    )
    funding = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=[("", _("Theo lớp")), *ClassFunding.choices],
                                required=False)  # fmt: skip
    support_amount = MoneyField(label=_("Tiền hỗ trợ chi phí đào tạo (đồng)"), required=False)
    enrolled_on = DateField(label=_("Ngày ghi danh"), required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(user)

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "person" and v not in (None, "")}


class TransitionForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái mới"),
        choices=[(s.value, s.label) for s in EnrolmentStatus if s != EnrolmentStatus.ENROLLED],
    )
    on = DateField(label=_("Ngày"))
    certificate_number = forms.CharField(label=_("Số chứng chỉ"), max_length=50, required=False)
    note = forms.CharField(label=_("Ghi chú (lý do bỏ học)"), max_length=400, required=False)


class ProviderForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên cơ sở đào tạo"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại cơ sở"), choices=ProviderKind.choices)
    commune = CommunePickerField(label=_("Xã, phường"), help_text=_("Gõ tên xã, phường (có dấu hoặc không)."))
    licence_number = forms.CharField(label=_("Số giấy chứng nhận đăng ký hoạt động"), max_length=50, required=False)
    occupation = OccupationPickerField(label=_("Nghề được cấp phép đào tạo"), min_level=4, max_level=4,
                                       help_text=_("Thêm các nghề khác ở trang của cơ sở."))  # fmt: skip

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        self.fields["commune"].limit_to(None if scope.unrestricted else scope.units_q())

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["occupations"] = [data.pop("occupation")]
        return data


class LicenceForm(StyledFormMixin, forms.Form):
    occupation = OccupationPickerField(label=_("Nghề được cấp phép đào tạo"), min_level=4, max_level=4)


class CourseForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên khóa đào tạo"), max_length=200)
    occupation = OccupationPickerField(label=_("Nghề đào tạo (VSCO 2020)"), min_level=4, max_level=4)
    level = forms.ChoiceField(label=_("Trình độ"), choices=TrainingLevel.choices)
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=TrainingField.choices)
    duration_days = forms.IntegerField(label=_("Thời gian đào tạo (ngày)"), min_value=1, max_value=1500)
    cost_norm = MoneyField(label=_("Định mức chi phí đào tạo (đồng/người/khóa)"), required=False)

    def service_data(self) -> dict:
        return {**self.cleaned_data, "cost_norm": self.cleaned_data.get("cost_norm") or 0}


class InterestForm(StyledFormMixin, forms.Form):
    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    occupation = OccupationPickerField(label=_("Nghề muốn học"), min_level=4, max_level=4)
    source = forms.ChoiceField(label=_("Nguồn ghi nhận"), choices=DemandSource.choices)
    recorded_on = DateField(label=_("Ngày ghi nhận"))

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(user)
