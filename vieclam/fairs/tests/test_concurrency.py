"""The last places of a fair under concurrent registrations (PostgreSQL): the fair's row lock lets no registration
past the capacity, loses none that fit, and refuses the others with the message that names the field."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.conftest import COMMUNE_A, PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.fairs import services
from vieclam.fairs.models import Fair, FairRegistration
from vieclam.fairs.tests.factories import make_fair
from vieclam.people.models import Person
from vieclam.places.models import AdministrativeUnit

WORKERS, PLACES = 30, 10


@pytest.fixture
def committed_fair(django_db_setup, django_db_blocker):
    """An officer, an open fair with PLACES places and WORKERS persons, committed so that other threads see them;
    afterwards every row the test committed is removed."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: concurrent registration needs PostgreSQL")
    with django_db_blocker.unblock():
        officer = user_create(actor=None, username="phien-song-song", role=Role.COMMUNE_OFFICER, password=PASSWORD,
                              area_codes=[COMMUNE_A])  # fmt: skip
        fair = make_fair(officer, capacity=PLACES)
        unit = AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=COMMUNE_A)
        persons = Person.objects.bulk_create(
            Person(full_name=f"Người đến {n}", date_of_birth=dt.date(1990, 1, 1), sex="male", residence_commune=unit)
            for n in range(WORKERS)
        )
        try:
            yield officer, fair, persons
        finally:
            AuditEvent.objects.filter(actor=officer).delete()
            AuditEvent.objects.filter(actor_username="", object_repr="phien-song-song").delete()
            FairRegistration.objects.filter(fair=fair).delete()
            Fair.objects.filter(pk=fair.pk).delete()
            Person.objects.filter(pk__in=[p.pk for p in persons]).delete()
            AuditEvent.objects.filter(object_id=str(officer.pk), object_repr__contains="phien-song-song").delete()
            User.objects.filter(pk=officer.pk).delete()


def test_concurrent_registrations_fill_the_places_exactly(committed_fair):
    officer, fair, persons = committed_fair
    start, done, errors = threading.Barrier(WORKERS), [], []

    def register(person):
        try:
            start.wait()
            actor = User.objects.get(pk=officer.pk)
            done.append(services.registration_create(actor=actor, fair=fair, data={"person": person}).pk)
        except ValidationError as exc:
            errors.append(exc.message_dict)
        except BaseException as exc:  # the test reports every failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in persons]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(done) == PLACES
    assert FairRegistration.objects.filter(fair=fair).count() == PLACES
    assert errors == [{"fair": [f"Phiên: đã đủ {PLACES} người đăng ký, không nhận thêm."]}] * (WORKERS - PLACES)


@pytest.mark.django_db
def test_the_last_place_is_taken_and_the_next_is_refused(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer, capacity=1)
    unit = AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=COMMUNE_A)
    first, second = Person.objects.bulk_create(
        Person(full_name=name, date_of_birth=dt.date(1990, 1, 1), sex="male", residence_commune=unit)
        for name in ("Người thứ nhất", "Người thứ hai")
    )
    services.registration_create(actor=officer, fair=fair, data={"person": first})
    with pytest.raises(ValidationError):
        services.registration_create(actor=officer, fair=fair, data={"person": second})
