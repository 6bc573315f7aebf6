"""Benchmark: occupation coding of real job titles (vieclam/coding) against a keyword baseline, same run.

    .venv/bin/python bench/occupation_coding.py [--misses]

Migrates a temporary SQLite database and loads the code lists (not timed), builds the suggester once (timed
separately), then codes every title of vieclam/coding/data/eval_titles.csv and prints top-1 and top-3
accuracy and the per-title latency (mean, p95), overall and per sample stratum.

Baseline, measured in the same run: the keyword map the demo generator uses
(vieclam/demo/data/title_occupations.csv): the codes of the keywords that occur as whole words in the
lower-cased title, in file order, first three distinct. Ratios compare the two.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRATA = {
    "A": "TopCV, all sectors",
    "B": "TopCV, accounting search",
    "C": "VietnamWorks",
    "D": "TopCV detailed",
    "E": "ITviec (IT)",
    "F": "factory, trades, service",
}


def keyword_baseline():
    with (ROOT / "vieclam/demo/data/title_occupations.csv").open(encoding="utf-8") as handle:
        rules = [
            (re.compile(rf"(?<!\w){re.escape(r['keyword'])}(?!\w)"), r["occupation"]) for r in csv.DictReader(handle)
        ]

    def code(title: str) -> list[str]:
        low = " ".join(title.lower().split())
        found = []
        for pattern, occupation in rules:
            if occupation not in found and pattern.search(low):
                found.append(occupation)
                if len(found) == 3:
                    break
        return found

    return code


def report(name: str, result) -> None:
    print(
        f"{name:<26} n={result.total:3d}  top-1 {result.rate(result.top1):6.1%}  "
        f"(primary code {result.rate(result.top1_primary):6.1%})  top-3 {result.rate(result.top3):6.1%}  "
        f"latency mean {result.latency_ms():6.3f} ms  p95 {result.latency_ms(0.95):6.3f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list the titles missed in the top 3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update({"VIECLAM_VAR_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        from vieclam.codelists.loader import load_codelists

        call_command("migrate", verbosity=0)
        load_codelists()
        run(args.misses)


def run(show_misses: bool) -> None:
    from vieclam.coding.evaluation import evaluate, load_eval
    from vieclam.coding.suggest import get_suggester

    rows = load_eval()
    started = time.perf_counter()
    suggester = get_suggester()
    build = time.perf_counter() - started
    print(f"eval titles: {len(rows)}; suggester built in {build:.2f} s ({len(suggester.index.documents)} documents)")

    def ours(title: str) -> list[str]:
        return [s.code for s in suggester.suggest(title, limit=5)]

    baseline = keyword_baseline()
    base_result = evaluate(baseline, rows)
    our_result = evaluate(ours, rows)
    report("keyword baseline", base_result)
    report("suggester", our_result)
    for stratum, label in STRATA.items():
        subset = [r for r in rows if r.stratum == stratum]
        report(f"  {stratum} {label}", evaluate(ours, subset))
    strict = [r for r in rows if all(len(code) == 4 for code in r.accepted)]
    report("  without 174 group labels", evaluate(ours, strict))
    ratio = our_result.latency_ms() / base_result.latency_ms()
    print(
        f"ratio suggester/baseline: top-1 {our_result.top1 / max(base_result.top1, 1):.2f}x, "
        f"top-3 {our_result.top3 / max(base_result.top3, 1):.2f}x, mean latency {ratio:.1f}x"
    )
    if show_misses:
        for title, accepted, codes in our_result.misses:
            print(f"MISS {title[:80]!r} accepted={' '.join(accepted)} got={' '.join(codes)}")


if __name__ == "__main__":
    main()
