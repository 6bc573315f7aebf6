from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodingConfig(AppConfig):
    name = "vieclam.coding"
    label = "coding"
    verbose_name = _("Mã hóa nghề nghiệp")
