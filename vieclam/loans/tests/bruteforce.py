"""The loan rules counted the slow, obvious way (plain Python over every row), for the indicator tests
(indicators/tests/test_rules.py BRUTE and loans/tests/test_indicators.py). Nothing here is shared with the engine."""

from __future__ import annotations

from collections import defaultdict

from vieclam.loans.models import LoanEvent, LoanJobPerson


def _known(moment, as_of) -> bool:
    return as_of is None or (moment is not None and moment <= as_of)


def _within(day, period) -> bool:
    return day is not None and period.start <= day <= period.end


def _group(loan, by) -> str:
    if by is None:
        return ""
    return loan.borrower_kind or "_"


def bf_loans(kind: str, *, what: str):
    """what: "loans" (distinct loans), "amount" (sum of amounts) or "workers" (sum of workers)."""

    def count(period, as_of, by):
        sums: dict = defaultdict(int)
        loans: dict = defaultdict(set)
        for event in LoanEvent.objects.select_related("loan"):
            if event.kind != kind or not _within(event.on, period) or not _known(event.recorded_at, as_of):
                continue
            cell = (event.loan.commune_id, _group(event.loan, by))
            if what == "loans":
                loans[cell].add(event.loan_id)
            else:
                sums[cell] += (event.amount if what == "amount" else event.workers) or 0
        out = {cell: len(ids) for cell, ids in loans.items()}
        out.update({cell: n for cell, n in sums.items() if n})
        return out

    return count


def loan_start_persons(period, as_of) -> set[int]:
    """The persons a jobs check of the period named (a start of "lao động được giải quyết việc làm")."""
    found = set()
    for row in LoanJobPerson.objects.select_related("jobs_check"):
        if _within(row.jobs_check.on, period) and _known(row.jobs_check.recorded_at, as_of):
            found.add(row.person_id)
    return found


BRUTE_LOANS = {
    "loans_disbursed": bf_loans("giai_ngan", what="loans"),
    "loans_disbursed_amount": bf_loans("giai_ngan", what="amount"),
    "loans_jobs_created": bf_loans("kiem_tra_viec_lam", what="workers"),
}
