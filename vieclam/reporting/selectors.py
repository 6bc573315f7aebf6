"""Reads of reports: the list and one report inside the viewer's areas, a report's document (live, or the frozen
figures of a submitted report), and the cells that changed since it was submitted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.reportdoc import ReportDocument, document_changes, document_from_dict
from vieclam.indicators.areas import area_for
from vieclam.reporting.build import report_build
from vieclam.reporting.kinds import kind_get
from vieclam.reporting.models import Report

__all__ = ("ReportView", "report_current", "report_document", "report_get", "report_list", "report_view")


def report_list(*, viewer) -> QuerySet[Report]:
    """Reports of the viewer's areas (a commune officer: their commune's only), latest period first."""
    rows = Report.objects.select_related("area", "created_by", "submitted_by", "reviewed_by")
    return scope_queryset(rows, viewer).order_by("-period_end", "-pk")


def report_get(*, viewer, pk: int) -> Report:
    """One report, or Http404 when it does not exist or lies outside the viewer's areas."""
    return get_scoped_or_404(Report.objects.select_related("area", "created_by", "submitted_by", "reviewed_by"),
                             viewer, pk=pk)  # fmt: skip


def report_current(report: Report, *, official: bool = False) -> ReportDocument:
    """The report recalculated now from the records; `official`: in Vietnamese whatever the reader's language (the
    figures frozen at submission, and those compared with them, are the document sent to the province)."""
    kind = kind_get(report.kind)
    assert kind is not None, report.kind  # the service accepts only known kinds
    with translation.override(settings.LANGUAGE_CODE if official else translation.get_language()):
        return report_build(kind=kind, area=area_for(report.area), period=report.period)


def report_document(report: Report) -> ReportDocument:
    """What the report says: the frozen figures once submitted, the live ones while drafted or returned."""
    if report.frozen and report.snapshot:
        return document_from_dict(report.snapshot)
    return report_current(report)


@dataclass
class ReportView:
    """The document to show and, for a submitted report, {(table, row, column): value now} of changed cells."""

    document: ReportDocument
    changes: dict[tuple[int, int, int], Any] = field(default_factory=dict)


def report_view(report: Report) -> ReportView:
    if not (report.frozen and report.snapshot):
        return ReportView(report_current(report))
    frozen = document_from_dict(report.snapshot)
    return ReportView(frozen, document_changes(frozen, report_current(report, official=True)))
