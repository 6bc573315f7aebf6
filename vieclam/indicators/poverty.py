"""Households and their poverty class on a day, from the dated reviews (QĐ 24/2021/QĐ-TTg)."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, OuterRef, Q, Subquery

from vieclam.core.dates import today
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import AsOf, Communes, Counts, end_of
from vieclam.people.models import Household, HouseholdReview


def household_classes(*, day: dt.date, communes: Communes, as_of: AsOf) -> dict[tuple[int, str], int]:
    """{(commune, class): households} on `day`: a household exists once created or reviewed, and has the class of
    its latest review on or before the day ("" when never reviewed)."""
    households = Household.objects.all()
    if communes is not None:
        households = households.filter(commune_id__in=list(communes))
    if day >= today() and as_of is None:
        rows = households.values("commune_id", cls=F("poverty_class"))
    else:
        reviews = HouseholdReview.objects.filter(household=OuterRef("pk"), reviewed_on__lte=day)
        if as_of is not None:
            reviews = reviews.filter(recorded_at__lte=as_of)
        latest = reviews.order_by("-reviewed_on", "-pk").values("classification")[:1]
        created = Q(created_at__lte=end_of(day))
        if as_of is not None:
            created &= Q(created_at__lte=as_of)
        rows = (
            households.annotate(cls=Subquery(latest)).filter(created | Q(cls__isnull=False)).values("commune_id", "cls")
        )
    out: dict[tuple[int, str], int] = {}
    from django.db.models import Count

    for row in rows.order_by().annotate(n=Count("pk")):
        key = (row["commune_id"], row["cls"] or "")
        out[key] = out.get(key, 0) + row["n"]
    return out


def households_rule(classes: frozenset[str] | None):
    """A rule: households on the period's last day (of `classes`, or all)."""

    def count(*, period: Period, communes, as_of, by) -> Counts:
        counts: Counts = {}
        for (commune, cls), n in household_classes(day=period.end, communes=communes, as_of=as_of).items():
            if classes is None or cls in classes:
                group = (cls or "_") if by == "poverty_class" else ""
                counts[(commune, group)] = counts.get((commune, group), 0) + n
        return counts

    return count
