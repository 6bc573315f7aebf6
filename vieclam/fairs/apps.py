from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairsConfig(AppConfig):
    name = "vieclam.fairs"
    label = "fairs"
    verbose_name = _("Phiên giao dịch việc làm")

    def ready(self) -> None:
        from vieclam.core.timeline import TimelineProbe, timeline_source_register
        from vieclam.fairs import indicators  # noqa: F401  (registers its counting rules for the indicator catalogue)
        from vieclam.fairs.models import FairRegistration
        from vieclam.fairs.timeline import check_in_timeline, registration_timeline

        registered = TimelineProbe(FairRegistration)
        timeline_source_register("fair_registration", label=_("Đăng ký phiên giao dịch việc làm"),
                                 provider=registration_timeline, probe=registered)  # fmt: skip
        timeline_source_register("fair_check_in", label=_("Đến phiên giao dịch việc làm"),
                                 provider=check_in_timeline, probe=registered)  # fmt: skip
