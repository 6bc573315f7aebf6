"""Links and forms carry a person's id as plain digits: with the thousands separator on, an id past 999 printed as a
number ("4.321") would open the session form with no one picked, or remove no one from a group."""

from __future__ import annotations

import pytest

from vieclam.casework.tests.factories import make_group, make_person
from vieclam.conftest import COMMUNE_A

pytestmark = pytest.mark.django_db


def _person_past_a_thousand(actor):
    person = make_person(actor, name="Trần Văn Nghìn", national_id=None, commune=COMMUNE_A)
    person.pk = 4321
    person.save(force_insert=True)
    return person


def test_a_person_past_a_thousand_is_linked_to_the_session_form_by_plain_id(client, cast):
    person = _person_past_a_thousand(cast["province_a"])
    client.force_login(cast["counsellor_a"])
    for url in (f"/people/{person.pk}/", f"/casework/persons/{person.pk}/services/"):
        page = client.get(url).content.decode()
        assert "?person=4321" in page and "4.321" not in page, url


def test_an_attendee_past_a_thousand_is_removed_from_a_group_session(client, cast):
    person = _person_past_a_thousand(cast["commune_a"])
    group = make_group(cast["commune_a"])
    client.force_login(cast["commune_a"])
    client.post(f"/casework/groups/{group.pk}/attendees/", {"person": person.pk})
    page = client.get(f"/casework/groups/{group.pk}/").content.decode()
    assert 'name="person" value="4321"' in page
    removed = client.post(f"/casework/groups/{group.pk}/attendees/remove/", {"person": "4321"})
    assert removed.status_code == 302 and not group.attendees.exists()
