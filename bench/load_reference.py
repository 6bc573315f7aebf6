"""Benchmark: `vieclam load_reference` on a fresh SQLite database, first and second (no-op) run.

Baseline, measured in the same run: reading the same CSV files and inserting their rows into a plain
SQLite table with executemany (no validation, no diffing, no versions). Prints seconds and ratios.

    .venv/bin/python bench/load_reference.py
"""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "vieclam" / "places" / "data"
FILES = [
    "pre_2025_07/provinces.csv", "pre_2025_07/districts.csv", "pre_2025_07/wards.csv",
    "post_2025_07/provinces.csv", "post_2025_07/wards.csv", "mapping_2025/ward_old_to_new.csv",
]  # fmt: skip


def run(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vieclam", *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def baseline(db_path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE plain (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
    for name in FILES:
        with (DATA / name).open(encoding="utf-8") as handle:
            rows = [tuple((list(r.values()) + [""] * 5)[:5]) for r in csv.DictReader(handle)]
        conn.executemany("INSERT INTO plain VALUES (?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "VIECLAM_VAR_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        run(["migrate", "-v0"], env)
        first = run(["load_reference"], env)
        second = run(["load_reference"], env)
        startup = run(["check"], env)  # process start + Django setup, paid by every command
        base = baseline(Path(tmp) / "baseline.sqlite3")
    print(f"baseline (csv → executemany, plain table): {base:6.2f} s")
    print(f"process start-up (vieclam check):          {startup:6.2f} s")
    print(f"load_reference, first run:                 {first:6.2f} s  ratio {first / base:5.1f}x baseline")
    print(f"load_reference, second run (0 changes):    {second:6.2f} s  ratio {second / base:5.1f}x baseline")
    print(f"target: first run < 60 s on SQLite -> {'OK' if first < 60 else 'MISSED'}")


if __name__ == "__main__":
    main()
