"""A person who withdrew their consent to matching is not offered as a candidate nor given recommendations; a
person with no consent row is matched (the employment services' public task), and one who agrees again is back."""

import datetime as dt

import pytest
from django.utils import timezone

from vieclam.matching import selectors
from vieclam.matching.tests.test_candidates import brute_force, ranked, seekers  # noqa: F401 (a fixture)
from vieclam.people.models import Consent
from vieclam.vacancies.tests.factories import make_vacancy, occupation

pytestmark = pytest.mark.django_db


def withdraw(person, *, again: bool = False) -> None:
    given = timezone.now() - dt.timedelta(days=3)
    Consent.objects.create(person=person, purpose="job_matching", given_at=given, withdrawn_at=given)
    if again:
        Consent.objects.create(person=person, purpose="job_matching", given_at=timezone.now())


@pytest.fixture
def vacancy(cast):
    return make_vacancy(cast["admin"], title="Thợ điện", status="open", occupation=occupation("7411"),
                        commune_code="25459")  # fmt: skip


def test_a_withdrawn_person_is_no_candidate_and_the_ranking_stays_exact(cast, seekers, vacancy):  # noqa: F811
    before = ranked(cast["admin"], vacancy, 50)
    best, second = (p for p in seekers if p.pk in (before[0][0], before[1][0]))
    withdraw(best.person)
    withdraw(second.person, again=True)  # withdrawn, then given again: in force
    after = ranked(cast["admin"], vacancy, 50)
    assert best.pk not in {pk for pk, _ in after} and second.pk in {pk for pk, _ in after}
    assert after == [row for row in before if row[0] != best.pk]
    for limit in (1, 2, 5, 50):
        assert ranked(cast["province_a"], vacancy, limit) == brute_force(cast["province_a"], vacancy, 10)[:limit]


def test_a_withdrawn_person_gets_no_recommendations(cast, seekers, vacancy):  # noqa: F811
    person = seekers[0].person
    assert selectors.recommendations_for_person(person=person)  # no consent row: matched
    withdraw(person)
    assert selectors.recommendations_for_person(person=person) == []
