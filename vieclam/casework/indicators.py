"""Counting rules of counselling (tư vấn việc làm), for the indicator catalogue, in the words of the casework
README: "lượt" are attendances (each individual session, plus each group session's head count), "người" are
distinct persons (the persons of individual sessions and the named attendees of group sessions).

A session is placed in a period by the day it was held (`held_on`); an individual session and a named attendee in
the commune where the person lives, a group session's head count in the commune of the group session.
"""

from __future__ import annotations

from django.db.models import Count, Sum

from vieclam.indicators.personsets import PERSON_DIMS, count_persons
from vieclam.indicators.rules import FunctionRule, rule_register
from vieclam.indicators.starts import in_communes


def _in_period(rows, period, as_of, recorded="created_at"):
    rows = rows.filter(held_on__gte=period.start, held_on__lte=period.end)
    return rows if as_of is None else rows.filter(**{f"{recorded}__lte": as_of})


def counselling_attendances(*, period, communes, as_of, by):
    from vieclam.casework.models import CounsellingSession, GroupSession

    counts: dict = {}
    sessions = _in_period(CounsellingSession.objects.all(), period, as_of)
    sessions = sessions.filter(in_communes("person__residence_commune", communes))
    for commune, n in sessions.values_list("person__residence_commune_id").order_by().annotate(n=Count("pk")):
        counts[(commune, "")] = counts.get((commune, ""), 0) + n
    groups = _in_period(GroupSession.objects.all(), period, as_of).filter(in_communes("commune", communes))
    for commune, n in groups.values_list("commune_id").order_by().annotate(n=Sum("headcount")):
        counts[(commune, "")] = counts.get((commune, ""), 0) + (n or 0)
    return {k: v for k, v in counts.items() if v}


def counselling_persons(*, period, communes, as_of, by):
    from vieclam.casework.models import CounsellingSession, GroupAttendance

    sessions = _in_period(CounsellingSession.objects.all(), period, as_of)
    attendees = _in_period(GroupAttendance.objects.all(), period, as_of, recorded="session__created_at")
    ids = sessions.values("person_id").order_by().union(attendees.values("person_id").order_by())
    return count_persons(ids, period=period, communes=communes, by=by)


rule_register(FunctionRule("counselling_attendances", counselling_attendances))
rule_register(FunctionRule("counselling_persons", counselling_persons, tuple(PERSON_DIMS)))
