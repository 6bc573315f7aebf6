"""Writes of background jobs: enqueue, cancel, resume. The huey task is sent when the transaction commits, so
the worker never looks for a job row that is not there yet."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.jobs.choices import RESUMABLE, JobState
from vieclam.jobs.models import Job
from vieclam.jobs.registry import job_kind

__all__ = ("job_cancel", "job_enqueue", "job_resume")

FIELDS = ["state", "cancel_requested"]
NO_SUCH_KIND = _("Loại công việc không có: {kind}.")
KIND_GONE = _("Loại công việc không còn: {kind}.")
NOT_RUNNING = _("Công việc này không còn chạy, không hủy được.")
NOT_RESUMABLE = _("Chỉ tiếp tục được công việc bị lỗi, đã hủy hoặc bị gián đoạn.")


def _send(job: Job) -> None:
    from vieclam.jobs.tasks import job_run_task

    job_id, attempt = job.pk, job.attempt
    transaction.on_commit(lambda: job_run_task(job_id, attempt))


def _default_area(actor) -> Any:
    """A staff member's job belongs to their (first) area, so they and their colleagues there see it."""
    if getattr(actor, "is_authenticated", False) and getattr(actor, "is_staff_role", False):
        return actor.areas.order_by("level", "pk").first()
    return None


@transaction.atomic
def job_enqueue(
    *, actor, kind: str, params: dict | None = None, total: int | None = None, area=None, title: str = ""
) -> Job:
    """A new job of a registered kind, queued for the worker once this transaction commits."""
    registered = job_kind(kind)
    if registered is None:
        raise ValidationError({"kind": str(NO_SUCH_KIND).format(kind=kind)})
    job = Job.objects.create(
        kind=kind,
        title=(title or str(registered.label))[:200],
        params=params or {},
        total=total,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        area=area or _default_area(actor),
    )
    audit_record(actor=actor, action=AuditAction.CREATE, instance=job, changes={"kind": kind}, area=job.area)
    _send(job)
    return job


@transaction.atomic
def job_cancel(*, actor, job: Job) -> Job:
    """Ask the job to stop: a queued job ends now; a running one after its current batch (which commits whole)."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.state not in (JobState.QUEUED, JobState.RUNNING):
        raise ValidationError(NOT_RUNNING)
    before = snapshot(job, FIELDS)
    job.cancel_requested = True
    if job.state == JobState.QUEUED or job.stale:
        job.state, job.finished_at = JobState.CANCELLED, timezone.now()
    job.save(update_fields=["cancel_requested", "state", "finished_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=job, changes=diff(before, snapshot(job, FIELDS)), area=job.area
    )
    return job


@transaction.atomic
def job_resume(*, actor, job: Job) -> Job:
    """Queue a failed, cancelled or interrupted job again: a new attempt continues after its last whole batch."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.shown_state not in RESUMABLE:
        raise ValidationError(NOT_RESUMABLE)
    if job_kind(job.kind) is None:
        raise ValidationError(str(KIND_GONE).format(kind=job.kind))
    Job.objects.filter(pk=job.pk).update(
        state=JobState.QUEUED, attempt=F("attempt") + 1, cancel_requested=False, finished_at=None
    )
    job.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=job, changes={"resume": job.done}, area=job.area)
    _send(job)
    return job
