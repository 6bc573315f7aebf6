"""Reads of training classes and enrolments, always through the viewer's scope (accounts.scoping): a class by the
commune where it is held, an enrolment by the commune where its trainee lives; the providers and courses offered in
the forms; the seats taken in each class."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext as _

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
    "unnamed_wishes",
    "provider_get",
    "provider_list",
)

CLASS_RELATED = ("course", "course__occupation", "provider", "venue_commune")
TRAINING_TOPIC = "hoc_nghe"  # the counselling topic (codelists services_items.csv) that is a wish to train

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
    classes of that occupation starting in the same days in the same commune; the largest unmet demand first.

    Where the wishes come from (issue 13, item 1: "interest recorded at counselling, fairs and the commune survey"):
    - TrainingInterest rows (an occupation named: the demand page's form, the commune survey);
    - a job fair registration's interest in vocational training (fairs.FairInterest, on the fair's day) and a
      counselling session whose topics include vocational training (casework, on the session's day). Neither names
      an occupation, so they count in a row "Chưa chọn nghề" of the person's commune.

    The fair and counselling wishes are read here, where they are recorded, and not copied into TrainingInterest:
    one place of truth (a registration or session corrected or deleted is corrected in the demand at once; a fair
    registration typed on the public page has no person until the door, and a copy would have to follow it), and
    no double counting by construction: a person counts once per row (distinct persons), and in the "Chưa chọn
    nghề" row only when they named no occupation in the same days (their named wish already counts them).
    Registrations of visitors never tied to a person are left out (no commune of residence is known)."""
    interests = scope_queryset(TrainingInterest.objects.filter(recorded_on__gte=start, recorded_on__lte=end), viewer)
    by_place = interests.order_by().values_list("person__residence_commune_id", "occupation_id")
    wanted = by_place.annotate(n=Count("person_id", distinct=True))
    classes = scope_queryset(TrainingClass.objects.filter(start_date__gte=start, start_date__lte=end), viewer)
    offered = classes.order_by().values_list("venue_commune_id", "course__occupation_id").annotate(n=Sum("capacity"))
    persons: dict[tuple[int, int | None], int] = {(commune, occupation): n for commune, occupation, n in wanted}
    for commune, n in unnamed_wishes(viewer=viewer, start=start, end=end):
        persons[(commune, None)] = n
    seats = {(commune, occupation): n for commune, occupation, n in offered}
    keys = set(persons) | set(seats)
    communes = dict(AdministrativeUnit.objects.filter(pk__in={c for c, _o in keys}).values_list("pk", "name"))
    occupations: dict[int | None, str] = dict(
        Occupation.objects.filter(pk__in={o for _c, o in keys if o is not None}).values_list("pk", "name_vi")
    )
    occupations[None] = str(_("Chưa chọn nghề"))
    rows = [DemandRow(communes[c], occupations[o], persons.get((c, o), 0), seats.get((c, o), 0)) for c, o in keys]
    return sorted(rows, key=lambda row: (-row.gap, row.commune, row.occupation))


def unnamed_wishes(*, viewer, start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """[(commune id, persons)]: persons of the viewer's areas who asked for vocational training at a job fair or in
    counselling from `start` to `end` without naming an occupation in a TrainingInterest of the same days."""
    from vieclam.casework.choices import TOPICS_LIST
    from vieclam.casework.models import CounsellingSession
    from vieclam.fairs.choices import InterestKind
    from vieclam.fairs.models import FairInterest
    from vieclam.people.models import Person

    named = TrainingInterest.objects.filter(person=OuterRef("pk"), recorded_on__gte=start, recorded_on__lte=end)
    fair_persons = FairInterest.objects.filter(
        kind=InterestKind.TRAINING,
        registration__person__isnull=False,
        registration__fair__held_on__gte=start,
        registration__fair__held_on__lte=end,
    ).values("registration__person")
    session_persons = CounsellingSession.objects.filter(
        held_on__gte=start, held_on__lte=end, topics__code=TRAINING_TOPIC, topics__code_list__slug=TOPICS_LIST
    ).values("person")
    rows = scope_queryset(Person.objects.all(), viewer).filter(
        Q(pk__in=fair_persons) | Q(pk__in=session_persons), ~Exists(named)
    )
    return list(rows.order_by().values_list("residence_commune_id").annotate(n=Count("pk", distinct=True)))
