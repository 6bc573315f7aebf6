from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "vieclam.people"
    label = "people"
    verbose_name = _("Hộ gia đình và người lao động")

    def ready(self) -> None:
        from vieclam.core.display import register_coded_fields
        from vieclam.people.models import Person
        from vieclam.people.validation import CODED_FIELDS

        register_coded_fields(Person, {**CODED_FIELDS, "priority_groups": "priority-groups"})
