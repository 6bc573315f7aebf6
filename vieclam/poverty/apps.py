from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PovertyConfig(AppConfig):
    name = "vieclam.poverty"
    label = "poverty"
    verbose_name = _("Chuẩn nghèo")

    def ready(self) -> None:
        from vieclam.core.refdata import reference_loader_register
        from vieclam.poverty.loader import load_poverty_rules

        reference_loader_register("poverty", load_poverty_rules, after=["places", "codelists"])
