"""Every route × every role of the fixed cast: a foreign object answers 403/404, a list or export shows no foreign row.

The routes are read from the URL resolver, so a route added tomorrow is checked without being listed here:
- a route with an object id gets, per role, an object of the same kind from another area (or another owner):
  GET (or, for a route that only takes POST, an empty POST) must answer 403 or 404 (anonymous: also 401 or the
  login page). The kind is read from the route: the path segment before the id (`employers/<int:pk>/...` is an
  employer), so `employers/<int:pk>/anything/` is checked the day it is added. A route whose kind cannot be read
  fails the test until it is added to KINDS (or to PUBLIC, for reference data anyone may read).
- a route without an id is fetched as a list, and as its CSV and Excel exports; no foreign record may show.

Records live in two areas: A (Tây Ninh, Phường Tân Ninh) and B (Hà Nội, Phường Ba Đình). Each carries its area's
marker in its name ("Anpha" or "Bêta"): A's officers must never meet "Bêta", B's never "Anpha", and the employer
and worker accounts of the cast (who own none of them) neither. A third area, C (Phường Bình Minh, also in Tây
Ninh, marker "Gamma"), checks the communes of one province: the commune officer of A must not reach C's records,
while the province officer of Tây Ninh reaches them (so the check is not empty).
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from vieclam.conftest import CAST, COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A

pytestmark = pytest.mark.django_db

MARKERS = {"A": "Anpha", "B": "Bêta", "C": "Gamma"}
COMMUNES = {"A": COMMUNE_A, "B": COMMUNE_B, "C": OTHER_COMMUNE_A}
FOREIGN = {  # role → the areas whose records it must never reach
    "province_a": ["B"], "counsellor_a": ["B"], "commune_a": ["B"], "province_b": ["A"], "commune_b": ["A"],
    "employer": ["A", "B"], "worker": ["A", "B"], "anonymous": ["A", "B"],
}  # fmt: skip
# The path segment before an id → the kind of record it names.
KINDS = {
    "users": "user",
    "employers": "employer",
    "people": "person",
    "persons": "person",
    "households": "household",
    "vacancies": "vacancy",
    "approvals": "vacancy",
    "apply": "vacancy",
    "jobs": "vacancy",
    "seekers": "profile",
    "job-seekers": "profile",
    "applications": "application",
    "sessions": "counselling",
    "counselling-sessions": "counselling",
    "groups": "group_session",
    "group-sessions": "group_session",
    "cases": "case",
    "case-assignments": "case",
    "connections": "connection",
    "follow-ups": "follow_up",
    "fairs": "fair",
    "booths": "booth",
    "fair-booths": "booth",
    "slots": "slot",
    "fair-interview-slots": "slot",
    "tickets": "fair_registration",  # fairs/tickets/<id>/: a registration's printable ticket
    "fair-registrations": "fair_registration",
    "targets": "target",
    "reports": "report",
    "training": "training_class",  # training/<id>/: a class
    "classes": "training_class",
    "enrolments": "enrolment",
    "abroad": "journey",  # abroad/<id>/: a worker's journey abroad
    "journeys": "journey",
    "loans": "loan",
    "background-jobs": "background_job",
}
# Reference data, the same for everyone (codes of places, occupations, industries, code lists), and the indicator
# catalogue (an indicator's code names no record; its figures follow the areas asked: indicators/tests).
PUBLIC = re.compile(
    r"^(areas/<str:code>/|api/v1/(areas|occupations|industries|ethnic-groups|code-lists)/<"
    r"|(api/v1/)?indicators/<slug:code>/"
    # Training providers: the directory of licensed training organisations, the same for all staff (no person).
    r"|training/providers/<)"
)
# Published job fairs (open, held, closed) are public pages, the same for everyone: the list and a fair's page.
PUBLISHED = re.compile(r"^job-fairs/(<int:pk>/)?$")
# One-time links (a password reset) carry a signed token, not a record: their own tests cover them.
TOKEN = re.compile(r"<(?:\w+:)?(?:uidb64|token)>")
# Account claims are not yet in this test's world of records; applications/tests/test_claims.py checks their areas.
OWN_TEST = re.compile(r"^applications/claims/<")
SKIP = re.compile(r"^(admin/|i18n/|accounts/logout/|api/v1/(schema|docs|redoc)/|favicon)")
REFUSED = {401, 403, 404}


def routes() -> list[str]:
    found = []

    def walk(resolver, prefix: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append(prefix + str(pattern.pattern))

    walk(get_resolver(), "")
    return [route for route in found if not SKIP.match(route)]


def names_a_record(route: str) -> bool:
    # A file format in the path (`me/data/download.<str:fmt>`) chooses a rendering, not a record.
    route = re.sub(r"\.<str:fmt>$", "", route)
    return (
        "<" in route
        and not (PUBLIC.match(route) or PUBLISHED.match(route))
        and not TOKEN.search(route)
        and not OWN_TEST.match(route)
    )


def kind_of(route: str) -> str | None:
    if route.startswith("imports/vacancies/<"):
        return "batch"
    segments = route.split("/")
    first_id = next(i for i, segment in enumerate(segments) if segment.startswith("<"))
    return KINDS.get(segments[first_id - 1]) if first_id else None


def world(cast, area: str) -> dict:
    """One record of every kind in area A or B, each named with the area's marker."""
    from vieclam.applications.services import application_refer
    from vieclam.casework.services import case_assign
    from vieclam.casework.tests.factories import make_group, make_session
    from vieclam.connections.services import connection_create
    from vieclam.connections.tests.factories import months_ago
    from vieclam.fairs import services as fair_registrations
    from vieclam.fairs.tests.factories import make_fair
    from vieclam.imports.services import import_batch_preview
    from vieclam.imports.tests.test_command import DATA
    from vieclam.people.services import household_create
    from vieclam.seekers.tests.factories import make_person, make_profile
    from vieclam.vacancies.tests.factories import make_vacancy

    marker, commune = MARKERS[area], COMMUNES[area]
    officer = cast["province_b" if area == "B" else "province_a"]
    person = make_person(officer, name=f"Trần Văn {marker}", national_id=None, commune=commune)
    profile = make_profile(officer, person, title=f"Thợ hàn {marker}")
    household = household_create(actor=officer, commune=commune, head_name=f"Lê Thị {marker}")
    draft = make_vacancy(officer, commune_code=commune, title=f"Kế toán {marker}")
    employer = draft.employer
    employer.__class__.objects.filter(pk=employer.pk).update(name=f"Công ty {marker}")
    # The application needs an open vacancy, which the job board shows to everyone: it and its employer are unmarked.
    opened = make_vacancy(officer, commune_code=commune, title="Thủ kho", status="open")
    application = application_refer(actor=officer, vacancy=opened, person=person)
    content = (DATA / "topcv_listings.csv").read_bytes()
    batch = import_batch_preview(actor=officer, filename=f"tin-{marker}.csv", content=content)
    user = cast["commune_a"] if area == "A" else cast["commune_b"] if area == "B" else _commune_officer(commune)
    counselling = make_session(officer, person, outcome=f"Tư vấn {marker}")
    group = make_group(officer, commune=commune, unit_name=f"Ấp {marker}", attendees=[person])
    case = case_assign(actor=officer, data={"person": person, "counsellor": officer, "next_action": f"Gọi {marker}"})
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
    fair = make_fair(officer, commune=commune, name=f"Phiên {marker}")
    booth, slot = _booth_and_slot(officer, fair, employer)
    report = _report(officer, commune)
    return {"report": report,
            "person": person, "profile": profile, "household": household, "vacancy": draft, "employer": employer,
            "application": application, "batch": batch, "user": user, "counselling": counselling,
            "group_session": group, "case": case, "connection": connection,
            "follow_up": connection.follow_ups.first(),
            "fair": fair, "booth": booth, "slot": slot, "target": _target(officer, commune, marker),
            "fair_registration": fair_registrations.registration_create(
                actor=officer, fair=fair, data={"person": person}),
            **_training(officer, person, commune, marker),
            "journey": _journey(officer, person),
            "loan": _loan(officer, person, commune),
            "background_job": _background_job(officer, commune, marker)}  # fmt: skip


def _training(officer, person, commune: str, marker: str) -> dict:
    from vieclam.training.services import enrolment_create
    from vieclam.training.tests.factories import make_class, make_provider

    # Providers are the province's directory of licensed training organisations (no person), listed to all staff
    # (PUBLIC above): unmarked. A class carries the marker in its code, shown on its list.
    provider = make_provider(officer, commune_code=commune, name="Trung tâm GDNN")
    klass = make_class(officer, provider=provider, commune_code=commune, code=f"Lớp {marker}")
    enrolment = enrolment_create(actor=officer, training_class=klass, person=person, data={})
    return {"training_class": klass, "enrolment": enrolment}


def _journey(officer, person):
    import datetime as dt

    from vieclam.abroad.services import journey_register
    from vieclam.abroad.tests.factories import make_programme

    programme = make_programme(officer)
    return journey_register(actor=officer, data={"person": person, "programme": programme,
                                                 "registered_on": dt.date(2023, 1, 10)})  # fmt: skip


def _loan(officer, person, commune: str):
    from vieclam.loans.tests.factories import make_loan

    return make_loan(officer, person=person, commune=commune)


def _background_job(officer, commune: str, marker: str):
    from vieclam.jobs.services import job_enqueue
    from vieclam.places.models import AdministrativeUnit

    area = AdministrativeUnit.objects.current().get(code=commune)
    return job_enqueue(actor=officer, kind="indicators_warm", area=area, title=f"Đếm trước {marker}")


def _target(officer, commune: str, marker: str):
    from vieclam.indicators.models import Indicator
    from vieclam.places.models import AdministrativeUnit
    from vieclam.targets.services import target_set

    area = AdministrativeUnit.objects.current().get(level="commune", code=commune)
    indicator = Indicator.objects.get(code="giai_quyet_viec_lam")
    return target_set(actor=officer, indicator=indicator, area=area, year=2026, value=100, note=f"Chỉ tiêu {marker}")


def _booth_and_slot(officer, fair, employer):
    import datetime as dt

    from django.utils import timezone

    from vieclam.fairs.services import booth_register
    from vieclam.fairs.slots import slot_create

    booth = booth_register(actor=officer, fair=fair, data={"employer": employer})
    starts_at = timezone.make_aware(dt.datetime.combine(fair.held_on, dt.time(8, 0)))
    return booth, slot_create(actor=officer, booth=booth, starts_at=starts_at)


def _report(officer, commune: str):
    import datetime as dt

    from vieclam.places.models import AdministrativeUnit
    from vieclam.reporting.services import report_create

    area = AdministrativeUnit.objects.current().get(code=commune)
    return report_create(actor=officer, kind="tda43_6_thang", area=area, period_start=dt.date(2026, 1, 1),
                         period_end=dt.date(2026, 6, 30))  # fmt: skip


def _commune_officer(commune: str):
    from vieclam.accounts.choices import Role
    from vieclam.accounts.services import user_create

    return user_create(actor=None, username=f"commune_{commune}", role=Role.COMMUNE_OFFICER, area_codes=[commune])


def url(route: str, obj) -> str:
    return "/" + re.sub(r"<(?:\w+:)?\w+>", str(obj.pk), route, count=1)


def client_for(client, cast, who: str):
    if who != "anonymous":
        client.force_login(cast[who])
    return client


def refused(response) -> bool:
    if response.status_code in REFUSED:
        return True
    return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")


def visible_text(response) -> str:
    """What a response shows, exports included (an .xlsx is a zip of XML)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            return " ".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return body.decode("utf-8", "replace")


def test_every_route_with_an_id_names_a_kind_of_record():
    unknown = [r for r in routes() if names_a_record(r) and kind_of(r) is None]
    assert not unknown, f"add these routes' kind to KINDS (or to PUBLIC): {unknown}"


@pytest.fixture(autouse=True)
def no_throttle_left_over():
    """The public API's throttle counts in the cache: a 429 would hide the answer this test is about."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("who", [*FOREIGN])
def test_no_role_reaches_a_foreign_record_or_lists_one(cast, client, who):
    worlds = {area: world(cast, area) for area in ("A", "B")}
    problems = foreign_reached(client_for(client, cast, who), worlds, FOREIGN[who])
    assert not problems, f"as {who}:\n" + "\n".join(problems)


def test_a_commune_officer_reaches_no_record_of_another_commune_of_the_province(cast, client):
    worlds = {area: world(cast, area) for area in ("A", "C")}
    client = client_for(client, cast, "commune_a")
    problems = foreign_reached(client, worlds, ["C"])
    assert not problems, "as commune_a, over Phường Bình Minh:\n" + "\n".join(problems)
    # Not empty: the same officer opens the same kinds of record in its own commune, and lists them.
    own = {kind for route in routes() if names_a_record(route) and (kind := kind_of(route))
           if client.get(url(route, worlds["A"][kind])).status_code == 200}  # fmt: skip
    kinds = {"person", "profile", "household", "employer", "counselling", "case", "connection", "application"}
    assert kinds <= own, own
    assert MARKERS["A"] in visible_text(client.get("/people/"))


def foreign_reached(client, worlds: dict, foreign: list[str]) -> list[str]:
    """Every route tried by `client` over the records of `foreign` areas: what it reached or listed."""
    problems = []
    for route in routes():
        kind = kind_of(route) if names_a_record(route) else None
        if kind:
            for area in foreign:
                path = url(route, worlds[area][kind])
                response = client.get(path)
                if response.status_code == 405:
                    response = client.post(path, {})
                if not refused(response):
                    problems.append(f"{path} ({kind} of area {area}): {response.status_code}")
        elif "<" not in route:
            for query in ("", "?export=csv", "?export=xlsx"):
                response = client.get(f"/{route}{query}")
                if response.status_code >= 500:
                    problems.append(f"/{route}{query}: {response.status_code}")
                    continue
                text = visible_text(response) if response.status_code == 200 and not PUBLISHED.match(route) else ""
                for area in foreign:
                    if MARKERS[area] in text:
                        problems.append(f"/{route}{query} shows a record of area {area}")
    return problems


def test_the_administrator_reaches_every_record_so_the_check_above_is_not_empty(cast, client):
    """Each record the test builds answers its routes for someone who may see everything."""
    worlds = {area: world(cast, area) for area in ("A", "B")}
    client.force_login(cast["admin"])
    missing = []
    for route in routes():
        kind = kind_of(route) if names_a_record(route) else None
        if kind and not route.startswith(("jobs/", "api/v1/jobs/", "applications/apply/", "applications/my/")):
            response = client.get(url(route, worlds["A"][kind]))
            if response.status_code == 404:
                missing.append(route)
    assert not missing, f"the administrator gets 404 (wrong record for the route?): {missing}"
    assert set(CAST) - {"admin"} == set(FOREIGN) - {"anonymous"}
