"""Employer identifiers of Mẫu 01 (TT 11/2022): tax code (MST), branch code, or 12-digit personal ID.

Pure: no database, no settings; only the messages go through gettext. See policy-facts §8.2.

- 10 digits `N1…N10`: enterprise MST; N10 is a check digit. With weights [31, 29, 23, 19, 17, 13, 7, 5, 3]
  on N1…N9 and S their weighted sum, N10 = 10 − (S mod 11). S mod 11 == 0 would need a check digit of 10:
  no such code is valid (implementations disagree on this edge; we reject it with its own message).
- 13 digits `XXXXXXXXXX-YYY`: branch or dependent unit; the 10-digit part must pass the check, YYY is 001–999.
  Typed without the hyphen it is accepted and stored with it.
- 12 digits: personal ID number, the tax code of individuals and household businesses since 1/7/2025
  (TT 86/2024/TT-BTC). No checksum; its first three digits must be a province code of birth registration.

Example: parse(" 0100109106 ") == TaxCode(code="0100109106", kind="mst10").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

__all__ = ("BRANCH13", "KINDS", "MST10", "PERSONAL12", "TaxCode", "TaxCodeError", "check_digit", "parse")

MST10, BRANCH13, PERSONAL12 = "mst10", "branch13", "personal12"
KINDS = (MST10, BRANCH13, PERSONAL12)
WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)

# Provinces of birth registration (first three digits of a personal ID): the 63 pre-2025 province codes.
BIRTH_PROVINCE_CODES = frozenset(
    f"{n:03d}"
    for n in (
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
        44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
        87, 89, 91, 92, 93, 94, 95, 96,
    )
)  # fmt: skip

EMPTY = _("Chưa nhập mã số thuế hoặc số định danh.")
BAD_CHARACTERS = _("Mã số thuế chỉ gồm chữ số (mã chi nhánh có thêm một dấu gạch ngang); ký tự không hợp lệ: {chars}.")
BAD_HYPHEN = _("Dấu gạch ngang chỉ dùng trong mã chi nhánh, dạng XXXXXXXXXX-YYY (10 chữ số, gạch ngang, 3 chữ số).")
BAD_LENGTH = _(
    "Mã có {count} chữ số: mã số thuế doanh nghiệp có 10 chữ số, mã chi nhánh 13 (XXXXXXXXXX-YYY), "
    "số định danh cá nhân 12."
)
BAD_CHECK_DIGIT = _("Mã số thuế {code} sai chữ số kiểm tra: chữ số thứ 10 phải là {expected}, không phải {actual}.")
NO_CHECK_DIGIT = _(
    "Mã số thuế {code} không hợp lệ: 9 chữ số đầu cho tổng kiểm tra chia hết cho 11, không có chữ số kiểm tra nào đúng."
)
BRANCH_PREFIX = _("Phần 10 chữ số đầu của mã chi nhánh {code} không hợp lệ: {reason}")
BAD_BRANCH_NUMBER = _("Số đơn vị phụ thuộc (3 chữ số sau dấu gạch ngang) phải từ 001 đến 999, không phải 000.")
BAD_BIRTH_PROVINCE = _(
    "Số định danh cá nhân {code} không hợp lệ: 3 chữ số đầu ({prefix}) không phải mã tỉnh nơi đăng ký khai sinh."
)


class TaxCodeError(ValueError):
    """An identifier that is not valid; str(error) is the message to show, `reason` a stable key for tests."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class TaxCode:
    """A valid identifier in its stored form, with its kind (MST10, BRANCH13 or PERSONAL12)."""

    code: str
    kind: str


def check_digit(first_nine: str) -> int | None:
    """The check digit N10 for digits N1…N9, or None when S mod 11 == 0 (no digit fits)."""
    remainder = sum(int(d) * w for d, w in zip(first_nine, WEIGHTS, strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def parse(raw: str | None) -> TaxCode:
    """The identifier `raw` normalised and classified; raises TaxCodeError naming what is wrong."""
    text = "".join((raw or "").split())
    if not text:
        raise TaxCodeError(str(EMPTY), reason="empty")
    bad = sorted({ch for ch in text if not (ch.isascii() and ch.isdigit()) and ch != "-"})
    if bad:
        raise TaxCodeError(BAD_CHARACTERS.format(chars=" ".join(bad)), reason="characters")
    if "-" in text:
        return _branch(text)
    if len(text) == 10:
        return TaxCode(_mst10(text), MST10)
    if len(text) == 13:
        return _branch(f"{text[:10]}-{text[10:]}")
    if len(text) == 12:
        return TaxCode(_personal12(text), PERSONAL12)
    raise TaxCodeError(BAD_LENGTH.format(count=len(text)), reason="length")


def _mst10(code: str) -> str:
    expected = check_digit(code[:9])
    if expected is None:
        raise TaxCodeError(NO_CHECK_DIGIT.format(code=code), reason="no_check_digit")
    if int(code[9]) != expected:
        raise TaxCodeError(BAD_CHECK_DIGIT.format(code=code, expected=expected, actual=code[9]), reason="check_digit")
    return code


def _branch(code: str) -> TaxCode:
    head, _sep, tail = code.partition("-")
    if len(head) != 10 or len(tail) != 3 or "-" in tail:
        raise TaxCodeError(str(BAD_HYPHEN), reason="hyphen")
    try:
        _mst10(head)
    except TaxCodeError as exc:
        raise TaxCodeError(BRANCH_PREFIX.format(code=code, reason=exc), reason=exc.reason) from exc
    if tail == "000":
        raise TaxCodeError(str(BAD_BRANCH_NUMBER), reason="branch_number")
    return TaxCode(code, BRANCH13)


def _personal12(code: str) -> str:
    if code[:3] not in BIRTH_PROVINCE_CODES:
        raise TaxCodeError(BAD_BIRTH_PROVINCE.format(code=code, prefix=code[:3]), reason="birth_province")
    return code
