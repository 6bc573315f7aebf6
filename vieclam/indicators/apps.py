from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "vieclam.indicators"
    label = "indicators"
    verbose_name = _("Chỉ tiêu, kế hoạch và báo cáo")

    def ready(self) -> None:
        from vieclam.core.refdata import reference_loader_register
        from vieclam.indicators import catalogue  # noqa: F401  (registers the counting rules)
        from vieclam.indicators.loader import load_catalogue

        reference_loader_register("indicators", load_catalogue, after=["connections"])
        post_migrate.connect(_triggers_install, sender=self)


def _triggers_install(*, using: str = "default", **kwargs) -> None:
    from vieclam.indicators.freshness import triggers_install

    triggers_install(using=using)
