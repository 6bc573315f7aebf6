"""Reads of journeys (always through the viewer's scope: the person's commune of residence), and of the
province-wide registries of enterprises and programmes and the dated reference data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from vieclam.abroad.models import Country, Journey, JourneyEvent, Programme, ServiceEnterprise, SupportNorm
from vieclam.abroad.rules import CLOSED
from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.dated import valid_on_q
from vieclam.core.dates import today
from vieclam.people.models import Person

__all__ = (
    "country_list",
    "enterprise_list",
    "journey_events",
    "journey_get",
    "journey_list",
    "lead_list",
    "programme_list",
    "support_norm_list",
)

JOURNEY_RELATED = ("person", "person__residence_commune", "programme", "enterprise", "country", "occupation")


def journey_list(*, viewer) -> QuerySet[Journey]:
    """Journeys of people living in the viewer's areas, newest registration first."""
    return scope_queryset(Journey.objects.select_related(*JOURNEY_RELATED), viewer).order_by("-registered_on", "-pk")


def journey_get(*, viewer, pk: int) -> Journey:
    """One journey, or Http404 when it does not exist or its person lives outside the viewer's areas."""
    return get_scoped_or_404(Journey.objects.select_related(*JOURNEY_RELATED), viewer, pk=pk)


def journey_events(journey: Journey) -> QuerySet[JourneyEvent]:
    return journey.events.select_related("recorded_by").order_by("on", "pk")


def enterprise_list(*, viewer) -> QuerySet[ServiceEnterprise]:
    """Licensed service enterprises: a province-wide registry every staff member reads."""
    return ServiceEnterprise.objects.select_related("employer").order_by("name", "pk")


def programme_list(*, viewer) -> QuerySet[Programme]:
    """Programmes (đơn hàng) of every enterprise, newest first."""
    return Programme.objects.select_related("enterprise", "country", "occupation").order_by("-opened_on", "-pk")


def country_list(day: dt.date | None = None) -> QuerySet[Country]:
    return Country.objects.filter(valid_on_q(day or today())).order_by("order", "name_vi")


def support_norm_list(day: dt.date | None = None) -> QuerySet[SupportNorm]:
    """Norms in force on `day` (today by default)."""
    return SupportNorm.objects.filter(valid_on_q(day or today())).order_by("kind", "group", "code")


LABOUR_EXPORT_TOPIC = "di_lam_viec_nuoc_ngoai"  # the counselling topic (codelists services_items.csv)


@dataclass
class _Wish:
    fair_on: dt.date | None = None
    fair_name: str | None = None
    session_on: dt.date | None = None

    @property
    def lead_on(self) -> dt.date:
        return max(day for day in (self.fair_on, self.session_on) if day is not None)


class Leads(Sequence):
    """The leads in their order. A slice is another Leads; iterating reads its persons (with their wishes) in one
    query, so the paginator's count costs none and its page one, however long the list."""

    def __init__(self, order: list[int], wishes: dict[int, _Wish]) -> None:
        self.order, self.wishes = order, wishes

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Leads(self.order[index], self.wishes)
        return list(Leads([self.order[index]], self.wishes))[0]

    def __iter__(self):
        persons = Person.objects.select_related("residence_commune").in_bulk(self.order)
        for pk in self.order:
            person, wish = persons[pk], self.wishes[pk]
            person.fair_on, person.fair_name, person.session_on = wish.fair_on, wish.fair_name, wish.session_on
            person.lead_on = wish.lead_on
            yield person


def lead_list(*, viewer) -> Leads:
    """Persons of the viewer's areas who said they want to work abroad: an interest in labour export recorded at a
    job fair (the fair's day) or a counselling session with the topic "đi làm việc ở nước ngoài", and who have no
    journey registered on or after the day of their last such wish (registering the journey closes the lead) nor a
    journey still open (a person has one open journey at a time: abroad.services). The latest wish first, then by
    name; each row carries the last fair (name, day) and the last counselling day.

    Read where the wishes are recorded (fairs, casework), not copied: one place of truth. Four queries whatever the
    number of rows: the persons of the viewer's areas among those who wished, the wishes, the journeys, and the
    page's persons. The latest wish of each person is found here rather than by a subquery per person: on the
    province (6.441 leads) the ordered query spent 130–190 ms computing them, this 20–40 ms."""
    from vieclam.casework.choices import TOPICS_LIST
    from vieclam.casework.models import CounsellingSession
    from vieclam.fairs.choices import InterestKind
    from vieclam.fairs.models import FairInterest

    fairs = FairInterest.objects.filter(kind=InterestKind.LABOUR_EXPORT, registration__person__isnull=False)
    sessions = CounsellingSession.objects.filter(topics__code=LABOUR_EXPORT_TOPIC, topics__code_list__slug=TOPICS_LIST)
    # One IN over the union of the two small sets of wishes: under an OR of two INs the planner walks every person.
    wished = fairs.values("registration__person").order_by().union(sessions.values("person").order_by())
    # In the name order of the database; the sort by day below keeps it among the leads of one day.
    names = dict(
        scope_queryset(Person.objects.filter(pk__in=wished), viewer)
        .values_list("pk", "full_name")
        .order_by("full_name", "pk")
    )
    wishes: dict[int, _Wish] = {}
    days = fairs.values_list("registration__person", "registration__fair__held_on", "registration__fair__name")
    for pk, day, fair in days.order_by("registration__fair__held_on", "pk"):  # the last one read is the latest
        if pk in names:
            wish = wishes.setdefault(pk, _Wish())
            wish.fair_on, wish.fair_name = day, fair
    for pk, day in sessions.values_list("person", "held_on").order_by("held_on", "pk"):
        if pk in names:
            wishes.setdefault(pk, _Wish()).session_on = day
    for pk, registered_on, state in Journey.objects.filter(person__in=wished).values_list(
        "person", "registered_on", "state"
    ):
        known = wishes.get(pk)
        if known is not None and (registered_on >= known.lead_on or state not in CLOSED):
            del wishes[pk]
    order = sorted((pk for pk in names if pk in wishes), key=lambda pk: wishes[pk].lead_on, reverse=True)
    return Leads(order, wishes)
