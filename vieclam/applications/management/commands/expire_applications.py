"""`vieclam expire_applications [--date YYYY-MM-DD]`: end the open applications of vacancies that stopped recruiting.

Run daily after `vacancy_expire_overdue`; a second run the same day changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from vieclam.applications.services import applications_expire


class Command(BaseCommand):
    help = "Mark expired the open applications of filled, closed and (after a grace period) expired vacancies."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="As of this day (YYYY-MM-DD); default today in Vietnam.")

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"--date must be YYYY-MM-DD, not {options['date']!r}") from exc
        count = applications_expire(day)
        self.stdout.write(self.style.SUCCESS(f"Expired applications: {count}"))
