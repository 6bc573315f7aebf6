"""A report made from the system's figures and its way through the province: drafted, submitted (its figures
frozen), approved or returned with a comment (then corrected and submitted again). Writes go through
reporting.services (area and role checks, audit trail)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.indicators.periods import Period
from vieclam.reporting.choices import ReportStatus
from vieclam.reporting.kinds import kind_get

__all__ = ("Report",)


class Report(TimeStampedModel):
    """One report of one kind (reporting/data/kinds.csv) for one area and period."""

    kind = models.CharField(_("loại báo cáo"), max_length=40)
    area = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    period_kind = models.CharField(_("loại kỳ"), max_length=10)  # indicators.periods.Period.kind: half | year
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nộp"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )  # fmt: skip
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người duyệt"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    comment = models.TextField(_("ý kiến"), blank=True)
    # The document's figures when it was last submitted (core.reportdoc.document_to_dict); never recalculated.
    snapshot = models.JSONField(_("số liệu đã nộp"), null=True, blank=True)

    # Scoping (accounts.scoping): staff of the report's commune, or of its province.
    area_path = "area"

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="reporting_report_period_order"
            ),
            models.UniqueConstraint(
                fields=["kind", "area", "period_start", "period_end"], name="reporting_report_unique_kind_area_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_title} – {self.area.name} – {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end, self.period_kind)

    @property
    def kind_title(self) -> str:
        kind = kind_get(self.kind)
        return kind.title if kind else self.kind

    @property
    def frozen(self) -> bool:
        """Submitted or approved: the page and the downloads show the figures as submitted."""
        return self.status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED)
