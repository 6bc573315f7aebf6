"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt
import itertools

from vieclam.connections import services
from vieclam.connections.models import Connection
from vieclam.core.dates import today
from vieclam.employers.tests.factories import make_employer
from vieclam.seekers.tests.factories import make_person

_serial = itertools.count(1)


def months_ago(months: int) -> dt.date:
    from vieclam.connections.rules import add_months

    return add_months(today(), -months)


def a_person(actor, *, commune: str = "25459", name: str | None = None, **extra):
    return make_person(actor, name=name or f"Nguyễn Văn Thử {next(_serial)}", national_id=None, commune=commune,
                       **extra)  # fmt: skip


def make_connection(actor, *, person=None, employer=None, commune: str = "25459", **data) -> Connection:
    values = {
        "person": person or a_person(actor, commune=commune),
        "employer": employer or make_employer(actor, commune_code=commune, name="Công ty May Tân Ninh"),
        "contract_type": "xac_dinh_12_den_36_thang",
        "start_date": months_ago(8),
        "funding_source": "mtqg",
        "social_insurance": True,
        **data,
    }
    return services.connection_create(actor=actor, data=values)
