"""Benchmark: job fairs under gunicorn on PostgreSQL — the last places of a fair taken by concurrent
pre-registrations, check-in scans at the door, and the fair's report (issue 11, "Speed and load").

    .venv/bin/python bench/fairs.py [--database-url postgres://postgres@127.0.0.1:5432/h_fairdemo_bench]
                                    [--persons 100000] [--racers 300] [--places 50] [--registrations 5000]

It recreates the database, migrates it, loads the reference data and builds the demo province of `--persons`
persons with its history (fairs included), then adds (not timed):

- fair "race": open, held today, with capacity − `--places` places already taken, and `--racers` worker accounts,
  each with its own person record and API token;
- fair "door": open, held today, `--registrations` registrations (7 in 10 online beforehand, 2.000 already checked
  in), 30 booths with their employers' vacancies, 2.500 applications at the booths (interviewed, appointments,
  hires) and interests in training and labour export, so that its report has something to count.

Then, against `gunicorn vieclam.config.wsgi --workers 3` on 127.0.0.1 (as README "Triển khai PostgreSQL"):

1. `--racers` threads, released together, each POSTing its own registration to /api/v1/fair-registrations/ with
   its worker's token. Printed: registered, refused with the capacity message, lost (no answer), over capacity
   (registrations in the database beyond the capacity), 5xx, other answers, throughput, p50/p95.
2. Baseline: a trivial authenticated GET (/api/v1/me/, the officer's token), 1 and 4 clients.
3. Check-in through /api/v1/fair-registrations/check-in/ (9 scans in 10 a new token, 1 in 10 a token scanned
   before): 250 scans by one client (one volunteer's phone), then 1.000 by 4 clients (four at the door);
   p50/p95 and the ratio to the baseline with as many clients. Target p95 ≤ 150 ms.
4. Report: GET /api/v1/fairs/{door}/report/ 30 times and `fairs.selectors.fair_report` in this process 30 times;
   p50/p95 and the ratio to the baseline. Target ≤ 500 ms.

`uptime` is printed before each part; there are no timing assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 8771
SERVER_LOG = os.path.join(tempfile.gettempdir(), "vieclam-bench-fairs-gunicorn.log")
BASE = f"http://127.0.0.1:{PORT}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/h_fairdemo_bench")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--racers", type=int, default=300)
    parser.add_argument("--places", type=int, default=50)
    parser.add_argument("--registrations", type=int, default=5_000)
    parser.add_argument("--scans", type=int, default=1_000)
    args = parser.parse_args()
    _recreate(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v0"], check=True)
    subprocess.run([sys.executable, "-m", "vieclam", "load_reference"], check=True, capture_output=True)

    import django

    django.setup()
    print(f"setup (load {_uptime()}) …", flush=True)
    started = time.perf_counter()
    setup = _build(args)
    print(f"setup done in {time.perf_counter() - started:.0f} s", flush=True)
    server = _serve(args.database_url)
    try:
        _race(args, setup)
        base1 = _baseline(setup, clients=1, requests=200)
        base4 = _baseline(setup, clients=4, requests=1_000)
        _check_in(args, setup, (base1[1], base4[1]))
        _report(setup, base1[0])
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    with open(SERVER_LOG) as log:
        errors = sum(1 for line in log if line.startswith("Internal Server Error"))
    print(f"\nserver log {SERVER_LOG}: {errors} internal server errors logged")


def _recreate(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    if not name.startswith(("h_fairdemo", "vieclam_bench")):
        raise SystemExit(f"refusing to recreate database {name!r}: name it h_fairdemo…")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _uptime() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True).stdout
    return out.strip().split("load average:")[-1].strip()


#
# Setup (in this process, not timed)
#
def _build(args) -> dict:
    from django.contrib.auth.hashers import make_password
    from rest_framework.authtoken.models import Token

    from vieclam.accounts.choices import Role
    from vieclam.accounts.models import User
    from vieclam.accounts.services import user_create, user_token
    from vieclam.demo.generate import demo_generate
    from vieclam.people.models import Person
    from vieclam.places.models import AdministrativeUnit

    province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    stats = demo_generate(province=province, persons=args.persons, seed=2026)
    print(f"  demo province: {args.persons:,} persons, {stats['fairs']} fairs, "
          f"{stats['fair_registrations']:,} fair registrations", flush=True)  # fmt: skip
    officer = user_create(actor=None, username="bench-fairs-officer", role=Role.PROVINCE_OFFICER,
                          password=secrets.token_urlsafe(16), area_codes=["80"])  # fmt: skip
    free = list(
        Person.objects.filter(account__isnull=True, residence_commune__province=province)
        .order_by("pk")
        .values_list("pk", flat=True)[: args.racers + args.registrations + 1_000]
    )
    racers, door_people, early = (free[: args.racers], free[args.racers : args.racers + args.registrations],
                                  free[args.racers + args.registrations :])  # fmt: skip
    race = _fair(officer, "Phiên thử: giành chỗ cuối", capacity=len(early) + args.places)
    _registrations(race, early, checked_in=0)
    users = User.objects.bulk_create(
        User(username=f"bench-worker-{n:04d}", role=Role.WORKER, password=make_password(None)) for n in racers
    )
    for user, person in zip(users, racers, strict=True):
        Person.objects.filter(pk=person).update(account=user)
    Token.objects.bulk_create(Token(user=user, key=Token.generate_key()) for user in users)
    tokens = dict(Token.objects.filter(user__in=users).values_list("user_id", "key"))
    door = _fair(officer, "Phiên thử: 5.000 người đăng ký", capacity=args.registrations + 1_000)
    scans = _registrations(door, door_people, checked_in=2_000)
    _booths_and_outcomes(door, door_people, officer)
    return {"officer_token": user_token(user=officer), "race": race, "door": door, "scans": scans,
            "worker_tokens": [tokens[u.pk] for u in users]}  # fmt: skip


def _fair(officer, name: str, *, capacity: int):
    from vieclam.core.dates import today
    from vieclam.fairs import services
    from vieclam.fairs.choices import FairStatus

    fair = services.fair_create(actor=officer, data={
        "name": name, "kind": "mobile", "held_on": today(), "starts_at": dt.time(7, 30), "ends_at": dt.time(11, 30),
        "commune": "25459", "address": "Hội trường UBND phường", "capacity": capacity})  # fmt: skip
    return services.fair_transition(actor=officer, fair=fair, to_status=FairStatus.OPEN)


def _registrations(fair, persons: list[int], *, checked_in: int) -> dict:
    """Registrations written in bulk (COPY); returns {"new": tokens not checked in, "again": checked-in tokens}."""
    from django.db import transaction
    from django.utils import timezone

    from vieclam.demo.fairs import REGISTRATION_COLUMNS
    from vieclam.demo.writer import bulk_write, next_id
    from vieclam.fairs.models import FairRegistration

    now, first = timezone.now(), next_id(FairRegistration)
    rows, new, again = [], [], []
    for n, person in enumerate(persons):
        token = secrets.token_urlsafe(32)
        came = n < checked_in
        (again if came else new).append(token)
        rows.append((first + n, fair.pk, person, "", "", "", None, "online" if n % 10 < 7 else "walk_in", token, "",
                     now if came else None, fair.organiser_id if came else None, None, now, now))  # fmt: skip
    with transaction.atomic():
        bulk_write(FairRegistration, REGISTRATION_COLUMNS, rows)
    return {"new": new, "again": again}


def _booths_and_outcomes(fair, persons: list[int], officer) -> None:
    """30 booths with the vacancies of their employers, 2.500 applications at them on the fair day, interests."""
    from django.db import transaction
    from django.utils import timezone

    from vieclam.applications.models import Application, ApplicationEvent
    from vieclam.demo.fairs import BOOTH_COLUMNS, BOOTH_VACANCY_COLUMNS, INTEREST_COLUMNS
    from vieclam.demo.history import APPLICATION_COLUMNS, APPLICATION_EVENT_COLUMNS
    from vieclam.demo.writer import bulk_write, next_id
    from vieclam.fairs.models import FairBooth, FairInterest, FairRegistration
    from vieclam.vacancies.models import Vacancy

    now = timezone.now()
    vacancies = list(
        Vacancy.objects.filter(status="open", employer__commune__province__code="80")
        .order_by("employer", "pk")
        .values_list("pk", "employer_id")
    )
    by_employer: dict[int, list[int]] = {}
    for pk, employer in vacancies:
        by_employer.setdefault(employer, []).append(pk)
    employers = sorted(by_employer)[:30]
    booth_id, link_id = next_id(FairBooth), next_id(FairBooth.vacancies.through)
    booths, links, offered = [], [], []
    for n, employer in enumerate(employers):
        booths.append((booth_id + n, fair.pk, employer, f"{n + 1:02d}", "Phòng Nhân sự", "0912345678", "",
                       officer.pk, now, now))  # fmt: skip
        for vacancy in by_employer[employer][:3]:
            links.append((link_id + len(links), booth_id + n, vacancy))
            offered.append(vacancy)
    app_id, event_id = next_id(Application), next_id(ApplicationEvent)
    applications, events = [], []
    for n, person in enumerate(persons[:2_500]):
        kind = n % 10  # 0-1 interviewed on the spot, 2 hired on the spot, 3-4 appointment, the rest seen
        steps = ["submitted", "seen"]
        interview_at, contract, start = None, "", None
        if kind in (0, 1, 2):
            steps += ["interview_scheduled", "interviewed"]
            interview_at = now
        if kind == 2:
            steps.append("hired")
            contract, start = "xac_dinh_12_den_36_thang", now.date() + dt.timedelta(days=7)
        if kind in (3, 4):
            steps.append("interview_scheduled")
            interview_at = now + dt.timedelta(days=5)
        applications.append((app_id + n, offered[n % len(offered)], person, "applied", None, steps[-1], now,
                              interview_at, contract, start, "", "", now, now))  # fmt: skip
        for old, new in zip(["", *steps], steps, strict=False):
            data = {"interview_at": interview_at.isoformat()} if new == "interview_scheduled" and interview_at else {}
            events.append((event_id + len(events), app_id + n, old, new, now, officer.pk, officer.username, "", data))
    registrations = dict(FairRegistration.objects.filter(fair=fair).values_list("person_id", "pk"))
    interest_id, interests = next_id(FairInterest), []
    for n, person in enumerate(persons[:2_000]):
        kind = "labour_export" if n % 25 == 0 else "training" if n % 5 < 2 else ""
        if kind:
            interests.append((interest_id + len(interests), registrations[person], kind, "", officer.pk, now, now))
    with transaction.atomic():
        bulk_write(FairBooth, BOOTH_COLUMNS, booths)
        bulk_write(FairBooth.vacancies.through, BOOTH_VACANCY_COLUMNS, links)
        bulk_write(Application, APPLICATION_COLUMNS, applications)
        bulk_write(ApplicationEvent, APPLICATION_EVENT_COLUMNS, events)
        bulk_write(FairInterest, INTEREST_COLUMNS, interests)
    from vieclam.demo.writer import tables_analyze

    tables_analyze([FairRegistration, FairBooth, Application, ApplicationEvent, FairInterest])


#
# The server and the clients
#
def _serve(database_url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false",
           "VIECLAM_VAR_DIR": os.path.join(ROOT, "var")}  # fmt: skip
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    cmd = [gunicorn, "vieclam.config.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"]
    log = open(SERVER_LOG, "w")  # noqa: SIM115 - the server writes to it until it stops
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{BASE}/api/v1/areas/?level=province", timeout=10) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("gunicorn did not answer within 60 s")


def _call(method: str, path: str, token: str, body: dict | None = None,
          timeout: float = 120) -> tuple[int, object, float]:  # fmt: skip
    """(status, parsed body, milliseconds); status 0 when no answer came."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{BASE}{path}", data=data, method=method)
    request.add_header("Authorization", f"Token {token}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    except OSError:
        return 0, None, (time.perf_counter() - started) * 1000
    elapsed = (time.perf_counter() - started) * 1000
    try:
        return status, json.loads(raw or b"null"), elapsed
    except ValueError:
        return status, raw[:200], elapsed


def _p(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _stats(values: list[float]) -> str:
    return f"p50 {statistics.median(values) if values else 0:.0f} ms, p95 {_p(values, 0.95):.0f} ms"


def _race(args, setup: dict) -> None:
    from vieclam.fairs.models import FairRegistration

    fair = setup["race"]
    print(f"\n1. {args.racers} concurrent pre-registrations for the last {args.places} places "
          f"(capacity {fair.capacity}; load {_uptime()})", flush=True)  # fmt: skip
    tokens = setup["worker_tokens"]
    gate = threading.Barrier(len(tokens))
    results: list[tuple[int, object, float]] = [(0, None, 0.0)] * len(tokens)

    def register(n: int) -> None:
        gate.wait()
        results[n] = _call("POST", "/api/v1/fair-registrations/", tokens[n], {"fair": fair.pk})

    threads = [threading.Thread(target=register, args=(n,)) for n in range(len(tokens))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    from vieclam.fairs.services import FAIR_FULL

    full = str(FAIR_FULL).format(capacity=fair.capacity)
    registered = sum(1 for status, _body, _ms in results if status == 201)
    refused = sum(1 for status, body, _ms in results if status == 400 and isinstance(body, dict)
                  and body.get("fair") == [full])  # fmt: skip
    lost = sum(1 for status, _body, _ms in results if status == 0)
    errors = sum(1 for status, _body, _ms in results if status >= 500)
    other = len(results) - registered - refused - lost - errors
    in_db = FairRegistration.objects.filter(fair=fair).count()
    over = max(0, in_db - fair.capacity)
    print(
        f"   registered {registered}, refused with the capacity message {refused}, lost {lost}, "
        f"over capacity {over} (in the database {in_db} of {fair.capacity}), 5xx {errors}, other {other}"
    )
    if other:
        print(
            "   other answers:",
            sorted(
                {
                    (s, json.dumps(b, ensure_ascii=False)[:160])
                    for s, b, _ in results
                    if s not in (0, 201) and s < 500 and b != {"fair": [full]}
                }
            )[:5],
        )
    latencies = [ms for status, _body, ms in results if status]
    print(f"   throughput {len(results) / elapsed:.1f} req/s ({len(results)} requests in {elapsed:.1f} s); "
          f"{_stats(latencies)}", flush=True)  # fmt: skip


def _drive(calls: list, clients: int) -> tuple[list[float], list[int], float]:
    latencies, statuses, lock, queue = [], [], threading.Lock(), list(reversed(calls))

    def client(_n: int) -> None:
        while True:
            with lock:
                if not queue:
                    return
                method, path, token, body = queue.pop()
            status, _body, ms = _call(method, path, token, body)
            with lock:
                statuses.append(status)
                if status in (200, 201):
                    latencies.append(ms)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    return latencies, statuses, time.perf_counter() - started


def _baseline(setup: dict, *, clients: int, requests: int) -> tuple[float, float]:
    """(p50, p95) of a trivial authenticated GET."""
    print(f"\n2. baseline GET /api/v1/me/, {clients} client(s), {requests} requests (load {_uptime()})", flush=True)
    token = setup["officer_token"]
    _drive([("GET", "/api/v1/me/", token, None)] * 20, clients)  # warm every worker
    latencies, statuses, elapsed = _drive([("GET", "/api/v1/me/", token, None)] * requests, clients)
    failed = sum(1 for s in statuses if s != 200)
    print(f"   {_stats(latencies)}; {len(latencies) / elapsed:.0f} req/s; {failed} not 200", flush=True)
    return statistics.median(latencies), _p(latencies, 0.95)


def _check_in(args, setup: dict, base_p95: tuple[float, float]) -> None:
    fair, token, scans = setup["door"], setup["officer_token"], setup["scans"]
    new, again = list(scans["new"]), list(scans["again"])
    for clients, count, base in ((1, args.scans // 4, base_p95[0]), (4, args.scans, base_p95[1])):
        wanted = [new.pop() for _ in range(min(len(new), count * 9 // 10))] + again[: count - count * 9 // 10]
        calls = [("POST", "/api/v1/fair-registrations/check-in/", token, {"fair": fair.pk, "token": t})
                 for t in wanted]  # fmt: skip
        print(f"\n3. check-in: {len(calls)} scans (9 in 10 new) by {clients} client(s) at a fair of "
              f"{args.registrations:,} registrations (load {_uptime()})", flush=True)  # fmt: skip
        latencies, statuses, elapsed = _drive(calls, clients)
        failed = sum(1 for s in statuses if s != 200)
        p95 = _p(latencies, 0.95)
        verdict = "met" if p95 <= 150 else "MISSED"
        print(
            f"   {_stats(latencies)}; {len(latencies) / elapsed:.0f} scans/s; {failed} not 200; p95 / baseline "
            f"p95 ({clients} client(s)) {p95 / base:.1f}x; target p95 <= 150 ms: {verdict}",
            flush=True,
        )


def _report(setup: dict, base_p50: float) -> None:
    from vieclam.fairs.models import Fair
    from vieclam.fairs.selectors import fair_report, fair_report_line

    fair, token = setup["door"], setup["officer_token"]
    print(f"\n4. report of the fair of {len(setup['scans']['new']) + len(setup['scans']['again']):,} registrations "
          f"(load {_uptime()})", flush=True)  # fmt: skip
    latencies, statuses, _elapsed = _drive([("GET", f"/api/v1/fairs/{fair.pk}/report/", token, None)] * 30, 1)
    status, body, _ms = _call("GET", f"/api/v1/fairs/{fair.pk}/report/", token)
    p95 = _p(latencies, 0.95)
    print(
        f"   API {_stats(latencies)}; {sum(1 for s in statuses if s != 200)} not 200; p50 / baseline p50 "
        f"{statistics.median(latencies) / base_p50:.1f}x; target <= 500 ms: {'met' if p95 <= 500 else 'MISSED'}"
    )
    times = []
    for _ in range(30):
        started = time.perf_counter()
        report = fair_report(Fair.objects.filter(pk=fair.pk))
        times.append((time.perf_counter() - started) * 1000)
    ratio = statistics.median(times) / base_p50
    print(f"   fair_report in this process {_stats(times)}; p50 / baseline p50 {ratio:.1f}x")
    print(f"   {fair_report_line(report)}; checked in {report.checked_in:,}; hired at the fair {report.hired_at_fair}")
    if status == 200 and isinstance(body, dict) and body.get("checked_in") != report.checked_in:
        print(f"   (the API answered checked in {body.get('checked_in')})")


if __name__ == "__main__":
    main()
