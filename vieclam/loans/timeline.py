"""The loans on a person's timeline (core.timeline): loans the person took, as a worker or for their household
business, each with its latest step, newest first."""

from __future__ import annotations

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.core.money import format_amount
from vieclam.core.timeline import TimelineEntry
from vieclam.loans.choices import BorrowerKind, LoanStatus
from vieclam.loans.models import Loan

# What an entry shows (the employer's record and the user's are wide).
FIELDS = (
    "borrower_kind", "applied_on", "status", "status_on", "amount_requested", "approved_amount",
    "disbursed_amount", "jobs_created", "purpose", "employer__name", "recorded_by__username",
)  # fmt: skip


def loan_title(loan: Loan) -> str:
    status = str(LoanStatus(loan.status).label).lower()
    if loan.borrower_kind == BorrowerKind.PERSON:
        head = _("Vay vốn tạo việc làm")
    else:
        head = _("Vay vốn tạo việc làm ({kind} {name})").format(
            kind=str(BorrowerKind(loan.borrower_kind).label).lower(), name=loan.employer.name if loan.employer else ""
        )
    return _("{head}: {status} ngày {day}").format(head=head, status=status, day=date_format(loan.status_on, "d/m/Y"))


def loan_detail_text(loan: Loan) -> str:
    parts = [_("Đề nghị {amount} đồng").format(amount=format_amount(loan.amount_requested))]
    if loan.approved_amount is not None:
        parts.append(_("duyệt {amount} đồng").format(amount=format_amount(loan.approved_amount)))
    if loan.disbursed_amount:
        parts.append(_("đã giải ngân {amount} đồng").format(amount=format_amount(loan.disbursed_amount)))
    if loan.jobs_created is not None:
        parts.append(_("tạo việc làm cho {n} lao động").format(n=loan.jobs_created))
    return ", ".join(parts) + f". {loan.purpose}"


def loan_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The person's own loans (as a worker, or as owner of the borrowing household business)."""
    rows = (
        Loan.objects.filter(Q(person=person))
        .select_related("employer", "recorded_by")
        .only(*FIELDS)
        .order_by("-status_on", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=row.status_on,
            kind="loan",
            title=loan_title(row),
            detail=loan_detail_text(row),
            actor=row.recorded_by.username if row.recorded_by else "",
            url=row.get_absolute_url(),
        )
        for row in rows
    ]
