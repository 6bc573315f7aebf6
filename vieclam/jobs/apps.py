from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "vieclam.jobs"
    label = "jobs"
    verbose_name = _("Công việc chạy nền")

    def ready(self) -> None:
        from vieclam.jobs import kinds  # noqa: F401  (registers the kinds this app runs itself)
