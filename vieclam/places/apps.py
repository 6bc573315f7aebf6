from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "vieclam.places"
    label = "places"
    verbose_name = _("Đơn vị hành chính")

    def ready(self) -> None:
        from vieclam.core.refdata import reference_loader_register
        from vieclam.places.loader import load_places

        reference_loader_register("places", load_places)
