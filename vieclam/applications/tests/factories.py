"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt
import itertools

from vieclam.applications import selfservice
from vieclam.conftest import PASSWORD
from vieclam.employers.tests.factories import commune, employer_type, valid_tax_code
from vieclam.people.models import Person
from vieclam.vacancies.tests.factories import make_vacancy

_serial = itertools.count(1)

# (CCCD, date of birth, sex) whose digits agree: 080 = old Long An, 4th digit century + sex, 5–6 year.
HOA = ("080195001234", dt.date(1995, 5, 10), "female")
MINH = ("080096004321", dt.date(1996, 8, 2), "male")
LAN = ("001198007777", dt.date(1998, 1, 20), "female")


def make_worker(username: str, *, identity=HOA, name: str = "Lê Thị Hoa", commune_code: str = "25459"):
    """A worker account with its own Person (through the self-service sign-up)."""
    nid, born, sex = identity
    data = {"full_name": name, "national_id": nid, "date_of_birth": born, "sex": sex, "phone": "0912345678"}
    user = selfservice.worker_register(username=username, password=PASSWORD, commune=commune(commune_code), data=data)
    user.refresh_from_db()
    return user


def person_of(user) -> Person:
    return Person.objects.get(account=user)


def make_employer_account(username: str, *, name: str = "Công ty May Tân Ninh", commune_code: str = "25459"):
    """An employer account and its Employer (through the self-service sign-up); returns (user, employer)."""
    data = {
        "name": name,
        "tax_code": valid_tax_code(),
        "employer_type": employer_type(),
        "commune": commune(commune_code),
        "phone": "0276 3822 111",
    }
    user = selfservice.employer_register(username=username, password=PASSWORD, data=data)
    return user, user.employers.get()


def open_vacancy(actor, employer, **data):
    """An open vacancy of `employer`, recorded by staff `actor`."""
    values = {"title": f"Công nhân may {next(_serial)}", "status": "open", **data}
    return make_vacancy(actor, employer=employer, commune_code=employer.commune.code, **values)
