"""The worker's side of a job: claim it, run its kind batch by batch, record how it ended.

Each batch is one transaction holding the kind's writes and the job's progress (done, errors, heartbeat). The
progress is written with `attempt` in the WHERE clause: if the job was resumed meanwhile (this worker thought
dead), nothing matches, the batch rolls back and this run stops.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.jobs.choices import JobState
from vieclam.jobs.models import Job
from vieclam.jobs.registry import job_kind

logger = logging.getLogger(__name__)
MAX_MESSAGES = 50  # the first errors are kept for the page; the count goes on
# SQLite has one writer at a time and a waiting writer polls (sleeps of up to 100 ms): a worker starting its next
# batch the instant it commits kept a page's write waiting until its 20 s timeout ("database is locked"). A pause
# longer than one poll between batches lets it in.
SQLITE_GAP_SECONDS = 0.15


class JobStopped(Exception):
    """The job was cancelled, or taken over by a newer attempt: stop after the last whole batch."""


class Batch:
    def __init__(self) -> None:
        self.done = 0
        self.errors: list[str] = []

    def error(self, message: str) -> None:
        """A row refused: it counts as processed (a resume does not retry it) and as an error, the first few kept
        with their reason for the page."""
        self.errors.append(message)


class Progress:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.start = job.done

    def set_total(self, total: int) -> None:
        Job.objects.filter(pk=self.job.pk, attempt=self.job.attempt).update(total=total, heartbeat_at=timezone.now())
        self.job.total = total

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        batch = Batch()
        with transaction.atomic():
            yield batch
            self._record(batch)
        if connection.vendor == "sqlite" and not connection.in_atomic_block:  # inside one (tests) none can wait
            time.sleep(SQLITE_GAP_SECONDS)
        if Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists():
            raise JobStopped

    def _record(self, batch: Batch) -> None:
        job = self.job
        kept = job.messages + batch.errors[: max(0, MAX_MESSAGES - len(job.messages))]
        written = Job.objects.filter(pk=job.pk, attempt=job.attempt, state=JobState.RUNNING).update(
            done=F("done") + batch.done + len(batch.errors),
            errors=F("errors") + len(batch.errors),
            messages=kept,
            heartbeat_at=timezone.now(),
        )
        if not written:
            raise JobStopped  # inside the atomic block: the batch's writes roll back with it
        job.done += batch.done + len(batch.errors)
        job.errors += len(batch.errors)
        job.messages = kept


def job_execute(job_id: int, attempt: int) -> None:
    """Run one attempt of a job; called by the worker's task."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, attempt=attempt, state=JobState.QUEUED, cancel_requested=False).update(
        state=JobState.RUNNING, started_at=now, heartbeat_at=now, finished_at=None
    )
    if not claimed:
        _finish_cancelled(job_id, attempt)
        return
    job = Job.objects.get(pk=job_id)
    kind = job_kind(job.kind)
    try:
        if kind is None:
            raise LookupError(_("Loại công việc không còn: {kind}.").format(kind=job.kind))
        result = kind.run(job, job.params, Progress(job))
    except JobStopped:
        _finish_cancelled(job_id, attempt)
    except Exception as exc:
        logger.exception("job %s failed", job_id)
        _finish(job_id, attempt, JobState.FAILED, messages=[*job.messages, _("Dừng vì lỗi: {error}").format(error=exc)])
    else:
        _finish(job_id, attempt, JobState.DONE, result=result or {})


def _finish(job_id: int, attempt: int, state: str, **fields) -> None:
    Job.objects.filter(pk=job_id, attempt=attempt, state=JobState.RUNNING).update(
        state=state, finished_at=timezone.now(), **fields
    )


def _finish_cancelled(job_id: int, attempt: int) -> None:
    """A cancel asked while queued or between batches ends the attempt here."""
    Job.objects.filter(
        pk=job_id, attempt=attempt, state__in=[JobState.QUEUED, JobState.RUNNING], cancel_requested=True
    ).update(state=JobState.CANCELLED, finished_at=timezone.now())
