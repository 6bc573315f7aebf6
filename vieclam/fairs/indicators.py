"""Counting rules of job fairs (phiên giao dịch việc làm), for the indicator catalogue, following the counting
rules of fairs.selectors.fair_report.

Everything of a fair is placed in the period of its day (`held_on`) and in the fair's commune (where it was
held), and only fairs held (status held or closed) count. A person hired at fairs counts once per period.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vieclam.fairs.choices import FairKind, FairStatus, RegistrationChannel
from vieclam.indicators.dims import dimension_choices_add, dimension_register
from vieclam.indicators.rules import FunctionRule, RecordRule, rule_register

HELD = (FairStatus.HELD, FairStatus.CLOSED)
dimension_register("fair_kind", _("Loại phiên"), FairKind)
dimension_choices_add("channel", RegistrationChannel)


def _fairs():
    from vieclam.fairs.models import Fair

    return Fair.objects.all()


def _booths():
    from vieclam.fairs.models import FairBooth

    return FairBooth.objects.all()


def _registrations():
    from vieclam.fairs.models import FairRegistration

    return FairRegistration.objects.all()


rule_register(RecordRule("fairs_held", _fairs, commune="commune_id", date="held_on", recorded="created_at",
                         where=Q(status__in=HELD), dims={"fair_kind": "kind"}))  # fmt: skip
# An employer with a booth at a fair ("lượt doanh nghiệp": an employer at two fairs counts twice).
rule_register(RecordRule("fair_employers", _booths, commune="fair__commune_id", date="fair__held_on",
                         recorded="created_at", where=Q(fair__status__in=HELD),
                         dims={"fair_kind": "fair__kind"}))  # fmt: skip
rule_register(RecordRule("fair_registrations", _registrations, commune="fair__commune_id", date="fair__held_on",
                         recorded="created_at", where=Q(fair__status__in=HELD),
                         dims={"fair_kind": "fair__kind", "channel": "channel"}))  # fmt: skip
rule_register(RecordRule("fair_visitors", _registrations, commune="fair__commune_id", date="fair__held_on",
                         recorded="checked_in_at", where=Q(fair__status__in=HELD, checked_in_at__isnull=False),
                         dims={"fair_kind": "fair__kind"}))  # fmt: skip


def fair_hired(*, period, communes, as_of, by):
    """Persons hired on the day of a fair held in the period through an application of that fair (an application
    to a vacancy offered at the fair's booth, made from the fair day to 30 days after: fair_report's rule), each
    person once, in the commune of the (first) fair."""
    from vieclam.applications.choices import ApplicationStatus
    from vieclam.applications.models import ApplicationEvent
    from vieclam.fairs.selectors import FAIR_DAY, OUTCOME_DAYS

    day = "application__" + FAIR_DAY
    fair = "application__vacancy__fair_booths__fair__"
    rows = ApplicationEvent.objects.filter(
        Q(**{f"{fair}status__in": HELD, f"{fair}held_on__gte": period.start, f"{fair}held_on__lte": period.end}),
        Q(**{f"{fair}commune_id__in": list(communes)}) if communes is not None else Q(),
        to_status=ApplicationStatus.HIRED,
        application__created_at__date__gte=F(day),
        application__created_at__date__lte=F(day) + dt.timedelta(days=OUTCOME_DAYS),
        at__date=F(day),
    )
    if as_of is not None:
        rows = rows.filter(at__lte=as_of)
    values = rows.order_by(f"{fair}held_on", f"{fair}id").values_list(
        "application__person_id", f"{fair}commune_id", f"{fair}kind"
    )
    seen: dict[int, tuple[int, str]] = {}
    for person, commune, kind in values:
        seen.setdefault(person, (commune, kind))
    counts: dict = {}
    for commune, kind in seen.values():
        key = (commune, kind if by == "fair_kind" else "")
        counts[key] = counts.get(key, 0) + 1
    return counts


rule_register(FunctionRule("fair_hired_persons", fair_hired, ("fair_kind",)))
