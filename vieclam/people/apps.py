from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "vieclam.people"
    label = "people"
    verbose_name = _("Hộ gia đình và người lao động")

    def ready(self) -> None:
        from vieclam.core.display import register_coded_fields
        from vieclam.core.timeline import TimelineProbe, timeline_source_register
        from vieclam.people.models import HouseholdReview, LabourEvent, Person
        from vieclam.people.timeline import labour_event_timeline, poverty_review_timeline
        from vieclam.people.validation import CODED_FIELDS

        register_coded_fields(Person, {**CODED_FIELDS, "priority_groups": "priority-groups"})
        timeline_source_register(
            "labour_event",
            label=_("Đăng ký và biến động"),
            provider=labour_event_timeline,
            probe=TimelineProbe(LabourEvent),
        )
        timeline_source_register(
            "poverty_review",
            label=_("Rà soát hộ nghèo"),
            provider=poverty_review_timeline,
            probe=TimelineProbe(HouseholdReview, "household", "household_id"),
        )
