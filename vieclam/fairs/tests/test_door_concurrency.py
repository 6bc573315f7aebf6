"""Two doors at once (PostgreSQL): the same person pre-registered on the public page at two fairs is checked in at
both at the same instant; the CCCD is new, so both doors make the person's record. The second meets the first's
record (unique CCCD) and uses it: one person, both registrations tied to it, no error."""

import datetime as dt
import threading

import pytest
from django.db import connection

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.conftest import COMMUNE_A, PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.fairs import services
from vieclam.fairs.models import Fair, FairRegistration
from vieclam.people import services as people_services
from vieclam.people.models import Person

NID = "072090777001"
VISITOR = {"full_name": "Lê Văn Hai Cửa", "national_id": NID, "phone": "0912777001",
           "date_of_birth": dt.date(1990, 1, 1)}  # fmt: skip


@pytest.fixture
def two_fairs(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: two doors at once need PostgreSQL")
    from vieclam.fairs.tests.factories import make_fair

    with django_db_blocker.unblock():
        officer = user_create(actor=None, username="hai-cua", role=Role.COMMUNE_OFFICER, password=PASSWORD,
                              area_codes=[COMMUNE_A])  # fmt: skip
        fairs = [make_fair(officer), make_fair(officer)]
        try:
            yield officer, fairs
        finally:
            rows = FairRegistration.objects.filter(fair__in=fairs)
            ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
            AuditEvent.objects.filter(actor=None, object_id__in=ids, content_type__model="fairregistration").delete()
            AuditEvent.objects.filter(actor=officer).delete()
            rows.delete()
            Person.objects.filter(national_id=NID).delete()
            Fair.objects.filter(pk__in=[fair.pk for fair in fairs]).delete()
            AuditEvent.objects.filter(object_id=str(officer.pk), object_repr__contains="hai-cua").delete()
            User.objects.filter(pk=officer.pk).delete()


def test_the_same_new_cccd_checked_in_at_two_doors_at_once_makes_one_person(two_fairs, monkeypatch):
    officer, fairs = two_fairs
    for fair in fairs:
        services.registration_apply(fair=fair, data=VISITOR)
    # Both doors pass the check "no record has this CCCD yet" before either saves: the race, every time.
    both_checked, check = threading.Barrier(2, timeout=30), people_services._check_identity

    def check_then_wait(*args, **kwargs):
        check(*args, **kwargs)
        both_checked.wait()

    monkeypatch.setattr(people_services, "_check_identity", check_then_wait)
    errors: list[BaseException] = []

    def door(fair):
        try:
            services.registration_check_in(actor=officer, fair=fair, national_id=NID)
        except BaseException as exc:  # the test reports every failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=door, args=(fair,)) for fair in fairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    person = Person.objects.get(national_id=NID)
    rows = FairRegistration.objects.filter(fair__in=fairs)
    assert sorted(rows.values_list("person_id", flat=True)) == [person.pk, person.pk]
    assert all(row.checked_in_at is not None for row in rows)
