"""The shape of a daily job command: `--date YYYY-MM-DD` (default today in Vietnam), one count printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError


class DailyCommand(BaseCommand):
    """Subclass with `job` (a service taking the day, None for today, and returning a count) and `done` (the label)."""

    job: Callable[[dt.date | None], int]
    done: str

    def add_arguments(self, parser):
        parser.add_argument("--date", help="As of this day (YYYY-MM-DD); default today in Vietnam.")

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"--date must be YYYY-MM-DD, not {options['date']!r}") from exc
        count = type(self).job(day)
        self.stdout.write(self.style.SUCCESS(f"{self.done}: {count}"))
