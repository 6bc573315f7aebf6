"""A worker books an interview slot on their own registrations page (/job-fairs/mine/): the free times of the
booths they chose, "Đặt lịch" and "Hủy lịch", the services' refusals shown as messages, in a fixed number of
queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from vieclam.core.dates import today
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services, slots
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot, FairRegistration
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import make_person
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.vn/phong-a"
QUERIES = 6  # session, user, registrations, booths chosen, free slots, booked slots


def at(fair: Fair, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(fair.held_on, dt.time(hour, minute)))


def _fair(staff, exchange, booths: int = 2) -> Fair:
    """A fair of commune A held tomorrow (its slots are all still to come) with `booths` booths."""
    fair = make_fair(staff, held_on=today() + dt.timedelta(days=1), name=f"Phiên ngày mai {booths}")
    for n in range(booths):
        employer = make_employer(staff, name=f"Công ty Gian {n}")
        vacancy = make_vacancy(exchange, employer=employer, status="open", title=f"Thợ hàn {n}")
        services.booth_register(actor=staff, fair=fair, data={"employer": employer, "vacancies": [vacancy],
                                                               "number": f"B{n}", "meeting_link": LINK})  # fmt: skip
    return fair


def _booths(fair: Fair) -> list[FairBooth]:
    return list(fair.booths.order_by("number"))


@pytest.fixture
def mine(cast):
    """The cast worker (with their own record) registered at a fair of tomorrow, choosing its first booth; two
    slots at that booth (one for its vacancy) and one at the booth not chosen."""
    staff, worker = cast["commune_a"], cast["worker"]
    person = make_person(staff)
    Person.objects.filter(pk=person.pk).update(account=worker)
    fair = _fair(staff, cast["province_a"])
    chosen, other = _booths(fair)
    registration = services.registration_create(actor=worker, fair=fair, data={"booths": [chosen]})
    vacancy = chosen.vacancies.get()
    first = slots.slot_create(actor=staff, booth=chosen, starts_at=at(fair, 8, 15), vacancy=vacancy)
    second = slots.slot_create(actor=staff, booth=chosen, starts_at=at(fair, 9))
    slots.slot_create(actor=staff, booth=other, starts_at=at(fair, 10, 45))
    client = Client()
    client.force_login(worker)
    return {"fair": fair, "registration": registration, "first": first, "second": second, "client": client}


def _page(client) -> str:
    return client.get("/job-fairs/mine/").content.decode()


def test_the_page_offers_the_free_times_of_the_booths_chosen_without_the_link(mine):
    day = mine["fair"].held_on.strftime("%d/%m")
    html = _page(mine["client"])
    assert f"{day} 08:15 — Công ty Gian 0, Thợ hàn 0" in html and f"{day} 09:00 — Công ty Gian 0" in html
    assert "10:45" not in html  # a booth not chosen
    assert html.count("Đặt lịch</button>") == 2 and LINK not in html


def test_a_worker_books_a_slot_and_sees_it_with_the_online_link_then_releases_it(mine):
    client, slot, registration = mine["client"], mine["first"], mine["registration"]
    response = client.post(f"/job-fairs/mine/slots/{slot.pk}/book/", {"registration": registration.pk}, follow=True)
    html = response.content.decode()
    assert "Đã đặt lịch phỏng vấn lúc 08:15." in html
    slot.refresh_from_db()
    assert slot.registration_id == registration.pk
    assert "Lịch phỏng vấn đã đặt" in html and LINK in html and "Hủy lịch</button>" in html
    assert "Đặt lịch</button>" not in html  # one slot per registration: free it first to pick another
    html = client.post(f"/job-fairs/mine/slots/{slot.pk}/release/", follow=True).content.decode()
    assert "Đã hủy đặt lịch lúc 08:15." in html
    slot.refresh_from_db()
    assert slot.registration_id is None and html.count("Đặt lịch</button>") == 2


def test_a_slot_taken_by_another_worker_is_refused_with_a_message(cast, mine):
    slot = mine["second"]
    other = services.registration_create(actor=cast["commune_a"], fair=mine["fair"], data=walk_in(7))
    slots.slot_book(actor=cast["commune_a"], slot=slot, registration=other)
    url = f"/job-fairs/mine/slots/{slot.pk}/book/"
    html = mine["client"].post(url, {"registration": mine["registration"].pk}, follow=True).content.decode()
    assert "Lịch phỏng vấn lúc 09:00 đã có người đặt." in html
    slot.refresh_from_db()
    assert slot.registration_id == other.pk


def test_a_slot_of_a_booth_of_another_fair_is_refused(cast, mine):
    elsewhere = _fair(cast["commune_a"], cast["province_a"], booths=1)
    slot = slots.slot_create(actor=cast["commune_a"], booth=_booths(elsewhere)[0], starts_at=at(elsewhere, 8))
    url = f"/job-fairs/mine/slots/{slot.pk}/book/"
    # Not registered at that fair: its slots are not the worker's to see.
    assert mine["client"].post(url, {"registration": mine["registration"].pk}).status_code == 404
    # Registered at both: the registration of one fair cannot book at the other's booth.
    services.registration_create(actor=cast["worker"], fair=elsewhere, data={})
    html = mine["client"].post(url, {"registration": mine["registration"].pk}, follow=True).content.decode()
    assert "đăng ký này thuộc phiên khác, không đặt được lịch ở gian hàng này" in html
    assert not FairInterviewSlot.objects.filter(registration__isnull=False).exists()


def test_someone_elses_registration_or_slot_is_refused(cast, mine):
    other = services.registration_create(actor=cast["commune_a"], fair=mine["fair"], data=walk_in(8))
    slot = mine["first"]
    url = f"/job-fairs/mine/slots/{slot.pk}/book/"
    html = mine["client"].post(url, {"registration": other.pk}, follow=True).content.decode()
    assert "chọn một phiên bạn đã đăng ký" in html
    slots.slot_book(actor=cast["commune_a"], slot=slot, registration=other)
    assert mine["client"].post(f"/job-fairs/mine/slots/{slot.pk}/release/").status_code == 404
    slot.refresh_from_db()
    assert slot.registration_id == other.pk
    assert Client().post(url, {"registration": mine["registration"].pk}).status_code == 302  # to sign in
    assert FairRegistration.objects.filter(fair=mine["fair"]).count() == 2


def test_the_page_takes_the_same_queries_however_many_slots_and_fairs(cast, mine, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERIES):
        _page(mine["client"])
    staff = cast["commune_a"]
    worker_person = Person.objects.get(account=cast["worker"])
    for n in range(3):
        fair = _fair(staff, cast["province_a"], booths=2)
        booths = _booths(fair)
        services.registration_create(actor=staff, fair=fair, data={"person": worker_person, "booths": booths})
        for booth in booths:
            for hour in (8, 9, 10):
                slots.slot_create(actor=staff, booth=booth, starts_at=at(fair, hour, n))
    with django_assert_max_num_queries(QUERIES):
        html = _page(mine["client"])
    assert html.count("Đặt lịch</button>") == 2 + 3 * 6
