"""Every filter of every API list, given what a fuzzer sends: a 400 naming the field or an answer, never a 500.

The lists and their filters are read from the URL resolver, so a new list or a new filter is covered on arrival.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.tests.factories import make_vacancy, occupation

pytestmark = pytest.mark.django_db

HUGE_ID = "15143140949230918565888"  # the value of the probe: wider than any database integer
HOSTILE = [HUGE_ID, "-1", "0" * 30, "%u", "100%", "²", "٣", "x" * 10_000, "\u202eabc", "🙂", "2026-02-30", "1e9999"]


def api_lists() -> list[tuple[str, list[str]]]:
    """(path, filter names) of every /api/v1/ route without a path parameter whose view has a FilterSet."""
    found = []

    def walk(resolver, prefix: str) -> None:
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern, route)
            elif isinstance(pattern, URLPattern) and route.startswith("api/v1/") and "<" not in route:
                view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
                filterset = getattr(view, "filterset_class", None)
                if filterset is not None:
                    found.append(("/" + route, sorted(filterset.base_filters)))

    walk(get_resolver(), "")
    return found


LISTS = api_lists()


def test_the_resolver_finds_the_api_lists():
    paths = {path for path, _filters in LISTS}
    assert {"/api/v1/persons/", "/api/v1/employers/", "/api/v1/vacancies/", "/api/v1/applications/"} <= paths


@pytest.mark.parametrize(("path", "filters"), LISTS, ids=[path for path, _filters in LISTS])
def test_no_filter_value_makes_a_list_fail(cast, api_as, path, filters):
    client = api_as(cast["province_a"])
    failures = []
    for name in filters:
        for value in HOSTILE:
            response = client.get(path, {name: value})
            if response.status_code >= 500:
                failures.append(f"?{name}={value[:30]!r}: {response.status_code}")
            elif response.status_code == 400 and name not in response.json():
                failures.append(f"?{name}={value[:30]!r}: 400 without naming the field: {response.json()}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "path", ["/api/v1/persons/", "/api/v1/vacancies/", "/api/v1/applications/", "/api/v1/job-seekers/"]
)
def test_an_id_wider_than_the_database_is_a_400_naming_the_field(cast, api_as, path):
    name = {"/api/v1/persons/": "commune", "/api/v1/job-seekers/": "commune"}.get(path, "employer")
    response = api_as(cast["province_a"]).get(path, {name: HUGE_ID})
    assert response.status_code == 400 and list(response.json()) == [name], response.content


def test_a_vacancy_coded_to_a_major_group_nobody_seeks_still_lists_its_candidates(cast, api_as):
    officer = cast["province_a"]
    make_profile(officer, make_person(officer))
    # Coded before vacancies took level 4 only (codelists/tests/test_record_occupation_level.py): written directly.
    vacancy = make_vacancy(officer, status="open")
    type(vacancy).objects.filter(pk=vacancy.pk).update(occupation=occupation("0"))
    response = api_as(officer).get(f"/api/v1/vacancies/{vacancy.pk}/candidates/")
    assert response.status_code == 200, response.content


def test_options_on_the_workers_own_profile_answers(cast, api_as):
    response = api_as(cast["worker"]).options("/api/v1/me/job-seeker-profile/")
    assert response.status_code in (200, 404), response.content
