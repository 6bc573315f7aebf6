from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "vieclam.applications"
    label = "applications"
    verbose_name = _("Ứng tuyển và giới thiệu việc làm")
