"""Reads of journeys (always through the viewer's scope: the person's commune of residence), and of the
province-wide registries of enterprises and programmes and the dated reference data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

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


def lead_list(*, viewer) -> QuerySet[Person]:
    """Persons of the viewer's areas who said they want to work abroad: an interest in labour export recorded at a
    job fair (the fair's day) or a counselling session with the topic "đi làm việc ở nước ngoài", and who have no
    journey registered on or after the day of their last such wish (registering the journey closes the lead) nor a
    journey still open (a person has one open journey at a time: abroad.services).

    Read where the wishes are recorded (fairs, casework), not copied: one place of truth. Each row carries the last
    fair (name, day) and the last counselling day, the latest first; one query whatever the number of rows."""
    from vieclam.casework.choices import TOPICS_LIST
    from vieclam.casework.models import CounsellingSession
    from vieclam.fairs.choices import InterestKind
    from vieclam.fairs.models import FairInterest

    person = OuterRef("pk")
    fairs = FairInterest.objects.filter(kind=InterestKind.LABOUR_EXPORT)
    sessions = CounsellingSession.objects.filter(topics__code=LABOUR_EXPORT_TOPIC, topics__code_list__slug=TOPICS_LIST)
    last_fair = fairs.filter(registration__person=person).order_by("-registration__fair__held_on", "-pk")
    last_session = sessions.filter(person=person).order_by("-held_on", "-pk")
    rows = scope_queryset(Person.objects.select_related("residence_commune"), viewer).filter(
        Q(pk__in=fairs.filter(registration__person__isnull=False).values("registration__person"))
        | Q(pk__in=sessions.values("person"))
    )
    rows = rows.annotate(
        fair_on=Subquery(last_fair.values("registration__fair__held_on")[:1]),
        fair_name=Subquery(last_fair.values("registration__fair__name")[:1]),
        session_on=Subquery(last_session.values("held_on")[:1]),
    )
    # The later of the two days; Coalesce first so that a missing one does not blank the other (SQLite's MAX).
    rows = rows.annotate(lead_on=Greatest(Coalesce("fair_on", "session_on"), Coalesce("session_on", "fair_on")))
    registered = Journey.objects.filter(person=person).filter(
        Q(registered_on__gte=OuterRef("lead_on")) | ~Q(state__in=CLOSED)
    )
    return rows.filter(~Exists(registered)).order_by("-lead_on", "full_name", "pk")
