"""Plan targets (issue 12 item 3): the value an area should reach on an indicator in a year or over a plan.

A province target can be allocated to its communes (each commune target names it as `parent`). A target's
`value` is always the value in force; `original_value` is the value first set, and each change is a
TargetRevision row (old value, new value, reason, who, when), so the original stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.targets.choices import TargetKind

__all__ = ("Target", "TargetRevision")


class Target(models.Model):
    """What `area` should reach on `indicator` in the years year_from..year_to (equal for a year target)."""

    indicator = models.ForeignKey(
        "indicators.Indicator", verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="targets"
    )
    area = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    # The unit in force that decides who sees the target: the area itself, or for a pre-2025 unit (old district
    # An Phú) the province in force that took over its communes.
    scope_area = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=4, choices=TargetKind.choices, default=TargetKind.YEAR)
    year_from = models.PositiveSmallIntegerField(_("từ năm"))
    year_to = models.PositiveSmallIntegerField(_("đến năm"))
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    original_value = models.DecimalField(_("giá trị ban đầu"), max_digits=16, decimal_places=2)
    parent = models.ForeignKey(
        "self", verbose_name=_("phân bổ từ"), null=True, blank=True, on_delete=models.PROTECT, related_name="shares"
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người đặt"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("lúc đặt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    area_path = "scope_area"

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        ordering = ["-year_to", "indicator__group", "indicator__order", "area__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "year_from", "year_to"], name="%(app_label)s_%(class)s_unique_span"
            ),
            models.CheckConstraint(
                condition=models.Q(year_from__lte=models.F("year_to")), name="%(app_label)s_%(class)s_years_ordered"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="%(app_label)s_%(class)s_value_positive"),
        ]
        indexes = [models.Index(fields=["indicator", "year_from", "year_to"])]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.area.name} – {self.years_label}"

    def get_absolute_url(self) -> str:
        return reverse("targets:target_detail", args=[self.pk])

    @property
    def years_label(self) -> str:
        return str(self.year_from) if self.year_from == self.year_to else f"{self.year_from}–{self.year_to}"

    @property
    def revised(self) -> bool:
        return self.value != self.original_value


class TargetRevision(models.Model):
    """One change of a target's value: the value before and after, why, who and when."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="revisions")
    old_value = models.DecimalField(_("giá trị cũ"), max_digits=16, decimal_places=2)
    new_value = models.DecimalField(_("giá trị mới"), max_digits=16, decimal_places=2)
    reason = models.CharField(_("lý do"), max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người điều chỉnh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(_("lúc điều chỉnh"), auto_now_add=True)

    class Meta:
        verbose_name = _("điều chỉnh chỉ tiêu")
        verbose_name_plural = _("điều chỉnh chỉ tiêu")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.target_id}: {self.old_value} → {self.new_value}"
