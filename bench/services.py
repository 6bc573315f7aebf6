"""Benchmark: employment services on the 1.000.000-person demo province with its 2024–2026 history, PostgreSQL.

    .venv/bin/python bench/services.py [--database-url postgres://…/bench_services_1m] [--reuse]
                                       [--repeat 20] [--no-baseline]

Without --reuse it recreates the database and times `vieclam demo --size province` (migrate, reference data, demo
users, 1.000.000 persons, the service history of demo.history, the job-board index): the issue asks ≤ 3 minutes.
With --reuse it keeps a built database and only migrates it.

Then, in-process through Django's test client (the full request: session, scoping, the read audit, template),
with DEBUG off as in production and the process's garbage collector set up as the WSGI application sets it up
(vieclam.config.gc):
- a person's timeline, page and API, for the 20 persons with the longest histories (the most rows over every
  timeline source keyed by person: labour events, applications, counselling, group sessions, connections,
  follow-ups, fairs, training, journeys abroad, loans) and for 20 persons picked at random, as the province officer;
- the due follow-ups queue: a counsellor's own (first page) and the whole province's first page;
- the counselling and connection lists (first page).
Targets (issue 10): timeline p95 ≤ 50 ms; the counsellor's queue ≤ 100 ms; the province's first page ≤ 200 ms.

Samples: every case gets at least 40 timed requests, so its p95 is not simply its maximum: a queue or list case is
requested max(40, 3 × repeat) times, a timeline case max(2, repeat // 4) times for each of its 20 persons (100 at
--repeat 20). Each address is requested once before it is timed (templates, translations, the database connection,
its rows in the database cache); that first request is not counted.

The baseline is measured in the same run on the same database: inside a transaction that is rolled back, the
indexes the services read by person and by queue order are dropped (the person's timeline then scans each table,
the queue sorts), so the ratio shows what the indexes buy. Prints p50 / p95 / max per case, the ratio to the
baseline p95 and the `uptime` load before and after each half.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

INDEXES = (
    "casework_session_person_date", "casework_attend_person_date", "connections_person_start",
    "connections_fu_person", "connections_fu_queue", "connections_fu_mine", "connections_fu_status_due",
    "connections_fu_open", "connections_fu_open_mine",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_services_1m")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the demo province")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    print(f"load before: {_uptime()}")
    build_seconds = build(args.database_url, reuse=args.reuse)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    os.environ.setdefault("VIECLAM_ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("DEBUG", "false")  # as in production: no SQL log kept for each query
    import django

    django.setup()
    from vieclam.config.gc import gc_tune

    gc_tune()
    _counts()
    cases = _cases()
    print(f"load before the new half: {_uptime()}")
    now = _measure(cases, args.repeat)
    before = None
    if not args.no_baseline:
        print(f"load before the baseline half: {_uptime()}")
        before = _baseline(cases, args.repeat)
    print(f"load after: {_uptime()}")
    _report(now, before)
    if build_seconds is not None:
        print(f"\nbuild of the province with its history: {build_seconds:.0f} s (target ≤ 180 s)")


def build(url: str, *, reuse: bool) -> float | None:
    env = {**os.environ, "DATABASE_URL": url}
    if reuse and _has_people(env):
        subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v", "0"], check=True, env=env)
        return None
    _recreate(url)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vieclam", "demo", "--size", "province"], check=True, env=env)
    return time.perf_counter() - started


def _recreate(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _has_people(env: dict) -> bool:
    code = "import psycopg,os,sys;c=psycopg.connect(os.environ['DATABASE_URL']);"
    code += "sys.exit(0 if c.execute('select exists(select 1 from casework_counsellingsession)').fetchone()[0] else 1)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True).returncode == 0


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _counts() -> None:
    from vieclam.applications.models import Application
    from vieclam.casework.models import CounsellingSession, GroupSession
    from vieclam.connections.models import Connection, FollowUp

    for model in (CounsellingSession, GroupSession, Application, Connection, FollowUp):
        print(f"{model._meta.verbose_name_plural}: {model.objects.count():,}".replace(",", "."))


def _cases() -> list[tuple[str, str, str, dict]]:
    """(label, username, url, query): timelines of the longest and of random histories, queues and lists."""
    from django.urls import NoReverseMatch, reverse

    from vieclam.accounts.models import User
    from vieclam.people.models import Person

    longest = _longest_histories(20)
    rng = random.Random(7)
    top = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    randoms = list(Person.objects.filter(pk__in=[rng.randint(1, top) for _ in range(60)]).values_list("pk", flat=True))
    cases = []
    for kind, ids in (("longest", [p for (p,) in longest]), ("random", randoms[:20])):
        for pk in ids:
            cases.append((f"timeline page · {kind}", "demo-province", f"/people/{pk}/timeline/", {}))
            cases.append((f"timeline API · {kind}", "demo-province", f"/api/v1/persons/{pk}/timeline/", {}))
    counsellor = User.objects.filter(username__startswith="tvv-").order_by("pk").first()
    for label, name, user, query in (
        ("queue · a counsellor's own", "connections:followup_queue", counsellor.username if counsellor else "", {}),
        ("queue · province first page", "connections:followup_queue", "demo-province", {}),
        ("connections list p1", "connections:connection_list", "demo-province", {}),
        ("counselling list p1", "casework:session_list", "demo-province", {}),
    ):
        try:
            cases.append((label, user, reverse(name), query))
        except NoReverseMatch:
            print(f"skipped (no route {name}): {label}")
    return cases


def _longest_histories(n: int) -> list[tuple[int]]:
    """The persons with the most rows over every timeline source that is keyed by person (the probes' tables)."""
    from django.db import connection

    from vieclam.core.timeline import _SOURCES

    parts = {
        (s.probe.model._meta.db_table, s.probe.model._meta.get_field("person").column)
        for s in _SOURCES.values()
        if s.probe is not None and s.probe.field == "person"
    }
    union = " UNION ALL ".join(
        f'SELECT "{column}" AS p FROM "{table}" WHERE "{column}" IS NOT NULL' for table, column in sorted(parts)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT p FROM ({union}) AS rows GROUP BY p ORDER BY count(*) DESC, p LIMIT %s", [n])
        return cursor.fetchall()


def _measure(cases, repeat: int) -> dict[str, tuple[list[float], set[int]]]:
    """Every case at least 40 times in all (see the module's docstring); cases sharing a label (the 20 persons) pool
    their times. The first request of each address warms it up and is not counted."""
    from django.test import Client

    from vieclam.accounts.models import User

    clients: dict[str, Client] = {}
    out: dict[str, tuple[list[float], set[int]]] = {}
    for label, username, url, query in cases:
        if username not in clients:
            clients[username] = Client(HTTP_HOST="localhost")
            clients[username].force_login(User.objects.get(username=username))
        client = clients[username]
        client.get(url, query)  # warm-up, not counted: templates, translations, the connection
        times, statuses = out.setdefault(label, ([], set()))
        for _ in range(max(2, repeat // 4) if label.startswith("timeline") else max(40, 3 * repeat)):
            started = time.perf_counter()
            response = client.get(url, query)
            times.append((time.perf_counter() - started) * 1000)
            statuses.add(response.status_code)
    return out


def _baseline(cases, repeat: int):
    from django.db import connection, transaction

    class Rollback(Exception):
        pass

    result = {}
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for name in INDEXES:
                    cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            result = _measure(cases, repeat)
            raise Rollback
    except Rollback:
        pass
    return result


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _report(now, before) -> None:
    print("\nn = timed requests per case; the first request of each address warmed it up and is not counted")
    print(f"{'case':40} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'HTTP':>6}", end="")
    print(f" {'base p95':>9} {'× faster':>9}" if before else "")
    for label, (times, statuses) in now.items():
        p95 = _p95(times)
        status = ",".join(map(str, sorted(statuses)))
        line = f"{label:40} {len(times):4} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} {status:>6}"
        if before and label in before:
            base = _p95(before[label][0])
            line += f" {base:9.1f} {base / p95:9.1f}"
        print(line)


if __name__ == "__main__":
    main()
