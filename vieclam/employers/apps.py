from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "vieclam.employers"
    label = "employers"
    verbose_name = _("Người sử dụng lao động")

    def ready(self) -> None:
        from vieclam.core.display import AuditedKey, register_audited_keys
        from vieclam.employers import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.employers.choices import EMPLOYER_TYPES_LIST
        from vieclam.employers.models import Employer

        # services._audit_values records these relations by code (see there)
        register_audited_keys(
            Employer,
            {
                "commune": "code",
                "employer_type": AuditedKey("code", within={"code_list__slug": EMPLOYER_TYPES_LIST}),
                "industry": "code",
            },
        )
