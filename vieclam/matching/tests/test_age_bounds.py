"""A vacancy's age limits and the labour age select people by their exact age, in SQL (candidates for a vacancy)
and in Python (vacancies for a worker) alike. A 29/02 birthday counts as 28/02 in a common year."""

import datetime as dt

import pytest

from vieclam.matching import candidates, recommend, selectors
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

LAWFUL = "Điều 160 Bộ luật Lao động 2019"


@pytest.fixture
def on_day(monkeypatch):
    """Matching runs as if today were `day`."""

    def set_day(day: dt.date) -> None:
        for module in (candidates, recommend):
            monkeypatch.setattr(module, "today", lambda: day)

    return set_day


@pytest.fixture
def seeker(cast):
    def make(born: dt.date):
        person = make_person(cast["admin"], name=f"Sinh {born:%d/%m/%Y}", national_id=None, born=born)
        return make_profile(cast["admin"], person, occupation="2411")

    return make


@pytest.fixture
def vacancy(cast):
    def make(**limits):
        reason = {"restriction_reason": LAWFUL} if limits else {}
        return make_vacancy(cast["admin"], deadline=dt.date(2030, 12, 31), status="open", **limits, **reason)

    return make


def _candidates(cast, vacancy) -> set[int]:
    return {profile.pk for profile, _ in selectors.candidates_for_vacancy(viewer=cast["admin"], vacancy=vacancy)}


def test_a_person_who_turned_15_yesterday_is_a_candidate(cast, on_day, seeker, vacancy):
    on_day(dt.date(2026, 5, 30))
    fifteen, _fourteen = seeker(dt.date(2011, 5, 29)), seeker(dt.date(2011, 5, 31))
    assert _candidates(cast, vacancy()) == {fifteen.pk}


def test_a_41_year_old_is_not_a_candidate_for_age_max_40(cast, on_day, seeker, vacancy):
    on_day(dt.date(2026, 5, 30))
    _forty_one, forty = seeker(dt.date(1985, 5, 29)), seeker(dt.date(1985, 5, 31))
    assert _candidates(cast, vacancy(age_max=40)) == {forty.pk}


def test_birthdays_on_the_31st_count_on_the_day(cast, on_day, seeker, vacancy):
    on_day(dt.date(2026, 1, 31))
    fifteen_today, forty_one_today = seeker(dt.date(2011, 1, 31)), seeker(dt.date(1985, 1, 31))
    forty = seeker(dt.date(1985, 2, 1))
    assert _candidates(cast, vacancy()) == {fifteen_today.pk, forty_one_today.pk, forty.pk}
    assert _candidates(cast, vacancy(age_max=40)) == {fifteen_today.pk, forty.pk}
    assert _candidates(cast, vacancy(age_min=41)) == {forty_one_today.pk}


def test_a_29_february_birthday_counts_on_28_february_in_a_common_year(cast, on_day, seeker, vacancy):
    on_day(dt.date(2027, 2, 28))
    leapling, after = seeker(dt.date(2008, 2, 29)), seeker(dt.date(2008, 3, 1))
    assert _candidates(cast, vacancy(age_min=19)) == {leapling.pk}
    assert _candidates(cast, vacancy(age_max=18)) == {after.pk}


def test_a_29_february_birthday_counts_on_the_day_in_a_leap_year(cast, on_day, seeker, vacancy):
    on_day(dt.date(2028, 2, 28))
    leapling, before = seeker(dt.date(2008, 2, 29)), seeker(dt.date(2008, 2, 28))
    assert _candidates(cast, vacancy(age_min=20)) == {before.pk}
    on_day(dt.date(2028, 2, 29))
    assert _candidates(cast, vacancy(age_min=20)) == {leapling.pk, before.pk}


def _recommended(person: Person) -> set[int]:
    return {v.pk for v, _ in selectors.recommendations_for_person(person=person)}


def test_a_worker_sees_the_vacancies_of_their_exact_age(cast, on_day, seeker, vacancy):
    on_day(dt.date(2026, 5, 30))
    forty_one, forty = seeker(dt.date(1985, 5, 29)).person, seeker(dt.date(1985, 5, 31)).person
    up_to_40, from_41 = vacancy(age_max=40), vacancy(age_min=41)
    assert _recommended(forty_one) == {from_41.pk}
    assert _recommended(forty) == {up_to_40.pk}


def test_a_worker_born_29_february_is_a_year_older_on_28_february_of_a_common_year(cast, on_day, seeker, vacancy):
    on_day(dt.date(2027, 2, 28))
    leapling = seeker(dt.date(2008, 2, 29)).person
    from_19, up_to_18 = vacancy(age_min=19), vacancy(age_max=18)
    assert _recommended(leapling) == {from_19.pk}
    assert Vacancy.objects.filter(pk=up_to_18.pk).exists()
