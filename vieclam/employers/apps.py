from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "vieclam.employers"
    label = "employers"
    verbose_name = _("Người sử dụng lao động")
