"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt

from vieclam.people.models import Person
from vieclam.people.services import person_create
from vieclam.seekers import services
from vieclam.seekers.models import JobSeekerProfile

# (CCCD, date of birth, sex) pairs whose CCCD digits agree with the birth date and sex (see people/tests).
AN = ("079085012345", dt.date(1985, 3, 1), "male")
BINH = ("001085012345", dt.date(1985, 3, 1), "male")


def make_person(
    actor,
    *,
    name: str = "Nguyễn Văn An",
    national_id: str | None = AN[0],
    born: dt.date = AN[1],
    sex: str = "male",
    commune: str = "25459",
    **extra,
) -> Person:
    data = {"full_name": name, "date_of_birth": born, "sex": sex, "residence_commune": commune, **extra}
    if national_id:
        data["national_id"] = national_id
    return person_create(actor=actor, data=data)[0]


def make_profile(actor, person: Person, **data) -> JobSeekerProfile:
    return services.profile_create(actor=actor, person=person, data={"title": "Kế toán viên", **data})
