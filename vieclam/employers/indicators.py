"""Counting rules of employers, for the indicator catalogue: employers recorded in the period, and employers that
registered a vacancy in the period (once each), both in the employer's commune."""

from __future__ import annotations

from django.db.models import Q

from vieclam.indicators.rules import RecordRule, rule_register


def _employers():
    from vieclam.employers.models import Employer

    return Employer.objects.all()


def _vacancies():
    from vieclam.vacancies.models import Vacancy

    return Vacancy.objects.all()


rule_register(RecordRule("employers_registered", _employers, commune="commune_id", date="created_at__date",
                         recorded="created_at"))  # fmt: skip
rule_register(
    RecordRule(
        "employers_with_vacancies",
        _vacancies,
        commune="employer__commune_id",
        date="created_at__date",
        recorded="created_at",
        distinct="employer_id",
        where=~Q(status="draft"),
    )
)
