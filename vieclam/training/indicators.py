"""Counting rules of vocational training for the indicator catalogue (indicators/data/catalogue.csv, group
"dao_tao"). Classes are placed by their start day in the commune where they are held; trainees by their enrolment
day (completers by their completion day) in the commune where they live, each person once per period.

"Có việc làm sau đào tạo" (training_employed_persons): completers in the period whose job started, through the
centre (a successful connection) or as a labour event (employed, or gone abroad), from the completion day to
`employment_check_until` (rules.EMPLOYED_WITHIN_MONTHS later). Training is not itself a start of work, so it adds no
source to "lao động được giải quyết việc làm": the job is counted there through its own channel.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from vieclam.indicators.dims import dimension_register, person_dims
from vieclam.indicators.rules import RecordRule, rule_register
from vieclam.training.choices import ClassFunding, EnrolmentStatus, TrainingField

dimension_register("training_field", _("Lĩnh vực đào tạo"), TrainingField)
EMPLOYED = "co_viec_lam"


def _classes():
    from vieclam.training.models import TrainingClass

    return TrainingClass.objects.all()


def _enrolments():
    from vieclam.training.models import Enrolment

    return Enrolment.objects.all()


def employed_after_training():
    """Completed enrolments with a job started from the completion day to the end of the window."""
    from vieclam.connections.models import Connection
    from vieclam.people.choices import ChangeKind
    from vieclam.people.models import LabourEvent
    from vieclam.training.models import Enrolment

    window = {"person_id": OuterRef("person_id")}
    connection = Connection.objects.filter(
        **window, start_date__gte=OuterRef("completed_on"), start_date__lte=OuterRef("employment_check_until")
    )
    event = LabourEvent.objects.filter(
        Q(kind=ChangeKind.ABROAD) | Q(kind=ChangeKind.STATUS, changes__activity_status=EMPLOYED),
        **window, effective__gte=OuterRef("completed_on"), effective__lte=OuterRef("employment_check_until"),
    )  # fmt: skip
    return Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).filter(Exists(connection) | Exists(event))


CLASS_RULE = {"commune": "venue_commune_id", "date": "start_date", "recorded": "created_at",
              "dims": {"training_field": "course__field"}}  # fmt: skip
for name, where in (
    ("training_classes_opened", Q()),
    ("training_classes_agriculture", Q(course__field=TrainingField.AGRICULTURE)),
    ("training_classes_non_agriculture", Q(course__field=TrainingField.NON_AGRICULTURE)),
):
    rule_register(RecordRule(name, _classes, where=where, **CLASS_RULE))

PERSON_RULE = {"commune": "person__residence_commune_id", "distinct": "person_id",
               "dims": {**person_dims("person__"), "training_field": "training_class__course__field"}}  # fmt: skip
for name, where in (
    ("training_trainees", Q()),
    ("training_trainees_self_funded", Q(funding=ClassFunding.SELF_FUNDED)),
):
    rule_register(RecordRule(name, _enrolments, date="enrolled_on", recorded="created_at", where=where, **PERSON_RULE))
rule_register(
    RecordRule("training_completed_persons", _enrolments, date="completed_on", recorded="updated_at",
               where=Q(status=EnrolmentStatus.COMPLETED), **PERSON_RULE)
)  # fmt: skip
rule_register(
    RecordRule("training_employed_persons", employed_after_training, date="completed_on", recorded="updated_at",
               **PERSON_RULE)
)  # fmt: skip
