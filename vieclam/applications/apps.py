from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "vieclam.applications"
    label = "applications"
    verbose_name = _("Ứng tuyển và giới thiệu việc làm")

    def ready(self) -> None:
        from vieclam.applications import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.applications.models import Application
        from vieclam.applications.timeline import application_timeline
        from vieclam.core.display import register_coded_fields
        from vieclam.core.timeline import TimelineProbe, timeline_source_register

        register_coded_fields(Application, {"contract_type": "contract-types"})
        timeline_source_register(
            "application",
            label=_("Ứng tuyển và giới thiệu việc làm"),
            provider=application_timeline,
            probe=TimelineProbe(Application),
        )
