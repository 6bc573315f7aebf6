"""The one huey task: run an attempt of a job. Found by `vieclam run_huey` (djhuey imports every app's tasks)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from vieclam.jobs.runner import job_execute


@db_task()
def job_run_task(job_id: int, attempt: int) -> None:
    job_execute(job_id, attempt)
