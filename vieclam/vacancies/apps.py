from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "vieclam.vacancies"
    label = "vacancies"
    verbose_name = _("Việc tìm người")

    def ready(self) -> None:
        from vieclam.core.display import register_coded_fields
        from vieclam.vacancies.choices import CODED_FIELDS
        from vieclam.vacancies.models import Vacancy

        register_coded_fields(Vacancy, CODED_FIELDS)
