"""Test data built through the real services (so scoped and audited like any vacancy)."""

from __future__ import annotations

import datetime as dt

from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.employers.tests.factories import commune, make_employer
from vieclam.vacancies import services
from vieclam.vacancies.models import Vacancy


def occupation(code: str = "2411") -> Occupation:
    return Occupation.objects.get(code=code)


def in_days(days: int) -> dt.date:
    return today() + dt.timedelta(days=days)


def make_vacancy(actor, *, employer=None, commune_code: str = "25459", **data) -> Vacancy:
    """A vacancy of `employer` (when not given, a new one made by `actor` in the workplace commune)."""
    values = {
        "employer": employer or make_employer(actor, commune_code=commune_code),
        "title": "Kế toán tổng hợp",
        "occupation": occupation(),
        "positions_count": 2,
        "workplace_commune": commune(commune_code),
        "pay_min": 8_000_000,
        "pay_max": 12_000_000,
        "deadline": in_days(30),
        **data,
    }
    return services.vacancy_create(actor=actor, data=values)
