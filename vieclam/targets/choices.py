from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetKind(models.TextChoices):
    """A target for one year, or a multi-year plan (the 5-year plan 2021–2025)."""

    YEAR = "year", _("Chỉ tiêu năm")
    PLAN = "plan", _("Kế hoạch nhiều năm")
