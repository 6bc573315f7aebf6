"""Household codes are <commune code>-<number>, numbered per commune: never twice, even after a delete, and safe
when two officers create households in one commune at the same moment."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.conftest import COMMUNE_A, PASSWORD
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.people.models import Household, HouseholdCounter
from vieclam.people.services import household_create
from vieclam.places.models import AdministrativeUnit


def _create(actor, name="Chủ hộ") -> str:
    return household_create(actor=actor, commune=COMMUNE_A, head_name=name).code


@pytest.mark.django_db
def test_codes_are_numbered_per_commune(cast):
    assert [_create(cast["commune_a"]) for _ in range(3)] == [f"{COMMUNE_A}-0000{n}" for n in (1, 2, 3)]
    assert household_create(actor=cast["admin"], commune="00004").code == "00004-00001"


@pytest.mark.django_db
def test_a_deleted_households_code_is_never_given_again(cast):
    first, second, third = (_create(cast["commune_a"]) for _ in range(3))
    Household.objects.filter(code=third).delete()
    assert _create(cast["commune_a"]) == f"{COMMUNE_A}-00004"
    Household.objects.filter(code=first).delete()
    assert _create(cast["commune_a"]) == f"{COMMUNE_A}-00005"
    assert second in Household.objects.values_list("code", flat=True)


@pytest.mark.django_db
def test_numbering_continues_after_households_written_by_a_loader(cast):
    """Bulk loaders (the demo, imports) write codes without the service: the next number is above theirs."""
    commune = AdministrativeUnit.objects.valid_on(today()).get(code=COMMUNE_A, level="commune")
    Household.objects.create(code=f"{COMMUNE_A}-00041", commune=commune)
    assert _create(cast["commune_a"]) == f"{COMMUNE_A}-00042"
    Household.objects.create(code=f"{COMMUNE_A}-00043", commune=commune)  # written after the counter started
    assert _create(cast["commune_a"]) == f"{COMMUNE_A}-00044"


@pytest.fixture
def committed_officers(django_db_blocker):
    """Two commune officers committed to the database, so that other threads see them; afterwards every row the
    test committed is removed, leaving the database as the other tests expect it."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: concurrent creation needs PostgreSQL")
    with django_db_blocker.unblock():
        officers = [
            user_create(actor=None, username=f"ghi-song-song-{n}", role=Role.COMMUNE_OFFICER, password=PASSWORD,
                        area_codes=[COMMUNE_A])
            for n in (1, 2)
        ]  # fmt: skip
        try:
            yield officers
        finally:
            households = Household.objects.filter(commune__code=COMMUNE_A)
            AuditEvent.objects.filter(
                content_type=ContentType.objects.get_for_model(Household),
                object_id__in=[str(pk) for pk in households.values_list("pk", flat=True)],
            ).delete()
            AuditEvent.objects.filter(
                content_type=ContentType.objects.get_for_model(User), object_id__in=[str(o.pk) for o in officers]
            ).delete()
            households.delete()
            HouseholdCounter.objects.filter(commune__code=COMMUNE_A).delete()
            User.objects.filter(pk__in=[o.pk for o in officers]).delete()


def _at_once(officers, per_officer: int) -> tuple[list[str], list[BaseException]]:
    """Each officer creates `per_officer` households, all officers starting together; (codes, errors)."""
    start, codes, errors = threading.Barrier(len(officers)), [], []

    def work(officer):
        try:
            start.wait()
            for n in range(per_officer):
                codes.append(_create(officer, name=f"{officer.username} {n}"))
        except BaseException as exc:  # the test reports every failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(officer,)) for officer in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes, errors


def test_two_officers_at_once_get_different_codes_and_no_error(committed_officers):
    codes, errors = _at_once(committed_officers, per_officer=10)
    assert errors == []
    assert sorted(codes) == [f"{COMMUNE_A}-{n:05d}" for n in range(1, 21)]


def test_no_code_repeats_after_a_delete_under_concurrency(committed_officers):
    first, _ = _at_once(committed_officers, per_officer=3)
    Household.objects.filter(code=max(first)).delete()
    then, errors = _at_once(committed_officers, per_officer=3)
    assert errors == []
    assert not set(first) & set(then)
    assert sorted(then) == [f"{COMMUNE_A}-{n:05d}" for n in range(7, 13)]
