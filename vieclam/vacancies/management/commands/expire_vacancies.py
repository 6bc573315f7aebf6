"""`vieclam expire_vacancies [--date YYYY-MM-DD]`: mark expired the open vacancies whose deadline has passed.

Run daily, before `expire_applications`; a second run the same day changes nothing. Each change is audited.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from vieclam.vacancies.services import vacancy_expire_overdue


class Command(BaseCommand):
    help = "Mark expired the open vacancies whose application deadline is before the day (default today in Vietnam)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="As of this day (YYYY-MM-DD); default today in Vietnam.")

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"--date must be YYYY-MM-DD, not {options['date']!r}") from exc
        count = vacancy_expire_overdue(day)
        self.stdout.write(self.style.SUCCESS(f"Expired vacancies: {count}"))
