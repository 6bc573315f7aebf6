"""The training rules counted the slow, obvious way (plain Python loops over every row), for the indicator tests:
indicators/tests/test_rules.py adds BRUTE to its table, tests/test_indicators.py compares on training data.

Each function is (period, as_of, by) → {(commune id, group): count}; group is "" without a disaggregation and "_"
for an empty key, as the engine gives them. Nothing here shares code with training.indicators.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from vieclam.connections.models import Connection
from vieclam.people.models import LabourEvent
from vieclam.training.models import Enrolment, TrainingClass


def _known(moment, as_of) -> bool:
    return as_of is None or (moment is not None and moment <= as_of)


def _within(day: dt.date | None, period) -> bool:
    return day is not None and period.start <= day <= period.end


def _key(value) -> str:
    return "_" if value in (None, "") else str(value)


def _counts(found: dict) -> dict:
    return {k: len(v) if isinstance(v, set) else v for k, v in found.items() if v}


def bf_classes(field: str | None):
    def count(period, as_of, by):
        found: dict = defaultdict(int)
        for row in TrainingClass.objects.all():
            if field is not None and row.course.field != field:
                continue
            if _within(row.start_date, period) and _known(row.created_at, as_of):
                group = _key(row.course.field) if by == "training_field" else ""
                found[(row.venue_commune_id, group)] += 1
        return _counts(found)

    return count


def _group(row: Enrolment, by) -> str:
    if by == "training_field":
        return _key(row.training_class.course.field)
    if by == "sex":
        return _key(row.person.sex)
    return ""


def bf_trainees(self_funded_only: bool):
    def count(period, as_of, by):
        found: dict = defaultdict(set)
        for row in Enrolment.objects.all():
            if self_funded_only and row.funding != "self_funded":
                continue
            if _within(row.enrolled_on, period) and _known(row.created_at, as_of):
                found[(row.person.residence_commune_id, _group(row, by))].add(row.person_id)
        return _counts(found)

    return count


def _employed(row: Enrolment) -> bool:
    """A job started from the completion day to six months after it (the 31st → the month's last day)."""
    done = row.completed_on
    month = done.month - 1 + 6
    year, month = done.year + month // 12, month % 12 + 1
    last = 31
    while True:
        try:
            until = dt.date(year, month, min(done.day, last))
            break
        except ValueError:
            last -= 1
    for connection in Connection.objects.filter(person_id=row.person_id):
        if done <= connection.start_date <= until:
            return True
    for event in LabourEvent.objects.filter(person_id=row.person_id):
        started = event.kind == "abroad" or (
            event.kind == "status" and event.changes.get("activity_status") == "co_viec_lam"
        )
        if started and done <= event.effective <= until:
            return True
    return False


def bf_completed(employed_only: bool):
    def count(period, as_of, by):
        found: dict = defaultdict(set)
        for row in Enrolment.objects.all():
            if row.status != "completed" or not _within(row.completed_on, period) or not _known(row.updated_at, as_of):
                continue
            if employed_only and not _employed(row):
                continue
            found[(row.person.residence_commune_id, _group(row, by))].add(row.person_id)
        return _counts(found)

    return count


BRUTE = {
    "training_classes_opened": bf_classes(None),
    "training_classes_agriculture": bf_classes("nong_nghiep"),
    "training_classes_non_agriculture": bf_classes("phi_nong_nghiep"),
    "training_trainees": bf_trainees(self_funded_only=False),
    "training_trainees_self_funded": bf_trainees(self_funded_only=True),
    "training_completed_persons": bf_completed(employed_only=False),
    "training_employed_persons": bf_completed(employed_only=True),
}
