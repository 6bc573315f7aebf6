"""The booth pages put record ids in their forms and links as plain digits: with the thousands separator on, an id
past 999 printed as a number ("4.321") would post back as no one ("lựa chọn … không còn dùng được")."""

from __future__ import annotations

import pytest

from vieclam.applications.models import Application
from vieclam.fairs import services
from vieclam.fairs.models import FairBooth
from vieclam.fairs.tests.factories import walk_in
from vieclam.fairs.tests.test_booths import booth, client_of  # noqa: F401  (fixture)
from vieclam.people.models import Person

pytestmark = pytest.mark.django_db


def test_a_worker_with_an_id_past_a_thousand_is_applied_from_the_booth_page_row(cast, booth):  # noqa: F811
    staff = cast["commune_a"]
    first = services.registration_create(actor=staff, fair=booth.fair, data=walk_in(1)).person
    person = Person.objects.get(pk=first.pk)
    person.pk, person.full_name = 4321, "Trần Thị Nghìn"
    person.save(force_insert=True)
    services.registration_create(actor=staff, fair=booth.fair, data={"person": person, "booths": [booth]})
    client = client_of(staff)
    page = client.get(f"/fairs/booths/{booth.pk}/").content.decode()
    assert 'name="person" value="4321"' in page and "4.321" not in page
    vacancy = booth.vacancies.get()
    client.post(f"/fairs/booths/{booth.pk}/apply/", {"person": "4321", "person_label": person.full_name,
                                                    "vacancy": vacancy.pk})  # fmt: skip
    assert Application.objects.filter(person=person, vacancy=vacancy).exists()


def test_an_employer_portal_link_to_a_fair_past_a_thousand_opens_its_booth_form(cast, booth):  # noqa: F811
    fair = booth.fair
    FairBooth.objects.filter(pk=booth.pk).delete()
    fair.pk = 1234
    fair.save(force_insert=True)
    page = client_of(cast["employer"]).get("/fairs/booths/open/").content.decode()
    assert "?fair=1234&amp;employer=" in page and "1.234" not in page
