"""Staff pages of reports: the list of the user's areas, "Lập báo cáo", a report with its tables (a submitted
report shows its frozen figures and flags each one that differs now), its workflow buttons and downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.core.audit import history_for
from vieclam.core.reportdoc import cell_text, document_response
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.reporting import selectors, services
from vieclam.reporting.exporters import ReportExporter
from vieclam.reporting.filtersets import ReportFilterSet
from vieclam.reporting.forms import ReportForm


class ReportListView(RegistryListView):
    """Reports of the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.report_list)
    filterset_class = ReportFilterSet
    exporter_class = ReportExporter
    template_name = "reporting/report_list.html"


report_list = ReportListView.as_view()


@staff_required
def report_create(request):
    form = ReportForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        start, end = form.period_dates
        report = call_service(form, lambda: services.report_create(
            actor=request.user, kind=form.cleaned_data["kind"], area=form.cleaned_data["area"],
            period_start=start, period_end=end))  # fmt: skip
        if report is not None:
            messages.success(request, _("Đã lập báo cáo."))
            return redirect(report)
    return render(request, "reporting/report_form.html", {"form": form})


def table_rows(view: selectors.ReportView) -> list[dict]:
    """The document's tables as the page shows them: each cell's text and, when it changed after submission,
    the value now."""
    out = []
    for t, table in enumerate(view.document.tables):
        rows = []
        for r, values in enumerate(table.rows):
            cells = []
            for c, (value, column) in enumerate(zip(values, table.columns, strict=False)):
                cell = {"text": cell_text(value, column), "number": column.kind != "text"}
                if (t, r, c) in view.changes:
                    cell["now"] = cell_text(view.changes[(t, r, c)], column)
                cells.append(cell)
            rows.append({"cells": cells, "total": table.total_row and r == len(table.rows) - 1})
        out.append({"title": table.title, "columns": table.columns, "rows": rows})
    return out


@staff_required
def report_detail(request, pk: int):
    report = selectors.report_get(viewer=request.user, pk=pk)
    view = selectors.report_view(report)
    context = {
        "report": report,
        "document": view.document,
        "tables": table_rows(view),
        "changed": len(view.changes),
        "can_submit": services.can_submit(request.user, report),
        "can_review": services.can_review(request.user, report),
        "history": history_for(report) if request.user.can_view_history else None,
    }
    return render(request, "reporting/report_detail.html", context)


def _step(request, pk: int, call, done: str):
    report = selectors.report_get(viewer=request.user, pk=pk)
    try:
        call(report)
        messages.success(request, done)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(report)


@staff_required
@require_POST
def report_submit(request, pk: int):
    return _step(request, pk, lambda r: services.report_submit(actor=request.user, report=r), _("Đã nộp báo cáo."))


@staff_required
@require_POST
def report_approve(request, pk: int):
    return _step(request, pk, lambda r: services.report_approve(
        actor=request.user, report=r, comment=request.POST.get("comment", "")), _("Đã duyệt báo cáo."))  # fmt: skip


@staff_required
@require_POST
def report_return(request, pk: int):
    return _step(request, pk, lambda r: services.report_return(
        actor=request.user, report=r, comment=request.POST.get("comment", "")), _("Đã trả lại báo cáo."))  # fmt: skip


@staff_required
def report_download(request, pk: int, fmt: str):
    """The report as Excel or PDF: the figures as submitted once submitted, as calculated now before."""
    report = selectors.report_get(viewer=request.user, pk=pk)
    return document_response(selectors.report_document(report), fmt)
