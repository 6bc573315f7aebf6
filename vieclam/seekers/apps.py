from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeekersConfig(AppConfig):
    name = "vieclam.seekers"
    label = "seekers"
    verbose_name = _("Người tìm việc")

    def ready(self) -> None:
        from vieclam.seekers import signals  # noqa: F401  (connects the receivers)
