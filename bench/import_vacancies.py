"""Benchmark: importing a file of 5.000 postings (vieclam.imports) against a bare bulk_create, in the same run.

    .venv/bin/python bench/import_vacancies.py [--rows 5000] [--database-url postgres://…/vieclam_bench_import]

Set-up, not timed: a temporary SQLite database, or the PostgreSQL database of --database-url, recreated (its name
must contain "bench": it is dropped first), migrated, reference data loaded; a province officer of Hà Nội, 200
employers registered in Hà Nội, and the occupation suggester's index (built once per process, ≈ 1 s). The file is
a TopCV-shaped CSV (job_id, title, company, salary, location, url): the 1.640 real titles of
vieclam/coding/data/eval_titles.csv and training_titles.csv cycled, the 200 companies, varied pay texts and
locations, a distinct job id per row.

Timed:
1. dry run: read and check every row, write each in a savepoint, roll everything back;
2. the import, committed: employer match, occupation suggestion, pay, place, vacancies.services.vacancy_create
   (validation, audit event) and the ImportedPosting link per row, the job board's index of all the rows at the
   end (jobboard.indexing.deferred);
3. the same file again: every row found already present;
4. baseline: Vacancy.objects.bulk_create of the same vacancies with the values the import resolved (no
   validation, no audit, no index, no link), rolled back.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAY = ["8 - 12 triệu", "Thoả thuận", "Tới 20 triệu", "Từ 10 triệu", "15 - 25 triệu", "$1,000 - $1,500"]
PLACES = ["Hà Nội", "Hà Nội: Phường Cầu Giấy", "Hà Nội: Số 1 Phố Huế, Phường Hai Bà Trưng", "Ha Noi"]
COMPANIES = 200


def recreate(url: str) -> None:
    """Drop and create the PostgreSQL database of `url` (only a benchmark's: its name must contain 'bench')."""
    base, name = url.rsplit("/", 1)
    if "bench" not in name:
        raise SystemExit(f"--database-url: “{name}” would be dropped; use a database named *bench*")
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def titles() -> list[str]:
    found: list[str] = []
    for name in ("eval_titles.csv", "training_titles.csv"):
        with (ROOT / "vieclam/coding/data" / name).open(encoding="utf-8") as handle:
            found += [row["title"] for row in csv.DictReader(handle)]
    return list(dict.fromkeys(t for t in found if t.strip()))


def build_file(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["job_id", "title", "company", "salary", "location", "url"])
    for n, title in enumerate(islice(cycle(titles()), rows), start=1):
        job_id = 3_000_000 + n
        company = f"Công ty TNHH Mẫu số {n % COMPANIES + 1}"
        url = f"https://www.topcv.vn/viec-lam/bench/{job_id}.html"
        writer.writerow([job_id, title, company, PAY[n % len(PAY)], PLACES[n % len(PLACES)], url])
    return buffer.getvalue().encode()


def set_up():
    from django.core.management import call_command

    from vieclam.accounts.choices import Role
    from vieclam.accounts.services import user_create
    from vieclam.coding.suggest import suggest_occupations
    from vieclam.core.refdata import load_all_reference
    from vieclam.employers.tests.factories import make_employer

    call_command("migrate", verbosity=0)
    load_all_reference()
    admin = user_create(actor=None, username="bench-admin", role=Role.ADMIN, password="bench-only-2026", area_codes=[])
    officer = user_create(
        actor=None, username="bench-hn", role=Role.PROVINCE_OFFICER, password="bench-only-2026", area_codes=["01"]
    )
    for n in range(1, COMPANIES + 1):
        make_employer(admin, name=f"Công ty TNHH Mẫu số {n}", commune_code="00004")
    suggest_occupations("kế toán")  # build the suggester's index outside the timings
    return officer


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def baseline() -> float:
    """bulk_create copies of the imported vacancies (same values), inside a transaction rolled back."""
    from django.db import transaction

    from vieclam.vacancies.models import Vacancy

    fields = [f.attname for f in Vacancy._meta.concrete_fields if f.attname not in ("id", "created_at", "updated_at")]
    copies = [Vacancy(**dict(zip(fields, row, strict=True))) for row in Vacancy.objects.values_list(*fields)]
    with transaction.atomic():
        started = time.perf_counter()
        Vacancy.objects.bulk_create(copies, batch_size=1000)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to recreate (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.database_url:
            recreate(args.database_url)
        os.environ.update(VIECLAM_VAR_DIR=tmp, DATABASE_URL=args.database_url or f"sqlite:///{tmp}/bench.sqlite3")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connection

        from vieclam.imports.services import import_batch_run
        from vieclam.jobboard.models import JobIndex

        officer = set_up()
        data = build_file(args.rows)

        def run(**options):
            return import_batch_run(actor=officer, filename="bench.csv", content=data, **options)

        vendor = connection.vendor
        dry, dry_s = timed(lambda: run(dry_run=True))
        done, done_s = timed(run)
        indexed = JobIndex.objects.filter(is_live=True).count()  # every vacancy on the job board once committed
        again, again_s = timed(run)
        base_s = baseline()
    counts = done.counts
    assert done.committed and counts["created"] == args.rows, (counts, done.error_lines()[:5])
    assert indexed == args.rows, indexed
    n = args.rows
    print(f"rows: {n:,}".replace(",", "."), f"(flagged for review: {counts['flagged']}, errors: {counts['errors']})")
    print(f"database: {vendor}")
    print(f"baseline bulk_create of the same vacancies: {base_s:7.2f} s  ({n / base_s:8.0f} rows/s)")
    print(f"dry run (check all, roll back):             {dry_s:7.2f} s  ({n / dry_s:8.0f} rows/s)")
    print(f"import, committed:                          {done_s:7.2f} s  ({n / done_s:8.0f} rows/s)", end="")
    print(f"  ratio {done_s / base_s:6.1f}x baseline")
    print(f"same file again (all already present):      {again_s:7.2f} s  ({n / again_s:8.0f} rows/s)")
    assert again.counts["present"] == n and dry.counts["created"] == n


if __name__ == "__main__":
    main()
