"""Forms for job-seeker profiles (staff, and a worker's own); they only parse input, seekers.services checks and
writes.

Repeated parts of Mẫu 02: work experience as rows of boxes (a row added with "Thêm dòng"), languages typed
"ngoại ngữ | Tốt/Khá/Trung bình" one per line, skills one per line.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from vieclam.codelists.models import CodeItem
from vieclam.coding.forms import OccupationPickerField
from vieclam.core.dates import today
from vieclam.core.fields import DateField, MoneyField
from vieclam.core.forms import StyledFormMixin
from vieclam.core.text import fold
from vieclam.people.choices import ConsentPurpose
from vieclam.places.choices import Level
from vieclam.places.forms import CommunePickerField
from vieclam.places.models import AdministrativeUnit
from vieclam.places.selectors import province_communes
from vieclam.seekers.choices import Hands, LanguageLevel, Lifting, RecruitmentMode, WorkEnvironment
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.validation import CODED_FIELDS, MAX_LANGUAGES

__all__ = ("OwnProfileForm", "PersonPickForm", "ProfileForm")

MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{4})$")
EXPERIENCE_LINE = _(
    "Kinh nghiệm làm việc, dòng {n}: cần “đơn vị | chức vụ | công việc chính | từ mm/yyyy | đến mm/yyyy”."
)
EXPERIENCE_MONTH = _("Kinh nghiệm làm việc, dòng {n}: tháng ghi dạng mm/yyyy, ví dụ 05/2019.")
EXPERIENCE_COLUMNS = (_("Đơn vị"), _("Chức vụ"), _("Công việc chính"), _("Từ (mm/yyyy)"), _("Đến (mm/yyyy)"))
LANGUAGE_LINE = _("Dòng {n}: cần “ngoại ngữ | Tốt/Khá/Trung bình”.")
TOO_MANY_LANGUAGES = _("Tối đa {n} ngoại ngữ.")
LEVEL_BY_TEXT = {fold(str(label)): value for value, label in LanguageLevel.choices} | {
    value: value for value in LanguageLevel.values
}


class LinesField(forms.CharField):
    """A list of strings, typed one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(self.format_item(item) for item in value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return [self.parse_item(n, line) for n, line in enumerate(lines, 1)]

    def format_item(self, item) -> str:
        return str(item)

    def parse_item(self, n: int, line: str):
        return line


class ExperienceRowsWidget(forms.Widget):
    """Work history as rows of five boxes (unit, position, main duty, from mm/yyyy, to mm/yyyy); "Thêm dòng" adds a
    row through HTMX. Every row posts the same five names, so rows need no numbering. A posted `experience` text
    (the former "a | b | c | mm/yyyy | mm/yyyy" lines) is still read."""

    KEYS = ("employer", "position", "duty", "from", "to")
    BLANK_ROWS = 1

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        columns = [data.getlist(f"{name}_{key}") if hasattr(data, "getlist") else [] for key in self.KEYS]
        return [dict(zip(self.KEYS, (c.strip() for c in row), strict=True)) for row in zip(*columns, strict=False)]

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and f"{name}_employer" not in data

    def render(self, name, value, attrs=None, renderer=None):
        rows = value if isinstance(value, list) else []
        rows = [row for row in rows if isinstance(row, dict)] + [{}] * self.BLANK_ROWS
        body = format_html_join("", "{}", ((experience_row(name, row),) for row in rows))
        add_url = reverse("seekers:experience_row")
        return format_html(
            '<table class="table table-sm mb-1"><thead><tr><th class="small">{}</th><th class="small">{}</th>'
            '<th class="small">{}</th><th class="small">{}</th><th class="small">{}</th></tr></thead>'
            '<tbody id="id_{}_rows">{}</tbody></table>'
            '<button type="button" class="btn btn-outline-secondary btn-sm" hx-get="{}" hx-vals=\'{{"name": "{}"}}\''
            ' hx-target="#id_{}_rows" hx-swap="beforeend">{}</button>',
            *EXPERIENCE_COLUMNS, name, body, add_url, name, name, _("Thêm dòng"),
        )  # fmt: skip


def experience_row(name: str, row: dict) -> str:
    """One row of work-history boxes (blank when `row` is empty); months shown mm/yyyy."""
    cells = []
    labels = dict(zip(ExperienceRowsWidget.KEYS, EXPERIENCE_COLUMNS, strict=True))
    for key in ExperienceRowsWidget.KEYS:
        value = row.get(key, "")
        if key in ("from", "to") and re.match(r"^\d{4}-\d{2}$", value or ""):
            value = _month_out(value)
        placeholder = "mm/yyyy" if key in ("from", "to") else ""
        cells.append(format_html(
            '<td><input type="text" name="{}_{}" value="{}" placeholder="{}" class="form-control form-control-sm"'
            ' aria-label="{}"></td>', name, key, value, placeholder, labels[key]))  # fmt: skip
    return format_html("<tr>{}</tr>", mark_safe("".join(cells)))


class ExperienceField(forms.Field):
    """[{employer, position, duty, from, to}] with months stored as YYYY-MM and typed as mm/yyyy."""

    widget = ExperienceRowsWidget
    KEYS = ExperienceRowsWidget.KEYS

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> list:
        if isinstance(value, str):
            lines = [line.strip() for line in value.splitlines() if line.strip()]
            return [self.parse_line(n, line) for n, line in enumerate(lines, 1)]
        rows = [row for row in (value or []) if any(row.get(key) for key in self.KEYS)]
        return [self.parse_row(n, dict(row)) for n, row in enumerate(rows, 1)]

    def parse_line(self, n: int, line: str) -> dict:
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > len(self.KEYS):
            raise ValidationError(EXPERIENCE_LINE.format(n=n))
        parts += [""] * (len(self.KEYS) - len(parts))
        return self.parse_row(n, dict(zip(self.KEYS, parts, strict=True)))

    def parse_row(self, n: int, item: dict) -> dict:
        item = {key: str(item.get(key) or "").strip() for key in self.KEYS}
        for key in ("from", "to"):
            if item[key] and not re.match(r"^\d{4}-\d{2}$", item[key]):
                match = MONTH_YEAR.match(item[key])
                if not match or not 1 <= int(match[1]) <= 12:
                    raise ValidationError(EXPERIENCE_MONTH.format(n=n))
                item[key] = f"{match[2]}-{int(match[1]):02d}"
        return item

    def has_changed(self, initial, data) -> bool:
        try:
            return (initial or []) != self.to_python(data)
        except ValidationError:
            return True


class LanguagesField(LinesField):
    """At most two [{language, level}]: "Tiếng Anh | Khá"."""

    def format_item(self, item) -> str:
        level = item.get("level", "")
        return f"{item.get('language', '')} | {LanguageLevel(level).label}" if level else item.get("language", "")

    def to_python(self, value):
        items = super().to_python(value)
        if len(items) > MAX_LANGUAGES:
            raise ValidationError(TOO_MANY_LANGUAGES.format(n=MAX_LANGUAGES))
        return items

    def parse_item(self, n: int, line: str) -> dict:
        language, _sep, level = (part.strip() for part in line.partition("|"))
        if level and fold(level) not in LEVEL_BY_TEXT:
            raise ValidationError(LANGUAGE_LINE.format(n=n))
        return {"language": language, "level": LEVEL_BY_TEXT.get(fold(level), "")}


def _month_out(month: str) -> str:
    return f"{month[5:7]}/{month[:4]}" if month else ""


def item_choices(slug: str) -> list[tuple[str, str]]:
    items = CodeItem.objects.filter(code_list__slug=slug).valid_on(today()).order_by("order")
    return [("", "—")] + [(item.code, item.name) for item in items]


def _code(unit) -> str:
    return unit.code


class PersonPickForm(StyledFormMixin, forms.Form):
    """Find the person to open a profile for by a full CCCD/CMND number or a name (a link from the person's page
    carries the record in the hidden `person`)."""

    find = forms.CharField(label=_("Số CCCD/CMND hoặc họ tên"), max_length=100, required=False)
    person = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)


class ProfileForm(StyledFormMixin, forms.Form):
    """The job sought and the working conditions (Mẫu 02 parts 3–4). `service_data()` gives the service input."""

    title = forms.CharField(label=_("Tên công việc cần tìm"), max_length=200)
    description = forms.CharField(
        label=_("Mô tả công việc"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    occupation = OccupationPickerField(
        label=_("Nghề (VSCO 2020)"),
        min_level=4,
        max_level=4,
        coerce=_code,
        required=False,
        help_text=_("Gõ tên nghề, ví dụ “kế toán”, “thợ hàn”, rồi chọn trong danh sách."),
    )
    position = forms.ChoiceField(label=_("Chức vụ"), required=False)
    experience_band = forms.ChoiceField(label=_("Kinh nghiệm trong lĩnh vực cần tìm"), required=False)
    workplace_1 = CommunePickerField(
        label=_("Nơi làm việc ưu tiên 1 (tỉnh hoặc xã)"),
        provinces=True,
        coerce=_code,
        required=False,
        help_text=_("Gõ tên tỉnh hoặc xã, phường; tỉnh nào cũng được."),
    )
    workplace_2 = CommunePickerField(
        label=_("Nơi làm việc ưu tiên 2 (tỉnh hoặc xã)"), provinces=True, coerce=_code, required=False
    )
    contract_type = forms.ChoiceField(label=_("Loại hợp đồng lao động"), required=False)
    working_time = forms.ChoiceField(label=_("Hình thức làm việc"), required=False)
    work_purpose = forms.ChoiceField(label=_("Mục đích làm việc"), required=False)
    pay_band = forms.ChoiceField(label=_("Mức lương"), required=False)
    desired_pay_min = MoneyField(label=_("Lương mong muốn tối thiểu (đồng/tháng)"), required=False)
    available_now = forms.BooleanField(label=_("Sẵn sàng làm việc ngay"), required=False)
    available_from = DateField(label=_("Hoặc làm việc từ ngày"), required=False)
    experience = ExperienceField(label=_("Kinh nghiệm làm việc"), help_text=_("Mỗi dòng một nơi đã làm."))
    worked_abroad = forms.CharField(label=_("Đã từng làm việc ở nước ngoài tại"), max_length=200, required=False)
    languages = LanguagesField(label=_("Ngoại ngữ"), help_text=_("Tối đa 2 dòng: ngoại ngữ | Tốt/Khá/Trung bình"))
    skills = LinesField(label=_("Kỹ năng"), help_text=_("Mỗi dòng một kỹ năng."))
    work_environment = forms.ChoiceField(
        label=_("Nơi làm việc được"), choices=WorkEnvironment.choices, initial=WorkEnvironment.ANY
    )
    lifting = forms.ChoiceField(label=_("Trọng lượng nâng được"), choices=[("", "—"), *Lifting.choices], required=False)
    hands = forms.ChoiceField(label=_("Dùng tay"), choices=Hands.choices, initial=Hands.BOTH)
    can_stand_or_walk = forms.BooleanField(label=_("Đứng hoặc đi lại nhiều được"), required=False, initial=True)
    hearing_speaking_ok = forms.BooleanField(label=_("Nghe, nói được"), required=False, initial=True)
    vision_ok = forms.BooleanField(label=_("Nhìn được vật, chi tiết nhỏ"), required=False, initial=True)
    fine_hand_work_ok = forms.BooleanField(label=_("Thao tác tay với đồ vật nhỏ được"), required=False, initial=True)
    recruitment_modes = forms.MultipleChoiceField(
        label=_("Hình thức tuyển dụng"),
        choices=RecruitmentMode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    registered_on = DateField(label=_("Ngày đăng ký"), required=False)

    def __init__(self, *args, profile: JobSeekerProfile | None = None, **kwargs) -> None:
        if profile is not None:
            kwargs.setdefault("initial", self.initial_for(profile))
        super().__init__(*args, **kwargs)
        for field, slug in CODED_FIELDS.items():
            self.fields[field].choices = item_choices(slug)

    @staticmethod
    def initial_for(profile: JobSeekerProfile) -> dict:
        initial = {name: getattr(profile, name) for name in ProfileForm.base_fields}
        for name in ("occupation", "workplace_1", "workplace_2"):
            related = getattr(profile, name)
            initial[name] = related.code if related is not None else ""
        return initial

    def service_data(self, *, changed_only: bool) -> dict:
        """What the services take: every field for a new profile, the changed ones for an edit."""
        names = self.changed_data if changed_only else list(self.fields)
        data = {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}
        if data.get("registered_on", "") is None:  # left empty: today for a new profile, unchanged for an edit
            del data["registered_on"]
        return data


class OwnProfileForm(ProfileForm):
    """A worker's own profile: the staff form without the registration date (today, set by the service), and the
    workplaces picked from a list (provinces, then the communes of this province) rather than typed as codes.

    `publish_contact` is the worker's consent to show their contact details to employers (people.consents): not a
    field of the profile, so `service_data()` leaves it out and the view records it with its date."""

    publish_contact = forms.BooleanField(label=ConsentPurpose.PUBLISH_CONTACT.label, required=False)

    def __init__(
        self, *args, profile: JobSeekerProfile | None = None, contact_published: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        self.fields["publish_contact"].initial = contact_published
        del self.fields["registered_on"]
        keep = [getattr(profile, name) for name in ("workplace_1", "workplace_2")] if profile is not None else []
        choices = workplace_choices(keep=[unit for unit in keep if unit is not None])
        labels = (_("Nơi muốn làm việc (ưu tiên 1)"), _("Nơi muốn làm việc (ưu tiên 2)"))
        for name, label in zip(("workplace_1", "workplace_2"), labels, strict=True):
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)
        self.fields["occupation"].help_text = _(
            "Bấm một mã gợi ý hiện dưới ô “Tên công việc cần tìm”, hoặc để trống: cán bộ sẽ ghi giúp."
        )

    def service_data(self, *, changed_only: bool) -> dict:
        data = super().service_data(changed_only=changed_only)
        data.pop("publish_contact", None)
        return data


def workplace_choices(*, keep=()) -> list:
    """Provinces in force, then the communes of the deployment's province, as grouped select choices by code.

    `keep` are units already on the profile that the lists lack (a commune of another province set by staff),
    offered first so that saving the form does not drop them.
    """
    units = AdministrativeUnit.objects.current()
    provinces = units.filter(level=Level.PROVINCE).order_by("name", "code")
    communes = province_communes()
    province_rows = [(u.code, u.name) for u in provinces]
    commune_rows = [(u.code, u.name) for u in communes]
    listed = {code for code, _name in province_rows + commune_rows}
    choices: list = [("", "—")]
    extra = [(u.code, f"{u.name} ({u.code})") for u in keep if u.code not in listed]
    if extra:
        choices.append((_("Đang chọn"), extra))
    choices.append((_("Tỉnh, thành phố"), province_rows))
    if commune_rows:
        choices.append((_("Xã, phường trong tỉnh"), commune_rows))
    return choices
