from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top of the site: home pages per role, the audit page; later dashboards and reports."""

    name = "vieclam.portal"
    label = "portal"
    verbose_name = _("Cổng thông tin")
