from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo province: `vieclam demo` and its generator; no models of its own."""

    name = "vieclam.demo"
    label = "demo"
    verbose_name = _("Dữ liệu mẫu")
