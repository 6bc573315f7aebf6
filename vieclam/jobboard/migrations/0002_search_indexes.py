"""PostgreSQL only: a GIN index on the document's tsvector, and pg_trgm for typo suggestions.

The search matches `document_vector @@ to_tsquery('simple', 'ke & toan & ha & noi:*')` (jobboard.search), which
the GIN index serves. pg_trgm (a trusted extension: a superuser, or a database owner on PostgreSQL 13+) indexes
the vocabulary for similarity lookups; when it cannot be created, typo correction falls back to edit distance 1.
SQLite is left untouched: there the search uses LIKE on the same document. Written by hand because Django's
PostgreSQL indexes and extensions cannot be declared in a model that must also migrate on SQLite.
"""

from django.db import migrations, transaction

FTS_INDEX = (
    'CREATE INDEX IF NOT EXISTS "jobboard_jobindex_vector_gin" ON "jobboard_jobindex" USING gin ("document_vector")'
)
TRGM_INDEX = (
    'CREATE INDEX IF NOT EXISTS "jobboard_jobword_word_trgm" ON "jobboard_jobword" USING gin ("word" gin_trgm_ops)'
)


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute(FTS_INDEX)
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - no privilege: typo correction by edit distance instead
        return
    schema_editor.execute(TRGM_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in ("jobboard_jobindex_vector_gin", "jobboard_jobword_word_trgm"):
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("jobboard", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
