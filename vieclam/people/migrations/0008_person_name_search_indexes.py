"""PostgreSQL only: the indexes of the persons' name search (core.search).

- a b-tree on the folded name in byte order, then id: the names starting with the typed words are one range of
  it, read in the list's order of a search, so a page stops after its rows;
- the same behind the commune: a commune officer's (or the commune filter's) search, read in order;
- a trigram index on the folded name less its first word: the names holding the words further in.
Then ANALYZE: the planner needs the statistics of the new expressions to choose between these indexes.
The expressions are the SQL that core.search's expressions compile to (a different spelling is not used by the
planner). SQLite needs neither. Written by hand, like 0006, as expression indexes that SQLite must not get.
"""

from django.db import migrations

TAIL = """substring(search_text::text, strpos(substring(search_text::text, 2), ' ') + 1)"""
INDEXES = {
    "people_person_search_c_order": """btree ((search_text::text COLLATE "C"), id)""",
    "people_person_commune_search_order": """btree (residence_commune_id, (search_text::text COLLATE "C"), id)""",
    "people_person_search_tail_trgm": f"gin (({TAIL}) gin_trgm_ops)",
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        trigrams = cursor.fetchone() is not None  # 0006 could not create it: no privilege
    for name, definition in INDEXES.items():
        if "gin_trgm_ops" in definition and not trigrams:
            continue
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "people_person" USING {definition}')
    schema_editor.execute('ANALYZE "people_person"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("people", "0007_merge_0005_consent_0006_search_trigram")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
