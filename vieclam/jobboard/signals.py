"""Keep the search index current when a vacancy or an employer is saved through the ORM.

Inside jobboard.indexing.deferred() (bulk writers: vieclam.imports) the saved vacancies are reindexed together at
the end of the block rather than one by one. Bulk writes (COPY, queryset.update(): the demo generator,
vacancies.services.vacancy_expire_overdue) send no signal: `vieclam jobs_reindex` catches up with them, and the
search checks the deadline itself.
"""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from vieclam.employers.models import Employer
from vieclam.jobboard.indexing import jobindex_update
from vieclam.vacancies.models import Vacancy


@receiver(post_save, sender=Vacancy, dispatch_uid="jobboard_vacancy_saved")
def vacancy_saved(sender, instance: Vacancy, raw: bool = False, **kwargs) -> None:
    if not raw:
        jobindex_update(vacancy_ids=[instance.pk])


@receiver(post_save, sender=Employer, dispatch_uid="jobboard_employer_saved")
def employer_saved(sender, instance: Employer, raw: bool = False, created: bool = False, **kwargs) -> None:
    """The employer's name is in its vacancies' documents; a new employer has no vacancies yet."""
    if not raw and not created:
        jobindex_update(employer_ids=[instance.pk])
