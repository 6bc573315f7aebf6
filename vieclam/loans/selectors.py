"""Reads of loans, always through the viewer's scope (the borrower's commune), and the loan line of a report."""

from __future__ import annotations

from django.db.models import QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.dates import today
from vieclam.loans.models import Loan, LoanEvent, PriorityGroup

__all__ = ("loan_events", "loan_get", "loan_list", "priority_group_list")

LIST_RELATED = ("person", "employer", "commune", "priority_group", "policy")


def loan_list(*, viewer) -> QuerySet[Loan]:
    """Loans of borrowers in the viewer's areas, newest application first."""
    rows = Loan.objects.select_related(*LIST_RELATED)
    return scope_queryset(rows, viewer).order_by("-applied_on", "-pk")


def loan_get(*, viewer, pk: int) -> Loan:
    """One loan, or Http404 when it does not exist or its borrower is outside the viewer's areas."""
    return get_scoped_or_404(Loan.objects.select_related(*LIST_RELATED, "recorded_by"), viewer, pk=pk)


def loan_events(loan: Loan) -> list[LoanEvent]:
    """The loan's steps in order, with the persons a jobs check named (two queries)."""
    return list(loan.events.select_related("recorded_by").prefetch_related("job_persons__person").order_by("on", "pk"))


def priority_group_list(*, on=None) -> list[PriorityGroup]:
    """Priority groups in force on `on` (today)."""
    day = on or today()
    return [group for group in PriorityGroup.objects.order_by("order", "code") if group.is_valid_on(day)]
