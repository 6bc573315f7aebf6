from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "vieclam.places"
    label = "places"
    verbose_name = _("Đơn vị hành chính")
