"""Form fields that read codes (area, employer type, industry) and the employer create/edit form.

The form only parses input; every rule (tax code, duplicates, area) is checked by employers.services, whose
errors the views put back on the matching field.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.core.fields import PickerField, PickerSource
from vieclam.core.forms import StyledFormMixin
from vieclam.core.widgets import Option
from vieclam.employers import selectors
from vieclam.employers.choices import SizeBand
from vieclam.employers.models import Employer
from vieclam.places.forms import CommunePickerField

__all__ = (
    "AreaCodeField",
    "EmployerForm",
    "EmployerPickerField",
    "EmployerSource",
    "IndustryChoiceField",
    "TypeChoiceField",
)


class AreaCodeField(forms.CharField):
    """A province or commune code → the unit in force today; an old pre-2025 code is mapped and noted.

    After cleaning, `note` says what an old code was mapped to (empty otherwise).
    """

    def __init__(self, *, level: str, **kwargs) -> None:
        kwargs.setdefault("max_length", 5)
        super().__init__(**kwargs)
        self.level = level
        self.note = ""

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        unit, self.note = selectors.area_code_resolve(code=code, level=self.level)
        return unit


class TypeChoiceField(forms.ModelChoiceField):
    """Employer types by their code (dn_fdi), shown by name."""

    def __init__(self, queryset=None, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Không có loại hình “%(value)s”: chọn một loại hình của Mẫu 01.")},
        )
        super().__init__(queryset=selectors.employer_type_list() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name


class IndustryChoiceField(forms.ModelChoiceField):
    """VSIC industries in force, as 'C – Công nghiệp chế biến, chế tạo'."""

    def __init__(self, queryset=None, **kwargs) -> None:
        kwargs.setdefault("error_messages", {"invalid_choice": _("Ngành kinh tế không hợp lệ.")})
        super().__init__(queryset=selectors.industry_choice_list() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, obj) -> str:
        name = obj.name
        if name.isupper():  # VSIC sections are written in capitals
            name = name[:1] + name[1:].lower()
        return f"{obj.code} – {name}"


class EmployerForm(StyledFormMixin, forms.Form):
    """Create or edit an employer. `changed_values()` gives what the update service needs."""

    name = forms.CharField(label=_("Tên người sử dụng lao động"), max_length=255)
    tax_code = forms.CharField(
        label=_("Mã số thuế / số định danh"), max_length=20, help_text=Employer._meta.get_field("tax_code").help_text
    )
    employer_type = TypeChoiceField(label=_("Loại hình"))
    industry = IndustryChoiceField(label=_("Ngành kinh tế chính (VSIC)"), required=False)
    commune = CommunePickerField(
        label=_("Xã, phường, đặc khu"), help_text=_("Gõ tên (có dấu hoặc không); tên cũ trước 01/07/2025 vẫn tìm được.")
    )
    street_address = forms.CharField(label=_("Số nhà, đường, thôn/ấp"), max_length=255, required=False)
    in_industrial_zone = forms.BooleanField(label=_("Trong khu công nghiệp/khu kinh tế (KCN/KKT)"), required=False)
    zone_name = forms.CharField(label=_("Tên KCN/KKT"), max_length=200, required=False)
    size_band = forms.ChoiceField(label=_("Quy mô lao động"), choices=[("", "—"), *SizeBand.choices], required=False)
    contact_person = forms.CharField(label=_("Người liên hệ"), max_length=150, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    publish_contact = forms.BooleanField(
        label=Employer._meta.get_field("publish_contact").verbose_name.capitalize(),
        help_text=Employer._meta.get_field("publish_contact").help_text,
        required=False,
    )

    def __init__(self, *args, employer: Employer | None = None, **kwargs) -> None:
        if employer is not None:
            kwargs.setdefault("initial", self.initial_for(employer))
        super().__init__(*args, **kwargs)
        # Re-read the choices per form: the class-level querysets were built with the date of import.
        self.fields["employer_type"].queryset = selectors.employer_type_list()
        self.fields["industry"].queryset = selectors.industry_choice_list()

    @staticmethod
    def initial_for(employer: Employer) -> dict:
        initial = {name: getattr(employer, name) for name in EmployerForm.base_fields}
        initial.update(
            commune=employer.commune.code, employer_type=employer.employer_type.code, industry=employer.industry_id
        )
        return initial

    @property
    def commune_note(self) -> str:
        """What an old (pre-2025) commune code was mapped to, if one was posted."""
        return getattr(self.cleaned_data.get("commune"), "resolve_note", "")

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name in self.cleaned_data}


class EmployerSource(PickerSource):
    """Employers in a viewer's areas by name or tax code, posted by id; `keep` stays choosable (the current one)."""

    url_name = "employers:employer_picker"

    def __init__(self, *, viewer=None, keep: int | None = None) -> None:
        self.viewer, self.keep = viewer, keep

    def get(self, value: str) -> Employer | None:
        if not value.isdigit():
            return None
        found = selectors.employer_pick_get(viewer=self.viewer, pk=int(value))
        if found is None and self.keep == int(value):
            found = Employer.objects.select_related("commune").filter(pk=self.keep).first()
        return found

    def search(self, text: str, *, limit: int) -> list[Employer]:
        return selectors.employer_pick(viewer=self.viewer, text=text, limit=limit)

    def option(self, obj: Employer) -> Option:
        if not obj.tax_code:  # made at sign-up, waiting for an account claim (applications.selfservice)
            return Option(str(obj.pk), obj.name, obj.commune.name)
        note = _("MST {tax_code}, {commune}").format(tax_code=obj.tax_code, commune=obj.commune.name)
        return Option(str(obj.pk), obj.name, note)


class EmployerPickerField(PickerField):
    """An employer of the viewer's areas typed by name or tax code (set the viewer with `for_viewer`)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source=EmployerSource(), **kwargs)

    def for_viewer(self, viewer, *, keep: int | None = None) -> None:
        self.source = EmployerSource(viewer=viewer, keep=keep)
