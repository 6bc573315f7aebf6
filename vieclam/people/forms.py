"""Staff forms for persons and households; they only collect input, the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem
from vieclam.core.dates import today
from vieclam.core.forms import StyledFormMixin
from vieclam.people.choices import PovertyCause, Relationship, ReviewKind, Sex
from vieclam.people.validation import CODED_FIELDS
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.poverty.models import DeprivationIndicator

DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


def commune_choices(user) -> list[tuple[str, str]]:
    units = AdministrativeUnit.objects.valid_on(today()).filter(scope_for(user).units_q(), level=Level.COMMUNE)
    return [("", "—")] + [(u.code, f"{u.code} – {u.name}") for u in units.order_by("code")]


def item_choices(slug: str) -> list[tuple[str, str]]:
    items = CodeItem.objects.filter(code_list__slug=slug).order_by("order")
    return [("", "—")] + [(i.code, i.name_vi) for i in items]


class PersonForm(StyledFormMixin, forms.Form):
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


# --- Households -------------------------------------------------------------------------------------------------


class ServiceErrorsMixin:
    """Put a service's {field: [messages]} on the form; `service_fields` renames service keys to form fields."""

    service_fields: dict[str, str] = {}

    def add_service_errors(self, message_dict: dict) -> None:
        for field, messages in message_dict.items():
            field = self.service_fields.get(field, field)
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class HouseholdForm(StyledFormMixin, ServiceErrorsMixin, forms.Form):
    commune = forms.ChoiceField(label=_("Xã/phường"))
    address = forms.CharField(label=_("Địa chỉ"), max_length=200, required=False)
    head_name = forms.CharField(label=_("Họ và tên chủ hộ"), max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = commune_choices(user)


class HouseholdMemberForm(StyledFormMixin, ServiceErrorsMixin, forms.Form):
    person = forms.IntegerField(label=_("Mã hồ sơ người lao động (#)"), min_value=1)
    relationship = forms.ChoiceField(label=_("Quan hệ với chủ hộ"), choices=Relationship.choices)

    service_fields = {"household": "person"}


class AmountField(forms.CharField):
    """A whole number of đồng written as 1900000, 1.900.000, 1,900,000 or 1 900 000; the sign is kept."""

    default_error_messages = {"invalid": _("Nhập số tiền bằng chữ số, ví dụ 1.900.000.")}

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        digits = "".join(value.split()).replace(".", "").replace(",", "")
        sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
        if not digits.isdigit():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(sign + digits)


def deprivation_choices() -> list[tuple[str, str]]:
    """Every indicator code of the stored standards (latest name wins); the service checks it against the
    standard in force on the review date."""
    names: dict[str, str] = {}
    for code, name in DeprivationIndicator.objects.order_by("standard__valid_from", "order").values_list(
        "code", "name_vi"
    ):
        names[code] = name
    return list(names.items())


class HouseholdReviewForm(StyledFormMixin, ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại rà soát"), choices=ReviewKind.choices)
    reviewed_on = forms.DateField(label=_("Ngày rà soát"), widget=DATE_INPUT)
    income_per_capita = AmountField(
        label=_("Thu nhập bình quân (đồng/người/tháng)"), widget=forms.TextInput(attrs={"maxlength": 20})
    )
    deprivations = forms.MultipleChoiceField(
        label=_("Chỉ số thiếu hụt"), widget=forms.CheckboxSelectMultiple, required=False
    )
    causes = forms.MultipleChoiceField(
        label=_("Nguyên nhân nghèo"), choices=PovertyCause.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    decided_by = forms.CharField(label=_("Người quyết định"), max_length=200, required=False)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=50, required=False)

    service_fields = {"as_of": "reviewed_on"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deprivations"].choices = deprivation_choices()
