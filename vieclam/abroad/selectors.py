"""Reads of journeys (always through the viewer's scope: the person's commune of residence), and of the
province-wide registries of enterprises and programmes and the dated reference data."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from vieclam.abroad.models import Country, Journey, JourneyEvent, Programme, ServiceEnterprise, SupportNorm
from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.dated import valid_on_q
from vieclam.core.dates import today

__all__ = (
    "country_list",
    "enterprise_list",
    "journey_events",
    "journey_get",
    "journey_list",
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
