"""A kind for the tests only: writes `rows` audit events about the job, `size` to a batch, sleeping between rows
so a test can cancel or kill the worker mid-job. Imported by the tests and by the worker they start."""

from __future__ import annotations

import time

from vieclam.jobs.registry import job_kind_register


def rows_run(job, params: dict, progress) -> dict:
    from vieclam.core.audit import audit_record
    from vieclam.core.choices import AuditAction
    from vieclam.jobs.services import job_cancel

    rows, size, pause = params["rows"], params["size"], params.get("pause", 0.0)
    progress.set_total(rows)
    for first in range(progress.start, rows, size):
        with progress.batch() as batch:
            for row in range(first, min(first + size, rows)):
                time.sleep(pause)
                if row == params.get("cancel_at"):
                    job_cancel(actor=None, job=job)  # as if someone pressed "Hủy" while this batch runs
                if row == params.get("fail_at") and job.attempt == 1:
                    raise RuntimeError(f"dòng {row} hỏng")
                if row in params.get("bad", []):
                    batch.error(f"dòng {row}: không hợp lệ")
                    continue
                audit_record(actor=None, action=AuditAction.CREATE, instance=job, changes={"row": row})
                if params.get("trace"):  # outside the database: which rows were written, committed or not
                    with open(params["trace"], "a") as trace:
                        trace.write(f"{row}\n")
                batch.done += 1
    return {"summary": f"{rows} rows"}


job_kind_register("test_rows", label="Ghi dòng thử", run=rows_run)
