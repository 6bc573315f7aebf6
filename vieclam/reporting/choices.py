from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("REPORT_TRANSITIONS", "PeriodPart", "ReportStatus")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    SUBMITTED = "submitted", _("Đã nộp")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Bị trả lại")


# draft → submitted → approved | returned; a returned report is corrected and submitted again.
REPORT_TRANSITIONS = {
    ReportStatus.DRAFT: frozenset({ReportStatus.SUBMITTED}),
    ReportStatus.SUBMITTED: frozenset({ReportStatus.APPROVED, ReportStatus.RETURNED}),
    ReportStatus.RETURNED: frozenset({ReportStatus.SUBMITTED}),
    ReportStatus.APPROVED: frozenset(),
}


class PeriodPart(models.TextChoices):
    """The part of the year a report covers (the form offers these, never a free period code)."""

    H1 = "h1", _("6 tháng đầu năm")
    H2 = "h2", _("6 tháng cuối năm")
    YEAR = "year", _("Cả năm")
