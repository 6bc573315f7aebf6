"""Test data built through the real services (so scoped and audited like any record)."""

from __future__ import annotations

import datetime as dt
import itertools

from vieclam.core.dates import today
from vieclam.fairs import services
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.models import Fair

_serial = itertools.count(1)


def make_fair(actor, *, status: str = FairStatus.OPEN, commune: str = "25459", **data) -> Fair:
    """A fair of `actor`'s commune held today, moved on to `status` through the real transitions."""
    values = {
        "name": f"Phiên giao dịch việc làm lưu động số {next(_serial)}",
        "kind": FairKind.MOBILE,
        "held_on": today(),
        "starts_at": dt.time(7, 30),
        "ends_at": dt.time(11, 30),
        "commune": commune,
        "address": "Hội trường UBND phường",
        "capacity": 100,
        **data,
    }
    fair = services.fair_create(actor=actor, data=values)
    for step in (FairStatus.OPEN, FairStatus.HELD, FairStatus.CLOSED):
        if fair.status == status:
            break
        fair = services.fair_transition(actor=actor, fair=fair, to_status=step)
    return fair


def walk_in(n: int) -> dict:
    """The details of a walk-in worker without a CCCD on them (a new record each time)."""
    return {"full_name": f"Trần Thị Đến {n}", "date_of_birth": dt.date(1995, 5, 1), "sex": "female",
            "residence_commune": "25459", "phone": f"09{n:08d}"}  # fmt: skip
