"""Counting rules of vacancies (TT 11/2022 Mẫu 01, "việc tìm người"), for the indicator catalogue.

A vacancy is placed in a period by the day it was recorded at the exchange (`created_at`, Vietnam time) and in its
workplace commune. Drafts never opened are not vacancies yet. "Open at the end" and "filled" read the status
history of the audit trail (indicators.statuses).
"""

from __future__ import annotations

from django.db.models import Q

from vieclam.indicators.dims import occupation_group
from vieclam.indicators.rules import RecordRule, rule_register
from vieclam.indicators.statuses import StatusOnDayRule, StatusReachedRule
from vieclam.vacancies.choices import VacancyStatus


def _vacancies():
    from vieclam.vacancies.models import Vacancy

    return Vacancy.objects.all()


WORKPLACE = "workplace_commune_id"
DIMS = {"occupation_group": occupation_group("occupation")}
NOT_DRAFT = ~Q(status=VacancyStatus.DRAFT)

for name, total in (("vacancies_registered", None), ("vacancy_positions_registered", "positions_count")):
    rule_register(
        RecordRule(
            name,
            _vacancies,
            commune=WORKPLACE,
            date="created_at__date",
            recorded="created_at",
            total=total,
            where=NOT_DRAFT,
            dims=DIMS,
        )
    )

OPEN = frozenset({VacancyStatus.OPEN})
for name, total in (("vacancies_open", None), ("vacancy_positions_open", "positions_count")):
    rule_register(
        StatusOnDayRule(
            name, _vacancies, commune=WORKPLACE, date="created_at__date", statuses=OPEN, total=total, dims=DIMS
        )  # fmt: skip
    )

FILLED = frozenset({VacancyStatus.FILLED})
for name, total in (("vacancies_filled", None), ("vacancy_positions_filled", "positions_count")):
    rule_register(StatusReachedRule(name, _vacancies, commune=WORKPLACE, statuses=FILLED, total=total, dims=DIMS))
