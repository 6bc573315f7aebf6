"""The other side of the real-worker tests, run as `python -m vieclam.jobs.tests.site <command>` in a site folder
(VIECLAM_VAR_DIR, DATABASE_URL): `worker` runs `vieclam run_huey` with the test kind registered; `enqueue ROWS SIZE
PAUSE [TRACE]` queues a test job and prints its id; `resume ID` queues it again."""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    import vieclam.jobs.tests.kinds  # noqa: F401  (registers test_rows before the worker or the service look)

    command, *args = argv
    if command == "worker":
        from vieclam.__main__ import main as vieclam

        sys.argv = ["vieclam", "run_huey", "--workers", "1", "--delay", "0.05", "--max-delay", "0.2", *args]
        vieclam()
        return
    import django

    django.setup()
    from vieclam.jobs.models import Job
    from vieclam.jobs.services import job_enqueue, job_resume

    if command == "enqueue":
        params = {
            "rows": int(args[0]),
            "size": int(args[1]),
            "pause": float(args[2]),
            "trace": args[3] if args[3:] else "",
        }
        job = job_enqueue(actor=None, kind="test_rows", params=params)
        print(job.pk)
    elif command == "resume":
        job_resume(actor=None, job=Job.objects.get(pk=int(args[0])))


if __name__ == "__main__":
    main(sys.argv[1:])
