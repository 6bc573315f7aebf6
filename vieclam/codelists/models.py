"""National code lists as dated reference data, each row carrying the legal act it comes from.

Rows are loaded from codelists/data/ by loader.load_codelists() and never deleted: a code that leaves a list
gets a `valid_to`, so records that used it keep their meaning. Provenance is in codelists/data/SOURCES.md.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vieclam.codelists.choices import GapType, IndustrySystem, Level, OccupationOrigin
from vieclam.codelists.querysets import CodeQuerySet
from vieclam.core.dated import in_window

__all__ = ("CodeItem", "CodeList", "EthnicGroup", "Industry", "Occupation")


class DatedReference(models.Model):
    """Validity period, legal source, quality note and the folded text that `q` searches."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    objects = CodeQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class Occupation(DatedReference):
    """An occupation of the Vietnamese classification VSCO 2020 (QĐ 34/2020/QĐ-TTg), levels 1–5.

    Our copy of VSCO 2020 has gaps; ISCO-08 groups stand in for the missing ones with origin=isco08_fill and a
    gap_type saying how far to trust them. Fills the source leaves unnamed carry this project's Vietnamese
    translation of the ISCO-08 title (codelists/data/isco08_fill_names_vi.csv); `name_en` keeps the title.
    """

    code = models.CharField(_("mã"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level.choices)
    name_vi = models.CharField(_("tên"), max_length=300, blank=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    parent_code = models.CharField(_("mã cấp trên"), max_length=5, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    origin = models.CharField(_("nguồn gốc"), max_length=12, choices=OccupationOrigin.choices)
    gap_type = models.CharField(_("loại bổ sung"), max_length=24, choices=GapType.choices, blank=True)

    class Meta:
        verbose_name = _("nghề nghiệp")
        verbose_name_plural = _("nghề nghiệp")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "code"]), models.Index(fields=["parent_code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The Vietnamese name; a row without one (none is loaded so) shows its English title marked '(ISCO-08)'."""
        if self.name_vi:
            return self.name_vi
        return f"{self.name_en} (ISCO-08)" if self.name_en else self.code

    @property
    def name(self) -> str:
        """What a reader sees: in English the English name where the row has one, otherwise display_name. Search
        text and matching keep display_name, so they do not depend on the reader's language."""
        return self.name_en if self.name_en and _english() else self.display_name

    @property
    def is_isco_fill(self) -> bool:
        return self.origin == OccupationOrigin.ISCO08_FILL


class Industry(DatedReference):
    """An industry of the Vietnamese classification VSIC, in the 2007 or the 2025 edition.

    The two editions reuse codes with different meanings, so identity is (system, code). Level 1 is a section
    letter. VSIC 2025 is partial here (level 4 and 19 of 22 sections), so its level-4 rows have a parent_code
    (the 3-digit group) but no parent row.
    """

    system = models.CharField(_("hệ thống"), max_length=10, choices=IndustrySystem.choices)
    code = models.CharField(_("mã"), max_length=5)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level.choices)
    name_vi = models.CharField(_("tên"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    parent_code = models.CharField(_("mã cấp trên"), max_length=5, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    section = models.CharField(_("ngành cấp 1"), max_length=1, blank=True)

    class Meta:
        verbose_name = _("ngành kinh tế")
        verbose_name_plural = _("ngành kinh tế")
        ordering = ["-system", "level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["system", "code"], name="codelists_industry_unique_code"),
        ]
        indexes = [models.Index(fields=["system", "level", "code"]), models.Index(fields=["parent_code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi} ({self.get_system_display()})"

    @property
    def name(self) -> str:
        """The name in the active language (this project's English name, codelists/data/vsic*_names_en.csv)."""
        return self.name_en if self.name_en and _english() else self.name_vi


class EthnicGroup(DatedReference):
    """One of the 54 ethnic groups of Vietnam with its GSO code (QĐ 121-TCTK/PPCĐ, 1979)."""

    code = models.CharField(_("mã"), max_length=2, unique=True)
    name_vi = models.CharField(_("tên"), max_length=50)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=50, blank=True)
    other_names = models.CharField(_("tên gọi khác"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi}"

    @property
    def name(self) -> str:
        """The name in the active language: in English as GSO's English publications write it ('Tay', 'H'Mong')."""
        return self.name_en if self.name_en and _english() else self.name_vi


class CodeList(DatedReference):
    """A short list of answers from a legal form, e.g. the education levels of TT 11/2022/TT-BLĐTBXH Mẫu 03."""

    slug = models.SlugField(_("mã danh mục"), max_length=60, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("danh mục")
        verbose_name_plural = _("danh mục")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_vi


class CodeItem(DatedReference):
    """One answer of a CodeList, with a short stable machine code ('thpt') that records store.

    `parent_code` names a broader item of the same list when a form splits an answer: Mẫu 03 has
    'Trên đại học' where Mẫu 01 and 02 have 'Thạc sĩ' and 'Tiến sĩ'.
    """

    code_list = models.ForeignKey(CodeList, verbose_name=_("danh mục"), on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("mã"), max_length=40)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    parent_code = models.CharField(_("mã mục cha"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("mục danh mục")
        verbose_name_plural = _("mục danh mục")
        ordering = ["code_list", "order"]
        constraints = [
            models.UniqueConstraint(fields=["code_list", "code"], name="codelists_codeitem_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_vi}"

    @property
    def name(self) -> str:
        """The item's name in the active language (English where the list gives one)."""
        return self.name_en if self.name_en and _english() else self.name_vi


def _english() -> bool:
    return (get_language() or "").startswith("en")
