"""Benchmark: every registry list (web page and staff API) on the 1.000.000-person demo province, PostgreSQL.

    .venv/bin/python bench/registry_lists.py [--database-url postgres://…/bench_speed_1m] [--reuse]
                                             [--repeat 15] [--baseline-repeat 3] [--no-baseline]

Without --reuse it recreates the database and builds the demo province (`vieclam demo --size province`: migrate,
reference data, demo users, 1.000.000 persons, the job-board index; not timed). With --reuse it keeps a built
database and only migrates it. Then, in-process through Django's test client (the full request: session, scoping,
filters, query, template), it opens each list as the demo province officer and the demo commune officer: page 1,
a deep page (1.000), the last page (a page number past the end answers the last page), filtered by commune,
searched by name (a very common name, a rare one, a middle name), and the API's pages; the other paged pages
(audit log, vacancy approvals, users, account claims: page 1 and past the end); plus the pages an officer opens
daily (home, a person's record).

The baseline is measured in the same run on the same database: inside a transaction that is rolled back, the
list-order and trigram indexes of this work are dropped, the lists page with Django's own paginator (an exact
COUNT and any OFFSET), the province scope joins the units instead of listing their ids, and the person export
loads whole rows (model instances), as before. Not undone: the household member counts per shown row (a GROUP BY
before), the name search's order and query (core.search; without its indexes it reads as it did), the bounded
paging of the pages that are not registry lists, the Excel writer (core.exports: openpyxl before), the scope's
one query of the user's units (a UNION now; an OR before) and the name search's single count (counted twice).
Prints p50 / p95 / max in ms per case, the ratio to the baseline p95, and the `uptime` load before and after
each half. Target: every p95 ≤ 300 ms; the export under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import replace

# The indexes this work added (migrations people 0005/0006, employers 0004, vacancies 0003, seekers 0005,
# applications 0002, people 0008): the baseline runs without them.
NEW_INDEXES = (
    "people_person_name_order", "people_person_commune_order", "people_household_commune_code",
    "people_person_search_trgm", "people_household_search_trgm", "employers_name_order", "employers_commune_order",
    "vacancies_list_order", "vacancies_province_order", "seekers_profile_list_order", "seekers_profile_commune_order",
    "applications_list_order", "people_person_search_c_order", "people_person_commune_search_order",
    "people_person_search_tail_trgm",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_speed_1m")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the demo province")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline-repeat", type=int, default=3, help="the baseline takes seconds a request")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--only", default="", help="only the cases whose label contains this text")
    parser.add_argument(
        "--audit-rows",
        type=int,
        default=0,
        help="also time the audit log over this many events (added in a rolled-back transaction)",
    )
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    build(args.database_url, reuse=args.reuse)
    import django

    django.setup()
    cases = [case for case in _cases() if args.only in case[0]]
    print(f"load before: {_uptime()}")
    now = _measure(cases, args.repeat)
    print(f"load after the new half: {_uptime()}")
    before = None if args.no_baseline else _baseline(cases, args.baseline_repeat)
    if before is not None:
        print(f"load after the baseline half: {_uptime()}")
    _report(cases, now, before)
    if args.audit_rows:
        _audit_at_scale(args.audit_rows, args.repeat)


def build(url: str, *, reuse: bool) -> None:
    """The database with the demo province (built unless --reuse finds it), migrated to this checkout."""
    if not reuse:
        _recreate(url)
    env = {**os.environ, "DATABASE_URL": url}
    if reuse and _has_people(env):
        subprocess.run([sys.executable, "-m", "vieclam", "migrate", "-v", "0"], check=True, env=env)
        return
    subprocess.run([sys.executable, "-m", "vieclam", "demo", "--size", "province"], check=True, env=env)


def _recreate(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _has_people(env: dict) -> bool:
    code = "import psycopg,os,sys;c=psycopg.connect(os.environ['DATABASE_URL']);"
    code += "sys.exit(0 if c.execute('select exists(select 1 from people_person)').fetchone()[0] else 1)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True).returncode == 0


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _cases() -> list[tuple[str, str, str, dict]]:
    """(label, username, url, query) for every list, read from the data so that every filter finds rows."""
    from vieclam.accounts.models import User
    from vieclam.people.models import Person

    commune = User.objects.get(username="demo-commune").areas.first()
    person = Person.objects.filter(residence_commune=commune).order_by("pk").first()
    last = {"page": "999999"}  # past the end: the last page
    cases = []
    for user in ("demo-province", "demo-commune"):
        for label, url in (("persons", "/people/"), ("households", "/people/households/")):
            cases += [
                (f"{label} web p1", user, url, {}),
                (f"{label} web p1000", user, url, {"page": "1000"}),
                (f"{label} web last", user, url, last),
                (f"{label} web by commune", user, url, {"commune": commune.code}),
                (f"{label} web name common", user, url, {"q": "nguyen van"}),
                (f"{label} web name rare", user, url, {"q": "khuc"}),
                (f"{label} web name inside", user, url, {"q": "thi"}),  # a middle name: no name starts with it
            ]
        for label, url in (("employers", "/employers/"), ("vacancies", "/vacancies/"), ("seekers", "/seekers/"),
                           ("applications", "/applications/")):  # fmt: skip
            cases += [(f"{label} web p1", user, url, {}), (f"{label} web last", user, url, last)]
        for label, url in (("persons", "/api/v1/persons/"), ("households", "/api/v1/households/")):
            cases += [
                (f"{label} api p1", user, url, {}),
                (f"{label} api p1000", user, url, {"page": "1000"}),
                (f"{label} api by commune", user, url, {"commune": commune.code}),
            ]
        # The paged pages that are not registry lists (bounded paging too).
        for label, url in (("audit log", "/audit/"), ("approvals", "/vacancies/approvals/"),
                           ("users", "/accounts/users/"), ("claims", "/applications/claims/")):  # fmt: skip
            cases += [(f"{label} web p1", user, url, {}), (f"{label} web last", user, url, last)]
        cases += [
            ("home", user, "/", {}),
            ("a person's record", user, f"/people/{person.pk}/", {}),
            ("to complete", user, "/to-complete/", {}),
        ]
    # The people Excel export of ≈5.000 rows: the women of the commune officer's commune.
    cases.append(("persons Excel ≈5.000 rows", "demo-commune", "/people/", {"sex": "female", "export": "xlsx"}))
    return cases


def _measure(cases, repeat: int) -> dict[str, tuple[list[float], int]]:
    from django.test import Client

    from vieclam.accounts.models import User

    clients = {}
    out = {}
    for label, username, url, query in cases:
        if username not in clients:
            clients[username] = Client(HTTP_HOST="localhost")
            clients[username].force_login(User.objects.get(username=username))
        client = clients[username]
        client.get(url, query)  # warm: templates, the code-list names
        times, status = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, query)
            times.append((time.perf_counter() - started) * 1000)
            status = response.status_code
        out[f"{label} · {username}"] = (times, status)
    return out


def _baseline(cases, repeat: int):
    """The same cases without this work's indexes and with Django's paginator, in a rolled-back transaction."""
    from django.core.paginator import Paginator
    from django.db import connection, transaction

    from vieclam.accounts import scoping
    from vieclam.core.api.pagination import StandardPagination
    from vieclam.core.api.registry import RegistryListApi
    from vieclam.core.viewkit import RegistryListView
    from vieclam.people.views import PersonListView

    class Rollback(Exception):
        pass

    views = [RegistryListView, *_subclasses(RegistryListView)]
    apis = [RegistryListApi, *_subclasses(RegistryListApi)]
    saved = [(cls, dict(vars(cls))) for cls in (*views, *apis)]
    exporter, compute = PersonListView.exporter_class, scoping._compute_scope
    result = {}
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for name in NEW_INDEXES:
                    cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            for cls in views:
                cls.paginator_class = Paginator
            for cls in apis:
                cls.pagination_class = StandardPagination
            PersonListView.exporter_class = _whole_rows_exporter()  # model instances of every field, as before
            scoping._compute_scope = lambda user: replace(compute(user), units_of_provinces=frozenset())
            result = _measure(cases, repeat)
            raise Rollback
    except Rollback:
        pass
    finally:
        PersonListView.exporter_class = exporter
        scoping._compute_scope = compute
        for cls, attrs in saved:
            for attr in ("paginator_class", "pagination_class"):
                if attr in attrs:
                    setattr(cls, attr, attrs[attr])
                elif attr in vars(cls):
                    delattr(cls, attr)
    return result


def _audit_at_scale(rows: int, repeat: int) -> None:
    """The audit log over `rows` events in the province officer's communes (the demo writes a handful), bounded
    paging against Django's paginator, in a transaction that is rolled back."""
    from django.core.paginator import Paginator
    from django.db import connection, transaction

    from vieclam.portal import views

    class Rollback(Exception):
        pass

    cases = [(f"audit log ({rows} events) web {label}", user, "/audit/", query)
             for user in ("demo-province", "demo-commune")
             for label, query in (("p1", {}), ("p1000", {"page": "1000"}), ("last", {"page": "999999"}),
                                  ("one action", {"action": "update"}))]  # fmt: skip
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(
                    """INSERT INTO core_auditevent (at, actor_username, action, channel, object_id, object_repr,
                           changes, actor_id, area_id, content_type_id)
                       SELECT now() - make_interval(secs => n * 30), 'demo-commune',
                              (ARRAY['read', 'update', 'create'])[1 + n %% 3], 'web', p.id::text, p.full_name,
                              '{}'::jsonb, NULL, p.residence_commune_id, ct.id
                       FROM generate_series(1::bigint, %s::bigint) AS n
                       JOIN people_person p ON p.id = 1 + (n * 7919) %% (SELECT max(id) FROM people_person)
                       CROSS JOIN (SELECT id FROM django_content_type WHERE model = 'person') ct""",
                    [rows],
                )
                cursor.execute("ANALYZE core_auditevent")
                print(f"\n{rows} audit events added in {time.perf_counter() - started:.0f} s; load: {_uptime()}")
            bounded = _measure(cases, repeat)
            views.BoundedPaginator = Paginator  # type: ignore[misc]  # the page as before: exact count, any OFFSET
            exact = _measure(cases, max(3, repeat // 5))
            raise Rollback
    except Rollback:
        pass
    finally:
        from vieclam.core.paging import BoundedPaginator

        views.BoundedPaginator = BoundedPaginator  # type: ignore[misc]
    print(f"load after: {_uptime()}")
    _report(cases, bounded, exact)


def _whole_rows_exporter() -> type:
    """The person export as it was: whole model instances (every field, the related rows), read by attribute."""
    from vieclam.codelists.selectors import code_item_names
    from vieclam.core.exports import Column, choice, coded
    from vieclam.people.exporters import PersonExporter
    from vieclam.people.validation import CODED_FIELDS

    class WholeRows(PersonExporter):
        values = ()

        def columns(self) -> list[Column]:
            names = code_item_names(slugs=CODED_FIELDS.values())
            return [
                Column("cccd", "masked_national_id"), Column("name", "full_name"),
                Column("born", "date_of_birth.year"), choice("sex", "sex"),
                Column("commune", "residence_commune.name"), Column("code", "residence_commune.code"),
                Column("household", "household.code"), choice("relationship", "relationship"),
                coded("status", "activity_status", names[CODED_FIELDS["activity_status"]]),
                coded("level", "technical_level", names[CODED_FIELDS["technical_level"]]),
                Column("occupation", "occupation.name"),
            ]  # fmt: skip

    return WholeRows


def _subclasses(cls) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _report(cases, now, before) -> None:
    print(f"\n{'case':52} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'HTTP':>5}", end="")
    print(f" {'base p95':>9} {'base HTTP':>9} {'× faster':>9}" if before else "")
    worst = 0.0
    for key, (times, status) in now.items():
        p95 = _p95(times)
        worst = max(worst, p95)
        line = f"{key:52} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} {status:5}"
        if before:
            base_times, base_status = before[key]
            base = _p95(base_times)
            line += f" {base:9.0f} {base_status:9} {base / p95:9.1f}"
        print(line)
    print(f"\nworst p95: {worst:.0f} ms (target ≤ 300 ms)")


if __name__ == "__main__":
    main()
