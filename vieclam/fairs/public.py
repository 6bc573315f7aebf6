"""Reads for the public pages of job fairs (/job-fairs/): what anyone may see of a fair, and nothing personal.

A fair is public once it opens for registration (a fair still being prepared is a draft of its organisers); the
list shows the fairs to come. A booth shows its employer's name and the vacancies it recruits for that are live on
the job board (the same rule as jobboard.search.job_get, so every link opens). Contacts of booths, organisers and
registrations are not shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from vieclam.core.dates import today
from vieclam.core.privacy import mask_identifier
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.models import Fair, FairBooth, FairRegistration
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = ("PUBLIC_STATUSES", "Ticket", "public_booths", "public_fair_get", "public_fair_list", "ticket_get")

PUBLIC_STATUSES = (FairStatus.OPEN, FairStatus.HELD, FairStatus.CLOSED)


def _with_counts(rows: QuerySet[Fair]) -> QuerySet[Fair]:
    return rows.select_related("commune").annotate(registered=Count("registrations"))


def public_fair_list(*, day: dt.date | None = None) -> QuerySet[Fair]:
    """Fairs open for registration (or being held) from `day` on, soonest first."""
    day = day or today()
    rows = Fair.objects.filter(status__in=(FairStatus.OPEN, FairStatus.HELD), held_on__gte=day)
    return _with_counts(rows).order_by("held_on", "starts_at", "pk")


def public_fair_get(pk: int) -> Fair:
    """A fair anyone may see (open, held or closed), with `registered`; Http404 for a draft or none."""
    fair = _with_counts(Fair.objects.filter(pk=pk, status__in=PUBLIC_STATUSES)).first()
    if fair is None:
        raise Http404(_("Không có phiên giao dịch việc làm này."))
    return fair


def places_left(fair: Fair) -> int:
    return max(fair.capacity - getattr(fair, "registered", 0), 0)


def public_booths(fair: Fair, *, day: dt.date | None = None) -> list[FairBooth]:
    """The fair's booths by number, each with `live` = its vacancies open on the job board (two queries)."""
    day = day or today()
    live = Vacancy.objects.filter(Q(deadline__gte=day) | Q(deadline__isnull=True), status=VacancyStatus.OPEN)
    return list(
        FairBooth.objects.filter(fair=fair)
        .select_related("employer")
        .prefetch_related(Prefetch("vacancies", queryset=live.order_by("title", "pk"), to_attr="live"))
        .order_by("number", "employer__name", "pk")
    )


@dataclass(frozen=True)
class Ticket:
    """What the confirmation page shows of a registration: a first name and a masked CCCD, never more."""

    registration: FairRegistration
    first_name: str
    national_id: str
    booths: list[FairBooth]


def ticket_get(token: str) -> Ticket:
    """The registration with this QR token (the token is the secret), or Http404."""
    row = (
        FairRegistration.objects.select_related("fair__commune", "person")
        .prefetch_related(Prefetch("booths", queryset=FairBooth.objects.select_related("employer")))
        .filter(token=token)
        .first()
        if token and len(token) <= 64
        else None
    )
    if row is None:
        raise Http404(_("Không có đăng ký với mã này."))
    name = row.person.full_name if row.person else row.applicant_name
    number = (row.person.national_id or "") if row.person else row.applicant_national_id
    words = name.split()
    return Ticket(
        registration=row,
        first_name=words[-1] if words else "",
        national_id=mask_identifier(number) if number else "",
        booths=sorted(row.booths.all(), key=lambda b: (b.number, b.employer.name)),
    )
