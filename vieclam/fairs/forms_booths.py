"""Forms of the booth pages: registering a booth, its interview slots and the actions at the booth. The services
check everything again and name each wrong field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.casework.forms import TopicsField
from vieclam.core.forms import StyledFormMixin
from vieclam.employers.forms import EmployerPickerField
from vieclam.people.forms import PersonPickerField
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("BoothApplyForm", "BoothForm", "BoothRecordForm", "EmployerPickForm", "SlotForm")

DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class VacancyChoices(forms.ModelMultipleChoiceField):
    """The employer's vacancies with their status, so a draft waiting for approval or a closed one is recognised."""

    def label_from_instance(self, obj: Vacancy) -> str:
        status = VacancyStatus(obj.status)
        if status == VacancyStatus.OPEN:
            return obj.title
        note = _("chờ duyệt") if status == VacancyStatus.DRAFT else status.label
        return f"{obj.title} ({note})"


class EmployerPickForm(StyledFormMixin, forms.Form):
    """Step one for staff: which employer takes a booth (typed by name or tax code, picked from the list)."""

    employer = EmployerPickerField(label=_("Người sử dụng lao động"), help_text=_("Gõ tên hoặc mã số thuế rồi chọn."))

    def __init__(self, *args, viewer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].for_viewer(viewer)


class BoothForm(StyledFormMixin, forms.Form):
    vacancies = VacancyChoices(
        label=_("Việc làm tuyển tại phiên"),
        queryset=Vacancy.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Chỉ việc làm đang tuyển (đã được duyệt) được đưa lên gian hàng."),
    )
    number = forms.CharField(label=_("Số gian hàng"), max_length=10, required=False)
    contact_name = forms.CharField(label=_("Người liên hệ"), max_length=200, required=False)
    contact_phone = forms.CharField(label=_("Điện thoại liên hệ"), max_length=20, required=False)
    meeting_link = forms.CharField(
        label=_("Đường dẫn phỏng vấn trực tuyến"),
        max_length=500,
        required=False,
        help_text=_("https://… ; bắt buộc với phiên trực tuyến."),
    )

    def __init__(self, *args, employer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every vacancy of the employer still in the exchange's hands (open or waiting for approval first), so the
        # service can say why one that is not open cannot go on the booth.
        rows = Vacancy.objects.filter(employer=employer, status__in=(VacancyStatus.OPEN, VacancyStatus.DRAFT))
        self.fields["vacancies"].queryset = rows.order_by("status", "title", "pk")

    def service_data(self, employer) -> dict:
        return {"employer": employer, **{k: v for k, v in self.cleaned_data.items() if k != "vacancies"},
                "vacancies": list(self.cleaned_data["vacancies"])}  # fmt: skip


class SlotForm(StyledFormMixin, forms.Form):
    starts_at = forms.DateTimeField(label=_("Bắt đầu"), input_formats=DATETIME_FORMATS, help_text=_("dd/mm/yyyy hh:mm"))
    minutes = forms.IntegerField(label=_("Số phút"), min_value=5, max_value=240, initial=15)
    vacancy = forms.ModelChoiceField(
        label=_("Việc làm"), queryset=Vacancy.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args, booth, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = booth.vacancies.all()


class BoothApplyForm(StyledFormMixin, forms.Form):
    """ "Đăng ký tìm việc tại gian hàng": a registered worker (of the staff's areas) and one of the booth's
    vacancies."""

    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    vacancy = forms.ModelChoiceField(label=_("Việc làm"), queryset=Vacancy.objects.none())
    note = forms.CharField(label=_("Ghi chú"), max_length=1000, required=False)

    def __init__(self, *args, booth, viewer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(viewer)
        self.fields["vacancy"].queryset = booth.vacancies.all()


RECORD_KINDS = [
    ("counselling", _("Đã tư vấn tại phiên")),
    ("training", _("Đăng ký học nghề")),
    ("labour_export", _("Đăng ký đi làm việc ở nước ngoài")),
]


class BoothRecordForm(StyledFormMixin, forms.Form):
    """Staff record counselling given at the fair, or an interest in training or labour export."""

    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên rồi chọn."))
    kind = forms.ChoiceField(label=_("Ghi nhận"), choices=RECORD_KINDS)
    topics = TopicsField(
        label=_("Nội dung tư vấn"), required=False, help_text=_("Khi ghi tư vấn: chọn ít nhất một nội dung.")
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, viewer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(viewer)
