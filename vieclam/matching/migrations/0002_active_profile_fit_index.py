"""An index for ranking job seekers for a vacancy (matching.selectors.ranked_candidates).

The ranking scores every active profile in the viewer's scope. On PostgreSQL the partial index of active profiles
carries every column the score, the hard filters and the scope read, so the scan is index-only: it does not read
the profile rows (wide: JSON lists, search text) for pages the visibility map marks all-visible (autovacuum keeps
it so). SQLite has no INCLUDE; there the index has its key column only.
"""

from django.db import migrations

NAME = "matching_active_profile_fit"
COVERED = (
    "id, person_id, commune_id, workplace_1_id, workplace_2_id, birth_date, sex, technical_level, "
    "experience_band, desired_pay_min, available_now, available_from, work_environment, lifting, "
    "can_stand_or_walk, hearing_speaking_ok, vision_ok, fine_hand_work_ok, hands"
)


def create(apps, schema_editor):
    include = f" INCLUDE ({COVERED})" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {NAME} ON seekers_jobseekerprofile (occupation_id){include} WHERE status = 'active'"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_open_vacancy_fit_index"),
        ("seekers", "0004_technical_level_copy"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
