"""Form fields for what officers type every day: money, dates and things picked by name.

Every error names the field and repeats what was typed, so a long form sent back says exactly what to fix.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vieclam.core.money import AmountError, format_amount, parse_amount
from vieclam.core.text import fold
from vieclam.core.widgets import DateInput, MoneyInput, Option, Picked, PickerWidget

__all__ = ("DATE_FORMATS", "MAX_MONEY", "DateField", "MoneyField", "PickerField", "PickerSource")

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
MAX_MONEY = 10_000_000_000  # ten billion đồng: more is a typo (an extra zero or two) in any form of ours
# A picked value is a code or a record id: ids are 64-bit integers in the database, and nothing we pick by value
# is longer than a CCCD, so anything longer is refused before a source turns it into a query that overflows.
MAX_PICKED_ID = 2**63 - 1
MAX_PICKED_LENGTH = 40

BAD_DATE = _("{field}: “{value}” không phải một ngày; nhập ngày/tháng/năm dạng dd/mm/yyyy, ví dụ 29/05/1990.")
BAD_MONEY = _("{field}: không đọc được “{value}” là số tiền; ví dụ 7.000.000, 7000000, 7 triệu, 7tr hoặc 7,5 triệu.")
NEGATIVE_MONEY = _("{field}: số tiền không được âm.")
MONEY_TOO_SMALL = _("{field}: số tiền ít nhất là {min} đồng.")
MONEY_TOO_LARGE = _("{field}: {value} đồng là quá lớn (tối đa {max} đồng); hãy kiểm tra lại số chữ số 0.")
PICK_NOT_FOUND = _("{field}: không tìm thấy “{value}”. Gõ vài chữ rồi chọn một dòng trong danh sách.")
PICK_AMBIGUOUS = _("{field}: có nhiều kết quả cho “{value}”. Hãy chọn một dòng trong danh sách.")
PICK_INVALID = _("{field}: lựa chọn “{value}” không còn dùng được. Hãy chọn lại trong danh sách.")


def _name(field: forms.Field) -> str:
    return str(field.label or "").rstrip(" *:")


def _readable(value: str) -> bool:
    """A value a source can look up: short, and if all digits, plain ASCII digits that fit a database id."""
    if len(value) > MAX_PICKED_LENGTH or not value.isprintable():
        return False
    return not value.isdigit() or (value.isascii() and int(value) <= MAX_PICKED_ID)


class DateField(forms.DateField):
    """A day typed as dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy and ISO), shown as dd/mm/yyyy."""

    widget = DateInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        super().__init__(**kwargs)

    def to_python(self, value) -> dt.date | None:
        try:
            return super().to_python(value)
        except ValidationError as exc:
            raise ValidationError(BAD_DATE.format(field=_name(self), value=value), code="invalid") from exc


class MoneyField(forms.Field):
    """Whole đồng typed as people write them (see vieclam.core.money); shown as 7.000.000."""

    widget = MoneyInput

    def __init__(self, *, min_value: int | None = 0, max_value: int = MAX_MONEY, **kwargs) -> None:
        super().__init__(**kwargs)
        self.min_value, self.max_value = min_value, max_value

    def to_python(self, value) -> int | None:
        if isinstance(value, int):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        negative = text.startswith(("-", "−"))
        if negative and self.min_value is not None and self.min_value >= 0:
            raise ValidationError(NEGATIVE_MONEY.format(field=_name(self)), code="negative")
        try:
            amount = parse_amount(text.lstrip("-−").strip())
        except AmountError as exc:
            raise ValidationError(BAD_MONEY.format(field=_name(self), value=text), code="invalid") from exc
        return -amount if negative else amount

    def validate(self, value) -> None:
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            message = MONEY_TOO_SMALL.format(field=_name(self), min=format_amount(self.min_value))
            raise ValidationError(message, code="min_value")
        if abs(value) > self.max_value:
            message = MONEY_TOO_LARGE.format(
                field=_name(self), value=format_amount(value), max=format_amount(self.max_value)
            )
            raise ValidationError(message, code="max_value")

    def prepare_value(self, value):
        return format_amount(value) if isinstance(value, int) else value


class PickerSource:
    """What a picker looks things up in. Subclasses (one per kind: commune, occupation, person…) say how a posted
    value finds its object, how typed text finds candidates, and how an object is shown."""

    url_name = ""

    def get(self, value: str):
        """The object a posted value names, or None."""
        raise NotImplementedError

    def search(self, text: str, *, limit: int) -> list:
        """Objects matching typed text, best first."""
        raise NotImplementedError

    def option(self, obj) -> Option:
        raise NotImplementedError

    def prefer(self, same_label: list):
        """Among several objects whose label is exactly what was typed, the one meant (None: ask the user)."""
        return

    def options(self, text: str, *, limit: int = 10) -> list[Option]:
        return [self.option(obj) for obj in self.search(text, limit=limit)] if text else []


class PickerField(forms.Field):
    """Something picked by its label; `coerce(obj)` is what cleaned_data holds (the object by default).

    A label typed without picking is looked up too: one match (or one whose label is exactly what was typed) is
    taken, so a full CCCD number or an exact name needs no click.
    """

    widget = PickerWidget

    def __init__(self, *, source: PickerSource | None = None, coerce=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.coerce = coerce or (lambda obj: obj)
        self.source = source

    @property
    def source(self) -> PickerSource | None:
        return self._source

    @source.setter
    def source(self, source: PickerSource | None) -> None:
        self._source = source
        self.widget.url_name = source.url_name if source is not None else ""
        self.widget.label_for = self.label_for

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.source = self._source
        return result

    def label_for(self, value) -> Picked:
        """What the widget shows for an initial value (an object, or a value a source can get)."""
        obj = value if not isinstance(value, (str, int)) else (self._source.get(str(value)) if self._source else None)
        if obj is None:
            return Picked(str(value), str(value))
        option = self._source.option(obj)
        return Picked(option.value, option.label)

    def to_python(self, value):
        picked = value if isinstance(value, Picked) else Picked(str(value or ""), "")
        if not picked:
            return None
        if picked.value:
            obj = self._source.get(picked.value) if _readable(picked.value) else None
            if obj is None:
                shown = (picked.label or picked.value)[:MAX_PICKED_LENGTH]
                raise ValidationError(PICK_INVALID.format(field=_name(self), value=shown))
            return self.coerce(obj)
        return self.coerce(self._from_label(picked.label))

    def _from_label(self, text: str):
        found = self._source.search(text, limit=10)
        exact = [obj for obj in found if fold(self._source.option(obj).label) == fold(text)]
        if len(found) == 1 or len(exact) == 1:
            return found[0] if len(found) == 1 else exact[0]
        preferred = self._source.prefer(exact) if exact else None
        if preferred is not None:
            return preferred
        message = PICK_AMBIGUOUS if found else PICK_NOT_FOUND
        raise ValidationError(message.format(field=_name(self), value=text), code="invalid_choice")

    def has_changed(self, initial, data) -> bool:
        before = self.label_for(initial).value if initial not in (None, "") else ""
        after = data.value if isinstance(data, Picked) else str(data or "")
        return before != after or (not after and bool(isinstance(data, Picked) and data.label))
