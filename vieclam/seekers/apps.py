from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeekersConfig(AppConfig):
    name = "vieclam.seekers"
    label = "seekers"
    verbose_name = _("Người tìm việc")

    def ready(self) -> None:
        from vieclam.core.display import register_audited_keys, register_coded_fields
        from vieclam.seekers import (
            indicators,  # noqa: F401  (registers its counting rules for the indicator catalogue)
            signals,  # noqa: F401  (connects the receivers)
        )
        from vieclam.seekers.models import JobSeekerProfile
        from vieclam.seekers.validation import CODED_FIELDS

        register_coded_fields(JobSeekerProfile, CODED_FIELDS)
        # services._audit_values records these relations by code (see there)
        register_audited_keys(JobSeekerProfile, {"occupation": "code", "workplace_1": "code", "workplace_2": "code"})
