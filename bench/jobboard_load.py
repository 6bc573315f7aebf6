"""Benchmark: the public job board (/jobs/) under gunicorn -w 3 with 8, 16 and 32 concurrent clients.

    .venv/bin/python bench/jobboard_load.py [--database-url postgres://…/bench_speed_1m] [--reuse]
                                            [--seconds 15] [--clients 8,16,32] [--baseline-commit 5265bd2]
                                            [--redis-url redis://127.0.0.1:6379/1]

Without --reuse it recreates the database and builds the demo province (`vieclam demo --size province`: the
1.000.000 persons, ≈19.000 vacancies, the job-board index, the demo users; not timed); with --reuse it keeps a
built database and migrates it. Both halves run on that database, the same machine, the same Redis cache
(production's backend; flushed before each run) and the same client mix, one after the other for each number of
clients so that the machine's load is alike:

- baseline: the code of `--baseline-commit` (before this work), exported with `git archive` to a temporary
  directory and served from there (PYTHONPATH first, so its `vieclam` package is the one imported);
- new: this checkout.

The clients are threads of this process, each sending one request at a time (new connection each, like
browsers without keep-alive through a proxy). Mix "same searches": ten realistic searches and the bare page,
as visitors ask them again and again. Mix "distinct": every request a different page of a different search, so
that no result is in the cache (only the reference data: options, names, places). Prints requests/s, p50, p95,
errors, the ratio new/baseline, and the `uptime` load before each run.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from registry_lists import build  # noqa: E402 - the same database build as the registry bench

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 8766
SAME = [
    {},
    {"q": "ke toan"},
    {"q": "cong nhan may"},
    {"q": "lai xe", "sort": "pay"},
    {"q": "nhan vien ban hang"},
    {"q": "ky su dien"},
    {"q": "ke toam tong hop"},  # a typo
    {"province": "80"},
    {"province": "80", "sort": "newest", "page": "2"},
    {"q": "cong nhan", "province": "Long An"},
    {"q": "nhan vien kinh doanh", "pay_min": "10000000"},
]
WORDS = ["ke toan", "cong nhan", "nhan vien", "lai xe", "ky thuat", "ban hang", "may", "bao ve", "dien", "xay dung"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_speed_1m")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the demo province")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", default="8,16,32")
    parser.add_argument("--baseline-commit", default="5265bd2")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/1")
    args = parser.parse_args()
    build(args.database_url, reuse=args.reuse)
    base_dir = _export(args.baseline_commit)
    results = []
    try:
        for mix in ("same searches", "distinct"):
            for clients in [int(n) for n in args.clients.split(",")]:
                if mix == "distinct" and clients != 16:
                    continue
                row = {}
                for half, code_dir in (("baseline", base_dir), ("new", ROOT)):
                    load = _uptime()
                    row[half] = (_run(args, code_dir, clients, mix), load)
                results.append((mix, clients, row))
                _print_row(mix, clients, row)
    finally:
        shutil.rmtree(base_dir, ignore_errors=True)
    print("\nSUMMARY")
    for mix, clients, row in results:
        _print_row(mix, clients, row)


def _export(commit: str) -> str:
    target = tempfile.mkdtemp(prefix="vieclam-baseline-")
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", target], input=archive, check=True)
    return target


def _uptime() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True).stdout
    return out.strip().split("load average:")[-1].strip()


def _run(args, code_dir: str, clients: int, mix: str) -> dict:
    _flush_redis(args.redis_url)
    env = {**os.environ, "DATABASE_URL": args.database_url, "DEBUG": "false", "REDIS_URL": args.redis_url,
           "PYTHONPATH": code_dir, "VIECLAM_VAR_DIR": os.path.join(ROOT, "var")}  # fmt: skip
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    cmd = [gunicorn, "vieclam.config.wsgi", "-w", "3", "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"]
    server = subprocess.Popen(cmd, env=env, cwd=code_dir)
    try:
        _wait_ready()
        _check_code(code_dir, env)
        return _drive(_urls(mix), args.seconds, clients)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def _check_code(code_dir: str, env: dict) -> None:
    """The server imports the code of its half (the editable install of this checkout must not win)."""
    code = "import vieclam, os; print(os.path.dirname(os.path.dirname(os.path.abspath(vieclam.__file__))))"
    found = subprocess.run([sys.executable, "-c", code], env=env, cwd=code_dir, capture_output=True, text=True)
    if os.path.realpath(found.stdout.strip()) != os.path.realpath(code_dir):
        raise RuntimeError(f"the server would import vieclam from {found.stdout.strip()}, not {code_dir}")


def _urls(mix: str) -> itertools.cycle:
    base = f"http://127.0.0.1:{PORT}/jobs/"
    if mix == "same searches":
        return itertools.cycle([f"{base}?{urllib.parse.urlencode(p)}" for p in SAME])
    # each request a page of a search no one asked before in this run
    pages = (
        f"{base}?{urllib.parse.urlencode({'q': word, 'page': page, 'sort': sort})}"
        for page in itertools.count(1)
        for word in WORDS
        for sort in ("relevance", "newest", "pay")
    )
    return itertools.cycle(pages)


def _wait_ready() -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/jobs/", timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer on /jobs/ within 60 s")


def _drive(urls, seconds: float, clients: int) -> dict:
    for url in [f"http://127.0.0.1:{PORT}/jobs/"] * 6:  # every worker up and connected
        _get(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(_n: int) -> None:
        while time.monotonic() < stop_at:
            with lock:
                url = next(urls)
            started = time.perf_counter()
            ok = _get(url)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.monotonic() - started
    return {
        "rate": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": _p95(latencies),
        "requests": len(latencies),
        "errors": errors[0],
    }


def _p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _get(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status == 200
    except OSError:
        return False


def _print_row(mix: str, clients: int, row: dict) -> None:
    parts = []
    for half in ("baseline", "new"):
        r, load = row[half]
        parts.append(
            f"{half} {r['rate']:.1f} req/s p50 {r['p50']:.0f} ms p95 {r['p95']:.0f} ms "
            f"({r['requests']} ok, {r['errors']} errors; load {load})"
        )
    ratio = row["new"][0]["rate"] / row["baseline"][0]["rate"] if row["baseline"][0]["rate"] else float("inf")
    print(f"{mix:14} {clients:2} clients: {' | '.join(parts)} | ×{ratio:.1f}", flush=True)


if __name__ == "__main__":
    main()
