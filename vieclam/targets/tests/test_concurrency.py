"""Allocations and revisions under one province target at the same time (PostgreSQL): the province's row lock lets
the shares together never exceed its value, and the losers are refused with the message that names the totals."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum

from vieclam.core.models import AuditEvent
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.models import Target, TargetRevision
from vieclam.targets.services import target_allocate, target_set
from vieclam.targets.tests.factories import indicator, province_a

OFFICERS = 8


@pytest.fixture
def committed_target(django_db_setup, django_db_blocker):
    """A province target of 100 and OFFICERS communes, committed so that other threads see them; removed after."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time: concurrent allocation needs PostgreSQL")
    with django_db_blocker.unblock():
        target = target_set(actor=None, indicator=indicator(), area=province_a(), year=2031, value=100)
        communes = list(
            AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province_a())[:OFFICERS]
        )
        try:
            yield target, communes
        finally:
            ids = list(Target.objects.filter(year_from=2031).values_list("pk", flat=True))
            TargetRevision.objects.filter(target_id__in=ids).delete()
            Target.objects.filter(parent_id__in=ids).delete()
            Target.objects.filter(pk__in=ids).delete()
            AuditEvent.objects.filter(content_type__model="target", object_id__in=[str(i) for i in ids]).delete()


def test_concurrent_allocations_never_exceed_the_province(committed_target):
    target, communes = committed_target
    start, done, refused = threading.Barrier(OFFICERS), [], []

    def allocate(commune):
        try:
            start.wait()
            target_allocate(actor=None, target=target, shares={commune: 30})
            done.append(commune.pk)
        except ValidationError as exc:
            refused.append(exc.messages)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate, args=(c,)) for c in communes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(done) == 3 and len(refused) == OFFICERS - 3
    assert all("vượt chỉ tiêu của tỉnh 100" in m[0] for m in refused)
    assert Target.objects.filter(parent=target).aggregate(total=Sum("value"))["total"] == Decimal(90)
