"""Benchmark: the indicator engine on the 1.000.000-person demo province with its history, PostgreSQL (issue 12).

    .venv/bin/python bench/indicators.py [--database-url postgres://…/bench_indicators_1m] [--repeat 7]
                                         [--naive-pairs 12] [--check-communes 3] [--profile report|dashboard]

The database comes from --database-url (or BENCH_DATABASE_URL); it is created with `vieclam demo --size province`
when it holds no demo province yet, otherwise only migrated; then VACUUM ANALYZE.

Cases, each a fresh Calculator, p50 / p95 over --repeat runs, each run twice: "cold" with the shared store of
counted figures emptied first (as after any write to the records: indicators.freshness), "warm" again with what
the cold run stored (as for every later visitor until the next write):
- the yearly report of the last full year: every catalogue indicator for the province and for every commune
  (target ≤ 2 s);
- the province officer's dashboard, `dashboard_for(user=demo-province)` (target ≤ 500 ms);
- one indicator by commune for the last full year: giai_quyet_viec_lam, and ty_le_qua_dao_tao, which replays the
  persons' states on 31/12 (target ≤ 200 ms).
Baseline in the same run, "naive": one calculation per indicator × commune (a fresh Calculator(communes=[c]) asked
one figure, i.e. one COUNT per indicator and commune); timed on a sample of --naive-pairs pairs and extrapolated
to all the pairs of the case (printed as such). Check: for --check-communes communes picked at random, every
indicator of the report equals a plain-Python count over the rows fetched from the database
(vieclam/indicators/tests/bruteforce.py). Prints the `uptime` load before and after each half.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    default_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_indicators_1m")
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--naive-pairs", type=int, default=12)
    parser.add_argument("--check-communes", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--profile", choices=("report", "dashboard", "one", "one_state"), help="cProfile one run")
    args = parser.parse_args()
    print(f"load before: {_uptime()}")
    build_seconds = build(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    import django

    django.setup()
    cases = _cases()
    if args.profile:
        _profile({label: run for label, run, _naive in cases}[args.profile])
        return
    print(f"load before the engine half: {_uptime()}")
    results = {label: _measure(run, args.repeat) for label, run, _naive in cases}
    naive = {}
    if not args.no_baseline:
        print(f"load before the naive half: {_uptime()}")
        naive = {label: _naive(pairs, args.naive_pairs) for label, _run, pairs in cases}
    print(f"load after: {_uptime()}")
    _report(results, naive)
    _check(args.check_communes)
    if build_seconds is not None:
        print(f"\nbuild of the province with its history: {build_seconds:.0f} s")


# --- the database -------------------------------------------------------------------------------------------------
def build(url: str) -> float | None:
    """Create and fill the database when it holds no demo province; ANALYZE. Seconds spent building, or None."""
    env = {**os.environ, "DATABASE_URL": url}
    started = None
    if not _has_people(url):
        _create(url)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vieclam", "demo", "--size", "province"], check=True, env=env)
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v", "0"], check=True, env=env)
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        # What autovacuum does on a live server (it is off on the development machines): statistics, hint bits and
        # the visibility map of the freshly copied tables.
        conn.execute("VACUUM ANALYZE")
    return None if started is None else time.perf_counter() - started


def _create(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _has_people(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM people_person)").fetchone()[0])
    except psycopg.Error:
        return False


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


# --- the cases ----------------------------------------------------------------------------------------------------
def _province():
    from django.conf import settings

    from vieclam.places.models import AdministrativeUnit

    unit = AdministrativeUnit.objects.current().get(level="province", code=settings.VIECLAM_DEMO_PROVINCE)
    communes = AdministrativeUnit.objects.current().filter(level="commune", province=unit)
    communes = sorted(communes.values_list("pk", flat=True))
    return unit, communes


def _cases():
    """[(label, run(), [naive pairs (indicator, period, commune)])]."""
    from vieclam.accounts.models import User
    from vieclam.core.dates import today
    from vieclam.indicators.dashboard import dashboard_for
    from vieclam.indicators.engine import Calculator
    from vieclam.indicators.models import Indicator
    from vieclam.indicators.periods import Period

    _unit, communes = _province()
    indicators = list(Indicator.objects.all())
    year = Period.year(today().year - 1)
    officer = User.objects.get(username="demo-province")

    def report():
        calc = Calculator(communes=communes)
        return {i.code: (calc.figure(i, year), calc.by_commune(i, year, communes)) for i in indicators}

    def one(code):
        indicator = next(i for i in indicators if i.code == code)
        return lambda: Calculator(communes=communes).by_commune(indicator, year, communes)

    on = today()
    ytd = Period(dt.date(on.year, 1, 1), on)
    key = [i for i in indicators if i.key]
    jobs = next(i for i in indicators if i.code == "giai_quyet_viec_lam")
    trained = next(i for i in indicators if i.code == "ty_le_qua_dao_tao")
    months = Period.year(on.year - 1).months() + [m for m in Period.year(on.year).months() if m.start <= on]
    dashboard_pairs = [(i, ytd, c) for i in key for c in communes] + [(jobs, m, c) for m in months for c in communes]
    dashboard_pairs += [(jobs, ytd, c) for c in communes]
    return [
        ("report", report, [(i, year, c) for i in indicators for c in [None, *communes]]),
        ("dashboard", lambda: dashboard_for(user=officer, on=on), dashboard_pairs),
        ("one", one("giai_quyet_viec_lam"), [(jobs, year, c) for c in communes]),
        ("one_state", one("ty_le_qua_dao_tao"), [(trained, year, c) for c in communes]),
    ]


TARGETS = {"report": 2000, "dashboard": 500, "one": 200, "one_state": 200}
LABELS = {
    "report": "yearly report (every indicator × every commune + province)",
    "dashboard": "dashboard_for(province officer)",
    "one": "giai_quyet_viec_lam by commune",
    "one_state": "ty_le_qua_dao_tao by commune (persons on 31/12)",
}


def _measure(run, repeat: int) -> dict[str, list[float]]:
    """{"cold": ms, "warm": ms}: each repetition first with the shared store of counts emptied (as after any write
    to the records), then again with what that run stored (as for every later visitor until the next write)."""
    from django.core.cache import cache

    run()  # warm the process (catalogue rows, plans, compiled code)
    out: dict[str, list[float]] = {"cold": [], "warm": []}
    for _ in range(repeat):
        cache.clear()
        for kind in ("cold", "warm"):
            started = time.perf_counter()
            run()
            out[kind].append((time.perf_counter() - started) * 1000)
    return out


def _naive(pairs, sample: int) -> tuple[float, int, int]:
    """(extrapolated ms for all pairs, pairs timed, all pairs): a fresh one-commune Calculator per figure."""
    from vieclam.indicators.engine import Calculator

    rng = random.Random(12)
    chosen = rng.sample(pairs, min(sample, len(pairs)))
    from django.core.cache import cache

    spent = 0.0
    for indicator, period, commune in chosen:
        communes = None if commune is None else [commune]
        cache.clear()  # a naive count never finds a stored one
        started = time.perf_counter()
        Calculator(communes=communes).figure(indicator, period)
        spent += (time.perf_counter() - started) * 1000
    return spent * len(pairs) / len(chosen), len(chosen), len(pairs)


def _report(results: dict, naive: dict) -> None:
    print(f"\n{'case':<60} {'store':>5} {'p50':>9} {'p95':>9} {'target':>8} {'naive (extrapolated)':>24} {'×':>8}")
    for label, runs in results.items():
        for kind, times in runs.items():
            p50 = statistics.median(times)
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
            met = "met" if p95 <= TARGETS[label] else "MISSED"
            line = f"{LABELS[label]:<60} {kind:>5} {p50:>7.0f}ms {p95:>7.0f}ms {TARGETS[label]:>6}ms"
            if label in naive:
                ms, timed, pairs = naive[label]
                line += f" {ms:>10.0f}ms ({timed}/{pairs})"[:25].rjust(25) + f" {ms / p50:>7.1f}"
            print(f"{line}  {met} (p95)")


def _check(count: int) -> None:
    """Every indicator of the report, for `count` random communes, against a plain-Python count."""
    from vieclam.core.dates import today
    from vieclam.indicators.engine import Calculator
    from vieclam.indicators.models import Indicator
    from vieclam.indicators.periods import Period
    from vieclam.indicators.tests.bruteforce import BruteForce

    # Run after the measured half: the report's figures come from the shared store, so this checks what it stored.
    _unit, communes = _province()
    sample = random.Random(int(time.time())).sample(communes, count)
    year = Period.year(today().year - 1)
    started = time.perf_counter()
    brute = BruteForce(sample=sample, calculator_communes=communes)
    calc = Calculator(communes=communes)
    checked = 0

    def counted_by_hand(
        term: str,
    ) -> bool:  # the other apps' rules are checked by vieclam/indicators/tests/test_rules.py
        return not term or term.removeprefix("drop:") in BruteForce.RULES

    for indicator in Indicator.objects.all():
        if not (counted_by_hand(indicator.numerator) and counted_by_hand(indicator.denominator)):
            continue
        got = calc.by_commune(indicator, year, communes)
        for commune in sample:
            figure = got[commune]
            expected = brute.figure(indicator, year, commune)
            assert (figure.numerator, figure.denominator, figure.value) == expected, (indicator.code, commune)
            checked += 1
    print(
        f"\nbrute-force check: {checked} figures ({count} communes {sample} × engine indicators, {year.code}) equal "
        f"to a plain-Python count over {len(brute.person_rows):,} persons ({time.perf_counter() - started:.0f} s)"
    )


def _profile(run) -> None:
    import cProfile
    import pstats

    from django.core.cache import cache

    run()
    cache.clear()  # profile the count, not the store
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
