from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "vieclam.casework"
    label = "casework"
    verbose_name = _("Tư vấn và quản lý trường hợp")
