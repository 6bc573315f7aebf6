"""Poverty standards as dated reference data: income lines, deprivation indicators, low-income thresholds.

Rows are loaded from poverty/data/ by loader.load_poverty_rules() and never deleted: a rule that ends gets a
`valid_to`. The rules themselves (what the numbers mean) are in rules.py; provenance is in data/SOURCES.md.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.core.dated import in_window
from vieclam.places.choices import AreaClass
from vieclam.poverty.choices import Dimension
from vieclam.poverty.querysets import DatedQuerySet

__all__ = ("DeprivationIndicator", "LowIncomeThreshold", "PovertyLine", "PovertyStandard")


class Dated(models.Model):
    """Validity period, legal source and a note."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class PovertyStandard(Dated):
    """A national multidimensional poverty standard for a period, e.g. NĐ 07/2021/NĐ-CP for 2022–2026."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)

    class Meta:
        verbose_name = _("chuẩn nghèo")
        verbose_name_plural = _("chuẩn nghèo")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return self.name_vi


class PovertyLine(models.Model):
    """The thresholds of one standard in one area class (rural or urban).

    `average_upper` (top of the average-living-standard band) and the scorecard columns may be empty when the
    data has no value for the standard; the classifier then says so instead of guessing.
    """

    standard = models.ForeignKey(
        PovertyStandard, verbose_name=_("chuẩn nghèo"), on_delete=models.CASCADE, related_name="lines"
    )
    area_class = models.CharField(_("khu vực"), max_length=5, choices=AreaClass.choices)
    income_line = models.PositiveIntegerField(_("chuẩn thu nhập (đồng/người/tháng)"))
    average_upper = models.PositiveIntegerField(_("mức sống trung bình đến (đồng/người/tháng)"), null=True, blank=True)
    poor_min_deprivations = models.PositiveSmallIntegerField(_("số chỉ số thiếu hụt để là hộ nghèo (từ)"))
    score_income_line = models.PositiveSmallIntegerField(_("ngưỡng điểm thu nhập (điểm A)"), null=True, blank=True)
    score_per_deprivation = models.PositiveSmallIntegerField(
        _("điểm mỗi chỉ số thiếu hụt (điểm B)"), null=True, blank=True
    )
    score_poor_deprivation = models.PositiveSmallIntegerField(
        _("điểm thiếu hụt để là hộ nghèo (từ)"), null=True, blank=True
    )
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("chuẩn thu nhập theo khu vực")
        verbose_name_plural = _("chuẩn thu nhập theo khu vực")
        ordering = ["standard", "area_class"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "area_class"], name="poverty_povertyline_unique_area"),
        ]

    def __str__(self) -> str:
        return f"{self.standard.code} {self.area_class}: {self.income_line}"


class DeprivationIndicator(Dated):
    """One deprivation indicator of a standard (e.g. health_insurance); dated, as a later standard may drop it."""

    standard = models.ForeignKey(
        PovertyStandard, verbose_name=_("chuẩn nghèo"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("mã"), max_length=40)
    dimension = models.CharField(_("chiều thiếu hụt"), max_length=20, choices=Dimension.choices)
    name_vi = models.CharField(_("tên"), max_length=200)
    deprived_when = models.CharField(_("thiếu hụt khi"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ số thiếu hụt")
        verbose_name_plural = _("chỉ số thiếu hụt")
        ordering = ["standard", "order"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="poverty_deprivationindicator_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi}"


class LowIncomeThreshold(Dated):
    """Income ceiling of the low-income-worker criterion (NĐ 30/2025/NĐ-CP) in one area class."""

    code = models.SlugField(_("mã"), max_length=40)
    area_class = models.CharField(_("khu vực"), max_length=5, choices=AreaClass.choices)
    income_ceiling = models.PositiveIntegerField(_("thu nhập tối đa (đồng/người/tháng)"))

    class Meta:
        verbose_name = _("ngưỡng lao động có thu nhập thấp")
        verbose_name_plural = _("ngưỡng lao động có thu nhập thấp")
        ordering = ["valid_from", "code", "area_class"]
        constraints = [
            models.UniqueConstraint(fields=["code", "area_class"], name="poverty_lowincomethreshold_unique_area"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.area_class}: {self.income_ceiling}"
