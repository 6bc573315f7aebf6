"""Interview slots under concurrent bookings (PostgreSQL): the row locks of slot_book let one worker take a slot
and one slot per worker, and refuse the others with the message that names the time."""

import datetime as dt
import secrets
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.conftest import COMMUNE_A, PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import employer_type
from vieclam.fairs import slots
from vieclam.fairs.choices import RegistrationChannel
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot, FairRegistration
from vieclam.fairs.tests.factories import make_fair
from vieclam.people.models import Person
from vieclam.places.models import AdministrativeUnit

WORKERS = 12


@pytest.fixture
def committed_booth(django_db_setup, django_db_blocker):
    """An officer, a booth at an open fair with WORKERS registrations, committed so that other threads see them;
    afterwards every row the test committed is removed."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: concurrent booking needs PostgreSQL")
    with django_db_blocker.unblock():
        officer = user_create(actor=None, username="lich-song-song", role=Role.PROVINCE_OFFICER, password=PASSWORD,
                              area_codes=["80"])  # fmt: skip
        fair = make_fair(officer)
        unit = AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=COMMUNE_A)
        employer = Employer.objects.create(name="Công ty Song Song", tax_code="0312345678", commune=unit,
                                           employer_type=employer_type())  # fmt: skip
        booth = FairBooth.objects.create(fair=fair, employer=employer)
        persons = Person.objects.bulk_create(
            Person(full_name=f"Người đặt {n}", date_of_birth=dt.date(1990, 1, 1), sex="male", residence_commune=unit)
            for n in range(WORKERS)
        )
        registrations = FairRegistration.objects.bulk_create(
            FairRegistration(fair=fair, person=p, channel=RegistrationChannel.WALK_IN, token=secrets.token_urlsafe(32))
            for p in persons
        )
        try:
            yield officer, booth, registrations
        finally:
            AuditEvent.objects.filter(actor=officer).delete()
            FairInterviewSlot.objects.filter(booth=booth).delete()
            FairRegistration.objects.filter(fair=fair).delete()
            FairBooth.objects.filter(pk=booth.pk).delete()
            Fair.objects.filter(pk=fair.pk).delete()
            Employer.objects.filter(pk=employer.pk).delete()
            Person.objects.filter(pk__in=[p.pk for p in persons]).delete()
            AuditEvent.objects.filter(object_repr__contains="lich-song-song").delete()
            User.objects.filter(pk=officer.pk).delete()


def _run(calls) -> tuple[list, list]:
    start, done, errors = threading.Barrier(len(calls)), [], []

    def run(call):
        try:
            start.wait()
            done.append(call())
        except ValidationError as exc:
            errors.append(exc.message_dict)
        except BaseException as exc:  # the test reports every failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, errors


def _at(booth: FairBooth, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(booth.fair.held_on, dt.time(8, minute)))


def test_one_slot_wanted_by_many_workers_at_once_goes_to_one(committed_booth):
    officer, booth, registrations = committed_booth
    slot = slots.slot_create(actor=officer, booth=booth, starts_at=_at(booth, 0))
    actor = User.objects.get(pk=officer.pk)
    done, errors = _run([lambda r=r: slots.slot_book(actor=actor, slot=slot, registration=r) for r in registrations])
    assert len(done) == 1, errors[:2]
    assert errors == [{"slot": ["Lịch phỏng vấn lúc 08:00 đã có người đặt."]}] * (WORKERS - 1)
    assert FairInterviewSlot.objects.get(pk=slot.pk).registration_id == done[0].registration_id


def test_one_worker_pressing_many_slots_at_once_holds_one(committed_booth):
    officer, booth, registrations = committed_booth
    free = [slots.slot_create(actor=officer, booth=booth, starts_at=_at(booth, 5 * n)) for n in range(6)]
    actor, registration = User.objects.get(pk=officer.pk), registrations[0]
    done, errors = _run([lambda s=s: slots.slot_book(actor=actor, slot=s, registration=registration) for s in free])
    assert len(done) == 1 and len(errors) == 5
    assert all("đã đặt lịch phỏng vấn lúc" in error["registration"][0] for error in errors), errors
    assert FairInterviewSlot.objects.filter(registration=registration).count() == 1
