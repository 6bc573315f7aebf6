from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "vieclam.vacancies"
    label = "vacancies"
    verbose_name = _("Việc tìm người")

    def ready(self) -> None:
        from vieclam.core.display import register_audited_keys, register_coded_fields
        from vieclam.vacancies import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.vacancies.choices import CODED_FIELDS
        from vieclam.vacancies.models import Vacancy

        register_coded_fields(Vacancy, CODED_FIELDS)
        # services._audit_values records these relations by code (see there)
        register_audited_keys(
            Vacancy,
            {"employer": "tax_code", "occupation": "code", "workplace_commune": "code", "exchange_province": "code"},
        )
