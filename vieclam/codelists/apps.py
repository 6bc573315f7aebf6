from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CodelistsConfig(AppConfig):
    name = "vieclam.codelists"
    label = "codelists"
    verbose_name = _("Danh mục dùng chung")

    def ready(self) -> None:
        from vieclam.codelists.loader import load_codelists
        from vieclam.core.refdata import reference_loader_register

        reference_loader_register("codelists", load_codelists, after=["places"])

        from vieclam.codelists.labels import code_item_names
        from vieclam.core.display import register_code_labels

        register_code_labels(code_item_names)
