"""Staff forms for persons and households; they only collect input, the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem, EthnicGroup
from vieclam.coding.forms import OccupationPickerField
from vieclam.core.dates import today
from vieclam.core.fields import DateField, MoneyField, PickerField, PickerSource
from vieclam.core.forms import StyledFormMixin
from vieclam.core.widgets import Option
from vieclam.people import selectors
from vieclam.people.choices import PovertyCause, Relationship, ReviewKind, Sex
from vieclam.people.models import Person
from vieclam.people.validation import CODED_FIELDS
from vieclam.places.forms import CommunePickerField
from vieclam.poverty.models import DeprivationIndicator


def _code(obj) -> str:
    return obj.code


def item_choices(slug: str) -> list[tuple[str, str]]:
    items = CodeItem.objects.filter(code_list__slug=slug).order_by("order")
    return [("", "—")] + [(i.code, i.name) for i in items]


def ethnic_choices() -> list[tuple[str, str]]:
    """The 54 ethnic groups by name (Kinh first, as GSO numbers them), posted by their code."""
    groups = EthnicGroup.objects.valid_on(today()).order_by("code").only("code", "name_vi", "name_en")
    return [("", "—")] + [(group.code, group.name) for group in groups]


class PersonSource(PickerSource):
    """People in a viewer's areas, found by CCCD/CMND or by the start of their name; posted by id."""

    url_name = "people:person_picker"

    def __init__(self, *, viewer=None) -> None:
        self.viewer = viewer

    def get(self, value: str) -> Person | None:
        return selectors.person_pick_get(viewer=self.viewer, pk=value)

    def search(self, text: str, *, limit: int) -> list[Person]:
        return selectors.person_pick(viewer=self.viewer, text=text, limit=limit)

    def option(self, obj: Person) -> Option:
        parts = [_("sinh {year}").format(year=obj.date_of_birth.year)]
        if obj.national_id:
            parts.append(_("CCCD {number}").format(number=obj.masked_national_id))
        parts.append(obj.residence_commune.name)
        return Option(str(obj.pk), obj.full_name, ", ".join(parts))


class PersonPickerField(PickerField):
    """A person of the viewer's areas typed as a CCCD/CMND number or a name (set the viewer with `for_viewer`)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source=PersonSource(), **kwargs)

    def for_viewer(self, viewer) -> None:
        self.source = PersonSource(viewer=viewer)


class PersonForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=100)
    national_id = forms.CharField(label=_("Số CCCD (12 số) hoặc CMND (9 số)"), max_length=12, required=False)
    date_of_birth = DateField(label=_("Ngày sinh"))
    sex = forms.ChoiceField(label=_("Giới tính"), choices=Sex.choices)
    ethnicity = forms.ChoiceField(
        label=_("Dân tộc"),
        required=False,
        error_messages={
            "invalid_choice": _("Dân tộc: “%(value)s” không có trong danh sách; hãy chọn trong danh sách.")
        },
    )
    residence_commune = CommunePickerField(label=_("Nơi ở hiện tại (xã/phường)"), coerce=_code)
    address = forms.CharField(label=_("Địa chỉ chi tiết"), max_length=200, required=False)
    relationship = forms.ChoiceField(label=_("Quan hệ với chủ hộ"), choices=[("", "—"), *Relationship.choices],
                                     required=False)  # fmt: skip
    social_insurance_code = forms.CharField(label=_("Mã số BHXH"), max_length=10, required=False)
    occupation = OccupationPickerField(label=_("Nghề nghiệp"), coerce=_code, required=False)
    training_field = forms.CharField(label=_("Chuyên ngành đào tạo"), max_length=200, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence_commune"].limit_to(scope_for(user).units_q())
        self.fields["ethnicity"].choices = ethnic_choices()
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
    commune = CommunePickerField(label=_("Xã/phường"), coerce=_code)
    address = forms.CharField(label=_("Địa chỉ"), max_length=200, required=False)
    head_name = forms.CharField(label=_("Họ và tên chủ hộ"), max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].limit_to(scope_for(user).units_q())


class HouseholdMemberForm(StyledFormMixin, ServiceErrorsMixin, forms.Form):
    person = PersonPickerField(
        label=_("Người lao động (số CCCD hoặc họ tên)"),
        help_text=_("Gõ đủ số CCCD/CMND, hoặc vài chữ đầu của họ tên rồi chọn trong danh sách."),
    )
    relationship = forms.ChoiceField(label=_("Quan hệ với chủ hộ"), choices=Relationship.choices)

    service_fields = {"household": "person"}

    def __init__(self, *args, viewer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_viewer(viewer)


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
    reviewed_on = DateField(label=_("Ngày rà soát"))
    income_per_capita = MoneyField(label=_("Thu nhập bình quân (đồng/người/tháng)"), min_value=None)
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
