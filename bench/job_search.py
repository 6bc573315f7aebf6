"""Benchmark: the public job search on PostgreSQL with 100.000 open vacancies, and the /jobs/ page under load.

    .venv/bin/python bench/job_search.py [--vacancies 100000] [--runs 40] [--seconds 20] [--clients 16]
                                         [--database-url postgres://…/vieclam_bench_search]

1. Recreates the database (default vieclam_bench_search on 127.0.0.1), migrates it, loads the reference data.
2. Writes N open vacancies (real titles from the demo generator, employers spread over every province, more in
   the big cities) with COPY, then `jobindex_sync()` (what `vieclam jobs_reindex` runs) and ANALYZE.
3. Times the selector as the page uses it (place resolution, job_search, count, first page of 20) for a set of
   realistic queries: p50 and p95 per query and overall. Baseline, same run: a naive `title__icontains` of the
   Vietnamese phrase over open vacancies (same count + first page, same province filter). Prints the ratio.
4. Starts `gunicorn vieclam.config.wsgi -w 2 -b 127.0.0.1:8765` (DEBUG off) on that database, drives /jobs/
   with a bounded thread pool of 16 clients on loopback for ~20 s, prints requests/s and latency p50/p95, stops it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from random import Random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 8765
# (label, q, filters for the selector, baseline phrase for title__icontains, baseline province code)
QUERIES = [
    ("ke toan ha noi", "ke toan ha noi", {}, "kế toán", "01"),
    ("cong nhan may", "cong nhan may", {}, "công nhân may", None),
    ("lai xe", "lai xe", {}, "lái xe", None),
    ("ky su dien", "ky su dien", {}, "kỹ sư điện", None),
    ("ke toan + province=79", "ke toan", {"province": "79"}, "kế toán", "79"),
    ("cong nhan + province=Long An", "cong nhan", {"province": "Long An"}, "công nhân", "80"),
    ("lai xe + province=80, sort=pay", "lai xe", {"province": "80", "sort": "pay"}, "lái xe", "80"),
    ("nhan vien kinh doanh + pay>=10tr", "nhan vien kinh doanh", {"pay_min": 10_000_000}, "nhân viên kinh doanh", None),
    ("typo: ke toam tong hop", "ke toam tong hop", {}, "kế toán tổng hợp", None),
    ("browse: province=01, newest", "", {"province": "01", "sort": "newest"}, "", "01"),
]
# Where the jobs are: share (%) by new province code; the rest spread evenly over the other provinces.
PROVINCE_WEIGHTS = {"79": 25, "01": 20, "75": 6, "24": 5, "80": 4, "31": 4, "48": 4}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vacancies", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40, help="timed runs of each query")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the HTTP load test")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/vieclam_bench_search")
    args = parser.parse_args()
    _recreate(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    os.environ["DEBUG"] = "false"  # no query log: time what production runs
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v0"], check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "vieclam", "load_reference"], check=True, capture_output=True, cwd=ROOT)

    import django

    django.setup()
    _populate(args.vacancies, args.seed)
    selector_p95, baseline_p95 = _time_selector(args.runs)
    http = _load_test(args.database_url, args.seconds, args.clients)
    print()
    print(f"SUMMARY selector p95 {selector_p95:.1f} ms (target <= 100 ms: {'OK' if selector_p95 <= 100 else 'MISSED'})"
          f"; naive icontains p95 {baseline_p95:.1f} ms; ratio {selector_p95 / baseline_p95:.2f}x")  # fmt: skip
    print(f"SUMMARY /jobs/ {http}")


def _recreate(url: str) -> None:
    base, name = url.rsplit("/", 1)
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


#
# Data
#
def _populate(count: int, seed: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from vieclam.jobboard.indexing import jobindex_sync
    from vieclam.vacancies.models import Vacancy

    started = time.perf_counter()
    employers, vacancies = _rows(count, seed, timezone.now())
    generated = time.perf_counter()
    from vieclam.demo.economy import EMPLOYER_COLUMNS
    from vieclam.demo.jobs import VACANCY_COLUMNS
    from vieclam.demo.writer import bulk_write
    from vieclam.employers.models import Employer

    with transaction.atomic():
        bulk_write(Employer, EMPLOYER_COLUMNS, employers)
        bulk_write(Vacancy, VACANCY_COLUMNS, vacancies)
    written = time.perf_counter()
    stats = jobindex_sync()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{len(employers):,} employers, {len(vacancies):,} open vacancies: generated in {generated - started:.1f} s,"
          f" COPY {written - generated:.1f} s; reindex {stats['seconds']:.1f} s ({stats['written']:,} rows, "
          f"{stats['words']:,} words)")  # fmt: skip


def _rows(count: int, seed: int, now: dt.datetime) -> tuple[list[tuple], list[tuple]]:
    """Employers over all provinces (weighted to the big cities) and `count` open vacancies with real titles."""
    from vieclam.codelists.models import CodeItem, Industry, Occupation
    from vieclam.core.dates import today
    from vieclam.core.refdata import read_csv
    from vieclam.demo import jobs
    from vieclam.demo.economy import EmployerGenerator, EmployerPlace
    from vieclam.demo.writer import next_id
    from vieclam.employers.models import Employer
    from vieclam.places.choices import Level
    from vieclam.places.loader import DATA as PLACES_DATA
    from vieclam.places.models import AdministrativeUnit
    from vieclam.vacancies.models import Vacancy

    rng, day = Random(seed), today()
    communes: dict[str, list[int]] = {}
    rows = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE).values_list("pk", "province__code")
    for pk, province in rows:
        communes.setdefault(province, []).append(pk)
    provinces = sorted(communes)
    rest = max(1, 100 - sum(PROVINCE_WEIGHTS.values())) / max(1, len(provinces) - len(PROVINCE_WEIGHTS))
    weights = [PROVINCE_WEIGHTS.get(p, rest) for p in provinces]
    province_pk = dict(AdministrativeUnit.objects.current().filter(level=Level.PROVINCE).values_list("code", "pk"))
    employer_gen = EmployerGenerator(
        rng=rng,
        now=now,
        first_id=next_id(Employer),
        type_ids=dict(CodeItem.objects.filter(code_list__slug="employer-types").values_list("code", "pk")),
        industry_ids=list(Industry.objects.filter(system="vsic2025", level=4).values_list("pk", flat=True)),
        taken_tax_codes=set(),
    )
    old_names = read_csv(PLACES_DATA / "mapping_2025/province_old_to_new.csv")
    level4 = Occupation.objects.filter(level=4)
    job_gen = jobs.JobGenerator(
        rng=rng,
        now=now,
        today=day,
        titles=jobs.load_titles({jobs.place_key(r["old_province_name"]): r["new_province_code"] for r in old_names}),
        occupation_ids=dict(level4.values_list("code", "pk")),
        occupation_names={o.pk: o.display_name for o in level4},
        first_ids={"vacancy": next_id(Vacancy), "profile": 1},
    )
    status_at, deadline_at, created_at = (jobs.VACANCY_COLUMNS.index(c) for c in ("status", "deadline", "created_at"))
    employers, vacancies = [], []
    while len(vacancies) < count:
        province = rng.choices(provinces, weights)[0]
        employer = employer_gen.employer(EmployerPlace(rng.choice(communes[province]), province))
        employers.append(employer)
        for _ in range(min(rng.choice([1, 2, 3, 5, 8]), count - len(vacancies))):
            row = list(job_gen.vacancy(employer, employer_province=province, home_province=province,
                                       exchange_id=province_pk[province]))  # fmt: skip
            row[status_at] = "open"
            row[deadline_at] = day + dt.timedelta(days=rng.randint(1, 60))
            row[created_at] = now - dt.timedelta(days=rng.randint(0, 45), minutes=rng.randint(0, 1440))
            vacancies.append(tuple(row))
    return employers, vacancies


#
# Selector
#
def _time_selector(runs: int) -> tuple[float, float]:
    print(f"\nselector vs baseline, {runs} runs each (ms; count + first page of 20)")
    print(f"{'query':<38} {'hits':>7} {'p50':>7} {'p95':>7} | {'naive hits':>10} {'p50':>7} {'p95':>7}")
    all_ours, all_naive = [], []
    for label, q, filters, phrase, province in QUERIES:
        ours, hits = _samples(lambda q=q, f=filters: _search(q, f), runs)
        naive, naive_hits = _samples(lambda p=phrase, c=province: _naive(p, c), runs)
        all_ours += ours
        all_naive += naive
        print(f"{label:<38} {hits:>7,} {_p(ours, 50):7.1f} {_p(ours, 95):7.1f} | "
              f"{naive_hits:>10,} {_p(naive, 50):7.1f} {_p(naive, 95):7.1f}")  # fmt: skip
    print(f"{'all queries':<38} {'':>7} {_p(all_ours, 50):7.1f} {_p(all_ours, 95):7.1f} | "
          f"{'':>10} {_p(all_naive, 50):7.1f} {_p(all_naive, 95):7.1f}")  # fmt: skip
    return _p(all_ours, 95), _p(all_naive, 95)


def _samples(run, runs: int) -> tuple[list[float], int]:
    for _ in range(3):
        hits = run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times, hits


def _search(q: str, filters: dict) -> int:
    from vieclam.jobboard.forms import JobSearchForm
    from vieclam.jobboard.search import job_search

    form = JobSearchForm({"q": q, **filters})
    assert form.is_valid(), form.errors
    results = job_search(form.to_query())
    count = results.ids.count()
    results.rows(results.ids[:20])
    return count


def _naive(phrase: str, province: str | None) -> int:
    from django.db.models import Q
    from django.utils import timezone

    from vieclam.vacancies.models import Vacancy

    jobs = Vacancy.objects.filter(Q(deadline__gte=timezone.localdate()) | Q(deadline__isnull=True), status="open")
    if phrase:
        jobs = jobs.filter(title__icontains=phrase)
    if province:
        jobs = jobs.filter(workplace_commune__province__code=province, workplace_commune__edition="post_2025_07")
    jobs = jobs.select_related("employer", "workplace_commune", "workplace_commune__province").order_by("-created_at")
    count = jobs.count()
    list(jobs[:20])
    return count


def _p(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


#
# HTTP load
#
def _load_test(database_url: str, seconds: float, clients: int) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false", "LOG_LEVEL": "ERROR"}
    cmd = [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "vieclam.config.wsgi", "-w", "2",
           "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(cmd, env=env, cwd=ROOT)
    try:
        _wait_ready()
        urls = [_page_url(q, filters) for _label, q, filters, _phrase, _province in QUERIES]
        return _drive(urls, seconds, clients)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _page_url(q: str, filters: dict) -> str:
    return f"http://127.0.0.1:{PORT}/jobs/?" + urllib.parse.urlencode({"q": q, **filters})


def _wait_ready() -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/jobs/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer on /jobs/ within 30 s")


def _drive(urls: list[str], seconds: float, clients: int) -> str:
    """`clients` threads, each sending one request at a time, round-robin over the query URLs."""
    for url in urls:  # warm both workers' connections and caches
        for _ in range(2):
            _get(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            ok = _get(urls[i % len(urls)])
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1
            i += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.monotonic() - started
    rate = len(latencies) / elapsed
    result = (f"{clients} clients, {elapsed:.1f} s: {len(latencies):,} requests, {rate:.1f} req/s, "
              f"p50 {_p(latencies, 50):.0f} ms, p95 {_p(latencies, 95):.0f} ms, errors {errors[0]}")  # fmt: skip
    print(f"\n/jobs/ under load (gunicorn -w 2): {result}")
    return result


def _get(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    main()
