"""Reads of training classes and enrolments, always through the viewer's scope (accounts.scoping): a class by the
commune where it is held, an enrolment by the commune where its trainee lives; the providers and courses offered in
the forms; the seats taken in each class."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.codelists.models import Occupation
from vieclam.places.models import AdministrativeUnit
from vieclam.training.choices import EnrolmentStatus
from vieclam.training.models import Course, Enrolment, PriorityGroup, Provider, TrainingClass, TrainingInterest

__all__ = (
    "class_enrolments",
    "class_outcome",
    "employment_rates",
    "class_get",
    "class_list",
    "course_list",
    "demand_by_occupation_and_commune",
    "enrolment_get",
    "enrolment_list",
    "priority_group_list",
    "provider_get",
    "provider_list",
)

CLASS_RELATED = ("course", "course__occupation", "provider", "venue_commune")
ENROLMENT_RELATED = ("person", "person__residence_commune", "training_class", "training_class__course",
                     "training_class__provider", "priority_group")  # fmt: skip


def class_list(*, viewer) -> QuerySet[TrainingClass]:
    """Classes held in the viewer's areas, latest start first, with the seats taken (drop-outs free theirs)."""
    taken = Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.DROPPED))
    rows = TrainingClass.objects.select_related(*CLASS_RELATED).annotate(taken=taken)
    return scope_queryset(rows, viewer).order_by("-start_date", "-pk")


def class_get(*, viewer, pk: int) -> TrainingClass:
    """One class, or Http404 when it does not exist or is held outside the viewer's areas."""
    return get_scoped_or_404(TrainingClass.objects.select_related(*CLASS_RELATED), viewer, pk=pk)


def enrolment_list(*, viewer) -> QuerySet[Enrolment]:
    """Enrolments of trainees living in the viewer's areas, latest first."""
    rows = Enrolment.objects.select_related(*ENROLMENT_RELATED)
    return scope_queryset(rows, viewer).order_by("-enrolled_on", "-pk")


def enrolment_get(*, viewer, pk: int) -> Enrolment:
    return get_scoped_or_404(Enrolment.objects.select_related(*ENROLMENT_RELATED), viewer, pk=pk)


def class_enrolments(*, viewer, training_class: TrainingClass) -> QuerySet[Enrolment]:
    """The class's trainees the viewer may see (a commune officer: those living in their commune), by name."""
    return enrolment_list(viewer=viewer).filter(training_class=training_class).order_by("person__full_name", "pk")


def provider_list() -> QuerySet[Provider]:
    """Every provider (a list of the province, not personal data): staff of any area may train with any of them."""
    return Provider.objects.select_related("commune").order_by("name", "pk")


def provider_get(*, pk: int) -> Provider:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(provider_list(), pk=pk)


def course_list() -> QuerySet[Course]:
    return Course.objects.select_related("occupation").order_by("name", "pk")


def priority_group_list() -> QuerySet[PriorityGroup]:
    return PriorityGroup.objects.order_by("order", "code")


@dataclass(frozen=True)
class Outcome:
    """Completers of a group of enrolments and those in work within the window after completing."""

    completed: int
    employed: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.employed / self.completed, 1) if self.completed else None


def class_outcome(*, training_class: TrainingClass) -> Outcome:
    """The class's completers and how many started work within the window (training.indicators)."""
    from vieclam.training.indicators import employed_after_training

    completed = training_class.enrolments.filter(status=EnrolmentStatus.COMPLETED).count()
    employed = employed_after_training().filter(training_class=training_class).count()
    return Outcome(completed, employed)


OUTCOME_GROUPS = {
    "class": "training_class_id",
    "provider": "training_class__provider__name",
    "occupation": "training_class__course__occupation__name_vi",
}


def employment_rates(*, viewer, by: str) -> dict:
    """{class id / provider name / occupation name: Outcome} over the trainees in the viewer's areas."""
    from vieclam.training.indicators import employed_after_training

    path = OUTCOME_GROUPS[by]
    completed = enrolment_list(viewer=viewer).filter(status=EnrolmentStatus.COMPLETED)
    employed = scope_queryset(employed_after_training(), viewer)
    totals = dict(completed.order_by().values_list(path).annotate(n=Count("pk")))
    found = dict(employed.order_by().values_list(path).annotate(n=Count("pk")))
    return {key: Outcome(n, found.get(key, 0)) for key, n in totals.items()}


@dataclass(frozen=True)
class DemandRow:
    """Persons who want to learn an occupation in a commune, against the seats of its classes opened there."""

    commune: str
    occupation: str
    persons: int
    seats: int

    @property
    def gap(self) -> int:
        return self.persons - self.seats


def demand_by_occupation_and_commune(*, viewer, start: dt.date, end: dt.date) -> list[DemandRow]:
    """Wishes recorded from `start` to `end` (each person once per occupation and commune) against the seats of the
    classes of that occupation starting in the same days in the same commune; the largest unmet demand first."""
    interests = scope_queryset(TrainingInterest.objects.filter(recorded_on__gte=start, recorded_on__lte=end), viewer)
    by_place = interests.order_by().values_list("person__residence_commune_id", "occupation_id")
    wanted = by_place.annotate(n=Count("person_id", distinct=True))
    classes = scope_queryset(TrainingClass.objects.filter(start_date__gte=start, start_date__lte=end), viewer)
    offered = classes.order_by().values_list("venue_commune_id", "course__occupation_id").annotate(n=Sum("capacity"))
    persons = {(commune, occupation): n for commune, occupation, n in wanted}
    seats = {(commune, occupation): n for commune, occupation, n in offered}
    keys = set(persons) | set(seats)
    communes = dict(AdministrativeUnit.objects.filter(pk__in={c for c, _o in keys}).values_list("pk", "name"))
    occupations = dict(Occupation.objects.filter(pk__in={o for _c, o in keys}).values_list("pk", "name_vi"))
    rows = [DemandRow(communes[c], occupations[o], persons.get((c, o), 0), seats.get((c, o), 0)) for c, o in keys]
    return sorted(rows, key=lambda row: (-row.gap, row.commune, row.occupation))
