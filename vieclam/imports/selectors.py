"""Reads of the imports app: batches (each officer sees their own; administrators all), postings already
imported, and the employers a row may belong to, always within the importing officer's areas."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.http import Http404

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_queryset
from vieclam.core.text import fold
from vieclam.employers.models import Employer
from vieclam.imports.models import ImportBatch, ImportedPosting
from vieclam.places.models import AdministrativeUnit

__all__ = (
    "employer_by_tax_code",
    "employer_key",
    "employer_names",
    "import_batch_get",
    "import_batch_list",
    "postings_present",
)


def import_batch_list(*, viewer) -> QuerySet[ImportBatch]:
    """The viewer's own batches, newest first (administrators see everyone's)."""
    batches = ImportBatch.objects.select_related("created_by").defer("content", "report")
    if viewer.is_superuser or viewer.role == Role.ADMIN:
        return batches
    return batches.filter(created_by=viewer)


def import_batch_get(*, viewer, pk: int) -> ImportBatch:
    """One of the viewer's batches, or Http404 (another officer's batch is not theirs to see or confirm)."""
    batches = ImportBatch.objects.select_related("created_by")
    if not (viewer.is_superuser or viewer.role == Role.ADMIN):
        batches = batches.filter(created_by=viewer)
    batch = batches.filter(pk=pk).first()
    if batch is None:
        raise Http404
    return batch


def postings_present(*, source: str, external_ids: list[str]) -> dict[str, ImportedPosting]:
    """external_id → the posting already imported from `source` under that id (whoever imported it), with its
    vacancy id and its batch's number and date only (a batch's report can be megabytes)."""
    found = (
        ImportedPosting.objects.filter(source=source, external_id__in=set(external_ids))
        .select_related("batch")
        .only("external_id", "vacancy_id", "batch_id", "batch__created_at")
    )
    return {posting.external_id: posting for posting in found}


def employer_key(name: str) -> str:
    """An employer name compared folded and without punctuation: 'CÔNG TY TNHH A.B.C' = 'Công ty TNHH A B C'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(name)).split())


def employer_names(*, viewer, province: AdministrativeUnit) -> dict[str, list[int]]:
    """employer_key(name) → ids of the employers of that name in the province, within the viewer's areas."""
    names: dict[str, list[int]] = {}
    employers = scope_queryset(Employer.objects.filter(commune__province=province), viewer)
    for pk, name in employers.values_list("pk", "name"):
        names.setdefault(employer_key(name), []).append(pk)
    return names


def employer_by_tax_code(*, viewer, code: str) -> tuple[Employer | None, bool]:
    """(the employer with this tax code within the viewer's areas, or None; whether one exists outside them).

    Only whether: the name of an employer outside the viewer's areas is not theirs to read, and for a household
    business or an individual the tax code is a person's CCCD.
    """
    employers = Employer.objects.filter(tax_code=code).select_related("commune")
    inside = scope_queryset(employers, viewer).first()
    if inside is not None:
        return inside, False
    return None, employers.exists()
