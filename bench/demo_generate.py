"""Benchmark: `vieclam demo --size province` on PostgreSQL against a plain COPY of the same rows.

    .venv/bin/python bench/demo_generate.py [--persons 1000000] [--database-url postgres://…/vieclam_bench]

It recreates the benchmark database (default vieclam_bench on 127.0.0.1), migrates it and loads the reference
data (not timed), then times the demo generator end to end (generate + write, in one transaction). The baseline,
measured in the same run: the same rows, generated again from the same seed, written with a bare COPY into
tables of the same columns without indexes or constraints. Prints rows/s and the ratios.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/vieclam_bench")
    args = parser.parse_args()
    _recreate(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v0"], check=True)
    subprocess.run([sys.executable, "-m", "vieclam", "load_reference"], check=True, capture_output=True)

    import django

    django.setup()
    _run(args.persons, args.seed)


def _recreate(url: str) -> None:
    base, name = url.rsplit("/", 1)
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _run(persons: int, seed: int) -> None:
    from django.db import connection, transaction

    from vieclam.demo.generate import demo_generate, demo_rows
    from vieclam.demo.writer import columns_of
    from vieclam.places.models import AdministrativeUnit

    province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    started = time.perf_counter()
    stats = demo_generate(province=province, persons=persons, seed=seed)
    demo_seconds = time.perf_counter() - started
    rows = sum(v for k, v in stats.items() if not k.endswith("seconds"))

    tables = demo_rows(province=province, persons=persons, seed=seed)  # same seed, same rows (ids shifted)
    with transaction.atomic(), connection.cursor() as cursor:
        copy_started = time.perf_counter()
        for name, (model, names, data) in tables.items():
            cols = ", ".join(f'"{c}"' for c in columns_of(model, names))
            plain = f"plain_{name}"
            cursor.execute(f'CREATE TEMP TABLE {plain} AS SELECT {cols} FROM "{model._meta.db_table}" WITH NO DATA')
            json_at = [i for i, value in enumerate(data[0]) if isinstance(value, dict | list)] if data else []
            with cursor.cursor.copy(f"COPY {plain} ({cols}) FROM STDIN") as copy:
                for row in data:
                    if json_at:
                        import json

                        row = list(row)
                        for i in json_at:
                            row[i] = json.dumps(row[i], ensure_ascii=False)
                    copy.write_row(row)
        copy_seconds = time.perf_counter() - copy_started
        transaction.set_rollback(True)

    counts = ", ".join(f"{k} {v:,}" for k, v in stats.items() if not k.endswith("seconds"))
    print(f"persons {persons:,}; rows written {rows:,} ({counts})")
    print(
        f"demo generator, end to end:  {demo_seconds:7.1f} s  {rows / demo_seconds:10,.0f} rows/s "
        f"(generate {stats['generate_seconds']:.1f} s, write {stats['write_seconds']:.1f} s)"
    )
    print(f"baseline, plain COPY:        {copy_seconds:7.1f} s  {rows / copy_seconds:10,.0f} rows/s")
    print(f"ratio end to end / COPY:     {demo_seconds / copy_seconds:7.2f}x")
    print(f"ratio write only / COPY:     {stats['write_seconds'] / copy_seconds:7.2f}x")
    verdict = "OK" if demo_seconds <= 180 else "MISSED"
    print(f"target: province size in <= 180 s -> {verdict} (migrations and reference load not included)")


if __name__ == "__main__":
    main()
