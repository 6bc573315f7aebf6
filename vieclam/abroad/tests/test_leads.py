"""Persons interested in working abroad (a fair's labour-export interest, a counselling session on working abroad)
are leads for the journeys of their area, until a journey is registered for them."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from vieclam.abroad import services
from vieclam.abroad.choices import JourneyState
from vieclam.abroad.selectors import lead_list
from vieclam.abroad.tests.factories import a_person, make_journey
from vieclam.casework.tests.factories import make_session
from vieclam.core.dates import today
from vieclam.fairs import services as fair_services
from vieclam.fairs.choices import InterestKind
from vieclam.fairs.tests.factories import make_fair

pytestmark = pytest.mark.django_db


def at_fair(actor, person, kind: str = InterestKind.LABOUR_EXPORT, fair=None):
    fair = fair or make_fair(actor)
    registration = fair_services.registration_create(actor=actor, fair=fair, data={"person": person})
    fair_services.interest_record(actor=actor, registration=registration, kind=kind)
    return fair


def names(viewer) -> list[str]:
    return [row.full_name for row in lead_list(viewer=viewer)]


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_fair_interest_in_labour_export_is_a_lead_and_registering_the_journey_closes_it(cast):
    officer = cast["commune_a"]
    person, trainee = a_person(officer), a_person(officer)
    fair = at_fair(officer, person)
    at_fair(officer, trainee, kind=InterestKind.TRAINING, fair=fair)
    [lead] = lead_list(viewer=officer)
    assert lead == person and lead.fair_name == fair.name and lead.fair_on == fair.held_on and lead.session_on is None
    make_journey(officer, person=person, registered_on=today())
    assert names(officer) == []


def test_a_counselling_session_on_working_abroad_is_a_lead(cast):
    officer = cast["province_a"]
    person = a_person(officer)
    make_session(officer, person, held_on=dt.date(2026, 3, 2), topic_codes=("di_lam_viec_nuoc_ngoai",))
    make_session(officer, a_person(officer), held_on=dt.date(2026, 3, 2), topic_codes=("tim_viec_lam",))
    [lead] = lead_list(viewer=officer)
    assert lead == person and lead.session_on == dt.date(2026, 3, 2) and lead.fair_on is None


def test_an_open_journey_closes_the_lead_and_a_closed_earlier_one_does_not(cast):
    officer = cast["province_a"]
    person = a_person(officer)
    earlier = make_journey(officer, person=person, registered_on=dt.date(2023, 1, 10))
    make_session(officer, person, held_on=dt.date(2026, 3, 2), topic_codes=("di_lam_viec_nuoc_ngoai",))
    assert names(officer) == []  # still on the 2023 journey
    services.journey_advance(actor=officer, journey=earlier, state=JourneyState.WITHDRAWN, on=dt.date(2023, 5, 1))
    assert names(officer) == [person.full_name]
    make_journey(officer, person=person, registered_on=dt.date(2026, 3, 2))
    assert names(officer) == []


def test_a_person_interested_twice_is_one_lead_with_the_latest_wish(cast):
    officer = cast["province_a"]
    person = a_person(officer)
    at_fair(officer, person)
    at_fair(officer, person)
    make_session(officer, person, held_on=dt.date(2026, 3, 2), topic_codes=("di_lam_viec_nuoc_ngoai",))
    [lead] = lead_list(viewer=officer)
    assert lead.lead_on == max(today(), dt.date(2026, 3, 2))


def test_a_commune_officer_sees_only_the_leads_of_their_commune(cast):
    province = cast["province_a"]
    here, there = a_person(province), a_person(province, commune="25480")
    at_fair(province, here)
    make_session(province, there, held_on=dt.date(2026, 3, 2), topic_codes=("di_lam_viec_nuoc_ngoai",))
    assert names(cast["commune_a"]) == [here.full_name]
    assert sorted(names(province)) == sorted([here.full_name, there.full_name])
    assert names(cast["commune_b"]) == [] and names(cast["province_b"]) == []
    page = client_of(cast["commune_a"]).get("/abroad/leads/").content.decode()
    assert here.full_name in page and there.full_name not in page


def test_the_lead_button_opens_the_registration_with_the_person(cast):
    officer = cast["commune_a"]
    person = a_person(officer)
    at_fair(officer, person)
    page = client_of(officer).get("/abroad/leads/").content.decode()
    assert f"/abroad/new/?person={person.pk}" in page
    form = client_of(officer).get(f"/abroad/new/?person={person.pk}").content.decode()
    assert person.full_name in form
    foreign = a_person(cast["province_a"], commune="25480")
    assert foreign.full_name not in client_of(officer).get(f"/abroad/new/?person={foreign.pk}").content.decode()


def test_the_lead_list_reads_a_fixed_number_of_queries(cast):
    officer = cast["province_a"]
    client = client_of(officer)
    at_fair(officer, a_person(officer))
    client.get("/abroad/leads/")  # warm the caches (menu, scope)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/abroad/leads/").status_code == 200
    fair = make_fair(officer)
    for _ in range(4):
        person = a_person(officer, commune="25480")
        at_fair(officer, person, fair=fair)
        make_session(officer, person, held_on=dt.date(2026, 3, 2), topic_codes=("di_lam_viec_nuoc_ngoai",))
    with CaptureQueriesContext(connection) as five:
        page = client.get("/abroad/leads/").content.decode()
    assert len(five) == len(one) and page.count("/abroad/new/?person=") == 5
