"""`vieclam jobs_reindex`: bring the public search index in line with the vacancy registry (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from vieclam.jobboard.indexing import jobindex_sync


class Command(BaseCommand):
    help = (
        "Rebuild the public job search index and its vocabulary from the vacancies; only rows that differ are "
        "rewritten. Run after bulk writes (vieclam demo, imports) and nightly."
    )

    def handle(self, *args, **options):
        stats = jobindex_sync()
        n = {key: f"{value:,}".replace(",", ".") for key, value in stats.items() if key != "seconds"}
        self.stdout.write(
            f"Chỉ mục việc làm / job index: {n['rows']} vacancies, {n['written']} rows written, "
            f"{n['deleted']} deleted, {n['words']} words in {stats['seconds']:.1f} s"
        )
