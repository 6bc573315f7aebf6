from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("Sort",)


class Sort(models.TextChoices):
    """Result orders of the public search; relevance falls back to newest when there are no words."""

    RELEVANCE = "relevance", _("Phù hợp nhất")
    NEWEST = "newest", _("Mới đăng")
    PAY = "pay", _("Lương cao nhất")
