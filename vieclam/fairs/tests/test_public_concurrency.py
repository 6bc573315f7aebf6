"""The last places of a fair under concurrent pre-registrations from the public page (PostgreSQL): the fair's row
lock lets no visitor past the capacity, loses none that fit, and refuses the others naming the field; the same
CCCD sent at once from two phones takes one place."""

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

VISITORS, PLACES = 24, 8


def visitor(n: int) -> dict:
    """A visitor born in 1990 in Tây Ninh (CCCD 0720 90 …), a different number each."""
    return {"full_name": f"Người xem số {n}", "national_id": f"072090{n:06d}", "phone": f"09{n:08d}",
            "date_of_birth": dt.date(1990, 1, 1)}  # fmt: skip


@pytest.fixture
def committed_fair(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: concurrent registration needs PostgreSQL")
    from vieclam.fairs.tests.factories import make_fair

    with django_db_blocker.unblock():
        officer = user_create(actor=None, username="phien-cong-khai", role=Role.COMMUNE_OFFICER, password=PASSWORD,
                              area_codes=[COMMUNE_A])  # fmt: skip
        fair = make_fair(officer, capacity=PLACES)
        try:
            yield fair
        finally:
            ids = [str(pk) for pk in FairRegistration.objects.filter(fair=fair).values_list("pk", flat=True)]
            AuditEvent.objects.filter(actor=None, object_id__in=ids, content_type__model="fairregistration").delete()
            AuditEvent.objects.filter(actor=officer).delete()
            FairRegistration.objects.filter(fair=fair).delete()
            Fair.objects.filter(pk=fair.pk).delete()
            AuditEvent.objects.filter(object_id=str(officer.pk), object_repr__contains="phien-cong-khai").delete()
            User.objects.filter(pk=officer.pk).delete()


def _run_at_once(calls) -> tuple[list[int], list]:
    start, done, errors = threading.Barrier(len(calls)), [], []

    def run(call):
        try:
            start.wait()
            done.append(call().pk)
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


def test_concurrent_pre_registrations_fill_the_places_exactly(committed_fair):
    fair = committed_fair
    calls = [lambda n=n: services.registration_apply(fair=fair, data=visitor(n)) for n in range(VISITORS)]
    done, errors = _run_at_once(calls)
    assert len(done) == PLACES
    assert FairRegistration.objects.filter(fair=fair).count() == PLACES
    assert errors == [{"fair": [f"Phiên: đã đủ {PLACES} người đăng ký, không nhận thêm."]}] * (VISITORS - PLACES)


def test_the_same_cccd_sent_at_once_takes_one_place(committed_fair):
    fair = committed_fair
    done, errors = _run_at_once([lambda: services.registration_apply(fair=fair, data=visitor(1))] * 4)
    assert len(done) == 1 and FairRegistration.objects.filter(fair=fair).count() == 1
    assert [list(e) for e in errors] == [["national_id"]] * 3
