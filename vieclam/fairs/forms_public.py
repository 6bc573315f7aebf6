"""Forms of the public fair page: a visitor's pre-registration and a worker's one-click registration.

The forms only collect what was typed; fairs.services checks it (formats, the fair open, places, twice) and names
each wrong field, so the page, the API and the tests hear the same messages.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.core.forms import StyledFormMixin
from vieclam.core.widgets import DateInput
from vieclam.fairs.models import Fair, FairBooth

__all__ = ("ApplyForm", "BoothsForm")

BOOTH_NOT_HERE = _("Gian hàng quan tâm: gian hàng đã chọn không thuộc phiên này; hãy chọn lại trong danh sách.")


class BoothChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: FairBooth) -> str:
        return f"{obj.number} · {obj.employer.name}" if obj.number else obj.employer.name


class BoothsForm(StyledFormMixin, forms.Form):
    """The booths of interest (checkboxes), all optional."""

    booths = BoothChoiceField(
        label=_("Gian hàng quan tâm"),
        queryset=FairBooth.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": BOOTH_NOT_HERE, "invalid_pk_value": BOOTH_NOT_HERE},
    )

    def __init__(self, *args, fair: Fair, booths: list[FairBooth] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["booths"]
        field.queryset = FairBooth.objects.filter(fair=fair).select_related("employer").order_by("number", "pk")
        if booths is not None:  # the page's booths, already read: the checkboxes need no query of their own
            field.choices = [(booth.pk, field.label_from_instance(booth)) for booth in booths]


class ApplyForm(BoothsForm):
    """A visitor without an account: name, CCCD, phone and birth date as on the card."""

    field_order = ("full_name", "national_id", "date_of_birth", "phone", "booths")
    full_name = forms.CharField(label=_("Họ và tên"), max_length=100, widget=forms.TextInput(
        attrs={"autocomplete": "name"}))  # fmt: skip
    national_id = forms.CharField(
        label=_("Số CCCD"),
        max_length=20,
        help_text=_("12 chữ số trên thẻ căn cước."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    date_of_birth = forms.CharField(label=_("Ngày sinh"), max_length=20, widget=DateInput)
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    def applicant_data(self) -> dict:
        fields = ("full_name", "national_id", "date_of_birth", "phone", "booths")
        return {field: self.cleaned_data.get(field) for field in fields}
