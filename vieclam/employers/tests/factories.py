"""Test data built through the real service (so scoped and audited like any employer), and valid tax codes."""

from __future__ import annotations

import itertools

from vieclam.codelists.models import CodeItem
from vieclam.employers import services
from vieclam.employers.choices import EMPLOYER_TYPES_LIST
from vieclam.employers.models import Employer
from vieclam.employers.taxcode import check_digit
from vieclam.places.models import AdministrativeUnit

_sequence = itertools.count(3_100_000)


def valid_tax_code() -> str:
    """A fresh 10-digit tax code with a correct check digit."""
    while True:
        first_nine = f"{next(_sequence):09d}"
        digit = check_digit(first_nine)
        if digit is not None:
            return f"{first_nine}{digit}"


def commune(code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=code)


def employer_type(code: str = "dn_ngoai_nha_nuoc") -> CodeItem:
    return CodeItem.objects.get(code_list__slug=EMPLOYER_TYPES_LIST, code=code)


def make_employer(actor, *, commune_code: str = "25459", **data) -> Employer:
    values = {
        "name": "Công ty TNHH Mẫu",
        "tax_code": valid_tax_code(),
        "employer_type": employer_type(),
        "commune": commune(commune_code),
        **data,
    }
    return services.employer_create(actor=actor, data=values)
