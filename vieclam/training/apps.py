from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "vieclam.training"
    label = "training"
    verbose_name = _("Đào tạo nghề")

    def ready(self) -> None:
        from vieclam.core.refdata import reference_loader_register
        from vieclam.core.timeline import TimelineProbe, timeline_source_register
        from vieclam.training import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.training.loader import load_training_rules
        from vieclam.training.models import Enrolment
        from vieclam.training.timeline import training_timeline

        reference_loader_register("training", load_training_rules, after=["poverty"])
        timeline_source_register(
            "training", label=_("Đào tạo nghề"), provider=training_timeline, probe=TimelineProbe(Enrolment)
        )
