from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "vieclam.imports"
    label = "imports"
    verbose_name = _("Nhập việc tìm người từ sàn khác")
