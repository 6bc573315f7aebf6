"""`vieclam expire_vacancies [--date YYYY-MM-DD]`: mark expired the open vacancies whose deadline has passed.

Run daily, before `expire_applications`; a second run the same day changes nothing. Each change is audited.
"""

from __future__ import annotations

from vieclam.core.management.daily import DailyCommand
from vieclam.vacancies.services import vacancy_expire_overdue


class Command(DailyCommand):
    help = "Mark expired the open vacancies whose application deadline is before the day (default today in Vietnam)."
    job = staticmethod(vacancy_expire_overdue)
    done = "Expired vacancies"
