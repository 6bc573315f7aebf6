"""The indicator catalogue: what the province counts, in which unit, by which rule, on which legal source.

Rows come from indicators/data/catalogue.csv (loader.load_catalogue) and are never deleted: an indicator the law
drops gets a `valid_to`. A row names its counting rules (indicators.rules) by name, so a new record type adds
indicators by registering a rule and adding a row, without touching the engine.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("DataChange", "Indicator")


class Unit(models.TextChoices):
    PERSONS = "nguoi", _("người")
    TIMES = "luot", _("lượt")
    HOUSEHOLDS = "ho", _("hộ")
    EMPLOYERS = "doanh_nghiep", _("doanh nghiệp")
    SESSIONS = "phien", _("phiên")
    CLASSES = "lop", _("lớp")
    DONG = "dong", _("đồng")
    VACANCIES = "vi_tri", _("chỗ làm việc")
    PERCENT = "percent", _("%")


class Better(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Indicator(models.Model):
    code = models.SlugField(_("mã chỉ tiêu"), max_length=60, unique=True)
    name_vi = models.CharField(_("tên chỉ tiêu"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200)
    group = models.CharField(_("nhóm"), max_length=40)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    unit = models.CharField(_("đơn vị tính"), max_length=15, choices=Unit.choices)
    numerator = models.CharField(_("quy tắc đếm (tử số)"), max_length=60)
    denominator = models.CharField(_("quy tắc đếm (mẫu số)"), max_length=60, blank=True)
    # A ratio is numerator / denominator × scale (100 for a percentage).
    scale = models.PositiveIntegerField(_("hệ số"), default=1)
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    disaggregations = models.JSONField(_("phân tổ"), default=list, blank=True)
    better = models.CharField(_("chiều tốt"), max_length=6, choices=Better.choices, default=Better.HIGHER)
    key = models.BooleanField(_("chỉ tiêu chính (trang chủ)"), default=False)
    definition = models.CharField(_("cách tính"), max_length=600, blank=True)
    legal_source = models.CharField(_("nguồn"), max_length=300, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("danh mục chỉ tiêu")
        ordering = ["group", "order", "code"]

    def __str__(self) -> str:
        return self.name_vi

    @property
    def is_ratio(self) -> bool:
        return bool(self.denominator)


class DataChange(models.Model):
    """One row per transaction that wrote a table the counting rules read (indicators.freshness): the figures'
    data version. Written by database triggers only."""

    txid = models.BigIntegerField(null=True, unique=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("thay đổi dữ liệu")
        verbose_name_plural = _("thay đổi dữ liệu")

    def __str__(self) -> str:
        return f"{self.pk}: {self.txid}"
