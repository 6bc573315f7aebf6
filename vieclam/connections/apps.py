from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionsConfig(AppConfig):
    name = "vieclam.connections"
    label = "connections"
    verbose_name = _("Kết nối việc làm thành công và theo dõi")

    def ready(self) -> None:
        from vieclam.connections import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.connections.choices import CODED_FIELDS
        from vieclam.connections.loader import load_connection_rules
        from vieclam.connections.models import Connection, FollowUp
        from vieclam.connections.timeline import connection_timeline, followup_timeline
        from vieclam.core.display import register_coded_fields
        from vieclam.core.refdata import reference_loader_register
        from vieclam.core.timeline import TimelineProbe, timeline_source_register

        register_coded_fields(Connection, CODED_FIELDS)
        reference_loader_register("connections", load_connection_rules, after=["poverty"])
        timeline_source_register(
            "connection", label=_("Kết nối việc làm"), provider=connection_timeline, probe=TimelineProbe(Connection)
        )
        timeline_source_register(
            "follow_up", label=_("Theo dõi sau kết nối"), provider=followup_timeline, probe=TimelineProbe(FollowUp)
        )
