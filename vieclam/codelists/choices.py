from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """Depth in a hierarchical classification: 1 is the broadest (VSCO major group, VSIC section)."""

    LEVEL_1 = 1, _("Cấp 1")
    LEVEL_2 = 2, _("Cấp 2")
    LEVEL_3 = 3, _("Cấp 3")
    LEVEL_4 = 4, _("Cấp 4")
    LEVEL_5 = 5, _("Cấp 5")


class OccupationOrigin(models.TextChoices):
    """Where an occupation row comes from: the VSCO 2020 list itself, or ISCO-08 filling a gap in our copy of it."""

    VSCO = "vsco", _("Danh mục nghề nghiệp Việt Nam (VSCO 2020)")
    ISCO08_FILL = "isco08_fill", _("Bổ sung từ ISCO-08 (chưa đối chiếu QĐ 34/2020)")


class GapType(models.TextChoices):
    """How far an ISCO-08 fill can be trusted as a VSCO 2020 code (see data/SOURCES.md)."""

    KNOWN_SOURCE_GAP = "known_source_gap", _("Thuộc phần bị thiếu trong nguồn; nhiều khả năng là mã VSCO")
    SOURCE_GAP_CONFIRMED = "source_gap_confirmed", _("Mã VSCO đã được xác nhận qua mã cấp dưới")
    ABSENT_UNVERIFIED = "absent_unverified", _("Không có trong nguồn; chưa xác minh")
    NATIONAL_VARIANT = "national_variant", _("VSCO dùng mã khác; chỉ dùng để đối chiếu")
    ISCO_ONLY_MAJOR1 = "isco_only_major1", _("Mã ISCO nhóm 1, không có trong VSCO")


class IndustrySystem(models.TextChoices):
    """Edition of the Vietnamese industry classification (Hệ thống ngành kinh tế Việt Nam)."""

    VSIC2025 = "vsic2025", _("VSIC 2025 (QĐ 36/2025/QĐ-TTg)")
    VSIC2007 = "vsic2007", _("VSIC 2007 (QĐ 10/2007/QĐ-TTg)")
