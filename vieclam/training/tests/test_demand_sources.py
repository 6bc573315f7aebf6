"""Training demand read from the three places a wish is recorded: the demand page / survey (TrainingInterest), a job
fair registration's interest in vocational training, a counselling session on vocational training."""

import datetime as dt

import pytest

from vieclam.casework.tests.factories import make_session
from vieclam.core.dates import today
from vieclam.fairs import services as fair_services
from vieclam.fairs.choices import InterestKind
from vieclam.fairs.tests.factories import make_fair
from vieclam.training import services
from vieclam.training.selectors import demand_by_occupation_and_commune
from vieclam.training.tests.factories import a_person, occupation

pytestmark = pytest.mark.django_db

UNNAMED = "Chưa chọn nghề"


def year_rows(viewer, day: dt.date | None = None) -> list[tuple[str, str, int, int]]:
    day = day or today()
    rows = demand_by_occupation_and_commune(viewer=viewer, start=dt.date(day.year, 1, 1), end=dt.date(day.year, 12, 31))
    return [(row.commune, row.occupation, row.persons, row.seats) for row in rows]


def at_fair(actor, person, kind: str = InterestKind.TRAINING, fair=None):
    fair = fair or make_fair(actor)
    registration = fair_services.registration_create(actor=actor, fair=fair, data={"person": person})
    return fair_services.interest_record(actor=actor, registration=registration, kind=kind)


def test_a_fair_interest_in_training_counts_in_the_demand_without_an_occupation(cast):
    officer = cast["commune_a"]
    person = a_person(officer)
    at_fair(officer, person)
    assert year_rows(officer) == [("Phường Tân Ninh", UNNAMED, 1, 0)]


def test_a_fair_interest_in_labour_export_is_not_training_demand(cast):
    officer = cast["commune_a"]
    at_fair(officer, a_person(officer), kind=InterestKind.LABOUR_EXPORT)
    assert year_rows(officer) == []


def test_a_counselling_session_on_vocational_training_counts_in_the_demand(cast):
    officer = cast["province_a"]
    person = a_person(officer)
    make_session(officer, person, held_on=dt.date(2026, 3, 2), topic_codes=("hoc_nghe", "tim_viec_lam"))
    make_session(officer, a_person(officer), held_on=dt.date(2026, 3, 2), topic_codes=("tim_viec_lam",))
    assert year_rows(officer, dt.date(2026, 1, 1)) == [("Phường Tân Ninh", UNNAMED, 1, 0)]


def test_a_person_asking_in_several_places_is_counted_once(cast):
    officer = cast["province_a"]
    day = today()
    sewing = occupation()
    both, twice = a_person(officer), a_person(officer)
    # `both` asked at a fair, in counselling and named sewing on the demand page: counted once, under sewing.
    at_fair(officer, both)
    make_session(officer, both, held_on=day, topic_codes=("hoc_nghe",))
    services.interest_record(actor=officer, person=both, data={"occupation": sewing, "source": "fair",
                                                                "recorded_on": day})  # fmt: skip
    # `twice` asked at two fairs and in counselling without naming a trade: once in the unnamed row.
    at_fair(officer, twice)
    at_fair(officer, twice)
    make_session(officer, twice, held_on=day, topic_codes=("hoc_nghe",))
    assert sorted(year_rows(officer)) == [("Phường Tân Ninh", UNNAMED, 1, 0), ("Phường Tân Ninh", sewing.name_vi, 1, 0)]


def test_a_commune_officer_counts_only_the_wishes_of_their_commune(cast):
    province = cast["province_a"]
    at_fair(province, a_person(province))
    at_fair(province, a_person(province, commune_code="25480"))
    assert year_rows(cast["commune_a"]) == [("Phường Tân Ninh", UNNAMED, 1, 0)]
    assert sorted(year_rows(province)) == [("Phường Bình Minh", UNNAMED, 1, 0), ("Phường Tân Ninh", UNNAMED, 1, 0)]
    assert year_rows(cast["commune_b"]) == [] and year_rows(cast["province_b"]) == []


def test_the_demand_page_shows_the_fair_wishes(cast):
    from django.test import Client

    officer = cast["commune_a"]
    at_fair(officer, a_person(officer))
    client = Client()
    client.force_login(officer)
    page = client.get("/training/demand/").content.decode()
    assert UNNAMED in page and "Phường Tân Ninh" in page


def test_a_visitor_not_yet_tied_to_a_person_is_left_out_until_the_door(cast):
    from vieclam.fairs.tests.test_public import typed

    officer = cast["commune_a"]
    fair = make_fair(officer)
    registration = fair_services.registration_apply(fair=fair, data=typed())
    fair_services.interest_record(actor=officer, registration=registration, kind=InterestKind.TRAINING)
    assert registration.person_id is None and year_rows(officer) == []
