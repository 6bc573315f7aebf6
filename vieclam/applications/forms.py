"""Forms of the self-service and application pages. They only parse input; the services check every rule."""

from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.applications.choices import RefusalReason
from vieclam.applications.selectors import contract_type_choices
from vieclam.core.fields import DateField
from vieclam.core.forms import CleanTextMixin, StyledFormMixin
from vieclam.employers.forms import TypeChoiceField
from vieclam.people.choices import Sex
from vieclam.places.models import AdministrativeUnit
from vieclam.places.selectors import province_communes
from vieclam.vacancies import selectors as vacancy_selectors
from vieclam.vacancies.forms import VacancyForm

__all__ = (
    "EmployerRegisterForm",
    "EmployerVacancyForm",
    "ReferForm",
    "TransitionForm",
    "WorkerRegisterForm",
    "EmployerContactForm",
)

PASSWORDS_DIFFER = _("Hai mật khẩu không giống nhau.")


class CommuneChoiceField(forms.ModelChoiceField):
    """A commune of the deployment's province, posted by its code and shown as 'Phường Tân Ninh (25459)'."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("error_messages", {"invalid_choice": _("Chọn một xã, phường trong danh sách.")})
        super().__init__(queryset=AdministrativeUnit.objects.none(), **kwargs)

    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.code})"


class AccountFields(StyledFormMixin, forms.Form):
    """Password twice, checked with the project's password validators, and an email to reset it.

    No username: the system gives one (accounts.services.username_generate), so sign-up never says which exist.
    """

    password1 = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput, strip=False)
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, help_text=_("Để lấy lại mật khẩu khi quên; không bắt buộc.")
    )
    display_name_field = "full_name"

    def clean(self) -> dict:
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif first:
            probe = User(first_name=data.get(self.display_name_field, ""), email=data.get("email", ""))
            try:
                validate_password(first, probe)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return data


class WorkerRegisterForm(AccountFields):
    field_order = ("full_name", "national_id", "date_of_birth", "sex", "residence_commune", "phone", "email")
    full_name = forms.CharField(label=_("Họ và tên"), max_length=100)
    national_id = forms.CharField(
        label=_("Số CCCD"), max_length=12, min_length=12, help_text=_("12 chữ số trên thẻ căn cước.")
    )
    date_of_birth = DateField(label=_("Ngày sinh"))
    sex = forms.ChoiceField(label=_("Giới tính"), choices=Sex.choices)
    residence_commune = CommuneChoiceField(label=_("Xã, phường nơi ở hiện tại"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["residence_commune"].queryset = province_communes()

    def person_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in ("full_name", "national_id", "date_of_birth", "sex", "phone")}


class EmployerRegisterForm(AccountFields):
    field_order = ("name", "tax_code", "employer_type", "commune", "phone", "publish_contact", "email")
    name = forms.CharField(label=_("Tên doanh nghiệp, cơ sở"), max_length=255)
    tax_code = forms.CharField(
        label=_("Mã số thuế"), max_length=20, help_text=_("10 chữ số; chi nhánh XXXXXXXXXX-YYY.")
    )
    employer_type = TypeChoiceField(label=_("Loại hình"))
    commune = CommuneChoiceField(label=_("Xã, phường nơi đặt trụ sở"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20)
    publish_contact = forms.BooleanField(
        label=_("Công khai điện thoại của tôi trên sàn việc làm để người tìm việc liên hệ trực tiếp"),
        required=False,
    )
    display_name_field = "name"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = province_communes()

    def employer_data(self) -> dict:
        fields = ("name", "tax_code", "employer_type", "commune", "phone", "publish_contact")
        return {f: self.cleaned_data[f] for f in fields}


class EmployerVacancyForm(VacancyForm):
    """The Mẫu 01 vacancy form for an employer's own account: its own employers, no status, no exchange."""

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields.pop("status", None)  # always a draft, waiting for approval (an edit keeps its status)
        del self.fields["exchange_province"]  # the exchange of the employer's province
        own = vacancy_selectors.employer_choice_list(viewer=user)  # an employer account's own companies
        self.fields["employer"] = forms.ModelChoiceField(
            label=_("Doanh nghiệp"),
            queryset=own,
            error_messages={"invalid_choice": _("Chọn một doanh nghiệp của tài khoản bạn.")},
            widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        )
        self.fields["employer"].label_from_instance = lambda employer: employer.name
        if user.role == Role.EMPLOYER and len(own) == 1:
            self.fields["employer"].initial = own[0].pk

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "employer"}


class ReferForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Ghi chú cho người sử dụng lao động"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)


class TransitionForm(CleanTextMixin, forms.Form):
    """One status button with its extra fields; what the move needs is checked by application_transition."""

    to_status = forms.CharField(max_length=20)
    # dd/mm/yyyy hh:mm whatever the browser's locale; ISO as a browser's datetime-local box sends it still works.
    interview_at = forms.DateTimeField(
        label=_("Thời gian phỏng vấn"),
        required=False,
        input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    contract_type = forms.ChoiceField(label=_("Loại hợp đồng lao động"), required=False)
    start_date = DateField(label=_("Ngày bắt đầu làm việc"), required=False)
    reason = forms.ChoiceField(label=_("Lý do"), choices=[("", "—"), *RefusalReason.choices], required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=1000, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract_type"].choices = [("", "—"), *contract_type_choices()]

    def service_data(self) -> dict:
        """The extra fields that were filled in (the service says which ones the move requires)."""
        names = ("interview_at", "contract_type", "start_date", "reason", "note")
        return {name: self.cleaned_data[name] for name in names if self.cleaned_data.get(name) not in (None, "")}


class EmployerContactForm(StyledFormMixin, forms.Form):
    """What an employer account edits of its own company: contacts, and whether the job board shows them."""

    contact_person = forms.CharField(label=_("Người liên hệ"), max_length=150, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    publish_contact = forms.BooleanField(
        label=_("Công khai điện thoại và thư điện tử trên sàn việc làm để người tìm việc liên hệ trực tiếp"),
        help_text=_("Bỏ chọn để thôi công khai: sàn việc làm chỉ còn hiện tên và nơi làm việc."),
        required=False,
    )

    def __init__(self, *args, employer, **kwargs) -> None:
        kwargs.setdefault("initial", {name: getattr(employer, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}
