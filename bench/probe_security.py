"""The outside security probe of issue 9, re-runnable: every route × every identity over real HTTP.

    .venv/bin/python bench/probe_security.py [--quick] [--db postgres://postgres@127.0.0.1:5432/h_probe9] [--keep]

It builds what it needs itself, in a database of its own (a new SQLite file under /tmp, or the PostgreSQL database
given, dropped and recreated): `vieclam demo` (a small province), then, through the project's services, identities
of every role in two provinces and a record of every kind in three areas and for each owner account, each named
with a marker word. It starts gunicorn on a free port and talks to it as a browser would: signs in through the
login form (with its CSRF token), then
- routes with an id (read from the URL resolver): the ids of foreign records of the route's kind must answer
  401/403/404 (or the login page); own-area records are fetched too, to show the check is not empty;
- routes without an id, as a page and as CSV and Excel: no marker, CCCD or tax code of a foreign record may show;
- any 5xx anywhere is counted;
- POST without a CSRF token is refused (403) on every route;
- `?next=https://evil.example` never leads off the site (every page, the login form, the language switch, logout);
- a script in the query string (q and every field of the page's search form) never comes back unescaped;
- a script typed into one form per kind of record (a person's name, a vacancy's title, a fair's name, the sign-ups…)
  comes back escaped on every page that shows it, as every identity that can see it (stored XSS);
- mass assignment: sign-up, own edit forms and the API with extra fields (role, is_staff, areas, account…) change
  nothing they should not; an officer cannot write a record into an area they do not serve;
- enumeration: sign-up with a registered CCCD / tax code / username answers as with a new one (status, redirect,
  visible text after removing what was typed, tokens and the clock), the login form and the password reset answer
  alike for a known and an unknown account, and an officer typing a CCCD or tax code registered in another
  province gets no id or name.
It prints a summary table and exits 1 on any leak, 5xx, CSRF, redirect, XSS (reflected or stored), mass-assignment
or enumeration finding.
`--quick` keeps one identity per role and skips the exports of the officer roles of province B.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import html
import io
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "probe9-mat-khau-2026"
EVIL = "https://evil.example"
XSS = "p9x\"'><script>alert(9)</script>"
XSS_SEEN = ("<script>alert(9)</script>", "p9x\"'>")
# Stored through forms: "P9s<n>x" names the form it went in by (the n-th of STORED_FORMS), so a page that shows it
# says which record it comes from; the rest must come back escaped wherever it is shown.
STORED_TAIL = "\"'><script>alert(9)</script><img src=x onerror=alert(9)>"
STORED_SEEN = ("<script>alert(9)</script>", "<img src=x onerror", "x\"'><")
STORED_MARK = re.compile(r"P9s(\d+)x")

# Areas of the probe's world: A and C are two communes of Tây Ninh (80), B a ward of Hà Nội (01); D is the rest of
# the demo province. EA/EB are what the employer accounts own, WA/WB what the worker accounts own.
COMMUNES = {"A": "25459", "C": "25480", "B": "00004"}
MARKERS = {"A": "Anpha", "C": "Gamax", "B": "Bêta", "EA": "Dentax", "EB": "Omeka", "WA": "Kapxa", "WB": "Xichma"}
ALL = ["A", "B", "C", "D", "EA", "EB", "WA", "WB"]
IDENTITIES = {  # name → (role, areas served, areas whose records it must never reach)
    "p9-admin": ("admin", [], []),
    "p9-province-a": ("province_officer", ["80"], ["B", "EB", "WB"]),
    "p9-counsellor-a": ("counsellor", ["80"], ["B", "EB", "WB"]),
    "p9-commune-a": ("commune_officer", ["25459"], ["B", "C", "D", "EB", "WB"]),
    "p9-commune-a2": ("commune_officer", ["25480"], ["A", "B", "D", "EA", "EB", "WA", "WB"]),
    "p9-province-b": ("province_officer", ["01"], ["A", "C", "D", "EA", "WA"]),
    "p9-counsellor-b": ("counsellor", ["01"], ["A", "C", "D", "EA", "WA"]),
    "p9-commune-b": ("commune_officer", ["00004"], ["A", "C", "D", "EA", "WA"]),
    "p9-employer-a": ("employer", [], [a for a in ALL if a != "EA"]),
    "p9-employer-b": ("employer", [], [a for a in ALL if a != "EB"]),
    "p9-worker-a": ("worker", [], [a for a in ALL if a != "WA"]),
    "p9-worker-b": ("worker", [], [a for a in ALL if a != "WB"]),
    "anonymous": ("anonymous", [], ALL),
}
QUICK = ["p9-admin", "p9-province-a", "p9-counsellor-b", "p9-commune-a", "p9-employer-a", "p9-worker-a", "anonymous"]
REFUSED = {401, 403, 404}
CSRF_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
MOMENT = re.compile(r"\d{2}/\d{2}/\d{4}(?: \d{2}:\d{2}(?::\d{2})?)?|\b\d{1,2}:\d{2}(?::\d{2})?\b")
GIVEN_USERNAME = re.compile(r"\b[a-z0-9_-]+\.\d{3,6}\b")
OWN_ID = re.compile(r'("id":\s*)\d+')
DIGITS = re.compile(r"(?<![\d•*])\d{10}(?:-\d{3})?(?!\d)|(?<![\d•*])\d{12}(?!\d)")


# --------------------------------------------------------------------------------------------------------------
# Inside Django (run as a subprocess with the probe's database): the world, snapshots, claims.
# --------------------------------------------------------------------------------------------------------------
def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    import django

    django.setup()


def _tax_codes(start: int, count: int) -> list[str]:
    from vieclam.employers.models import Employer
    from vieclam.employers.taxcode import check_digit

    codes, number = [], start
    while len(codes) < count:
        first_nine = f"{number:09d}"
        number += 1
        digit = check_digit(first_nine)
        if digit is not None and not Employer.objects.filter(tax_code=f"{first_nine}{digit}").exists():
            codes.append(f"{first_nine}{digit}")
    return codes


def build_world(out: Path) -> None:
    """Identities and one record of every kind per area, through the project's services."""
    _django()
    import datetime as dt

    from django.db import transaction

    from vieclam.accounts.models import User
    from vieclam.accounts.services import user_create
    from vieclam.applications import selfservice
    from vieclam.applications.services import application_refer
    from vieclam.casework.services import case_assign
    from vieclam.casework.tests.factories import make_group, make_session
    from vieclam.config.tests.test_route_scoping import kind_of, names_a_record, routes
    from vieclam.connections.services import connection_create
    from vieclam.connections.tests.factories import months_ago
    from vieclam.employers.models import Employer
    from vieclam.employers.tests.factories import commune, employer_type
    from vieclam.imports.services import import_batch_preview
    from vieclam.imports.tests.test_command import DATA
    from vieclam.people.models import Person
    from vieclam.people.services import household_create
    from vieclam.seekers.tests.factories import make_person, make_profile
    from vieclam.vacancies.tests.factories import make_vacancy

    users = {}
    with transaction.atomic():
        for name, (role, areas, _foreign) in IDENTITIES.items():
            if role != "anonymous" and role not in ("employer", "worker"):
                users[name] = user_create(actor=None, username=name, role=role, password=PASSWORD, area_codes=areas)
    taxes = iter(_tax_codes(7_770_000, 20))
    people = {  # area → (CCCD, born, sex): the digits agree with the birth date and sex
        "A": ("080085077001", dt.date(1985, 3, 1), "male"),
        "C": ("080085077003", dt.date(1985, 3, 1), "male"),
        "B": ("001085077002", dt.date(1985, 3, 1), "male"),
        "WA": ("080195077004", dt.date(1995, 5, 10), "female"),
        "WB": ("001198077005", dt.date(1998, 1, 20), "female"),
    }
    objects: dict[str, dict[str, int]] = {}
    tax: dict[str, str] = {}
    identifiers: dict[str, list[str]] = {area: [] for area in ALL}
    for area in ("A", "C", "B"):
        marker, code = MARKERS[area], COMMUNES[area]
        officer = users["p9-province-b" if area == "B" else "p9-province-a"]
        nid, born, sex = people[area]
        person = make_person(officer, name=f"Trần Văn {marker}", national_id=nid, born=born, sex=sex, commune=code)
        profile = make_profile(officer, person, title=f"Thợ hàn {marker}")
        household = household_create(actor=officer, commune=code, head_name=f"Lê Thị {marker}")
        draft = make_vacancy(officer, commune_code=code, title=f"Kế toán {marker}", employer=None)
        employer = draft.employer
        Employer.objects.filter(pk=employer.pk).update(name=f"Công ty {marker}", tax_code=next(taxes))
        employer.refresh_from_db()
        opened = make_vacancy(officer, commune_code=code, title="Thủ kho", status="open")
        application = application_refer(actor=officer, vacancy=opened, person=person)
        batch = import_batch_preview(
            actor=officer, filename=f"tin-{marker}.csv", content=(DATA / "topcv_listings.csv").read_bytes()
        )
        user = users[{"A": "p9-commune-a", "C": "p9-commune-a2", "B": "p9-commune-b"}[area]]
        counselling = make_session(officer, person, outcome=f"Tư vấn {marker}")
        group = make_group(officer, commune=code, unit_name=f"Ấp {marker}", attendees=[person])
        case = case_assign(
            actor=officer, data={"person": person, "counsellor": officer, "next_action": f"Gọi {marker}"}
        )
        connection = connection_create(
            actor=officer,
            data={
                "person": person,
                "employer": employer,
                "contract_type": "xac_dinh_thoi_han",
                "start_date": months_ago(4),
                "funding_source": "mtqg",
            },
        )
        objects[area] = {
            "person": person.pk,
            "profile": profile.pk,
            "household": household.pk,
            "vacancy": draft.pk,
            "employer": employer.pk,
            "application": application.pk,
            "batch": batch.pk,
            "user": user.pk,
            "counselling": counselling.pk,
            "group_session": group.pk,
            "case": case.pk,
            "connection": connection.pk,
            "follow_up": connection.follow_ups.first().pk,
            "open_vacancy": opened.pk,
        }
        identifiers[area] += [nid, employer.tax_code]
        tax[area] = employer.tax_code
    # Owners: each employer account has a company with a draft posting, each worker a record, a profile, an application.
    for area, name, code in (("EA", "p9-employer-a", "25459"), ("EB", "p9-employer-b", "00004")):
        data = {
            "name": f"Công ty {MARKERS[area]}",
            "tax_code": next(taxes),
            "employer_type": employer_type(),
            "commune": commune(code),
            "phone": "0276 3822 111",
        }
        user = selfservice.employer_register(username=name, password=PASSWORD, data=data, email=f"{name}@example.org")
        employer = user.employers.get()
        officer = users["p9-province-b" if area == "EB" else "p9-province-a"]
        draft = make_vacancy(officer, employer=employer, commune_code=code, title=f"Thợ may {MARKERS[area]}")
        users[name] = user
        objects[area] = {"employer": employer.pk, "vacancy": draft.pk, "user": user.pk}
        identifiers[area].append(employer.tax_code)
        tax[area] = employer.tax_code
    for area, name, code in (("WA", "p9-worker-a", "25459"), ("WB", "p9-worker-b", "00004")):
        nid, born, sex = people[area]
        data = {
            "full_name": f"Nguyễn Thị {MARKERS[area]}",
            "national_id": nid,
            "date_of_birth": born,
            "sex": sex,
            "phone": "0912345678",
        }
        user = selfservice.worker_register(
            username=name, password=PASSWORD, commune=commune(code), data=data, email=f"{name}@example.org"
        )
        person = Person.objects.get(account=user)
        officer = users["p9-province-b" if area == "WB" else "p9-province-a"]
        profile = make_profile(officer, person, title=f"Thợ điện {MARKERS[area]}")
        source = "A" if area == "WA" else "B"
        from vieclam.vacancies.models import Vacancy

        application = application_refer(
            actor=officer, vacancy=Vacancy.objects.get(pk=objects[source]["open_vacancy"]), person=person
        )
        users[name] = user
        objects[area] = {"person": person.pk, "profile": profile.pk, "application": application.pk, "user": user.pk}
        identifiers[area].append(nid)
    # The demo province's own records: CCCDs and tax codes, by area of the probe.
    for nid, code in (
        Person.objects.exclude(national_id="")
        .exclude(national_id__isnull=True)
        .values_list("national_id", "residence_commune__code")
    ):
        area = next((a for a, c in COMMUNES.items() if c == code), "D")
        if nid not in sum(identifiers.values(), []):
            identifiers[area].append(nid)
    for code_, code in Employer.objects.exclude(tax_code="").values_list("tax_code", "commune__code"):
        if code_ not in sum(identifiers.values(), []):
            identifiers[next((a for a, c in COMMUNES.items() if c == code), "D")].append(code_)
    route_list = [(r, kind_of(r) if names_a_record(r) else None) for r in routes()]
    admin = User.objects.get(username="p9-admin")
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    out.write_text(
        json.dumps(
            {
                "objects": objects,
                "identifiers": identifiers,
                "routes": route_list,
                "people": {a: [nid, born.strftime("%d/%m/%Y"), sex] for a, (nid, born, sex) in people.items()},
                "fresh_tax_codes": list(taxes),
                "tax": tax,
                "user_ids": {n: u.pk for n, u in users.items()},
            },
            ensure_ascii=False,
        )
    )


def snapshot(out: Path) -> None:
    """What mass assignment could change: users' powers, who owns which record, where records live."""
    _django()
    from vieclam.accounts.models import User
    from vieclam.applications.models import AccountClaim
    from vieclam.employers.models import Employer
    from vieclam.people.models import Person
    from vieclam.seekers.models import JobSeekerProfile
    from vieclam.vacancies.models import Vacancy

    users = {
        u.username: [u.role, u.is_staff, u.is_superuser, u.is_active, sorted(a.code for a in u.areas.all())]
        for u in User.objects.prefetch_related("areas")
    }
    out.write_text(
        json.dumps(
            {
                "users": users,
                "persons": {
                    p: [a, c] for p, a, c in Person.objects.values_list("pk", "account_id", "residence_commune__code")
                },
                "employers": {
                    p: [a, c] for p, a, c in Employer.objects.values_list("pk", "account_id", "commune__code")
                },
                "vacancies": {p: [e] for p, e in Vacancy.objects.values_list("pk", "employer_id")},
                "profiles": {p: [e] for p, e in JobSeekerProfile.objects.values_list("pk", "person_id")},
                "claims": [[c.pk, c.area.code] for c in AccountClaim.objects.select_related("area")],
            }
        )
    )


# --------------------------------------------------------------------------------------------------------------
# Outside: the server and the HTTP probe.
# --------------------------------------------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.foreign_checks = 0
        self.own_checks = 0
        self.own_answered = 0
        self.own_rows_seen = 0
        self.compared = 0
        self.oracles: list[str] = []
        self.notes: list[str] = []
        self.findings: dict[str, list[str]] = {
            k: [] for k in ("leak", "5xx", "csrf", "redirect", "xss", "stored", "mass", "enumeration")
        }

    def add(self, kind: str, text: str) -> None:
        with self.lock:
            self.findings[kind].append(text)


class Agent:
    """One identity's browser: a requests session signed in through the login form."""

    def __init__(self, base: str, name: str, tally: Tally) -> None:
        import requests

        self.base, self.name, self.tally = base, name, tally
        self.session = requests.Session()

    def request(self, method: str, path: str, *, csrf: bool = True, **kwargs):
        headers = kwargs.pop("headers", {})
        if method != "GET" and csrf:
            if "csrftoken" not in self.session.cookies:
                self.session.get(self.base + "/accounts/login/")
            headers["X-CSRFToken"] = self.session.cookies.get("csrftoken", "")
        response = self.session.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=120, **kwargs
        )
        with self.tally.lock:
            self.tally.requests += 1
        if response.status_code >= 500:
            self.tally.add("5xx", f"{method} {path} as {self.name}: {response.status_code}")
        return response

    def login(self, password: str = PASSWORD) -> None:
        page = self.request("GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        answer = self.request(
            "POST",
            "/accounts/login/",
            csrf=False,
            data={"csrfmiddlewaretoken": token, "username": self.name, "password": password},
        )
        if answer.status_code != 302:
            raise SystemExit(f"cannot sign in as {self.name}: {answer.status_code}")

    def form_token(self, path: str) -> str:
        page = self.request("GET", path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        return found.group(1) if found else self.session.cookies.get("csrftoken", "")


def refused(response) -> bool:
    if response.status_code in REFUSED:
        return True
    return response.status_code in (301, 302, 303) and "/accounts/login/" in response.headers.get("Location", "")


def visible_text(response) -> str:
    body = response.content
    if body[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as book:
                return " ".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        except zipfile.BadZipFile:
            pass
    return body.decode("utf-8", "replace")


def fill(route: str, pk) -> str:
    return "/" + re.sub(r"<(?:\w+:)?\w+>", str(pk), route, count=1)


def probe_identity(agent: Agent, world: dict, extra_checks: bool, exports: bool) -> None:
    role, _areas, foreign = IDENTITIES[agent.name]
    tally, objects = agent.tally, world["objects"]
    own = [a for a in objects if a not in foreign] if role != "anonymous" else []
    markers = {area: MARKERS[area] for area in foreign if area in MARKERS}
    foreign_ids = {nid: area for area in foreign for nid in world["identifiers"].get(area, [])}
    for route, kind in world["routes"]:
        if route.startswith("accounts/logout/"):
            continue
        if kind:
            answers = set()
            for area in foreign:
                if kind not in objects.get(area, {}):
                    continue
                path = fill(route, objects[area][kind])
                response = agent.request("GET", path)
                if response.status_code == 405:
                    response = agent.request("POST", path, data={})
                answers.add(response.status_code)
                with tally.lock:
                    tally.foreign_checks += 1
                if not refused(response):
                    shown = [m for m in markers.values() if m in response.text]
                    tally.add(
                        "leak",
                        f"{path} ({kind} of area {area}) as {agent.name} ({role}): "
                        f"{response.status_code}{' shows ' + ', '.join(shown) if shown else ''}",
                    )
            if answers:  # an id that exists nowhere: if it answers otherwise, the answer tells that a record exists
                path = fill(route, 987654321)
                response = agent.request("GET", path)
                if response.status_code == 405:
                    response = agent.request("POST", path, data={})
                if answers != {response.status_code}:
                    with tally.lock:
                        tally.oracles.append(
                            f"{route} as {agent.name}: foreign {sorted(answers)}, none {response.status_code}"
                        )
            for area in own:
                if kind in objects.get(area, {}):
                    response = agent.request("GET", fill(route, objects[area][kind]))
                    with tally.lock:
                        tally.own_checks += 1
                        tally.own_answered += response.status_code in (200, 302) and not refused(response)
            continue
        if "<" in route:
            if route.endswith(".<str:fmt>"):
                paths = [fill(route, fmt) for fmt in ("json", "xlsx", "pdf")]
            elif route.startswith(("areas/<", "api/v1/areas/<")):
                paths = [fill(route, "80")]
            else:
                continue
        else:
            paths = [f"/{route}"] + ([f"/{route}?export=csv", f"/{route}?export=xlsx"] if exports else [])
        for path in paths:
            response = agent.request("GET", path)
            if response.status_code != 200:
                continue
            text = visible_text(response)
            with tally.lock:
                tally.own_rows_seen += sum(MARKERS[a] in text for a in own if a in MARKERS)
            for area, marker in markers.items():
                if marker in text:
                    tally.add("leak", f"{path} as {agent.name} ({role}) shows a record of area {area} ({marker})")
            for value in set(DIGITS.findall(text)) & set(foreign_ids):
                tally.add("leak", f"{path} as {agent.name} ({role}) shows {value} of area {foreign_ids[value]}")
            if extra_checks and not path.count("?") and "html" in response.headers.get("Content-Type", ""):
                reflected(agent, route, response.text)
    if extra_checks:
        no_csrf(agent, world, own)


def reflected(agent: Agent, route: str, page: str) -> None:
    """A script in the query string (q, next and every field of the page's GET forms) must come back escaped;
    ?next= must never lead off the site."""
    fields = {"q", "next", "page", "sort"}
    for form in re.findall(r"<form\b(?:(?!method=\"post\")[^>])*>(.*?)</form>", page, re.S | re.I):
        fields |= set(re.findall(r'\bname="([^"]+)"', form))
    fields.discard("csrfmiddlewaretoken")
    from urllib.parse import urlencode

    response = agent.request("GET", f"/{route}?" + urlencode(dict.fromkeys(sorted(fields), XSS)))
    if "html" in response.headers.get("Content-Type", "") and any(s in response.text for s in XSS_SEEN):
        agent.tally.add("xss", f"/{route} as {agent.name}: the query string comes back unescaped")
    response = agent.request("GET", f"/{route}?next={EVIL}")
    if EVIL in response.headers.get("Location", "") or re.search(r"(?:href|action)=\"https://evil", response.text):
        agent.tally.add("redirect", f"/{route}?next={EVIL} as {agent.name}: {response.headers.get('Location')}")


def no_csrf(agent: Agent, world: dict, own: list[str]) -> None:
    """POST without the token: every route must refuse (403) for a signed-in browser. An anonymous browser carries
    no credentials to abuse, so for it only the site's forms (not the API) are held to this."""
    objects = world["objects"]
    for route, kind in world["routes"]:
        if route.startswith("accounts/logout/") or (agent.name == "anonymous" and route.startswith("api/")):
            continue
        if kind:
            area = next((a for a in own if kind in objects[a]), "A")
            if kind not in objects.get(area, {}):
                continue
            path = fill(route, objects[area][kind])
        elif "<" in route:
            continue
        else:
            path = f"/{route}"
        response = agent.request("POST", path, csrf=False, data={"probe": "1"})
        if response.status_code not in (403, 405):  # 405: a read-only API view turns the method away first
            agent.tally.add("csrf", f"POST {path} without token as {agent.name}: {response.status_code}")


def normalised(response, typed: tuple[str, ...]) -> tuple:
    text = TAGS.sub(" ", CSRF_TOKEN.sub("", response.text))
    for value in sorted((t for t in typed if t), key=len, reverse=True):
        text = text.replace(value, "«typed»")
    text = MOMENT.sub("«time»", GIVEN_USERNAME.sub("«username»", text))
    text = OWN_ID.sub(r"\1«id»", text)  # the new account's own id in the API, one higher for the second sign-up
    return response.status_code, response.headers.get("Location"), " ".join(text.split())


def compare(tally: Tally, label: str, one: tuple, other: tuple) -> None:
    with tally.lock:
        tally.compared += 1
    if one != other:
        words = [w for w in difflib.ndiff(one[2].split(" "), other[2].split(" ")) if w[:1] in "+-"][:12]
        tally.add(
            "enumeration", f"{label}: status {one[0]} vs {other[0]}, redirect {one[1]} vs {other[1]}, words {words}"
        )


OWN_PAGES = {  # what a new account opens after signing up
    "/register/worker/": [
        "/applications/my/",
        "/applications/my/matches/",
        "/seekers/me/",
        "/seekers/me/edit/",
        "/me/data/",
        "/me/data/consents/",
        "/api/v1/me/",
        "/api/v1/me/job-seeker-profile/",
    ],
    "/register/employer/": [
        "/applications/my/",
        "/applications/my/vacancies/new/",
        "/me/data/",
        "/api/v1/me/",
        "/api/v1/employers/",
        "/api/v1/vacancies/",
    ],
}


def sign_up(base: str, tally: Tally, path: str, data: dict, typed: tuple[str, ...]) -> list[tuple[str, tuple]]:
    """A fresh browser signs up, then opens its own pages: [(what, normalised answer)]."""
    agent = Agent(base, "anonymous", tally)
    token = agent.form_token(path)
    answer = agent.request("POST", path, data={**data, "csrfmiddlewaretoken": token})
    seen = [("answer", normalised(answer, typed))]
    if answer.status_code == 302:
        seen.append(("page it leads to", normalised(agent.request("GET", answer.headers["Location"]), typed)))
        for page in OWN_PAGES[path]:
            seen.append((page, normalised(agent.request("GET", page), typed)))
    return seen


def enumeration(base: str, world: dict, tally: Tally) -> None:
    people = world["people"]
    fresh = world["fresh_tax_codes"]

    def worker(nid: str, born: str, sex: str, **extra) -> dict:
        return {
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "Lê Thị Hoa",
            "national_id": nid,
            "date_of_birth": born,
            "sex": sex,
            "residence_commune": "25459",
            "phone": "0977000555",
            **extra,
        }

    cases = []
    for area in ("A", "B"):
        nid, born, sex = people[area]
        new = nid[:-3] + "999"  # same province, century, sex and year: only the serial differs
        cases.append(
            (
                f"worker sign-up, CCCD registered in area {area}",
                "/register/worker/",
                worker(nid, born, sex),
                worker(new, born, sex),
                (nid, new),
            )
        )
        cases.append(
            (
                f"worker sign-up with a mistake, CCCD registered in area {area}",
                "/register/worker/",
                worker(nid, born, sex, password2="khac-2026"),
                worker(new, born, sex, password2="khac-2026"),
                (nid, new),
            )
        )
    nid, born, sex = people["A"]
    cases.append(
        (
            "worker sign-up, username taken vs free",
            "/register/worker/",
            worker("080085066001", born, sex, username="p9-worker-a"),
            worker("080085066002", born, sex, username="chua-ai-dung-p9"),
            ("080085066001", "080085066002", "p9-worker-a", "chua-ai-dung-p9"),
        )
    )

    def employer(tax: str, **extra) -> dict:
        return {
            "password1": PASSWORD,
            "password2": PASSWORD,
            "name": "Công ty Gỗ Tây Ninh",
            "tax_code": tax,
            "employer_type": "dn_ngoai_nha_nuoc",
            "commune": "25459",
            "phone": "0276 3822 111",
            **extra,
        }

    for area in ("A", "B", "EA"):
        registered, new = world["tax"][area], fresh.pop()
        cases.append(
            (
                f"employer sign-up, tax code registered in area {area}",
                "/register/employer/",
                employer(registered),
                employer(new),
                (registered, new),
            )
        )
    registered, new = world["tax"]["A"], fresh.pop()
    cases.append(
        (
            "employer sign-up with a mistake, tax code registered",
            "/register/employer/",
            employer(registered, commune="99999"),
            employer(new, commune="99999"),
            (registered, new),
        )
    )
    for label, path, one, other, typed in cases:
        first, second = sign_up(base, tally, path, one, typed), sign_up(base, tally, path, other, typed)
        if len(first) != len(second):
            tally.add("enumeration", f"{label}: {first[0][1][:2]} vs {second[0][1][:2]}")
        for (what, seen), (_what, other_seen) in zip(first, second, strict=False):
            compare(tally, f"{label} ({what})", seen, other_seen)
    # The login form: a known account with a wrong password vs an unknown account.
    answers = []
    for username in ("p9-worker-a", "khong-co-ai-p9"):
        agent = Agent(base, "anonymous", tally)
        token = agent.form_token("/accounts/login/")
        answer = agent.request(
            "POST",
            "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": "sai-mat-khau-2026"},
        )
        answers.append(normalised(answer, (username,)))
        tally.notes.append(f"login as {username} with a wrong password → {answer.status_code}")
    compare(tally, "login, known account wrong password vs unknown account", *answers)
    # The password reset: a known address vs an unknown one.
    answers = []
    for email in ("p9-worker-a@example.org", "khong-co-ai-p9@example.org"):
        agent = Agent(base, "anonymous", tally)
        token = agent.form_token("/accounts/password-reset/")
        answer = agent.request("POST", "/accounts/password-reset/", data={"csrfmiddlewaretoken": token, "email": email})
        followed = agent.request("GET", answer.headers["Location"]) if answer.status_code == 302 else answer
        answers.append((normalised(answer, (email,)), normalised(followed, (email,))))
        tally.notes.append(f"password reset for {email} → {answer.status_code} {answer.headers.get('Location')}")
    compare(tally, "password reset, known vs unknown address (answer)", answers[0][0], answers[1][0])
    compare(tally, "password reset, known vs unknown address (page)", answers[0][1], answers[1][1])


def officer_duplicates(base: str, world: dict, tally: Tally) -> None:
    """An officer of B typing a CCCD / tax code registered in A gets no id, no name."""
    agent = Agent(base, "p9-province-b", tally)
    agent.login()
    objects, people = world["objects"], world["people"]
    nid, born, sex = people["A"]
    person, employer = objects["A"]["person"], objects["A"]["employer"]
    tax = world["tax"]["A"]
    iso = "-".join(reversed(born.split("/")))
    tries = [
        (
            "form /people/new/",
            "POST",
            "/people/new/",
            {
                "data": {
                    "full_name": "Người khác",
                    "national_id": nid,
                    "date_of_birth": born,
                    "sex": sex,
                    "residence_commune": "00004",
                    "csrfmiddlewaretoken": agent.form_token("/people/new/"),
                }
            },
            person,
            "Anpha",
        ),
        (
            "API /api/v1/persons/",
            "POST",
            "/api/v1/persons/",
            {
                "json": {
                    "full_name": "Người khác",
                    "national_id": nid,
                    "date_of_birth": iso,
                    "sex": sex,
                    "residence_commune": "00004",
                }
            },
            person,
            "Anpha",
        ),
        (
            "form /employers/new/",
            "POST",
            "/employers/new/",
            {
                "data": {
                    "name": "Công ty khác",
                    "tax_code": tax,
                    "employer_type": "dn_ngoai_nha_nuoc",
                    "commune": "00004",
                    "csrfmiddlewaretoken": agent.form_token("/employers/new/"),
                }
            },
            employer,
            "Anpha",
        ),
        (
            "API /api/v1/employers/",
            "POST",
            "/api/v1/employers/",
            {
                "json": {
                    "name": "Công ty khác",
                    "tax_code": tax,
                    "employer_type": "dn_ngoai_nha_nuoc",
                    "commune": "00004",
                }
            },
            employer,
            "Anpha",
        ),
    ]
    for label, method, path, kwargs, pk, marker in tries:
        response = agent.request(method, path, **kwargs)
        tally.notes.append(f"officer of B typing a number registered in A, {label} → {response.status_code}")
        text = response.text
        named = [w for w in (f"/{pk}/", f"#{pk}", f'"id":{pk}', f'"id": {pk}', marker) if w in text]
        if named or response.status_code in (200, 201) and path.startswith("/api/") or response.status_code == 302:
            tally.add(
                "enumeration",
                f"officer of B registering a record of A via {label}: {response.status_code}, "
                f"names {named or 'nothing'}, created: {response.status_code in (201, 302)}",
            )


def redirects_and_logout(base: str, tally: Tally, names: list[str]) -> None:
    """The login form, the language switch and logout with ?next= pointing off the site."""
    for target in (EVIL, "//evil.example", "/\\evil.example", "https:evil.example"):
        agent = Agent(base, "p9-worker-a", tally)
        token = agent.form_token("/accounts/login/")
        answer = agent.request(
            "POST",
            "/accounts/login/?next=" + target,
            data={"csrfmiddlewaretoken": token, "username": "p9-worker-a", "password": PASSWORD, "next": target},
        )
        if "evil.example" in answer.headers.get("Location", ""):
            tally.add("redirect", f"login with next={target}: {answer.headers['Location']}")
        answer = agent.request(
            "POST", "/i18n/setlang/", data={"language": "en", "next": target}, headers={"Referer": target}
        )
        if "evil.example" in answer.headers.get("Location", ""):
            tally.add("redirect", f"/i18n/setlang/ with next={target}: {answer.headers['Location']}")
    for name in names:
        agent = Agent(base, name, tally)
        agent.login()
        answer = agent.request("POST", "/accounts/logout/", csrf=False)
        if answer.status_code != 403:
            tally.add("csrf", f"POST /accounts/logout/ without token as {name}: {answer.status_code}")
        answer = agent.request("POST", f"/accounts/logout/?next={EVIL}", data={"next": EVIL})
        if "evil.example" in answer.headers.get("Location", ""):
            tally.add("redirect", f"logout with next={EVIL} as {name}: {answer.headers['Location']}")


def form_fields(page: str) -> dict:
    """The values a browser would send back from the page's main POST form (not the language switch)."""
    forms = [
        body
        for attributes, body in re.findall(r"<form\b([^>]*)>(.*?)</form>", page, re.S | re.I)
        if re.search(r'method="post"', attributes, re.I) and "i18n" not in attributes
    ]
    if not forms:
        return {}
    body, data = max(forms, key=lambda form: form.count("name=")), {}
    for tag in re.findall(r"<input\b[^>]*>", body):
        name = re.search(r'\bname="([^"]+)"', tag)
        if not name:
            continue
        kind = re.search(r'\btype="([^"]+)"', tag)
        if kind and kind.group(1) in ("checkbox", "radio") and not re.search(r"\bchecked\b", tag):
            continue
        value = re.search(r'\bvalue="([^"]*)"', tag)
        data.setdefault(name.group(1), []).append(html.unescape(value.group(1)) if value else "")
    for attributes, options in re.findall(r"<select\b([^>]*)>(.*?)</select>", body, re.S):
        name = re.search(r'\bname="([^"]+)"', attributes)
        if not name:
            continue
        values = [re.search(r'value="([^"]*)"', o).group(1) for o in re.findall(r"<option\b[^>]*>", options)
                  if 'value="' in o]  # fmt: skip
        chosen = [
            re.search(r'value="([^"]*)"', option).group(1)
            for option in re.findall(r"<option\b[^>]*>", options)
            if re.search(r"\bselected\b", option) and 'value="' in option
        ]
        # As a browser sends it: a list box with nothing chosen sends nothing, a drop-down its first option.
        if not chosen and not re.search(r"\bmultiple\b", attributes):
            chosen = values[:1] or [""]
        if chosen:
            data[name.group(1)] = [html.unescape(value) for value in chosen]
    for name, value in re.findall(r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        data[name] = [html.unescape(value.strip())]
    return data


PICKS = ("employer", "person", "household", "vacancy")


def mass_assignment(base: str, world: dict, tally: Tally, run, workdir: Path) -> None:
    """Extra fields on sign-up, own edit forms and the API; then what changed in the database is compared."""
    objects, ids = world["objects"], world["user_ids"]
    before = json.loads(run_snapshot(run, workdir, "before"))
    extra = {
        "role": "admin",
        "is_staff": "on",
        "is_superuser": "on",
        "areas": "01",
        "area_codes": "01",
        "account": str(ids["p9-admin"]),
        "owner": str(ids["p9-admin"]),
        "user": str(ids["p9-admin"]),
        "employer": str(objects["B"]["employer"]),
        "person": str(objects["B"]["person"]),
        "household": str(objects["B"]["household"]),
        "vacancy": str(objects["B"]["vacancy"]),
        "created_by": str(ids["p9-admin"]),
        "id": "999999",
        "pk": "999999",
    }
    # Sign-up with powers asked for.
    agent = Agent(base, "anonymous", tally)
    token = agent.form_token("/register/worker/")
    agent.request(
        "POST",
        "/register/worker/",
        data={
            "password1": PASSWORD,
            "password2": PASSWORD,
            "full_name": "Mass Assign",
            "national_id": "080085055001",
            "date_of_birth": "01/03/1985",
            "sex": "male",
            "residence_commune": "25459",
            **extra,
            "csrfmiddlewaretoken": token,
        },
    )
    # Own edit forms, sent back as the page gives them plus the extra fields.
    forms = {
        "p9-worker-a": ["/seekers/me/edit/"],
        "p9-employer-a": [f"/applications/my/vacancies/{objects['EA']['vacancy']}/edit/"],
        "p9-commune-a": [
            f"/people/{objects['A']['person']}/edit/",
            f"/employers/{objects['A']['employer']}/edit/",
            f"/seekers/{objects['A']['profile']}/edit/",
            f"/vacancies/{objects['A']['vacancy']}/edit/",
        ],
    }
    for name, paths in forms.items():
        agent = Agent(base, name, tally)
        agent.login()
        for path in paths:
            page = agent.request("GET", path)
            if page.status_code != 200:
                continue
            fields = form_fields(page.text)
            # Fields the form does not offer (mass assignment), then the record pickers it does offer pointed at
            # province B's records (a foreign id typed into a legitimate field).
            absent = {key: value for key, value in extra.items() if key not in fields}
            foreign = {key: value for key, value in extra.items() if key in fields and key in PICKS}
            for label, data in (("extra fields", {**fields, **absent}), ("foreign picks", {**fields, **foreign})):
                if label == "foreign picks" and not foreign:
                    continue
                sent = agent.request("POST", path, data=data)
                outcome = f"{sent.status_code} {sent.headers.get('Location', '')}"
                if sent.status_code == 200:  # the form came back: say why, so a refused form is not taken for a pass
                    errors = re.findall(
                        r'class="(?:invalid-feedback|errorlist)[^"]*"[^>]*>\s*(?:<li>)?([^<]+)', sent.text
                    )
                    outcome += f" form refused: {sorted({e.strip() for e in errors})[:3]}"
                tally.notes.append(f"mass assignment: {path} as {name} sent back with {label} → {outcome}")
        # The API: own record and own user with the extra fields.
        agent.request("PATCH", "/api/v1/me/", json={"role": "admin", "is_staff": True, "areas": ["01"]})
    commune = Agent(base, "p9-commune-a", tally)
    commune.login()
    commune.request(
        "PATCH",
        f"/api/v1/persons/{objects['A']['person']}/",
        json={"account": ids["p9-admin"], "household": None, "id": 999999},
    )
    # Writing a record into an area one does not serve: the forms, then the API.
    for path, field in (
        (f"/people/{objects['A']['person']}/edit/", "residence_commune"),
        (f"/employers/{objects['A']['employer']}/edit/", "commune"),
    ):
        page = commune.request("GET", path)
        sent = commune.request("POST", path, data={**form_fields(page.text), field: "00004"})
        tally.notes.append(f"cross-area write: {path} as p9-commune-a with {field}=00004 → {sent.status_code}")
    moved = commune.request("PATCH", f"/api/v1/persons/{objects['A']['person']}/", json={"residence_commune": "00004"})
    if moved.status_code < 400:
        tally.add(
            "mass",
            f"p9-commune-a moved person {objects['A']['person']} to commune 00004 via the API: {moved.status_code}",
        )
    made = commune.request(
        "POST",
        "/api/v1/persons/",
        json={"full_name": "Ngoài địa bàn", "date_of_birth": "1990-01-01", "sex": "male", "residence_commune": "00004"},
    )
    if made.status_code < 400:
        tally.add("mass", f"p9-commune-a created a person in commune 00004 via the API: {made.status_code}")
    after = json.loads(run_snapshot(run, workdir, "after"))
    for username, state in after["users"].items():
        old = before["users"].get(username)
        if old is None:
            if state[0] not in ("worker", "employer") or state[1] or state[2] or state[4]:
                tally.add("mass", f"new user {username} has {state}")
        elif old != state:
            tally.add("mass", f"user {username} changed: {old} → {state}")
    for table in ("persons", "employers", "vacancies", "profiles"):
        for pk, state in before[table].items():
            now = after[table].get(pk)
            if now is not None and now != state:
                tally.add("mass", f"{table[:-1]} {pk}: owner and commune {state} → {now}")


def stored_payload(n: int) -> str:
    return f"P9s{n}x{STORED_TAIL}"


def stored_forms(world: dict) -> list[tuple[str, str, str, str, dict]]:
    """(kind, identity, form page, field given the payload, other values to type): one form per kind of record
    (the officers' edit forms of area A, the owners' own forms, the two sign-ups, and the new-record forms of the
    kinds the probe has no record of), each sent back as the page gives it with one text field changed."""
    a, ea = world["objects"]["A"], world["objects"]["EA"]
    tomorrow = time.strftime("%d/%m/%Y", time.localtime(time.time() + 86_400))
    sign_up = {"password1": PASSWORD, "password2": PASSWORD, "residence_commune": "25459", "commune": "25459"}
    return [
        ("person", "p9-commune-a", f"/people/{a['person']}/edit/", "full_name", {}),
        ("employer", "p9-commune-a", f"/employers/{a['employer']}/edit/", "name", {}),
        ("vacancy (draft)", "p9-province-a", f"/vacancies/{a['vacancy']}/edit/", "title", {}),
        ("vacancy (open, job board)", "p9-province-a", f"/vacancies/{a['open_vacancy']}/edit/", "title", {}),
        ("job-seeker profile", "p9-commune-a", f"/seekers/{a['profile']}/edit/", "title", {}),
        ("counselling session", "p9-commune-a", f"/casework/sessions/{a['counselling']}/edit/", "outcome", {}),
        ("group session", "p9-commune-a", f"/casework/groups/{a['group_session']}/edit/", "unit_name", {}),
        ("case", "p9-province-a", f"/casework/cases/{a['case']}/edit/", "next_action", {}),
        ("user", "p9-admin", f"/accounts/users/{a['user']}/edit/", "first_name", {}),
        ("household", "p9-commune-a", "/people/households/new/", "head_name", {"commune": "25459"}),
        (
            "fair",
            "p9-province-a",
            "/fairs/new/",
            "name",
            {
                "kind": "mobile",
                "held_on": tomorrow,
                "starts_at": "07:30",
                "ends_at": "11:30",
                "commune": "25459",
                "capacity": "50",
            },
        ),  # fmt: skip
        ("own job-seeker profile", "p9-worker-a", "/seekers/me/edit/", "title", {}),
        ("own vacancy", "p9-employer-a", f"/applications/my/vacancies/{ea['vacancy']}/edit/", "title", {}),
        ("own contact", "p9-employer-a", f"/applications/my/employers/{ea['employer']}/contact/", "contact_person", {}),
        (
            "worker sign-up",
            "anonymous",
            "/register/worker/",
            "full_name",
            {**sign_up, "national_id": "080195066123", "date_of_birth": "10/05/1995", "sex": "female"},
        ),
        (
            "employer sign-up",
            "anonymous",
            "/register/employer/",
            "name",
            {
                **sign_up,
                "tax_code": world["fresh_tax_codes"][0],
                "employer_type": "dn_ngoai_nha_nuoc",
                "phone": "0276 3822 111",
            },
        ),
    ]


def stored_xss(base: str, world: dict, tally: Tally) -> dict:
    """A script typed into one form per kind of record must come back escaped on every page that shows it.

    Each form is sent back as the page gives it with one text field holding the payload; then every page route
    (and `?q=P9s`, so list pages and pickers find the records) is read as the identities that can see those records,
    with the detail pages of the records written, and each HTML answer must hold no payload unescaped."""
    agents: dict[str, Agent] = {}
    written: list[str] = []  # the pages the forms led to (new records' own pages)
    stored, refused_forms = [], []
    for n, (kind, name, path, field, extra) in enumerate(stored_forms(world)):
        agent = agents.get(name) if name != "anonymous" else None
        if agent is None:
            agent = Agent(base, name, tally)
            if name != "anonymous":
                agent.login()
                agents[name] = agent
        page = agent.request("GET", path)
        data = {**form_fields(page.text), **extra, field: stored_payload(n)}
        sent = agent.request("POST", path, data=data)
        if sent.status_code in (302, 303):
            stored.append(kind)
            location = sent.headers.get("Location", "")
            if location.startswith("/") and location not in written:
                written.append(location)
            if name == "anonymous":  # a new account: its own pages are read below, as itself
                agents[f"signed up ({kind})"] = agent
        else:
            errors = re.findall(r'class="(?:invalid-feedback|errorlist)[^"]*"[^>]*>\s*(?:<li>)?([^<]+)', sent.text)
            refused_forms.append(f"{kind}: {sent.status_code} {sorted({e.strip() for e in errors})[:2]}")
    for name in ("p9-admin", "p9-province-a", "p9-commune-a", "p9-employer-a", "p9-worker-a", "anonymous"):
        if name not in agents:
            agents[name] = Agent(base, name, tally)
            if name != "anonymous":
                agents[name].login()
    objects = world["objects"]
    own_ids = [fill(route, objects[area][kind]) for route, kind in world["routes"] if kind
               for area in ("A", "EA", "WA") if kind in objects.get(area, {})]  # fmt: skip
    plain = [f"/{route}" for route, kind in world["routes"] if not kind and "<" not in route]
    pages = [p for p in plain if not p.startswith(("/api/", "/accounts/logout", "/i18n/", "/admin/"))]
    pages += [f"{p}?q=P9s" for p in pages] + written
    shown: dict[str, set[int]] = {}
    checked = 0
    for name, agent in agents.items():
        paths = pages + (own_ids if name == "p9-admin" else [])
        for path in paths:
            response = agent.request("GET", path)
            if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
                continue
            checked += 1
            marks = {int(m) for m in STORED_MARK.findall(response.text)}
            if not marks:
                continue
            shown.setdefault(path.split("?")[0], set()).update(marks)
            raw = [s for s in STORED_SEEN if s in response.text]
            if raw:
                kinds = ", ".join(stored_forms(world)[m][0] for m in sorted(marks))
                tally.add("stored", f"{path} as {name} shows {kinds} unescaped ({raw[0]!r})")
    seen = set().union(*shown.values()) if shown else set()
    unseen = [kind for n, (kind, *_rest) in enumerate(stored_forms(world)) if kind in stored and n not in seen]
    return {"stored": stored, "refused": refused_forms, "pages": checked, "showing": len(shown), "unseen": unseen}


def self_check(tally: Tally) -> int:
    """The administrator reaches everything: with province B declared foreign, every B record must be reported."""
    leaks = tally.findings["leak"]
    print(f"self-check: {tally.foreign_checks} foreign-object checks, {len(leaks)} leaks reported, e.g.:")
    for line in leaks[:8]:
        print(f"  {line}")
    return 0 if leaks and tally.foreign_checks else 1


def run_snapshot(run, workdir: Path, label: str) -> str:
    out = workdir / f"snapshot-{label}.json"
    run(["--snapshot", str(out)], script=True)
    return out.read_text()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one identity per role, fewer exports")
    parser.add_argument("--db", default="", help="postgres://…/h_probe9 (recreated); default a new SQLite file")
    parser.add_argument("--size", default="300", help="persons in the demo province (vieclam demo --size)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers and concurrent identities")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (server log)")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="pretend the administrator must not reach province B: the probe must then report leaks (exit 0 if so)",
    )
    parser.add_argument("--setup", help=argparse.SUPPRESS)
    parser.add_argument("--snapshot", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        build_world(Path(args.setup))
        return 0
    if args.snapshot:
        snapshot(Path(args.snapshot))
        return 0
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="probe9-"))
    if args.db:
        name = urlsplit(args.db).path.lstrip("/")
        postgres_admin(args.db, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(args.db, f'CREATE DATABASE "{name}"')
        database = args.db
    else:
        database = f"sqlite:///{workdir}/probe.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        {
            "VIECLAM_VAR_DIR": str(workdir),
            "DATABASE_URL": database,
            "DEBUG": "false",
            "VIECLAM_ENV": "development",
            "AXES_FAILURE_LIMIT": "100000",
            "API_ANON_RATE": "100000/minute",
            "VIECLAM_THROTTLE_CLIENT_RATE": "100000/h",
            "VIECLAM_THROTTLE_GLOBAL_RATE": "100000/h",
        }
    )

    def run(argv: list[str], *, script: bool = False) -> None:
        command = [sys.executable, __file__, *argv] if script else [sys.executable, "-m", "vieclam", *argv]
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")

    print(f"building the demo province ({args.size} persons) and the probe's world in {database} …", flush=True)
    run(["demo", "--size", args.size, "--seed", "9"])
    run(["--setup", str(workdir / "world.json")], script=True)
    world = json.loads((workdir / "world.json").read_text())
    built = time.monotonic()
    port = free_port()
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "vieclam.config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "120",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    tally = Tally()
    stored: dict = {"stored": [], "refused": [], "pages": 0, "showing": 0, "unseen": []}
    try:
        import requests

        for _ in range(300):
            try:
                requests.get(base + "/accounts/login/", timeout=30)
                break
            except requests.RequestException:
                time.sleep(0.2)
        names = QUICK if args.quick else list(IDENTITIES)
        if args.self_check:
            IDENTITIES["p9-admin"] = ("admin", [], ["B", "EB", "WB"])
            names = ["p9-admin"]
        print(f"probing {base} as {len(names)} identities …", flush=True)

        def one(name: str) -> None:
            agent = Agent(base, name, tally)
            if name != "anonymous":
                agent.login()
            exports = not (args.quick and name.endswith("-b"))
            extra = name in ("anonymous", "p9-admin", "p9-province-a", "p9-commune-a", "p9-employer-a", "p9-worker-a")
            probe_identity(agent, world, extra, exports)

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
            for future in [pool.submit(one, name) for name in names]:
                future.result()
        if args.self_check:
            return self_check(tally)
        enumeration(base, world, tally)
        officer_duplicates(base, world, tally)
        # The sign-ups above left account claims: each must be out of reach for the other area's officers.
        claims = json.loads(run_snapshot(run, workdir, "claims"))["claims"]
        for pk, code in claims:
            for name in ("p9-province-b", "p9-commune-b") if code.startswith(("25", "80")) else ("p9-province-a",):
                agent = Agent(base, name, tally)
                agent.login()
                response = agent.request("POST", f"/applications/claims/{pk}/decide/", data={})
                tally.foreign_checks += 1
                if not refused(response):
                    tally.add(
                        "leak", f"/applications/claims/{pk}/decide/ (claim in {code}) as {name}: {response.status_code}"
                    )
        mass_assignment(base, world, tally, run, workdir)
        redirects_and_logout(base, tally, ["p9-province-a", "p9-worker-a"])
        stored = stored_xss(base, world, tally)  # last: it writes payloads into the records the checks above read
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        if args.db and not args.keep:
            postgres_admin(args.db, f'DROP DATABASE IF EXISTS "{urlsplit(args.db).path.lstrip("/")}" WITH (FORCE)')
    elapsed = time.monotonic() - started
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    roles = {IDENTITIES[n][0] for n in names}
    rows = [
        ("requests", tally.requests),
        ("identities", len(names)),
        ("roles", len(roles)),
        ("routes (URL resolver)", len(world["routes"])),
        ("foreign-object checks", tally.foreign_checks),
        ("own-area objects answered", f"{tally.own_answered} / {tally.own_checks}"),
        ("own-area records seen in lists/exports", tally.own_rows_seen),
        ("leaks", len(tally.findings["leak"])),
        ("5xx", len(tally.findings["5xx"])),
        ("POST without CSRF accepted", len(tally.findings["csrf"])),
        ("open redirects", len(tally.findings["redirect"])),
        ("reflected XSS", len(tally.findings["xss"])),
        ("stored XSS: forms that stored it", f"{len(stored['stored'])} / {len(stored_forms(world))}"),
        ("stored XSS: pages read / showing it", f"{stored['pages']} / {stored['showing']}"),
        ("stored XSS unescaped", len(tally.findings["stored"])),
        ("mass assignment / cross-area writes", len(tally.findings["mass"])),
        ("id routes: foreign id ≠ missing id", len(tally.oracles)),
        ("enumeration comparisons", tally.compared),
        ("enumeration differences", len(tally.findings["enumeration"])),
        ("run time", f"{elapsed:.0f} s (building {built - started:.0f} s)"),
        ("database", database.split(":")[0]),
    ]
    print()
    for label, value in rows:
        print(f"  {label:<38} {value}")
    print(f"  {'load (uptime)':<38} {load}")
    if tally.oracles:
        print(f"  (note) {len(tally.oracles)} id routes answer a foreign id otherwise than a missing one, e.g.:")
        for line in tally.oracles[:10]:
            print(f"  (note)   {line}")
    for line in stored["refused"]:
        print(f"  (note) stored XSS: form refused the payload, {line}")
    if stored["unseen"]:
        print(f"  (note) stored XSS: stored but shown on no page read: {', '.join(stored['unseen'])}")
    for note in tally.notes:
        print(f"  (note) {note}")
    failed = False
    for kind, found in tally.findings.items():
        for line in found:
            print(f"  [{kind}] {line}")
            failed = True
    if args.keep:
        print(f"work directory kept: {workdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
