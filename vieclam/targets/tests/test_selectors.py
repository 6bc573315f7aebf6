"""target_for, plan_target_for, targets_by_unit (the signatures other apps use), the achievement of a page of
targets in bulk, and the home dashboard reading commune targets in one query."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.indicators.dashboard import _areas, target_value
from vieclam.indicators.engine import Calculator
from vieclam.indicators.periods import Period
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.selectors import (
    plan_target_for,
    target_achievements,
    target_for,
    target_list,
    targets_by_unit,
)
from vieclam.targets.services import target_allocate, target_revise, target_set
from vieclam.targets.tests.factories import commune_a, commune_b, indicator, other_commune_a, province_a

pytestmark = pytest.mark.django_db


def test_target_for_gives_the_year_target_with_its_value_after_revisions(cast):
    target = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    target_revise(actor=None, target=target, value=7500, reason="điều chỉnh")
    found = target_for(indicator=indicator(), area=province_a(), year=2026)
    assert found.pk == target.pk and found.value == Decimal(7500) and found.original_value == Decimal(7125)
    assert target_for(indicator=indicator(), area=province_a(), year=2027) is None


def test_a_plan_is_not_a_year_target_but_plan_target_for_finds_it_within_its_years(cast):
    plan = target_set(actor=None, indicator=indicator(), area=province_a(), years=(2021, 2025), value=30000)
    assert target_for(indicator=indicator(), area=province_a(), year=2023) is None
    assert plan_target_for(indicator=indicator(), area=province_a(), year=2023) == plan
    assert plan_target_for(indicator=indicator(), area=province_a(), year=2026) is None


def test_targets_by_unit_reads_many_communes_in_one_query(cast, django_assert_num_queries):
    parent = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    target_allocate(actor=None, target=parent, shares={commune_a(): 5014, other_commune_a(): 2000})
    units, jobs = [commune_a().pk, other_commune_a().pk, commune_b().pk], indicator()
    with django_assert_num_queries(1):
        found = targets_by_unit(indicator=jobs, units=units, year=2026)
    assert found == {commune_a().pk: Decimal(5014), other_commune_a().pk: Decimal(2000)}


def test_the_dashboard_keeps_target_value_and_reads_commune_targets_in_bulk(cast):
    parent = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    target_allocate(actor=None, target=parent, shares={commune_a(): 5014})
    assert target_value(indicator(), province_a(), 2026) == Decimal(7125)
    communes = frozenset(
        AdministrativeUnit.objects.current()
        .filter(level=Level.COMMUNE, province=province_a())
        .values_list("pk", flat=True)
    )
    calc = Calculator(communes=communes)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    with CaptureQueriesContext(connection) as queries:
        rows = _areas(calc, indicator(), period, communes)
    target_queries = [q for q in queries.captured_queries if "targets_target" in q["sql"]]
    assert len(target_queries) == 1, "one query for the targets of all the communes, not one per commune"
    assert {r["name"]: r["target"] for r in rows if r["target"]} == {commune_a().name: Decimal(5014)}


def test_achievement_of_a_page_is_computed_in_bulk(cast, django_assert_max_num_queries):
    parent = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    communes = list(AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province_a())[:30])
    target_allocate(actor=None, target=parent, shares=dict.fromkeys(communes, 10))
    rows = list(target_list(viewer=cast["admin"]))
    assert len(rows) == 31
    with django_assert_max_num_queries(12):  # a few per rule and unit of the page, not per row
        found = target_achievements(rows, on=dt.date(2026, 6, 30))
    assert found[parent.pk]["value"] == Decimal(0) and found[parent.pk]["achievement"] == Decimal("0.0")
    assert target_achievements(rows, on=dt.date(2025, 6, 30))[parent.pk] == {"value": None, "achievement": None}


def test_target_list_follows_the_viewers_areas(cast):
    parent = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    target_allocate(actor=None, target=parent, shares={commune_a(): 5, other_commune_a(): 5})
    target_set(actor=None, indicator=indicator(), area=commune_b(), year=2026, value=9)

    def areas(who):
        return sorted(t.area.code for t in target_list(viewer=cast[who]))

    assert areas("province_a") == sorted([province_a().code, commune_a().code, other_commune_a().code])
    assert areas("commune_a") == [commune_a().code]
    assert areas("commune_b") == [commune_b().code]
    assert len(areas("admin")) == 4
    assert areas("worker") == []
