from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoansConfig(AppConfig):
    name = "vieclam.loans"
    label = "loans"
    verbose_name = _("Vay vốn hỗ trợ tạo việc làm")

    def ready(self) -> None:
        from vieclam.core.refdata import reference_loader_register
        from vieclam.core.timeline import TimelineProbe, timeline_source_register
        from vieclam.loans import indicators  # noqa: F401  (registers its counting rules and its start source)
        from vieclam.loans.loader import load_loan_rules
        from vieclam.loans.models import Loan, LoanJobPerson
        from vieclam.loans.timeline import loan_job_timeline, loan_timeline

        reference_loader_register("loans", load_loan_rules)
        timeline_source_register(
            "loan", label=_("Vay vốn tạo việc làm"), provider=loan_timeline, probe=TimelineProbe(Loan)
        )
        timeline_source_register(
            "loan_job", label=_("Việc làm từ vốn vay"), provider=loan_job_timeline, probe=TimelineProbe(LoanJobPerson)
        )
