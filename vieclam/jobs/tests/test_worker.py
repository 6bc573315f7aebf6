"""A real worker (`vieclam run_huey`, a separate process) against a database of its own: a SQLite site folder, as
the browser tests serve theirs (e2e/served.py), and on the PostgreSQL leg a PostgreSQL database. Killed with SIGKILL
mid-job it leaves whole batches only, and the job resumes to the end without writing a row twice. Redis too, when
one answers on 127.0.0.1:6379 (its db 15 only)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

SITE = [sys.executable, "-m", "vieclam.jobs.tests.site"]
REDIS_TEST_URL = "redis://127.0.0.1:6379/15"


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory) -> Iterator[dict[str, str]]:
    """A site folder and a database of its own, migrated, that the worker and this test both see: a SQLite file,
    and on the PostgreSQL leg (DATABASE_URL) a database named after the leg's (`<name>_jobsite`), dropped after."""
    folder = tmp_path_factory.mktemp("jobs-site")
    env = {**os.environ, "VIECLAM_VAR_DIR": str(folder)}
    env.pop("REDIS_URL", None)
    if request.param == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder}/site.sqlite3"
    elif not _postgres_url():
        pytest.skip("DATABASE_URL is not PostgreSQL (the SQLite site runs the worker)")
    else:
        env["DATABASE_URL"] = _recreate_postgres(_postgres_url())
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v0"], env=env, check=True, capture_output=True)
    yield env
    if request.param == "postgresql":
        _drop_postgres(env["DATABASE_URL"])


def _recreate_postgres(url: str) -> str:
    import psycopg

    base, _slash, name = url.rpartition("/")
    site_name = f"{name.split('?')[0]}_jobsite"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{site_name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{site_name}"')
    return f"{base}/{site_name}"


def _drop_postgres(site_url: str) -> None:
    import psycopg

    base, _slash, site_name = site_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{site_name}" WITH (FORCE)')


def query(env: dict[str, str], sql: str, params: list) -> list[dict]:
    """Rows as dicts, from the site's database (SQLite or PostgreSQL), in a connection of its own."""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=20) as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(sql.replace("%s", "?"), params)]
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(url, row_factory=dict_row) as db:
        return list(db.execute(sql, params))


def enqueue(env: dict[str, str], rows: int, size: int, pause: float, trace: str = "") -> int:
    out = subprocess.run([*SITE, "enqueue", str(rows), str(size), str(pause), trace], env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([*SITE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def job_row(env: dict[str, str], job_id: int) -> dict:
    return query(env, "SELECT * FROM jobs_job WHERE id = %s", [job_id])[0]


def rows_written(env: dict[str, str], job_id: int) -> list[int]:
    """The rows the test kind wrote for this job (one audit event each), as their numbers."""
    events = query(env, "SELECT changes FROM core_auditevent WHERE object_id = %s", [str(job_id)])
    changes = [e["changes"] if isinstance(e["changes"], dict) else json.loads(e["changes"]) for e in events]
    return sorted(c["row"] for c in changes if "row" in c)


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_a_worker_killed_mid_job_leaves_whole_batches_and_the_job_resumes_to_the_end(site, settings, tmp_path):
    trace = tmp_path / "trace.txt"
    worker = start_worker(site)
    try:
        job_id = enqueue(site, rows=60, size=5, pause=0.1, trace=str(trace))
        wait_for(lambda: job_row(site, job_id)["done"] >= 10)
        time.sleep(0.35)  # inside the next batch: 0,5 s each, after a 0,15 s pause on SQLite (runner)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    job = job_row(site, job_id)
    written = rows_written(site, job_id)
    assert 0 < job["done"] < 60 and job["done"] % 5 == 0
    assert written == list(range(job["done"])), "a batch half-written, or its progress not with it"
    started = [int(row) for row in trace.read_text().split()]
    assert max(started) >= job["done"], "killed mid-batch: rows of the next batch were written, then rolled back"
    assert job["state"] == "running"  # nobody told the database: the missing heartbeat tells

    from vieclam.jobs.models import Job

    settings.VIECLAM_JOB_STALE_SECONDS = 1
    time.sleep(1.2)
    seen = Job(state=job["state"], heartbeat_at=_aware(job["heartbeat_at"]))
    assert seen.shown_state == "interrupted"

    subprocess.run([*SITE, "resume", str(job_id)], env={**site, "VIECLAM_JOB_STALE_SECONDS": "1"}, check=True)
    worker = start_worker(site)
    try:
        wait_for(lambda: job_row(site, job_id)["state"] == "done")
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    assert job_row(site, job_id)["done"] == 60
    assert rows_written(site, job_id) == list(range(60)), "resumed after the last whole batch, no row twice"


def _aware(value):
    import datetime as dt

    value = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis answers on 127.0.0.1:6379 (the embedded queue is tested)")
def test_a_job_runs_through_redis_when_redis_url_is_set(site):
    import redis

    env = {**site, "REDIS_URL": REDIS_TEST_URL}
    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    job_id = enqueue(env, rows=12, size=4, pause=0)
    assert any(client.llen(key) for key in client.keys("huey*")), "the task waits in Redis, not in the SQLite file"
    worker = start_worker(env)
    try:
        wait_for(lambda: job_row(env, job_id)["state"] == "done")
    finally:
        worker.terminate()
        worker.wait(timeout=10)
        client.flushdb()
    assert rows_written(env, job_id) == list(range(12))
