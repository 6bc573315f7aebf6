"""Staff forms for persons and households; they only collect input, the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem
from vieclam.core.dates import today
from vieclam.people.choices import Relationship, Sex
from vieclam.people.validation import CODED_FIELDS
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


def commune_choices(user) -> list[tuple[str, str]]:
    units = AdministrativeUnit.objects.valid_on(today()).filter(scope_for(user).units_q(), level=Level.COMMUNE)
    return [("", "—")] + [(u.code, f"{u.code} – {u.name}") for u in units.order_by("code")]


def item_choices(slug: str) -> list[tuple[str, str]]:
    items = CodeItem.objects.filter(code_list__slug=slug).order_by("order")
    return [("", "—")] + [(i.code, i.name_vi) for i in items]


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=100)
    national_id = forms.CharField(label=_("Số CCCD (12 số) hoặc CMND (9 số)"), max_length=12, required=False)
    date_of_birth = forms.DateField(label=_("Ngày sinh"), widget=DATE_INPUT)
    sex = forms.ChoiceField(label=_("Giới tính"), choices=Sex.choices)
    ethnicity = forms.CharField(label=_("Mã dân tộc (01–54)"), max_length=2, required=False)
    residence_commune = forms.ChoiceField(label=_("Nơi ở hiện tại (xã/phường)"))
    address = forms.CharField(label=_("Địa chỉ chi tiết"), max_length=200, required=False)
    relationship = forms.ChoiceField(label=_("Quan hệ với chủ hộ"), choices=[("", "—"), *Relationship.choices],
                                     required=False)  # fmt: skip
    social_insurance_code = forms.CharField(label=_("Mã số BHXH"), max_length=10, required=False)
    occupation = forms.CharField(label=_("Mã nghề (VSCO)"), max_length=5, required=False)
    training_field = forms.CharField(label=_("Chuyên ngành đào tạo"), max_length=200, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence_commune"].choices = commune_choices(user)
        for field, slug in CODED_FIELDS.items():
            self.fields[field] = forms.ChoiceField(label=_(field), choices=item_choices(slug), required=False)
        self.fields["education_level"].label = _("Trình độ giáo dục phổ thông")
        self.fields["technical_level"].label = _("Trình độ chuyên môn kỹ thuật")
        self.fields["activity_status"].label = _("Tình trạng hoạt động kinh tế")
        self.fields["employment_status"].label = _("Vị thế việc làm")
        self.fields["contract_type"].label = _("Loại hợp đồng lao động")
        self.fields["workplace_type"].label = _("Loại hình nơi làm việc")
        self.fields["unemployment_duration"].label = _("Thời gian thất nghiệp")

    def add_service_errors(self, message_dict: dict) -> None:
        """Put each service error on its field; unknown fields go to the top of the form."""
        for field, messages in message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)
