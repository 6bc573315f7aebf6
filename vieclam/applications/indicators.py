"""Counting rules of applications and referrals ("giới thiệu việc làm", TT 11/2022 Điều 16), for the catalogue.

An application is placed in a period by the day it was made (`created_at`, Vietnam time) and in the commune where
its person lives. "lượt" count applications; "người" count persons once per period.
"""

from __future__ import annotations

from django.db.models import Q

from vieclam.applications.choices import ApplicationChannel
from vieclam.indicators.dims import dimension_choices_add, person_dims
from vieclam.indicators.rules import RecordRule, rule_register


def _applications():
    from vieclam.applications.models import Application

    return Application.objects.all()


dimension_choices_add("channel", ApplicationChannel)
PERSON = "person__residence_commune_id"
DIMS = {**person_dims("person__"), "channel": "channel"}
REFERRED = Q(channel=ApplicationChannel.REFERRED)

for name, where, distinct in (
    ("applications", Q(), None),
    ("applications_persons", Q(), "person_id"),
    ("referrals", REFERRED, None),
    ("referrals_persons", REFERRED, "person_id"),
):
    rule_register(
        RecordRule(
            name,
            _applications,
            commune=PERSON,
            date="created_at__date",
            recorded="created_at",
            distinct=distinct,
            where=where,
            dims=DIMS,
        )
    )
