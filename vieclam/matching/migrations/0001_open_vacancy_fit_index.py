"""Indexes for ranking open vacancies for a worker (matching.selectors.ranked_vacancies).

The ranking reads open vacancies cell by cell, a cell being a set of occupations times a set of workplace
communes: one index leads with the occupation (a trade anywhere, or in a province), the other with the commune
(any trade in the worker's own communes). On PostgreSQL both also carry every column the score and the hard
filters read, so a cell is an index-only scan: the table is not visited for rows the visibility map marks
all-visible (autovacuum keeps it so). SQLite has no INCLUDE; there the indexes have their two key columns only.
"""

from django.db import migrations

INDEXES = {
    "matching_open_vacancy_fit": "occupation_id, workplace_commune_id",
    "matching_open_vacancy_fit_commune": "workplace_commune_id, occupation_id",
}
COVERED = (
    "id, deadline, age_min, age_max, sex_required, technical_level, experience, pay_min, pay_max, pay_negotiable, "
    "demands_outdoor, demands_lifting, demands_standing, demands_hearing, demands_vision, demands_fine_hands, "
    "demands_both_hands"
)


def create(apps, schema_editor):
    include = f" INCLUDE ({COVERED})" if schema_editor.connection.vendor == "postgresql" else ""
    for name, keys in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON vacancies_vacancy ({keys}){include} WHERE status = 'open'")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0002_working_condition_demands"),
        ("seekers", "0004_technical_level_copy"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
