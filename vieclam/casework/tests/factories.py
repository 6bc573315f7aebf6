"""Case-work records made through the real services."""

from __future__ import annotations

import datetime as dt

from vieclam.casework import services
from vieclam.casework.selectors import channel_list, topic_list, unit_kind_list
from vieclam.seekers.tests.factories import make_person

__all__ = ("channel", "make_group", "make_person", "make_session", "topics")


def topics(*codes: str) -> list:
    return list(topic_list().filter(code__in=codes or ("tim_viec_lam",)))


def channel(code: str = "tai_trung_tam"):
    return channel_list().get(code=code)


def unit_kind(code: str = "xa_phuong"):
    return unit_kind_list().get(code=code)


def make_session(actor, person, *, held_on: dt.date | None = None, **data):
    values = {
        "person": person,
        "held_on": held_on or dt.date(2026, 3, 2),
        "topics": topics(*data.pop("topic_codes", ("tim_viec_lam",))),
        "channel": channel(data.pop("channel_code", "tai_trung_tam")),
        **data,
    }
    return services.session_create(actor=actor, data=values)


def make_group(actor, *, commune: str = "25459", headcount: int = 40, held_on: dt.date | None = None, **data):
    values = {
        "held_on": held_on or dt.date(2026, 3, 5),
        "commune": commune,
        "unit_kind": unit_kind(data.pop("unit_code", "xa_phuong")),
        "topics": topics(*data.pop("topic_codes", ("tim_viec_lam",))),
        "headcount": headcount,
        **data,
    }
    return services.group_session_create(actor=actor, data=values)
