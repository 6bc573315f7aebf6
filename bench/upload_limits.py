"""Benchmark: how fast a hostile upload is refused by vieclam.imports.readers (no database).

    .venv/bin/python bench/upload_limits.py [--repeat 5]

Timed, best and worst of --repeat runs, with the peak memory the refusal allocated (tracemalloc):
1. the zip bomb of vieclam/imports/tests/bombs.py: a 331 KB .xlsx whose sheet unzips to 2.000.000 rows (110 MB),
   refused from the sizes its zip declares;
2. the same bomb at 100.000 rows (5 MB unzipped), refused for packing 100 times tighter than real workbooks;
3. a 10 MB CSV of blank lines, refused at the first row past the limit;
4. for scale, a real-looking 1.000-row .xlsx read in full (the web page's limit).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _workbook(rows: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["title", "company", "salary", "location", "url"])
    for n in range(rows):
        sheet.append(
            [f"Kế toán tổng hợp {n}", f"Công ty TNHH số {n % 97}", "8 - 12 triệu", "Hà Nội", f"https://x.vn/{n}"]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _time(label: str, filename: str, content: bytes, repeat: int) -> None:
    from vieclam.imports.readers import ImportFileError, read_table

    times, peak, outcome = [], 0, ""
    for _ in range(repeat):
        tracemalloc.start()
        start = time.perf_counter()
        try:
            table = read_table(filename=filename, content=content, max_rows=1_000)
            outcome = f"read {len(table.records)} rows"
        except ImportFileError as exc:
            outcome = f"refused: {str(exc)[:70]}…"
        times.append(time.perf_counter() - start)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    print(f"{label:<44} {len(content) / 1024:>8.0f} KB  best {min(times) * 1000:7.1f} ms  worst "
          f"{max(times) * 1000:7.1f} ms  peak {peak / 1024 / 1024:6.1f} MB  {outcome}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    import django

    django.setup()
    from vieclam.imports.tests.bombs import zip_bomb

    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}, {os.cpu_count()} cores")
    _time("zip bomb, 2.000.000 rows", "bom.xlsx", zip_bomb(), args.repeat)
    _time("zip bomb, 100.000 rows", "bom.xlsx", zip_bomb(100_000), args.repeat)
    _time("CSV, 10 MB of blank lines", "tin.csv", b"title\nA\n" + b"\n" * (10 * 1024 * 1024 - 16), args.repeat)
    _time("real .xlsx, 1.000 rows, read in full", "tin.xlsx", _workbook(1_000), args.repeat)


if __name__ == "__main__":
    main()
