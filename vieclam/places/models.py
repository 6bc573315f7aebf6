"""Administrative units of Vietnam before and after the 1 July 2025 reform, with their dated history."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.core.dated import in_window
from vieclam.places.choices import AreaClass, Level, SuccessionKind, UnitType
from vieclam.places.querysets import UnitQuerySet

__all__ = ("AdministrativeUnit", "AreaClassRule", "Succession", "UnitVersion")

REFORM_DATE = dt.date(2025, 7, 1)


class Edition(models.TextChoices):
    """The boundary set a unit belongs to; reports can be made on either."""

    PRE_2025 = "pre_2025_07", _("Trước 01/07/2025 (63 tỉnh, có cấp huyện)")
    POST_2025 = "post_2025_07", _("Từ 01/07/2025 (34 tỉnh, không có cấp huyện)")


class AdministrativeUnit(models.Model):
    """A province, district or commune over its lifetime [valid_from, valid_to].

    The same code can name different units in the two editions (00004 was Phường Trúc Bạch and is now
    Phường Ba Đình), so identity is (edition, level, code). Attributes that change within a lifetime
    (name, type, urban/rural class) live in UnitVersion; the columns here hold the latest version.
    """

    edition = models.CharField(_("bộ đơn vị"), max_length=16, choices=Edition.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.CharField(_("mã"), max_length=5)
    name = models.CharField(_("tên"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=120, blank=True)
    unit_type = models.CharField(_("loại"), max_length=20, choices=UnitType.choices)
    area_class = models.CharField(_("khu vực"), max_length=5, choices=AreaClass.choices, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    province = models.ForeignKey(
        "self", verbose_name=_("tỉnh"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)

    objects = UnitQuerySet.as_manager()
    # Not columns: notes places.selectors puts on the units it returns (the old name found, an old code mapped).
    former_name: str
    resolve_note: str

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["edition", "code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "level", "code"], name="places_unit_unique_code"),
        ]
        indexes = [models.Index(fields=["level", "code"]), models.Index(fields=["province", "level"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)

    def version_on(self, day: dt.date) -> UnitVersion | None:
        """The attributes in force on `day`; uses prefetched versions when present."""
        for version in self.versions.all():
            if version.covers(day):
                return version
        return None


class UnitVersion(models.Model):
    """Name, type and urban/rural class of a unit over a period, with the act that set them."""

    unit = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="versions")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    name = models.CharField(max_length=120)
    unit_type = models.CharField(max_length=20, choices=UnitType.choices)
    area_class = models.CharField(max_length=5, choices=AreaClass.choices, blank=True)
    legal_source = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("phiên bản đơn vị hành chính")
        verbose_name_plural = _("phiên bản đơn vị hành chính")
        ordering = ["unit", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "valid_from"], name="places_unitversion_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.name} [{self.valid_from} – {self.valid_to}]"

    def covers(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class Succession(models.Model):
    """Old unit → new unit across the 2025 reform; a partial row means the old unit was split."""

    level = models.CharField(max_length=10, choices=Level.choices)
    predecessor = models.ForeignKey(
        AdministrativeUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="successions_out"
    )
    predecessor_code = models.CharField(max_length=5, db_index=True)
    predecessor_name = models.CharField(max_length=120)
    successor = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="successions_in")
    kind = models.CharField(max_length=10, choices=SuccessionKind.choices)
    effective = models.DateField(default=REFORM_DATE)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("sắp xếp đơn vị hành chính")
        verbose_name_plural = _("sắp xếp đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "predecessor_code", "successor"], name="places_succession_unique_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_code} → {self.successor.code} ({self.kind})"


class AreaClassRule(models.Model):
    """Which unit types count as urban or rural for the poverty standard. Editable: đặc khu has no official rule."""

    unit_type = models.CharField(max_length=20, choices=UnitType.choices, unique=True)
    area_class = models.CharField(max_length=5, choices=AreaClass.choices)
    legal_source = models.CharField(max_length=200, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("quy tắc thành thị/nông thôn")
        verbose_name_plural = _("quy tắc thành thị/nông thôn")

    def __str__(self) -> str:
        return f"{self.unit_type} → {self.area_class}"
