"""Benchmark: the training, work-abroad and loan journeys on the 1.000.000-person demo province, PostgreSQL (issue 13).

    .venv/bin/python bench/journeys.py [--database-url postgres://…/bench_services_1m] [--reuse]
                                       [--repeat 20] [--no-baseline]

The database is the one bench/services.py builds (`vieclam demo --size province`: the three years of history include
training classes and enrolments, journeys abroad and loans); without --reuse it is recreated and the build timed.

Measured in-process through Django's test client (the full request: session, scoping, the read audit, template), DEBUG
off and the garbage collector set up as in production, as the province officer and as a commune officer:
- each journey's list page, first page, unfiltered and with a common filter, and a deep page (page 100): classes,
  enrolments, journeys abroad, loans; the persons interested in working abroad (/abroad/leads/);
- the timeline, page and API, of the 20 persons with the most training, journey and loan rows.
Targets (issue 13): a list page ≤ 300 ms, a timeline p95 ≤ 50 ms. The yearly report with the new indicators is
measured by bench/indicators.py (every catalogue indicator, new ones included; ≤ 2 s).

Baseline in the same run, on the same database: inside a transaction that is rolled back, the indexes these lists
and timelines read in order are dropped (INDEXES below), so the ratio shows what they buy. Prints p50 / p95 / max
per case, the ratio of p95s and the `uptime` load before and after each half.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import services as common  # noqa: E402  (bench/services.py: build, measure, report)

INDEXES = (
    "training_class_list_order", "training_class_commune", "training_enrolment_order", "training_enrolment_person",
    "abroad_journey_list_order", "abroad_journey_state", "abroad_journey_abroad", "abroad_event_person",
    "loans_list_order", "loans_commune_order", "loans_status", "loans_person",
)  # fmt: skip
TARGETS = {"list": 300.0, "timeline": 50.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_services_1m")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the demo province")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    print(f"load before: {common._uptime()}")
    build_seconds = common.build(args.database_url, reuse=args.reuse)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    os.environ.setdefault("VIECLAM_ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from vieclam.config.gc import gc_tune

    gc_tune()
    _counts()
    cases = _cases()
    print(f"load before the new half: {common._uptime()}")
    now = common._measure(cases, args.repeat)
    before = None
    if not args.no_baseline:
        print(f"load before the baseline half: {common._uptime()}")
        common.INDEXES = INDEXES
        before = common._baseline(cases, args.repeat)
    print(f"load after: {common._uptime()}")
    common._report(now, before)
    _verdict(now)
    if build_seconds is not None:
        print(f"\nbuild of the province with its history: {build_seconds:.0f} s (target ≤ 180 s)")


def _counts() -> None:
    from vieclam.abroad.models import Journey
    from vieclam.loans.models import Loan
    from vieclam.training.models import Enrolment, TrainingClass

    for model in (TrainingClass, Enrolment, Journey, Loan):
        print(f"{model._meta.verbose_name_plural}: {model.objects.count():,}".replace(",", "."))


def _cases() -> list[tuple[str, str, str, dict]]:
    from django.db import connection

    from vieclam.accounts.models import User

    commune = User.objects.filter(username="demo-commune").first()
    lists = (
        ("classes", "/training/", {"funding": "supported"}),
        ("enrolments", "/training/enrolments/", {"status": "completed"}),
        ("journeys", "/abroad/", {"state": "abroad"}),
        ("loans", "/loans/", {"status": "disbursed"}),
        ("leads", "/abroad/leads/", None),
    )
    cases = []
    for user in ("demo-province", commune.username if commune else None):
        if user is None:
            continue
        who = "province" if user == "demo-province" else "commune"
        for name, url, filtered in lists:
            cases.append((f"list {name} p1 · {who}", user, url, {}))
            if filtered is not None:
                cases.append((f"list {name} filtered · {who}", user, url, filtered))
            if who == "province" and filtered is not None:
                cases.append((f"list {name} page 100 · {who}", user, url, {"page": 100}))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p FROM (SELECT person_id AS p FROM training_enrolment UNION ALL SELECT person_id FROM"
            " abroad_journeyevent UNION ALL SELECT person_id FROM loans_loan WHERE person_id IS NOT NULL UNION ALL"
            " SELECT person_id FROM loans_loanjobperson) AS rows GROUP BY p ORDER BY count(*) DESC, p LIMIT 20"
        )
        persons = [p for (p,) in cursor.fetchall()]
    for pk in persons:
        cases.append(("timeline page · journeys", "demo-province", f"/people/{pk}/timeline/", {}))
        cases.append(("timeline API · journeys", "demo-province", f"/api/v1/persons/{pk}/timeline/", {}))
    return cases


def _verdict(now) -> None:
    worst_list = max((common._p95(t), label) for label, (t, _s) in now.items() if label.startswith("list"))
    worst_timeline = max((common._p95(t), label) for label, (t, _s) in now.items() if label.startswith("timeline"))
    for kind, (p95, label) in (("list", worst_list), ("timeline", worst_timeline)):
        met = "met" if p95 <= TARGETS[kind] else "MISSED"
        print(f"worst {kind} p95: {p95:.1f} ms ({label}) against {TARGETS[kind]:.0f} ms: {met}")


if __name__ == "__main__":
    main()
