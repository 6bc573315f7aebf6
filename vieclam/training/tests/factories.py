"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt
import itertools

from vieclam.codelists.models import Occupation
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.tests.factories import make_person
from vieclam.training import services
from vieclam.training.models import Course, Provider, TrainingClass

_serial = itertools.count(1)
START = dt.date(2026, 3, 2)


def commune(code: str = "25459") -> AdministrativeUnit:
    return AdministrativeUnit.objects.current().get(level="commune", code=code)


def occupation(index: int = 0) -> Occupation:
    return Occupation.objects.filter(level=4).order_by("code")[index]


def a_person(actor, *, commune_code: str = "25459", born: dt.date = dt.date(1995, 5, 5), sex: str = "female", **extra):
    name = extra.pop("name", None) or f"Trần Thị Học {next(_serial)}"
    return make_person(actor, name=name, national_id=None, born=born, sex=sex, commune=commune_code, **extra)


def make_provider(actor, *, occupations=None, commune_code: str = "25459", **data) -> Provider:
    values = {"name": f"Trung tâm GDNN {next(_serial)}", "kind": "public_centre", "commune": commune(commune_code),
              "occupations": occupations if occupations is not None else [occupation()], **data}  # fmt: skip
    return services.provider_create(actor=actor, data=values)


def make_course(actor, *, field: str = "phi_nong_nghiep", level: str = "so_cap", **data) -> Course:
    values = {"name": data.pop("name", "May công nghiệp"), "occupation": occupation(), "level": level,
              "field": field, "duration_days": 60, "cost_norm": 4_000_000, **data}  # fmt: skip
    return services.course_create(actor=actor, data=values)


def make_class(actor, *, course=None, provider=None, commune_code: str = "25459", **data) -> TrainingClass:
    values = {
        "course": course or make_course(actor),
        "provider": provider or make_provider(actor, commune_code=commune_code),
        "venue_commune": commune(commune_code),
        "start_date": START,
        "end_date": START + dt.timedelta(days=60),
        "capacity": 30,
        "funding": "supported",
        **data,
    }
    return services.class_create(actor=actor, data=values)
