"""Staff pages of vacancy imports: upload → preview of every row → confirm; and the template to fill in."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import staff_required
from vieclam.imports import selectors, services
from vieclam.imports.choices import BatchStatus, Outcome
from vieclam.imports.forms import ImportUploadForm
from vieclam.imports.report import ImportReport
from vieclam.imports.sources import TEMPLATE_EXAMPLE, TEMPLATE_HEADERS

ROWS_PER_PAGE = 100


def import_required(view):
    """Staff who may import (services.can_import): others get 403 with the reason."""

    @functools.wraps(view)
    @staff_required
    def wrapped(request, *args, **kwargs):
        if not services.can_import(request.user):
            raise PermissionDenied(services.NOT_ALLOWED)
        return view(request, *args, **kwargs)

    return wrapped


@import_required
def batch_upload(request):
    """The upload form and the officer's recent batches; a valid upload is previewed, nothing written yet."""
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.import_batch_preview(
                actor=request.user,
                filename=upload.name,
                content=upload.read(),
                source=form.cleaned_data["source"],
                skip_errors=form.cleaned_data["skip_errors"],
            )
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            return redirect(batch)
    batches = selectors.import_batch_list(viewer=request.user)[:20]
    context = {"form": form, "batches": batches, "headers": TEMPLATE_HEADERS, "example": TEMPLATE_EXAMPLE}
    return render(request, "imports/batch_upload.html", context)


@import_required
def batch_detail(request, pk: int):
    """A batch's rows: occupation code and confidence, pay read, place, employer; errors and flags highlighted."""
    batch = selectors.import_batch_get(viewer=request.user, pk=pk)
    report = ImportReport.from_dict(batch.report)
    problems = request.GET.get("show") == "problems"
    rows = [r for r in report.rows if r.errors or r.flags] if problems else report.rows
    page = BoundedPaginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    for row in page:
        row.deadline_day = dt.date.fromisoformat(row.deadline) if row.deadline else None
    context = {
        "batch": batch,
        "report": report,
        "page": page,
        "problems": problems,
        "query": "show=problems" if problems else "",
        "can_commit": batch.status == BatchStatus.PREVIEWED
        and batch.created_by_id == request.user.pk
        and (batch.skip_errors or not batch.error_count),
        "outcomes": Outcome,
    }
    return render(request, "imports/batch_detail.html", context)


@require_POST
@import_required
def batch_commit(request, pk: int):
    """Confirm a previewed batch: the file is checked again and written (all or nothing unless skip_errors)."""
    batch = selectors.import_batch_get(viewer=request.user, pk=pk)
    try:
        report = services.import_batch_commit(actor=request.user, batch=batch)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(batch)
    counts = report.counts
    if report.committed:
        text = _("Đã nhập: {created} việc tìm người mới, {present} đã có, {errors} dòng lỗi bỏ qua.")
        messages.success(request, text.format(**counts))
    else:
        text = _("Chưa ghi gì: {errors} dòng có lỗi (dữ liệu đã thay đổi từ lúc xem trước). Sửa tệp rồi tải lên lại.")
        messages.error(request, text.format(**counts))
    return redirect(batch)


@import_required
def template_csv(request):
    """Our template: the header row and one example row, as CSV UTF-8 with a BOM so Excel reads the accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(header) for header in TEMPLATE_HEADERS.values()])
    writer.writerow([TEMPLATE_EXAMPLE[field] for field in TEMPLATE_HEADERS])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-viec-tim-nguoi.csv"'
    return response
