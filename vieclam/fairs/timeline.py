"""Timeline sources "fair_registration" and "fair_check_in" (core.timeline), registered in FairsConfig.ready()."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.timeline import TimelineEntry
from vieclam.fairs.models import Fair, FairRegistration

__all__ = ("check_in_timeline", "registration_timeline")


# What an entry shows of the fair (its record holds the programme and the organisers' texts).
FAIR = ("fair__name", "fair__held_on", "fair__commune__name", "fair__commune__province_id")


def _fair_words(fair: Fair) -> str:
    return _("{name} ngày {day} tại {commune}").format(
        name=fair.name, day=date_format(fair.held_on, "d/m/Y"), commune=fair.commune.name
    )


def _url(fair: Fair, viewer) -> str:
    """The fair's page, or none when the fair is held outside the viewer's areas (the page would answer 404)."""
    return fair.get_absolute_url() if scope_for(viewer).covers_unit(fair.commune) else ""


def registration_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The person's newest fair registrations (index fairs_registration_person)."""
    rows = (
        FairRegistration.objects.filter(person=person)
        .select_related("fair__commune", "registered_by")
        .only("created_at", "channel", "registered_by__username", *FAIR)
        .order_by("-created_at", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=row.created_at,
            kind="fair_registration",
            title=_("Đăng ký phiên giao dịch việc làm: {fair}").format(fair=_fair_words(row.fair)),
            detail=str(row.get_channel_display()),
            actor=row.registered_by.username if row.registered_by else "",
            url=_url(row.fair, viewer),
        )
        for row in rows
    ]


def check_in_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """The fairs the person came to (checked in), newest first."""
    rows = (
        FairRegistration.objects.filter(person=person, checked_in_at__isnull=False)
        .select_related("fair__commune", "checked_in_by")
        .only("checked_in_at", "checked_in_by__username", *FAIR)
        .order_by("-checked_in_at", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=row.checked_in_at,
            kind="fair_check_in",
            title=_("Đến phiên giao dịch việc làm: {fair}").format(fair=_fair_words(row.fair)),
            actor=row.checked_in_by.username if row.checked_in_by else "",
            url=_url(row.fair, viewer),
        )
        for row in rows
        if row.checked_in_at is not None
    ]
