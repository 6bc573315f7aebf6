from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbroadConfig(AppConfig):
    name = "vieclam.abroad"
    label = "abroad"
    verbose_name = _("Đi làm việc ở nước ngoài theo hợp đồng")

    def ready(self) -> None:
        from vieclam.abroad import indicators  # noqa: F401  (registers its counting rules and its start source)
        from vieclam.abroad.loader import load_abroad_reference
        from vieclam.abroad.models import JourneyEvent
        from vieclam.abroad.timeline import journey_timeline
        from vieclam.core.refdata import reference_loader_register
        from vieclam.core.timeline import TimelineProbe, timeline_source_register

        reference_loader_register("abroad", load_abroad_reference)
        timeline_source_register(
            "abroad", label=_("Đi làm việc ở nước ngoài"), provider=journey_timeline, probe=TimelineProbe(JourneyEvent)
        )
