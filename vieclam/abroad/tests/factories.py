"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt
import itertools

from vieclam.abroad import services
from vieclam.abroad.choices import JourneyState
from vieclam.abroad.models import Country, Journey, Programme, ServiceEnterprise
from vieclam.connections.tests.factories import a_person

_serial = itertools.count(1)
D = dt.date

__all__ = ("a_person", "depart", "make_enterprise", "make_journey", "make_programme")


def make_enterprise(actor, **data) -> ServiceEnterprise:
    n = next(_serial)
    values = {"name": f"Công ty CP Cung ứng nhân lực Quốc tế {n}", "tax_code": f"03{n:08d}",
              "licence_number": f"{n}/LĐTBXH-GP", "licence_date": D(2021, 3, 1), **data}  # fmt: skip
    return services.enterprise_create(actor=actor, data=values)


def make_programme(actor, *, enterprise=None, country: str = "JP", **data) -> Programme:
    values = {"name": "Thực tập sinh chế biến thực phẩm", "enterprise": enterprise or make_enterprise(actor),
              "country": Country.objects.get(code=country), "foreign_employer": "Kabushiki Kaisha Sato",
              "contract_months": 36, "worker_cost": 100_000_000, "service_fee": 20_000_000,
              "opened_on": D(2022, 1, 1), **data}  # fmt: skip
    return services.programme_create(actor=actor, data=values)


def registry_keeper(actor):
    """Who keeps the enterprise and programme registries: the actor, or the cast's administrator for an officer
    of a commune (who may register people but not programmes)."""
    from vieclam.abroad.services import REGISTRY_ROLES
    from vieclam.accounts.models import User

    return actor if actor.role in REGISTRY_ROLES else User.objects.get(username="admin")


def make_journey(actor, *, person=None, programme=None, registered_on: dt.date | None = None, **data) -> Journey:
    registered_on = registered_on or D(2023, 1, 10)
    programme = programme or make_programme(registry_keeper(actor))
    values = {"person": person or a_person(actor), "programme": programme,
              "registered_on": registered_on, **data}  # fmt: skip
    return services.journey_register(actor=actor, data=values)


def depart(actor, journey: Journey, on: dt.date, *, signed: dt.date | None = None) -> Journey:
    """Selected, trained, contract signed and departed: the steps before a departure, a few days apart."""
    signed = signed or on - dt.timedelta(days=10)
    steps = [(JourneyState.SELECTED, signed - dt.timedelta(days=20)),
             (JourneyState.TRAINING, signed - dt.timedelta(days=15)),
             (JourneyState.CONTRACT, signed), (JourneyState.DEPARTED, on)]  # fmt: skip
    for state, day in steps:
        journey = services.journey_advance(
            actor=actor, journey=journey, state=state, on=max(day, journey.registered_on)
        )
    return journey
