"""The shared store of counted figures: a figure is counted again after any write to the records under it, however
the write was made, and not after writes the rules never read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.conftest import COMMUNE_A
from vieclam.core.dates import today
from vieclam.indicators.engine import Calculator
from vieclam.indicators.freshness import data_version, source_tables, triggers_install
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.people.models import Household
from vieclam.people.services import household_create
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune() -> AdministrativeUnit:
    return AdministrativeUnit.objects.current().get(level=Level.COMMUNE, code=COMMUNE_A)


def _households(commune) -> int:
    indicator = Indicator(code="t", name_vi="t", name_en="t", group="t", unit="ho", numerator="households")
    this_year = Period.year(today().year)
    return Calculator(communes=[commune.pk]).figure(indicator, this_year).numerator


def test_every_table_a_rule_reads_has_the_trigger():
    tables = source_tables()
    assert {"people_person", "people_labourevent", "people_household", "connections_connection"} <= set(tables)
    assert "core_auditevent" not in tables and "accounts_user" not in tables
    assert triggers_install() == len(tables)  # installing again changes nothing


def test_a_figure_is_counted_again_after_a_write_through_the_services(cast, commune):
    assert _households(commune) == 0
    household_create(actor=cast["commune_a"], commune=COMMUNE_A, address="Ấp 1")
    assert _households(commune) == 1


def test_a_figure_is_counted_again_after_a_raw_sql_write(cast, commune):
    household = household_create(actor=cast["commune_a"], commune=COMMUNE_A, address="Ấp 1")
    assert _households(commune) == 1
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM people_household WHERE id = %s", [household.pk])
    assert _households(commune) == 0


def test_a_bulk_write_changes_the_version(commune):
    before = data_version()
    Household.objects.bulk_create([Household(commune=commune, code=f"T{i}", address="x") for i in range(3)])
    assert data_version() != before


def test_reading_and_writing_the_audit_log_keep_the_figures(cast, commune):
    household_create(actor=cast["commune_a"], commune=COMMUNE_A, address="Ấp 1")
    before = data_version()
    assert _households(commune) == 1
    cast["commune_a"].last_login = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    cast["commune_a"].save(update_fields=["last_login"])
    assert data_version() == before


def test_a_figure_asked_again_is_read_from_the_store_with_one_query(cast, commune):
    household_create(actor=cast["commune_a"], commune=COMMUNE_A, address="Ấp 1")
    assert _households(commune) == 1
    with CaptureQueriesContext(connection) as queries:
        assert _households(commune) == 1
    assert len(queries) == 1, [q["sql"] for q in queries]  # the data version


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_copy_into_a_table_changes_the_version(commune):
    before = data_version()
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY people_household (commune_id, code, address, head_name, poverty_class, search_text, created_at,"
            " updated_at) FROM STDIN"
        ) as copy,
    ):
        copy.write_row((commune.pk, "COPY1", "x", "", "", "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
    assert data_version() != before


def test_the_warm_up_counts_each_staff_area_so_its_dashboard_reads_the_store(cast, commune):
    from django.core.management import call_command

    from vieclam.indicators.dashboard import dashboard_for

    household_create(actor=cast["commune_a"], commune=COMMUNE_A, address="Ấp 1")
    call_command("indicators_warm", stdout=None)
    with CaptureQueriesContext(connection) as queries:
        dashboard_for(user=cast["commune_a"])
    counted = [q["sql"] for q in queries if "people_" in q["sql"] or "connections_" in q["sql"]]
    assert counted == [], "\n".join(q[:160] for q in counted)
