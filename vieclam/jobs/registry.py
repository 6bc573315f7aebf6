"""The kinds of background job: each app that has a long task registers it in its `AppConfig.ready()`:

    job_kind_register("indicators_warm", label=_("Đếm trước các chỉ tiêu"), run=warm_run)

`run(job, params, progress)` does the work in batches, starting at `progress.start` (the rows already done by an
earlier attempt), each batch inside `with progress.batch() as batch:`. The batch's writes and the job's progress
commit together; a worker killed mid-batch leaves that batch absent, never half-written. `run` may call
`progress.set_total(n)` first and may return a JSON-safe dict kept as the job's result. `core`-like: this module
imports no project app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ("JobKind", "job_kind", "job_kind_register", "job_kinds")

Run = Callable[..., dict | None]


@dataclass(frozen=True)
class JobKind:
    kind: str
    label: Any
    run: Run
    startable: bool = False  # offered on the jobs page to staff (a kind that needs no parameters)


_KINDS: dict[str, JobKind] = {}


def job_kind_register(kind: str, *, label: Any, run: Run, startable: bool = False) -> None:
    """Add (or replace, on a reload) one kind of job."""
    _KINDS[kind] = JobKind(kind=kind, label=label, run=run, startable=startable)


def job_kind(kind: str) -> JobKind | None:
    return _KINDS.get(kind)


def job_kinds(*, startable: bool = False) -> list[tuple[str, str]]:
    """(kind, label) of every registered kind (only those staff may start from the page, when asked)."""
    return [(k.kind, str(k.label)) for k in _KINDS.values() if k.startable or not startable]
