from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "vieclam.people"
    label = "people"
    verbose_name = _("Hộ gia đình và người lao động")
