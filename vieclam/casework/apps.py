from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "vieclam.casework"
    label = "casework"
    verbose_name = _("Tư vấn và quản lý trường hợp")

    def ready(self) -> None:
        from vieclam.casework import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.casework.choices import CHANNELS_LIST, TOPICS_LIST, UNIT_KINDS_LIST
        from vieclam.casework.models import CounsellingSession, GroupAttendance, GroupSession
        from vieclam.casework.timeline import counselling_timeline, group_session_timeline
        from vieclam.core.display import AuditedKey, register_audited_keys
        from vieclam.core.timeline import TimelineProbe, timeline_source_register

        # services audit these relations by code (topics, channel, unit kind, commune) or by id (person, users)
        topics = AuditedKey("code", within={"code_list__slug": TOPICS_LIST})
        register_audited_keys(
            CounsellingSession,
            {"topics": topics, "channel": AuditedKey("code", within={"code_list__slug": CHANNELS_LIST})},
        )
        register_audited_keys(
            GroupSession,
            {
                "topics": topics,
                "unit_kind": AuditedKey("code", within={"code_list__slug": UNIT_KINDS_LIST}),
                "commune": "code",
            },
        )
        timeline_source_register(
            "counselling", label=_("Tư vấn"), provider=counselling_timeline, probe=TimelineProbe(CounsellingSession)
        )
        timeline_source_register(
            "group_session",
            label=_("Hội nghị tư vấn"),
            provider=group_session_timeline,
            probe=TimelineProbe(GroupAttendance),
        )
