"""The loans on a person's timeline (core.timeline): loans the person took, as a worker or for their household
business, each with its latest step, newest first."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.core.money import format_amount
from vieclam.core.timeline import TimelineEntry
from vieclam.loans.choices import BUSINESS_KINDS, BorrowerKind, LoanStatus
from vieclam.loans.models import Loan, LoanJobPerson

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


JOB_FIELDS = (
    "jobs_check__on", "jobs_check__loan_id", "jobs_check__loan__borrower_kind", "jobs_check__loan__person__full_name",
    "jobs_check__loan__employer__name", "jobs_check__recorded_by__username",
)  # fmt: skip


def loan_job_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The jobs checks that named the person as given work by a loan (theirs or an establishment's)."""
    rows = (
        LoanJobPerson.objects.filter(person=person)
        .values_list(*JOB_FIELDS)
        .order_by("-jobs_check__on", "-jobs_check_id")[:limit]
    )
    entries = []
    for on, loan_id, kind, person_name, employer_name, username in rows:
        borrower = employer_name if kind in BUSINESS_KINDS and employer_name else person_name
        entries.append(
            TimelineEntry(
                at=on,
                kind="loan_job",
                title=_("Có việc làm từ vốn vay tạo việc làm của {borrower}").format(borrower=borrower or ""),
                detail=_("Kiểm tra ngày {day}").format(day=date_format(on, "d/m/Y")),
                actor=username or "",
                url=reverse("loans:loan_detail", args=[loan_id]),
            )
        )
    return entries
