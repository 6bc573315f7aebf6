from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "vieclam.applications"
    label = "applications"
    verbose_name = _("Ứng tuyển và giới thiệu việc làm")

    def ready(self) -> None:
        from vieclam.applications.models import Application
        from vieclam.core.display import register_coded_fields

        register_coded_fields(Application, {"contract_type": "contract-types"})
