"""Benchmark: the follow-up queue, the connection list and the person's connection timeline on the
1.000.000-person demo province, PostgreSQL, with a synthetic service history written inside a transaction that is
rolled back at the end (the shared bench database is left as it was, apart from this branch's migration).

    .venv/bin/python bench/followups.py [--database-url postgres://…/bench_speed_1m] [--connections 60000]
                                        [--repeat 15] [--no-baseline]

History: `--connections` connections (one per sampled person, start dates spread over 2024-01-01 .. today, a
twentieth followed by demo-counsellor, the rest by demo-province), each with its checks at 1, 3, 6 and 12 months:
past checks done (one in five missed), checks due within the grace period or later still due; priority 0 for a
poor or near-poor household, as the service sets it. Cases, through Django's test client (the full request) and
the API: the counsellor's own queue, the counsellor's whole area, the province officer's whole province (first
page, and filtered `due_before` today); the connection list; and the timeline providers for 200 persons with a
connection. Baseline in the same run: the partial queue indexes of migration 0002 dropped (a savepoint, rolled
back), leaving those of 0001.
Prints p50 / p95 / max in ms, the ratio to the baseline p95 and the `uptime` load. Targets (issue 10): the
counsellor's queue ≤ 100 ms, the province's first page ≤ 200 ms, the timeline p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

QUEUE_INDEXES = ("connections_fu_open", "connections_fu_open_mine")  # migration 0002


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_speed_1m")
    parser.add_argument("--connections", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print the plans of the queue queries and stop")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    env = {**os.environ}
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v", "0"], check=True, env=env)
    import django

    django.setup()
    from django.db import transaction

    class Rollback(Exception):
        pass

    _vacuum()  # the dead rows of an earlier run's rolled-back history would be read by the index scans
    try:
        with transaction.atomic():
            started = time.perf_counter()
            counts = _history(args.connections)
            print(f"history: {counts} in {time.perf_counter() - started:.1f} s (rolled back at the end)")
            if args.explain:
                _explain()
                raise Rollback
            cases = _cases()
            print(f"load before: {_uptime()}")
            now = _measure(cases, args.repeat)
            timeline = _timeline(args.repeat)
            print(f"load after the new half: {_uptime()}")
            before = None
            if not args.no_baseline:
                before = _baseline(cases, max(3, args.repeat // 3))
                print(f"load after the baseline half: {_uptime()}")
            _report(now, before, timeline)
            raise Rollback
    except Rollback:
        pass
    _vacuum()


def _vacuum() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE connections_followup")
        cursor.execute("VACUUM ANALYZE connections_connection")


def _explain() -> None:
    """EXPLAIN ANALYZE of the queue's page query and its bounded count, as the counsellor and the province officer."""
    from django.db import connection

    from vieclam.accounts.models import User
    from vieclam.connections import selectors

    for username, whole in (("demo-counsellor", False), ("demo-province", True)):
        viewer = User.objects.get(username=username)
        rows = selectors.followup_queue(viewer=viewer, whole_area=whole)
        for label, queryset in (("page", rows[:50]), ("count", rows.order_by().values("pk")[:1001])):
            sql, params = queryset.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"--- {username} {label}\n{plan[:4000]}")


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _history(connections: int) -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM accounts_user WHERE username = 'demo-counsellor'")
        counsellor = cursor.fetchone()[0]
        cursor.execute("SELECT id FROM accounts_user WHERE username = 'demo-province'")
        province = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM people_person")
        persons = cursor.fetchone()[0]
        step = max(1, persons // connections)
        cursor.execute(
            """
            WITH employers AS (SELECT array_agg(id ORDER BY id) AS ids FROM employers_employer)
            INSERT INTO connections_connection (created_at, updated_at, person_id, employer_id, contract_type,
                contract_number, start_date, monthly_pay, social_insurance, evidence_note, source, funding_source,
                norm_amount, double_funding_flag, double_funding_reason, counsellor_id)
            SELECT now(), now(), p.id, e.ids[1 + p.id %% array_length(e.ids, 1)], 'xac_dinh_thoi_han', '',
                   DATE '2024-01-01' + ((p.id * 7919) %% (CURRENT_DATE - DATE '2024-01-01'))::int, 7000000,
                   p.id %% 3 <> 0, '', 'centre', 'mtqg', 400000, false, '',
                   CASE WHEN (p.id / %s) %% 20 = 0 THEN %s ELSE %s END
            FROM people_person p, employers e
            WHERE p.id %% %s = 0
            ORDER BY p.id
            LIMIT %s
            """,
            [step, counsellor, province, step, connections],
        )
        made = cursor.rowcount
        cursor.execute(
            """
            INSERT INTO connections_followup (connection_id, person_id, counsellor_id, priority, offset_months, due_on,
                status, result, has_contract, has_social_insurance, checked_on, note)
            SELECT c.id, c.person_id, c.counsellor_id,
                   CASE WHEN h.poverty_class IN ('poor', 'near_poor') THEN 0 ELSE 1 END, m.m, d.due,
                   CASE WHEN d.due >= CURRENT_DATE - 30 THEN 'due' WHEN (c.id + m.m) % 5 = 0 THEN 'missed'
                        ELSE 'done' END,
                   CASE WHEN d.due >= CURRENT_DATE - 30 OR (c.id + m.m) % 5 = 0 THEN '' ELSE 'same_employer' END,
                   CASE WHEN d.due >= CURRENT_DATE - 30 OR (c.id + m.m) % 5 = 0 THEN NULL ELSE true END,
                   NULL,
                   CASE WHEN d.due >= CURRENT_DATE - 30 OR (c.id + m.m) % 5 = 0 THEN NULL ELSE d.due END, ''
            FROM connections_connection c
            JOIN people_person p ON p.id = c.person_id
            LEFT JOIN people_household h ON h.id = p.household_id
            CROSS JOIN (VALUES (1), (3), (6), (12)) AS m(m)
            CROSS JOIN LATERAL (SELECT (c.start_date + make_interval(months => m.m))::date AS due) d
            """
        )
        checks = cursor.rowcount
        cursor.execute("ANALYZE connections_connection")
        cursor.execute("ANALYZE connections_followup")
        cursor.execute("SELECT status, count(*) FROM connections_followup GROUP BY status ORDER BY status")
        statuses = dict(cursor.fetchall())
        cursor.execute("SELECT count(*) FROM connections_followup WHERE counsellor_id = %s AND status <> 'done'",
                       [counsellor])  # fmt: skip
        own = cursor.fetchone()[0]
    return {"connections": made, "follow_ups": checks, **statuses, "counsellor_open": own,
            "counsellor_id": counsellor, "province_id": province}  # fmt: skip


def _cases() -> list[tuple[str, str, str, dict]]:
    from vieclam.core.dates import today

    day = today()
    return [
        ("queue web, own", "demo-counsellor", "/connections/follow-ups/", {}),
        ("queue web, whole area", "demo-counsellor", "/connections/follow-ups/", {"whole_area": "true"}),
        ("queue web, province p1", "demo-province", "/connections/follow-ups/", {}),
        ("queue web, province due_before today", "demo-province", "/connections/follow-ups/",
         {"due_before": day.strftime("%d/%m/%Y")}),
        ("queue api, own", "demo-counsellor", "/api/v1/follow-ups/", {"due_before": day.isoformat()}),
        ("queue api, province p1", "demo-province", "/api/v1/follow-ups/", {}),
        ("connections web p1", "demo-province", "/connections/", {}),
        ("connections api p1", "demo-province", "/api/v1/connections/", {}),
    ]  # fmt: skip


def _measure(cases, repeat: int) -> dict[str, tuple[list[float], int]]:
    from django.test import Client

    from vieclam.accounts.models import User

    clients, out = {}, {}
    for label, username, url, query in cases:
        if username not in clients:
            clients[username] = Client(HTTP_HOST="localhost")
            clients[username].force_login(User.objects.get(username=username))
        client = clients[username]
        client.get(url, query)  # warm
        times, status = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, query)
            times.append((time.perf_counter() - started) * 1000)
            status = response.status_code
        out[f"{label} · {username}"] = (times, status)
    return out


def _timeline(repeat: int) -> list[float]:
    """Both providers (connection, follow_up) for 200 persons with a connection: ms per person."""
    from vieclam.accounts.models import User
    from vieclam.connections.models import Connection
    from vieclam.connections.timeline import connection_timeline, followup_timeline
    from vieclam.people.models import Person

    viewer = User.objects.get(username="demo-province")
    ids = list(Connection.objects.order_by("?").values_list("person_id", flat=True)[:200])
    persons = list(Person.objects.filter(pk__in=ids))
    times = []
    for person in persons:
        started = time.perf_counter()
        connection_timeline(person=person, viewer=viewer, limit=200)
        followup_timeline(person=person, viewer=viewer, limit=200)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _baseline(cases, repeat: int):
    from django.db import connection, transaction

    class Undo(Exception):
        pass

    result = None
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for name in QUEUE_INDEXES:
                    cursor.execute(f'DROP INDEX "{name}"')
            result = _measure(cases, repeat)
            raise Undo
    except Undo:
        pass
    return result


def _stats(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def _report(now, before, timeline) -> None:
    print(f"{'case':60} {'p50':>8} {'p95':>8} {'max':>8} {'base p95':>9} {'ratio':>6} status")
    for label, (times, status) in now.items():
        p50, p95, top = _stats(times)
        base = ""
        ratio = ""
        if before is not None and label in before:
            base_p95 = _stats(before[label][0])[1]
            base, ratio = f"{base_p95:9.1f}", f"{base_p95 / p95:5.1f}×"
        print(f"{label:60} {p50:8.1f} {p95:8.1f} {top:8.1f} {base:>9} {ratio:>6} {status}")
    p50, p95, top = _stats(timeline)
    print(f"{'timeline providers (connection + follow_up), 200 persons':60} {p50:8.1f} {p95:8.1f} {top:8.1f}")


if __name__ == "__main__":
    main()
