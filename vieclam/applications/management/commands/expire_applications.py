"""`vieclam expire_applications [--date YYYY-MM-DD]`: end the open applications of vacancies that stopped recruiting.

Run daily after `vieclam expire_vacancies`; a second run the same day changes nothing.
"""

from __future__ import annotations

from vieclam.applications.services import applications_expire
from vieclam.core.management.daily import DailyCommand


class Command(DailyCommand):
    help = "Mark expired the open applications of filled, closed and (after a grace period) expired vacancies."
    job = staticmethod(applications_expire)
    done = "Expired applications"
