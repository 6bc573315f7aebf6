from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobboardConfig(AppConfig):
    name = "vieclam.jobboard"
    label = "jobboard"
    verbose_name = _("Sàn việc làm công khai")
