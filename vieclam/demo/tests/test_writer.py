import pytest
from django.db import connection

from vieclam.demo import writer
from vieclam.demo.generate import demo_generate
from vieclam.people.models import Household, Person
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db

TABLES = ("people_person", "people_household", "people_labourevent", "casework_counsellingsession")


def _schema() -> list:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid::regclass::text = ANY(%s) UNION ALL "
            "SELECT conrelid::regclass::text, conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid::regclass::text = ANY(%s) ORDER BY 1, 2",
            [list(TABLES), list(TABLES)],
        )
        return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the bare COPY is PostgreSQL's")
def test_a_large_write_into_empty_tables_leaves_their_indexes_and_foreign_keys_as_they_were(monkeypatch):
    monkeypatch.setattr(writer, "BARE_FROM_ROWS", 2)
    province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    before = _schema()

    demo_generate(province=province, persons=300, seed=5)

    assert _schema() == before
    assert Person.objects.count() == 300
    assert Person.objects.filter(household__in=Household.objects.all()).count() == 300
