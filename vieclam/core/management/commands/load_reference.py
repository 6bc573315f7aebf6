"""`vieclam load_reference`: load all reference data; a second run reports 0 changes."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from vieclam.core.refdata import load_all_reference


class Command(BaseCommand):
    help = "Load administrative units, the 2025 crosswalk and the national code lists (idempotent)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with transaction.atomic():
            changes = load_all_reference()
        for table, count in changes.items():
            self.stdout.write(f"  {table}: {count}")
        total = sum(changes.values())
        self.stdout.write(
            self.style.SUCCESS(f"Reference data loaded: {total} changes in {time.perf_counter() - started:.1f} s")
        )
