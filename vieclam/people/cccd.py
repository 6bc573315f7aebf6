"""Structural validation of the 12-digit citizen ID (CCCD / số định danh cá nhân).

There is no checksum (NĐ 137/2015 Art. 13; TT 59/2021/TT-BCA): digits 1–3 are the birth-registration
province (one of the 63 pre-2025 province codes, which stay on the card for life), digit 4 encodes century
and sex (even male, odd female; 0/1 = 1900s, 2/3 = 2000s, …), digits 5–6 are the year of birth.
A legacy 9-digit CMND is accepted and flagged; nothing can be checked inside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from vieclam.core.refdata import read_csv
from vieclam.places.loader import DATA as PLACES_DATA

CCCD = "cccd12"
CMND = "cmnd9"


@lru_cache(maxsize=1)
def birth_provinces() -> dict[str, str]:
    """'079' -> 'Thành phố Hồ Chí Minh': the 63 old province codes, from the places reference data."""
    return {"0" + r["code"]: r["full_name"] for r in read_csv(PLACES_DATA / "pre_2025_07/provinces.csv")}


@dataclass(frozen=True)
class Decoded:
    kind: str
    province_code: str = ""
    province_name: str = ""
    century_start: int | None = None
    sex: str = ""
    birth_year: int | None = None


def decode(national_id: str) -> Decoded:
    """What a well-formed ID says; raises ValueError with a Vietnamese message when malformed."""
    nid = (national_id or "").strip()
    if not nid.isdigit():
        raise ValueError(_("Số định danh chỉ gồm chữ số."))
    if len(nid) == 9:
        return Decoded(kind=CMND)
    if len(nid) != 12:
        raise ValueError(_("Số CCCD phải có 12 chữ số (hoặc CMND cũ 9 chữ số); đã nhập {n}.").format(n=len(nid)))
    province = birth_provinces().get(nid[:3])
    if province is None:
        raise ValueError(_("Ba số đầu {code} không phải mã tỉnh nơi đăng ký khai sinh.").format(code=nid[:3]))
    digit = int(nid[3])
    century = 1900 + 100 * (digit // 2)
    return Decoded(
        kind=CCCD,
        province_code=nid[:3],
        province_name=province,
        century_start=century,
        sex="male" if digit % 2 == 0 else "female",
        birth_year=century + int(nid[4:6]),
    )


def check_against(national_id: str, *, date_of_birth: dt.date | None, sex: str | None) -> list[str]:
    """Every disagreement between the ID and the stated birth date and sex, each with its own message."""
    try:
        decoded = decode(national_id)
    except ValueError as exc:
        return [str(exc)]
    if decoded.kind != CCCD:
        return []
    errors = []
    if date_of_birth and decoded.century_start != (date_of_birth.year // 100) * 100:
        errors.append(
            _("Chữ số thứ 4 ({digit}) chỉ thế kỷ sinh {start}–{end}, không khớp năm sinh {year}.").format(
                digit=national_id[3],
                start=decoded.century_start,
                end=decoded.century_start + 99,
                year=date_of_birth.year,
            )
        )
    elif date_of_birth and decoded.birth_year != date_of_birth.year:
        errors.append(
            _("Chữ số thứ 5–6 ({yy}) chỉ năm sinh {decoded}, không khớp năm sinh {year}.").format(
                yy=national_id[4:6], decoded=decoded.birth_year, year=date_of_birth.year
            )
        )
    if sex and decoded.sex != sex:
        errors.append(
            _("Chữ số thứ 4 ({digit}) chỉ giới tính {decoded}, không khớp giới tính đã nhập.").format(
                digit=national_id[3], decoded=_("nam") if decoded.sex == "male" else _("nữ")
            )
        )
    return errors
