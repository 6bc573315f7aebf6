from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.TextChoices):
    """Result of applying a poverty standard to a household (NĐ 07/2021/NĐ-CP Art. 3.2)."""

    POOR = "poor", _("Hộ nghèo")
    NEAR_POOR = "near_poor", _("Hộ cận nghèo")
    AVERAGE = "average", _("Hộ có mức sống trung bình")
    NOT_POOR = "not_poor", _("Không nghèo")


class Dimension(models.TextChoices):
    """The six basic social services whose deprivation the standard measures."""

    EMPLOYMENT = "employment", _("Việc làm")
    HEALTH = "health", _("Y tế")
    EDUCATION = "education", _("Giáo dục")
    HOUSING = "housing", _("Nhà ở")
    WATER_SANITATION = "water_sanitation", _("Nước sinh hoạt và vệ sinh")
    INFORMATION = "information", _("Thông tin")
