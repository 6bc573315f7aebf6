"""Reads of background jobs, always through the scoping: staff see their area's jobs, others their own."""

from __future__ import annotations

from django.db.models import QuerySet

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.jobs.models import Job

__all__ = ("job_get", "job_list")


def job_list(*, viewer) -> QuerySet[Job]:
    return scope_queryset(Job.objects.select_related("requested_by", "area"), viewer)


def job_get(*, viewer, pk: int) -> Job:
    """One job the viewer may see, or Http404."""
    return get_scoped_or_404(Job.objects.select_related("requested_by", "area"), viewer, pk=pk)
