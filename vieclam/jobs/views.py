"""Pages of background jobs: the list, a job's page with its live progress (HTMX polls a fragment), cancel, resume."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import staff_required
from vieclam.jobs import selectors, services
from vieclam.jobs.choices import FINISHED, RESUMABLE
from vieclam.jobs.registry import job_kinds

PER_PAGE = 50


def _context(job) -> dict:
    state = job.shown_state
    return {"job": job, "live": state not in FINISHED, "can_resume": state in RESUMABLE,
            "can_cancel": state not in FINISHED}  # fmt: skip


@login_required
def job_list(request):
    page = BoundedPaginator(selectors.job_list(viewer=request.user), PER_PAGE).get_page(request.GET.get("page"))
    startable = job_kinds(startable=True) if request.user.is_staff_role else []
    return render(request, "jobs/job_list.html", {"page": page, "startable": startable})


@require_POST
@staff_required
def job_start(request):
    """Start a kind that needs no parameters (e.g. counting the indicators ahead), for the officer's area."""
    kind = request.POST.get("kind", "")
    if kind not in dict(job_kinds(startable=True)):
        messages.error(request, str(services.NO_SUCH_KIND).format(kind=kind))
        return redirect("jobs:job_list")
    return redirect(services.job_enqueue(actor=request.user, kind=kind))


@login_required
def job_detail(request, pk: int):
    job = selectors.job_get(viewer=request.user, pk=pk)
    return render(request, "jobs/job_detail.html", _context(job))


@login_required
def job_progress(request, pk: int):
    """The fragment HTMX swaps in every second while the job runs; once finished it stops polling."""
    job = selectors.job_get(viewer=request.user, pk=pk)
    return render(request, "jobs/_progress.html", _context(job))


@require_POST
@login_required
def job_cancel(request, pk: int):
    job = selectors.job_get(viewer=request.user, pk=pk)
    try:
        services.job_cancel(actor=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã yêu cầu hủy: công việc dừng sau lô đang chạy."))
    return redirect(job)


@require_POST
@login_required
def job_resume(request, pk: int):
    job = selectors.job_get(viewer=request.user, pk=pk)
    try:
        services.job_resume(actor=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xếp hàng lại: công việc tiếp tục từ dòng {done}.").format(done=job.done))
    return redirect(job)
