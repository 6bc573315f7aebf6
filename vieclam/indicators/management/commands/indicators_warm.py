"""`vieclam indicators_warm`: count ahead the figures staff open (dashboards, the year's indicators by commune)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from vieclam.indicators.warm import figures_warm


class Command(BaseCommand):
    help = (
        "Count each staff area's dashboard and every indicator for the last full year and the year to date into "
        "the shared store of figures. Run after bulk writes (imports, vieclam demo) and every few minutes."
    )

    def handle(self, *args, **options):
        stats = figures_warm()
        self.stdout.write(f"Chỉ tiêu / indicators: {stats['areas']:.0f} areas counted in {stats['seconds']:.1f} s")
