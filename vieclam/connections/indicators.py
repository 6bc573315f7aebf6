"""Counting rules of the checks after a successful connection (theo dõi sau kết nối), for the catalogue; the
connections themselves are counted by indicators.catalogue ("connections_persons").

A check is placed in a period by the day it was made (`checked_on`) and in the commune where the person lives;
a person counts once per period however many checks they had.
"""

from __future__ import annotations

from django.db.models import Q

from vieclam.connections.choices import IN_WORK_RESULTS, ConnectionSource, FollowUpStatus
from vieclam.indicators.dims import dimension_choices_add, person_dims
from vieclam.indicators.rules import RecordRule, rule_register


def _follow_ups():
    from vieclam.connections.models import FollowUp

    return FollowUp.objects.all()


dimension_choices_add("channel", ConnectionSource)  # connections_persons' channel: the connection's source
DONE = Q(status=FollowUpStatus.DONE)
for name, where in (
    ("followups_done_persons", DONE),
    ("followups_in_work_persons", DONE & Q(result__in=sorted(IN_WORK_RESULTS))),
):
    rule_register(
        RecordRule(
            name,
            _follow_ups,
            commune="person__residence_commune_id",
            date="checked_on",
            recorded="recorded_at",
            distinct="person_id",
            where=where,
            dims=person_dims("person__"),
        )
    )
