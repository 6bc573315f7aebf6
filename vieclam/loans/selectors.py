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


# The catalogue rows of the loan line of a report ("198 dự án vay vốn, giải ngân hơn 17 tỷ đồng, tạo việc làm cho
# 277 lao động"): projects disbursed, money disbursed (đồng), workers the checks verified.
LINE_INDICATORS = ("vay_von_du_an_giai_ngan", "vay_von_so_tien_giai_ngan", "vay_von_lao_dong_tao_viec_lam")
BILLION = 1_000_000_000


def loan_line_figures(*, period, communes=None, as_of=None) -> dict[str, int]:
    """{"projects", "amount" (đồng), "billions" (whole tỷ đồng, rounded down: "hơn 17 tỷ"), "workers"} of the
    area's loans in the period, counted by the catalogue's rules (indicators.engine)."""
    from vieclam.indicators.engine import Calculator
    from vieclam.indicators.models import Indicator

    calc = Calculator(communes=communes, as_of=as_of)
    rows = {row.code: row for row in Indicator.objects.filter(code__in=LINE_INDICATORS)}
    projects, amount, workers = (int(calc.figure(rows[code], period).value or 0) for code in LINE_INDICATORS)
    return {"projects": projects, "amount": amount, "billions": amount // BILLION, "workers": workers}


def loan_line_text(*, period, communes=None, as_of=None) -> str:
    """The loan line of a report in words, as the districts write it."""
    from django.utils.translation import gettext as _

    from vieclam.indicators.formats import number_text

    figures = loan_line_figures(period=period, communes=communes, as_of=as_of)
    more = _("hơn ") if figures["amount"] > figures["billions"] * BILLION else ""
    line = _("{projects} dự án vay vốn, giải ngân {more}{billions} tỷ đồng, tạo việc làm cho {workers} lao động")
    return line.format(
        projects=number_text(figures["projects"]), more=more, billions=number_text(figures["billions"]),
        workers=number_text(figures["workers"]),
    )  # fmt: skip
