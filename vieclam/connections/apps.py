from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionsConfig(AppConfig):
    name = "vieclam.connections"
    label = "connections"
    verbose_name = _("Kết nối việc làm thành công và theo dõi")
