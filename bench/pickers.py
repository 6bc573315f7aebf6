"""Benchmark: the picker endpoints (HTMX option lists) on the 1.000.000-person demo province, PostgreSQL.

    .venv/bin/python bench/pickers.py [--database-url postgres://…/bench_pickers_1m] [--reuse] [--repeat 30]

Without --reuse it recreates the database, migrates it and builds the demo province (`vieclam demo --size
province`, not timed). Then, in-process through Django's test client (the full request: session, scoping, query,
template), as the demo province officer and the demo commune officer, it times each picker with a set of typed
texts: a person by a full CCCD, by its first digits, by the start of a name; a commune by name (with and without
diacritics, an old pre-2025 name); an occupation by name (with the code suggester); an employer by name or tax
code; a vacancy by title. Prints p50 / p95 / max in ms per picker and role. Target: every p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_pickers_1m")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it exists")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    if not args.reuse:
        _recreate(args.database_url)
    if not args.reuse or not _has_people():
        subprocess.run([sys.executable, "-m", "vieclam", "demo", "--size", "province"], check=True)
    import django

    django.setup()
    _run(args.repeat)


def _recreate(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _has_people() -> bool:
    import django

    django.setup()
    from django.db.utils import DatabaseError

    try:
        from vieclam.people.models import Person

        return Person.objects.exists()
    except DatabaseError:
        return False


def _texts():
    """What people type into each picker, read from the data so that every text finds something."""
    from vieclam.employers.models import Employer
    from vieclam.people.models import Person
    from vieclam.vacancies.models import Vacancy

    some = list(Person.objects.exclude(national_id=None).order_by("pk").values_list("national_id", "full_name")[:5])
    employer = Employer.objects.order_by("pk").first()
    vacancy = Vacancy.objects.order_by("pk").first()
    return {
        "person: full CCCD": [nid for nid, _name in some],
        "person: first 8 digits": [nid[:8] for nid, _name in some],
        "person: name start": ["nguyen van", "tran thi", "Lê", "pham", "hoang minh"],
        "commune: name": ["tan ninh", "Phường Bình Minh", "ba dinh", "xa", "hoa thanh"],
        "commune: old name": ["phuc xa", "thi tran"],
        "occupation: name or title": ["ke toan", "thợ may công nghiệp", "nhan vien ban hang", "lai xe"],
        "employer: name or tax code": [employer.name.split()[-1], employer.tax_code[:6]] if employer else [],
        "vacancy: title": [vacancy.title.split()[0]] if vacancy else [],
    }


URLS = {
    "person": ("/people/picker/persons/", "person_label"),
    "commune": ("/areas/picker/communes/", "workplace_commune_label"),
    "occupation": ("/coding/picker/occupations/", "occupation_label"),
    "employer": ("/employers/picker/", "employer_label"),
    "vacancy": ("/vacancies/picker/", "vacancy_label"),
}


def _run(repeat: int) -> None:
    from django.test import Client

    from vieclam.accounts.models import User

    texts = _texts()
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"{'picker':30} {'role':18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  rows")
    for username in ("demo-province", "demo-commune"):
        client = Client(HTTP_HOST="localhost")
        client.force_login(User.objects.get(username=username))
        for name, typed in texts.items():
            url, param = URLS[name.split(":")[0]]
            times, rows = [], 0
            for text in typed[:1]:  # warm: the occupation suggester loads its index on first use
                client.get(url, {param: text, "target": "id_x"})
            for _ in range(repeat):
                for text in typed:
                    start = time.perf_counter()
                    response = client.get(url, {param: text, "target": "id_x"})
                    times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
                    rows = max(rows, response.content.count(b"<button"))
            if not times:
                continue
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"{name:30} {username:18} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}  {rows}")


if __name__ == "__main__":
    main()
