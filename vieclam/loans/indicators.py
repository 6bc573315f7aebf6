"""Counting rules of job-creation loans for the catalogue, and the loans' source of "lao động được giải quyết việc
làm" (indicators.starts).

A loan is placed in the borrower's commune. "Dự án vay vốn được giải ngân": distinct loans with a disbursement in
the period. "Số tiền giải ngân": the disbursements of the period, in đồng. "Lao động được tạo việc làm": the workers
the jobs checks of the period verified (one check a loan: a loan counts once). A person a check names is a start
on the day of the check.
"""

from __future__ import annotations

from django.db.models import BooleanField, F, Q, Value
from django.utils.translation import gettext_lazy as _

from vieclam.indicators.dims import dimension_register
from vieclam.indicators.rules import RecordRule, rule_register
from vieclam.indicators.starts import in_communes, start_source_register
from vieclam.loans.choices import BorrowerKind, EventKind

dimension_register("borrower_kind", _("Đối tượng vay"), BorrowerKind)


def _events():
    from vieclam.loans.models import LoanEvent

    return LoanEvent.objects.all()


DIMS = {"borrower_kind": "loan__borrower_kind"}
DISBURSED = Q(kind=EventKind.DISBURSEMENT)
for name, where, extra in (
    ("loans_disbursed", DISBURSED, {"distinct": "loan_id"}),
    ("loans_disbursed_amount", DISBURSED, {"total": "amount"}),
    ("loans_jobs_created", Q(kind=EventKind.JOBS_CHECK), {"total": "workers"}),
):
    rule_register(
        RecordRule(
            name, _events, commune="loan__commune_id", date="on", recorded="recorded_at", where=where, dims=DIMS,
            **extra,
        )
    )  # fmt: skip


def loan_starts(*, period, communes, as_of):
    """The persons a jobs check named, on the day of the check, where they live."""
    from vieclam.loans.models import LoanJobPerson

    rows = LoanJobPerson.objects.filter(jobs_check__on__gte=period.start, jobs_check__on__lte=period.end)
    rows = rows.filter(in_communes("person__residence_commune", communes))
    if as_of is not None:
        rows = rows.filter(jobs_check__recorded_at__lte=as_of)
    return rows.annotate(_day=F("jobs_check__on"), _abroad=Value(False, output_field=BooleanField()))


start_source_register("loans", loan_starts)
