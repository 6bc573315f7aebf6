"""Synthetic employers (valid tax codes), and the vacancies and job-seeker profiles of the demo province."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from random import Random

from vieclam.core.text import fold
from vieclam.demo.names import COMPANY_FORMS, COMPANY_TRADES, COMPANY_WORDS
from vieclam.employers.taxcode import check_digit

EMPLOYER_COLUMNS = [
    "id",
    "name",
    "tax_code",
    "id_kind",
    "employer_type_id",
    "industry_id",
    "commune_id",
    "street_address",
    "in_industrial_zone",
    "zone_name",
    "size_band",
    "contact_person",
    "phone",
    "email",
    "publish_contact",
    "search_text",
    "created_at",
    "updated_at",
]
SIZE_BANDS = (["lt10", "10_49", "50_99", "100_199", "200_499", "500_999", "ge1000"], [45, 30, 10, 7, 5, 2, 1])
TYPE_BY_FORM = {
    "Công ty TNHH": "dn_ngoai_nha_nuoc",
    "Công ty Cổ phần": "dn_ngoai_nha_nuoc",
    "Doanh nghiệp tư nhân": "dn_ngoai_nha_nuoc",
    "Hộ kinh doanh": "ho_kinh_doanh",
    "Hợp tác xã": "dn_ngoai_nha_nuoc",
}


@dataclass
class EmployerPlace:
    commune_id: int
    province_code: str


class EmployerGenerator:
    def __init__(
        self,
        *,
        rng: Random,
        now: dt.datetime,
        first_id: int,
        type_ids: dict[str, int],
        industry_ids: list[int],
        taken_tax_codes: set[str],
    ):
        self.rng, self.now, self.ids = rng, now, itertools.count(first_id)
        self.type_ids, self.industry_ids, self.taken = type_ids, industry_ids, taken_tax_codes

    def tax_code(self) -> str:
        """A 10-digit MST whose check digit is right (weights 31, 29, …, 3), never one already used."""
        while True:
            first_nine = f"{self.rng.choice(['39', '11', '03', '36', '37'])}{self.rng.randint(0, 9_999_999):07d}"
            digit = check_digit(first_nine)
            code = f"{first_nine}{digit}" if digit is not None and digit < 10 else ""
            if code and code not in self.taken:
                self.taken.add(code)
                return code

    def employer(self, place: EmployerPlace) -> tuple:
        rng = self.rng
        form = rng.choices([f for f, _ in COMPANY_FORMS], [w for _, w in COMPANY_FORMS])[0]
        type_code = TYPE_BY_FORM[form] if rng.random() > 0.08 else "dn_fdi"
        name = f"{form} {rng.choice(COMPANY_TRADES)} {rng.choice(COMPANY_WORDS)}"
        tax_code = self.tax_code()
        zone = rng.random() < 0.25 and form.startswith("Công ty")
        zone_name = (
            f"KCN {rng.choice(['Phước Đông', 'Trảng Bàng', 'Thạnh Đức', 'Long Hậu', 'Tân Đức'])}" if zone else ""
        )
        size = rng.choices(*SIZE_BANDS)[0] if form != "Hộ kinh doanh" else "lt10"
        phone = f"0{rng.choice(['276', '272', '28', '9', '3', '7'])}{rng.randint(1_000_000, 9_999_999)}"
        search = fold(" ".join(p for p in (name, tax_code, zone_name, phone) if p))
        return (
            next(self.ids),
            name,
            tax_code,
            "mst10",
            self.type_ids[type_code],
            rng.choice(self.industry_ids),
            place.commune_id,
            f"Số {rng.randint(1, 300)}",
            zone,
            zone_name,
            size,
            "",
            phone,
            "",
            type_code != "ho_kinh_doanh" or rng.random() < 0.5,
            search,
            self.now,
            self.now,
        )
