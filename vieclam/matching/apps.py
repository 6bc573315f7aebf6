from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "vieclam.matching"
    label = "matching"
    verbose_name = _("Gợi ý việc làm")
