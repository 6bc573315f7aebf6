"""Counting rules of job-seeker profiles (TT 11/2022 Mẫu 02), for the indicator catalogue.

A profile is placed in a period by its registration date (`registered_on`) and in the commune where its person
lives; a person counts once per period however many profiles qualify.
"""

from __future__ import annotations

from vieclam.indicators.dims import person_dims
from vieclam.indicators.rules import RecordRule, rule_register
from vieclam.indicators.statuses import StatusOnDayRule
from vieclam.seekers.choices import ProfileStatus


def _profiles():
    from vieclam.seekers.models import JobSeekerProfile

    return JobSeekerProfile.objects.all()


PERSON = "person__residence_commune_id"

rule_register(
    RecordRule(
        "seekers_registered",
        _profiles,
        commune=PERSON,
        date="registered_on",
        recorded="created_at",
        distinct="person_id",
        dims=person_dims("person__"),
    )
)
# Profiles registered by the period's last day and still looking for work on it ("đang tìm việc"): the status on that
# day is replayed from the audit trail (indicators.statuses). A person has at most one active profile at a time.
rule_register(
    StatusOnDayRule(
        "seekers_open",
        _profiles,
        commune=PERSON,
        date="registered_on",
        statuses=frozenset({ProfileStatus.ACTIVE}),
        dims=person_dims("person__"),
    )
)
