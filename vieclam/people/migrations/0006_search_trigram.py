"""PostgreSQL only: trigram indexes on the folded names the person and household lists search.

The lists' `q` is a "contains" match (`search_text LIKE '% nguyen van%'`); a b-tree cannot serve it, so on a
million persons a rare name read the whole table. A pg_trgm GIN index serves LIKE with a leading wildcard. When
pg_trgm cannot be created (no privilege), the search works as before, only slower. SQLite is left untouched.
Written by hand because these indexes cannot be declared in a model that must also migrate on SQLite.
"""

from django.db import migrations, transaction

INDEXES = {
    "people_person_search_trgm": "people_person",
    "people_household_search_trgm": "people_household",
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - no privilege: the search stays a scan
        return
    for name, table in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("search_text" gin_trgm_ops)')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("people", "0005_list_order_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
