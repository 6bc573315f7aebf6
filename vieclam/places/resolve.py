"""The one recipe for an area a user gives (a code, or a unit chosen in a picker): the unit in force, of the level
asked for, with a pre-2025-reform code or unit mapped to its successor and a note saying so.

Services call it (services validate; forms and serializers pass codes through):

    unit, note = commune_resolve("25459")          # or commune_resolve(unit)
    # ValidationError("Không có đơn vị hành chính mã 99999 vào ngày 05/12/2026.") when it cannot be used

`area_resolve` is the mapping itself, for readers that need it without a level (imports, filters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from vieclam.core.dates import today
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Succession

__all__ = (
    "AreaCodeError",
    "LEVEL_BY_CODE_LENGTH",
    "area_resolve",
    "areas_resolve_in",
    "commune_resolve",
    "province_resolve",
    "unit_resolve",
)

LEVEL_BY_CODE_LENGTH = {2: Level.PROVINCE, 3: Level.DISTRICT, 5: Level.COMMUNE}

BAD_CODE = gettext_lazy("Mã đơn vị hành chính '{code}' không hợp lệ: mã tỉnh có 2 chữ số, mã xã có 5.")
MAPPED = gettext_lazy("Mã cũ {old} (trước 01/07/2025) đã được chuyển thành {new} – {name}.")
SPLIT = gettext_lazy("Mã cũ {old} đã được chia cho nhiều đơn vị; hãy chọn một: {choices}.")
UNKNOWN = gettext_lazy("Không có đơn vị hành chính mã {code} vào ngày {day}.")
NOT_IN_FORCE = gettext_lazy("{name} ({code}) không còn hiệu lực vào ngày {day}: hãy dùng đơn vị sau sắp xếp.")
NOT_A_COMMUNE = gettext_lazy("{name} ({code}) không phải cấp xã: hãy chọn một xã, phường hoặc đặc khu.")
NOT_A_PROVINCE = gettext_lazy("{name} ({code}) không phải cấp tỉnh: hãy chọn một tỉnh hoặc thành phố.")
NOT_A_WORKPLACE = gettext_lazy("{name} ({code}) không phải cấp tỉnh hay cấp xã: hãy chọn một tỉnh hoặc một xã.")
NOT_OF_LEVEL = {Level.COMMUNE.value: NOT_A_COMMUNE, Level.PROVINCE.value: NOT_A_PROVINCE}


class AreaCodeError(ValueError):
    """An area code that cannot be used on the given date; the message is ready to show."""


def area_resolve(*, code: str, on: dt.date) -> tuple[AdministrativeUnit, str]:
    """The unit in force on `on` for `code`; an old pre-reform code is mapped to its successor.

    Returns (unit, note): the note is empty for a code in force, and says what was mapped otherwise.
    """
    code = (code or "").strip()
    level = LEVEL_BY_CODE_LENGTH.get(len(code))
    if level is None or not code.isdigit():
        raise AreaCodeError(BAD_CODE.format(code=code))
    unit = AdministrativeUnit.objects.valid_on(on).filter(level=level, code=code).first()
    if unit is not None:
        return unit, ""
    successions = Succession.objects.filter(level=level, predecessor_code=code).select_related("successor")
    targets = [s.successor for s in successions.order_by("kind") if s.successor.is_valid_on(on)]
    if len(targets) == 1:
        return targets[0], str(MAPPED.format(old=code, new=targets[0].code, name=targets[0].name))
    if targets:
        choices = ", ".join(f"{t.code} {t.name}" for t in targets)
        raise AreaCodeError(SPLIT.format(old=code, choices=choices))
    raise AreaCodeError(UNKNOWN.format(code=code, day=date_format(on, "SHORT_DATE_FORMAT")))


def unit_resolve(
    value: str | AdministrativeUnit, *, levels: Collection[str], on: dt.date | None = None
) -> tuple[AdministrativeUnit, str]:
    """The unit in force on `on` (default today), at one of `levels`, from a code or a unit; (unit, note).

    An old code is mapped to its successor (the note says so); a unit no longer in force is refused, since whoever
    chose it must choose again. Raises ValidationError with the message to show (without a field name: the
    caller's field owns it).
    """
    on = on or today()
    if isinstance(value, AdministrativeUnit):
        if not value.is_valid_on(on):
            day = date_format(on, "SHORT_DATE_FORMAT")
            raise ValidationError(NOT_IN_FORCE.format(name=value.name, code=value.code, day=day), code="expired")
        unit, note = value, ""
    else:
        try:
            unit, note = area_resolve(code=value, on=on)
        except AreaCodeError as exc:
            raise ValidationError(str(exc), code="area") from exc
    if unit.level not in levels:
        message = NOT_OF_LEVEL[str(next(iter(levels)))] if len(levels) == 1 else NOT_A_WORKPLACE
        raise ValidationError(message.format(name=unit.name, code=unit.code), code="level")
    return unit, note


def commune_resolve(value: str | AdministrativeUnit, *, on: dt.date | None = None) -> tuple[AdministrativeUnit, str]:
    """A commune (xã, phường, đặc khu) in force: see unit_resolve."""
    return unit_resolve(value, levels=[Level.COMMUNE], on=on)


def province_resolve(value: str | AdministrativeUnit, *, on: dt.date | None = None) -> tuple[AdministrativeUnit, str]:
    """A province or centrally-run city in force: see unit_resolve."""
    return unit_resolve(value, levels=[Level.PROVINCE], on=on)


def areas_resolve_in(
    data: dict, fields: Mapping[str, Collection[str]], *, warnings: list[str] | None = None, on: dt.date | None = None
) -> tuple[dict, dict[str, list[str]]]:
    """(data with each area field given — a code or a unit — replaced by its unit in force, {field: [message]}).

    `fields` maps each area field to the levels it accepts; a field that fails is left out of the data (its
    error says why). The notes of mapped old codes are appended to `warnings`.
    """
    resolved, errors = dict(data), {}
    for field, levels in fields.items():
        value = data.get(field)
        if value is None or value == "":
            continue
        try:
            resolved[field], note = unit_resolve(value, levels=levels, on=on)
        except ValidationError as exc:
            errors[field] = list(exc.messages)
            del resolved[field]
            continue
        if note and warnings is not None:
            warnings.append(note)
    return resolved, errors
