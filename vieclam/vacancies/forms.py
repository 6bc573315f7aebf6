"""The vacancy create/edit form and its fields for codes and one-per-line lists.

The form only parses input; every rule (occupation level, pay, restrictions, deadline, areas) is checked by
vacancies.services, whose errors the views put back on the matching field.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vieclam.coding.forms import OccupationPickerField
from vieclam.core.fields import DateField, MoneyField, PickerField, PickerSource
from vieclam.core.forms import StyledFormMixin
from vieclam.core.text import fold
from vieclam.core.widgets import Option
from vieclam.employers.forms import EmployerPickerField
from vieclam.places.forms import CommunePickerField, ProvinceChoiceField
from vieclam.vacancies import selectors
from vieclam.vacancies.choices import LanguageLevel, SexRequirement, VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("LanguagesField", "LinesField", "VacancyForm", "VacancyPickerField", "VacancySource")

LIST_HELP = _("Mỗi dòng một mục.")
LANGUAGES_HELP = _("Mỗi dòng một ngoại ngữ và mức độ (Tốt, Khá, Trung bình), ví dụ: Tiếng Anh: Khá")
BAD_LANGUAGE_LINE = _("Dòng {n} (“{line}”): ghi “ngoại ngữ: mức độ”, mức độ là Tốt, Khá hoặc Trung bình.")
# Folded label or code → level code: "Khá", "kha", "fair", "Trung bình".
LEVELS_BY_TEXT = {fold(str(label)): value for value, label in LanguageLevel.choices} | {
    value: value for value in LanguageLevel.values
}


class LinesField(forms.CharField):
    """A textarea edited as one entry per line, cleaned to a list of non-empty stripped strings."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", LIST_HELP)
        super().__init__(**kwargs)

    def to_python(self, value) -> list:
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(self.format_item(item) for item in value) if isinstance(value, list) else value

    def format_item(self, item) -> str:
        return str(item)

    def validate(self, value) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class LanguagesField(LinesField):
    """Lines "Tiếng Anh: Khá" → [{"language": "Tiếng Anh", "level": "fair"}]."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("help_text", LANGUAGES_HELP)
        super().__init__(**kwargs)

    def to_python(self, value) -> list:
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            return value
        entries, errors = [], []
        for n, line in enumerate(super().to_python(value), start=1):
            language, _sep, level = line.rpartition(":")
            code = LEVELS_BY_TEXT.get(fold(level))
            if not language.strip() or code is None:
                errors.append(ValidationError(BAD_LANGUAGE_LINE.format(n=n, line=line)))
            else:
                entries.append({"language": language.strip(), "level": code})
        if errors:
            raise ValidationError(errors)
        return entries

    def format_item(self, item) -> str:
        if isinstance(item, dict) and item.get("level") in LanguageLevel.values:
            return f"{item.get('language', '')}: {LanguageLevel(item['level']).label}"
        return str(item)


class CodeItemChoiceField(forms.ChoiceField):
    """An item code of the TT 11/2022 list behind a vacancy field, shown by name; choices are read per form."""

    def __init__(self, *, field: str, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.source_field = field

    def load_choices(self) -> None:
        items = selectors.code_item_list(field=self.source_field)
        self.choices = [("", "—"), *((item.code, item.name) for item in items)]


class VacancyForm(StyledFormMixin, forms.Form):
    """Create or edit a vacancy. `changed_values()` gives what the update service needs."""

    title = forms.CharField(label=_("Tên vị trí việc làm"), max_length=255)
    employer = EmployerPickerField(
        label=_("Người sử dụng lao động"), help_text=_("Gõ tên hoặc mã số thuế rồi chọn trong danh sách.")
    )
    occupation = OccupationPickerField(
        label=_("Nghề (VSCO 2020)"),
        min_level=4,
        max_level=4,
        help_text=_("Gõ tên nghề hoặc tên công việc, ví dụ “kế toán”, rồi chọn trong danh sách."),
    )
    position = CodeItemChoiceField(field="position", label=_("Chức vụ"))
    positions_count = forms.IntegerField(label=_("Số lượng cần tuyển"), min_value=1)
    description = forms.CharField(label=_("Mô tả công việc"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    education_level = CodeItemChoiceField(field="education_level", label=_("Trình độ giáo dục phổ thông"))
    technical_level = CodeItemChoiceField(field="technical_level", label=_("Trình độ chuyên môn kỹ thuật"))
    experience = CodeItemChoiceField(field="experience", label=_("Kinh nghiệm"))
    languages = LanguagesField(label=_("Ngoại ngữ"))
    skills = LinesField(label=_("Kỹ năng"))
    age_min = forms.IntegerField(label=_("Tuổi từ"), required=False, min_value=0)
    age_max = forms.IntegerField(label=_("Tuổi đến"), required=False, min_value=0)
    sex_required = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", _("Không giới hạn")), *SexRequirement.choices], required=False
    )
    restriction_reason = forms.CharField(
        label=_("Căn cứ giới hạn tuổi, giới tính"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi giới hạn tuổi hoặc giới tính, ví dụ: Điều 160 Bộ luật Lao động 2019 …"),
    )
    workplace_commune = CommunePickerField(
        label=_("Xã, phường nơi làm việc"),
        help_text=_("Ở bất kỳ tỉnh nào; gõ tên có dấu hoặc không, tên cũ trước 01/07/2025 vẫn tìm được."),
    )
    contract_type = CodeItemChoiceField(field="contract_type", label=_("Loại hợp đồng"))
    working_time = CodeItemChoiceField(field="working_time", label=_("Hình thức làm việc"))
    pay_min = MoneyField(label=_("Lương từ (đồng/tháng)"), required=False)
    pay_max = MoneyField(label=_("Lương đến (đồng/tháng)"), required=False)
    pay_band = CodeItemChoiceField(field="pay_band", label=_("Khoảng lương (Mẫu 01)"))
    pay_negotiable = forms.BooleanField(label=_("Lương thỏa thuận"), required=False)
    benefits = LinesField(label=_("Chế độ phúc lợi"))
    deadline = DateField(label=_("Hạn nộp hồ sơ"), required=False)
    exchange_province = ProvinceChoiceField(
        required=False,
        label=_("Sàn việc làm (tỉnh)"),
        empty_label=_("— tỉnh bạn phụ trách, hoặc tỉnh của nơi làm việc"),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái khi lưu"),
        choices=[(VacancyStatus.DRAFT, VacancyStatus.DRAFT.label), (VacancyStatus.OPEN, VacancyStatus.OPEN.label)],
        initial=VacancyStatus.DRAFT,
    )

    def __init__(self, *args, user, vacancy: Vacancy | None = None, **kwargs) -> None:
        if vacancy is not None:
            kwargs.setdefault("initial", self.initial_for(vacancy))
        super().__init__(*args, **kwargs)
        if vacancy is not None:
            del self.fields["status"]  # changed with the status buttons, through vacancy_set_status
            self.fields["exchange_province"].required = True
        # The current employer stays choosable even if it lies outside the user's areas.
        self.fields["employer"].for_viewer(user, keep=vacancy.employer_id if vacancy is not None else None)
        self.fields["exchange_province"].load()
        for field in self.fields.values():
            if isinstance(field, CodeItemChoiceField):
                field.load_choices()

    @staticmethod
    def initial_for(vacancy: Vacancy) -> dict:
        names = [name for name in VacancyForm.base_fields if name != "status"]
        initial = {name: getattr(vacancy, name) for name in names}
        initial.update(
            employer=vacancy.employer_id,
            occupation=vacancy.occupation.code,
            workplace_commune=vacancy.workplace_commune.code,
            exchange_province=vacancy.exchange_province.code,
        )
        return initial

    @property
    def notes(self) -> list[str]:
        """What an old (pre-2025) workplace commune code was mapped to, to tell the user after saving."""
        note = getattr(self.cleaned_data.get("workplace_commune"), "resolve_note", "")
        return [note] if note else []

    def service_data(self) -> dict:
        """The cleaned values for vacancy_create (a blank exchange province means: use the default)."""
        data = dict(self.cleaned_data)
        if data.get("exchange_province") is None:
            data.pop("exchange_province", None)
        return data

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name in self.cleaned_data}


class VacancySource(PickerSource):
    """Vacancies the viewer may see, by words of the title, employer or occupation; posted by id."""

    url_name = "vacancies:vacancy_picker"

    def __init__(self, *, viewer=None) -> None:
        self.viewer = viewer

    def get(self, value: str) -> Vacancy | None:
        return selectors.vacancy_pick_get(viewer=self.viewer, pk=int(value)) if value.isdigit() else None

    def search(self, text: str, *, limit: int) -> list[Vacancy]:
        return selectors.vacancy_pick(viewer=self.viewer, text=text, limit=limit)

    def option(self, obj: Vacancy) -> Option:
        return Option(str(obj.pk), obj.title, obj.employer.name)


class VacancyPickerField(PickerField):
    """A vacancy of the viewer's areas typed by title or employer (set the viewer with `for_viewer`)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source=VacancySource(), **kwargs)

    def for_viewer(self, viewer) -> None:
        self.source = VacancySource(viewer=viewer)
