from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobboardConfig(AppConfig):
    name = "vieclam.jobboard"
    label = "jobboard"
    verbose_name = _("Sàn việc làm công khai")

    def ready(self) -> None:
        from vieclam.jobboard import signals  # noqa: F401  (connects the index to the registries)
