"""Field cleaners of a job-seeker profile: code or plain value in, stored value out, or a Vietnamese message.

`clean_fields(data)` runs the cleaner of every given field and collects all errors by field, so the API and the
form show every problem at once. Codes become rows here (occupation 2411, workplace 80 or 25459), so the
services receive the same input from the API and the forms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.codelists.models import CodeItem, Occupation
from vieclam.codelists.selectors import occupation_level_problem
from vieclam.core.dates import today
from vieclam.people.validation import Errors
from vieclam.places.choices import Level
from vieclam.places.resolve import unit_resolve
from vieclam.seekers.choices import Hands, LanguageLevel, Lifting, RecruitmentMode, WorkEnvironment

__all__ = ("CODED_FIELDS", "MAX_LANGUAGES", "PROFILE_FIELDS", "clean_fields")

# Profile field -> TT 11/2022 code list (codelists) whose item codes it holds.
CODED_FIELDS = {
    "position": "job-positions",
    "experience_band": "experience-bands",
    "contract_type": "contract-types",
    "working_time": "working-time",
    "work_purpose": "work-purposes",
    "pay_band": "pay-bands",
}
EXPERIENCE_KEYS = ("employer", "position", "duty", "from", "to")
EXPERIENCE_LENGTHS = {"employer": 200, "position": 100, "duty": 300}
MAX_EXPERIENCE = 20
MAX_LANGUAGES = 2  # Mẫu 02 has "Ngoại ngữ 1" and "Ngoại ngữ 2"
MAX_SKILLS = 30
YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

REQUIRED = _("Trường này bắt buộc.")
TOO_LONG = _("Tối đa {n} ký tự.")
NOT_TEXT = _("Phải là chuỗi ký tự.")
NOT_BOOLEAN = _("Phải là true hoặc false.")
NOT_DATE = _("Ngày không hợp lệ.")
NOT_A_LIST = _("Phải là một danh sách.")
BAD_CHOICE = _("Giá trị '{value}' không hợp lệ; chọn một trong: {choices}.")
UNKNOWN_OCCUPATION = _("Mã nghề '{code}' không có trong VSCO 2020 đang có hiệu lực.")
UNKNOWN_ITEM = _("Mã '{code}' không có trong danh mục {slug}.")
PAY_NOT_AMOUNT = _("Lương mong muốn phải là số đồng/tháng, không âm.")
PAY_LIMIT = 1_000_000_000  # a monthly wish above one billion đồng is a typing slip, and beyond it the column overflows
PAY_TOO_LARGE = _("Lương mong muốn tối đa 1.000.000.000 đồng/tháng: kiểm tra lại số chữ số 0.")
REGISTERED_IN_FUTURE = _("Ngày đăng ký không thể ở tương lai.")
EXPERIENCE_SHAPE = _("Dòng {n}: chỉ gồm employer, position, duty, from, to.")
EXPERIENCE_EMPLOYER = _("Dòng {n}: thiếu tên đơn vị.")
EXPERIENCE_MONTH = _("Dòng {n}: thời gian ghi theo tháng, dạng YYYY-MM (ví dụ 2019-05).")
EXPERIENCE_ORDER = _("Dòng {n}: tháng bắt đầu sau tháng kết thúc.")
EXPERIENCE_FUTURE = _("Dòng {n}: tháng bắt đầu ở tương lai.")
EXPERIENCE_TOO_LONG = _("Dòng {n}: {key} tối đa {size} ký tự.")
TOO_MANY = _("Tối đa {n} mục.")
LANGUAGE_SHAPE = _("Mục {n}: cần language (tên ngoại ngữ) và level ({levels}).")

Cleaner = Callable[[object, list[str]], object]


def clean_fields(data: dict, cleaners: dict[str, Cleaner] | None = None) -> tuple[dict, Errors, list[str]]:
    """(values, errors, notes) for the fields of `data`; unknown fields are left to the caller."""
    cleaners = CLEANERS if cleaners is None else cleaners
    values, errors, notes = {}, Errors(), []
    for field, value in data.items():
        if field not in cleaners:
            continue
        try:
            values[field] = cleaners[field](value, notes)
        except ValidationError as exc:
            for message in exc.messages:
                errors.add(field, message)
    return values, errors, notes


#
# Cleaner factories
#
def _text(max_length: int, *, required: bool = False) -> Cleaner:
    def clean(value, notes):
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValidationError(str(NOT_TEXT))
        value = value.strip()
        if required and not value:
            raise ValidationError(str(REQUIRED))
        if len(value) > max_length:
            raise ValidationError(TOO_LONG.format(n=max_length))
        return value

    return clean


def _item(slug: str) -> Cleaner:
    def clean(value, notes):
        code = _text(40)(value, notes)
        if code and not CodeItem.objects.filter(code_list__slug=slug, code=code).valid_on(today()).exists():
            raise ValidationError(UNKNOWN_ITEM.format(code=code, slug=slug))
        return code

    return clean


def _choice(choices: type[models.TextChoices], *, blank: bool = False) -> Cleaner:
    def clean(value, notes):
        value = "" if value is None else value
        if (blank and value == "") or value in choices.values:
            return value
        raise ValidationError(BAD_CHOICE.format(value=value, choices=", ".join(choices.values)))

    return clean


def _boolean(value, notes) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(str(NOT_BOOLEAN))
    return value


def _date(value, notes) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(str(NOT_DATE))
    return value


#
# Field cleaners
#
def _occupation(value, notes) -> Occupation | None:
    code = _text(5)(value, notes)
    if not code:
        return None
    occupation = Occupation.objects.valid_on(today()).filter(code=code).first()
    if occupation is None:
        raise ValidationError(UNKNOWN_OCCUPATION.format(code=code))
    if problem := occupation_level_problem(occupation):
        raise ValidationError(problem)
    return occupation


def _workplace(value, notes):
    """A province or commune code in force today (any province); an old pre-2025 code is mapped and noted."""
    code = _text(5)(value, notes)
    if not code:
        return None
    unit, note = unit_resolve(code, levels=[Level.PROVINCE, Level.COMMUNE])
    if note:
        notes.append(note)
    return unit


def _pay(value, notes) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(str(PAY_NOT_AMOUNT))
    if value > PAY_LIMIT:
        raise ValidationError(str(PAY_TOO_LARGE))
    return value


def _registered_on(value, notes) -> dt.date:
    day = _date(value, notes) or today()
    if day > today():
        raise ValidationError(str(REGISTERED_IN_FUTURE))
    return day


def _experience(value, notes) -> list[dict]:
    """[{employer, position, duty, from, to}], months as YYYY-MM; `to` empty while the job goes on."""
    entries = _list(value, MAX_EXPERIENCE)
    cleaned, messages = [], []
    this_month = f"{today():%Y-%m}"
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) - set(EXPERIENCE_KEYS):
            messages.append(EXPERIENCE_SHAPE.format(n=n))
            continue
        item = {key: str(entry.get(key) or "").strip() for key in EXPERIENCE_KEYS}
        messages += _experience_problems(n, item, this_month)
        cleaned.append(item)
    if messages:
        raise ValidationError(messages)
    return cleaned


def _experience_problems(n: int, item: dict, this_month: str) -> list[str]:
    problems = []
    if not item["employer"]:
        problems.append(EXPERIENCE_EMPLOYER.format(n=n))
    for key, size in EXPERIENCE_LENGTHS.items():
        if len(item[key]) > size:
            problems.append(EXPERIENCE_TOO_LONG.format(n=n, key=key, size=size))
    if any(item[key] and not YEAR_MONTH.match(item[key]) for key in ("from", "to")):
        problems.append(EXPERIENCE_MONTH.format(n=n))
    elif item["from"] and item["to"] and item["from"] > item["to"]:
        problems.append(EXPERIENCE_ORDER.format(n=n))
    elif item["from"] > this_month:
        problems.append(EXPERIENCE_FUTURE.format(n=n))
    return problems


def _languages(value, notes) -> list[dict]:
    """At most two [{language, level}], level one of good / fair / average (Tốt / Khá / Trung bình)."""
    entries = _list(value, MAX_LANGUAGES)
    cleaned, messages = [], []
    for n, entry in enumerate(entries, 1):
        ok = isinstance(entry, dict) and set(entry) <= {"language", "level"}
        language = str(entry.get("language") or "").strip() if ok else ""
        level = (entry.get("level") or "") if ok else ""
        if not language or len(language) > 50 or level not in ("", *LanguageLevel.values):
            messages.append(LANGUAGE_SHAPE.format(n=n, levels=", ".join(LanguageLevel.values)))
            continue
        cleaned.append({"language": language, "level": level})
    if messages:
        raise ValidationError(messages)
    return cleaned


def _skills(value, notes) -> list[str]:
    entries = _list(value, MAX_SKILLS)
    cleaned = []
    for entry in entries:
        skill = _text(100)(entry, notes)
        if skill and skill not in cleaned:
            cleaned.append(skill)
    return cleaned


def _modes(value, notes) -> list[str]:
    entries = _list(value, len(RecruitmentMode.values))
    clean_one = _choice(RecruitmentMode)
    modes = {clean_one(entry, notes) for entry in entries}
    return [mode for mode in RecruitmentMode.values if mode in modes]  # stored in form order


def _list(value, max_items: int) -> list:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError(str(NOT_A_LIST))
    if len(value) > max_items:
        raise ValidationError(TOO_MANY.format(n=max_items))
    return list(value)


CLEANERS: dict[str, Cleaner] = {
    "title": _text(200, required=True),
    "description": _text(2000),
    "occupation": _occupation,
    **{field: _item(slug) for field, slug in CODED_FIELDS.items()},
    "workplace_1": _workplace,
    "workplace_2": _workplace,
    "desired_pay_min": _pay,
    "available_now": _boolean,
    "available_from": _date,
    "experience": _experience,
    "worked_abroad": _text(200),
    "languages": _languages,
    "skills": _skills,
    "work_environment": _choice(WorkEnvironment),
    "lifting": _choice(Lifting, blank=True),
    "can_stand_or_walk": _boolean,
    "hearing_speaking_ok": _boolean,
    "vision_ok": _boolean,
    "fine_hand_work_ok": _boolean,
    "hands": _choice(Hands),
    "recruitment_modes": _modes,
    "registered_on": _registered_on,
}
PROFILE_FIELDS = tuple(CLEANERS)
