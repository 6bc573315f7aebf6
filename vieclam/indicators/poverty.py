"""Households and their poverty class on a day, from the dated reviews (QĐ 24/2021/QĐ-TTg)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery

from vieclam.core.dates import today
from vieclam.indicators.periods import Period
from vieclam.indicators.persons import sql_settings
from vieclam.indicators.rules import AsOf, Communes, Counts, end_of, memo
from vieclam.people.models import Household, HouseholdReview


def household_classes(*, day: dt.date, communes: Communes, as_of: AsOf) -> dict[tuple[int, str], int]:
    """{(commune, class): households} on `day`: a household exists once created or reviewed, and has the class of
    its latest review on or before the day ("" when never reviewed). Read once per calculation (the households, the
    poor and the near-poor of a day share it)."""
    store = memo()
    key = ("household_classes", day, frozenset(communes) if communes is not None else None, as_of)
    if key not in store:
        store[key] = _household_classes(day=day, communes=communes, as_of=as_of)
    return store[key]


def _household_classes(*, day: dt.date, communes: Communes, as_of: AsOf) -> dict[tuple[int, str], int]:
    if connection.vendor == "postgresql" and not (day >= today() and as_of is None):
        return _household_classes_sql(day=day, communes=communes, as_of=as_of)
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


# PostgreSQL: each household's latest review up to the day read in one sorted pass (DISTINCT ON), not one
# sub-select per household. Without `as_of`, a household whose latest review (poverty_class_on, kept by
# people.reviews) is on or before the day has today's class on the day: only the others read their reviews
# (0,24 → 0,05 s for the end of last year on the 1.000.000-person province).
_CLASSES_SQL = """
SELECT h.commune_id, coalesce(r.classification, ''), count(*)
FROM people_household h
LEFT JOIN (
  SELECT DISTINCT ON (household_id) household_id, classification
  FROM people_householdreview
  WHERE reviewed_on <= %s{as_of}{unsettled_reviews}
  ORDER BY household_id, reviewed_on DESC, id DESC
) r ON r.household_id = h.id
WHERE (r.household_id IS NOT NULL OR (h.created_at <= %s{created_as_of})){communes}{unsettled}
GROUP BY 1, 2
"""
_SETTLED_SQL = """
SELECT h.commune_id, h.poverty_class, count(*) FROM people_household h WHERE h.poverty_class_on <= %s{communes}
GROUP BY 1, 2
"""
_UNSETTLED = "(h.poverty_class_on > %s OR h.poverty_class_on IS NULL)"


def _household_classes_sql(*, day: dt.date, communes: Communes, as_of: AsOf) -> dict[tuple[int, str], int]:
    settled = as_of is None
    in_communes = " AND h.commune_id = ANY(%s)" if communes is not None else ""
    query = _CLASSES_SQL.format(
        as_of=" AND recorded_at <= %s" if as_of is not None else "",
        unsettled_reviews=f" AND household_id IN (SELECT h.id FROM people_household h WHERE {_UNSETTLED})"
        if settled
        else "",
        created_as_of=" AND h.created_at <= %s" if as_of is not None else "",
        communes=in_communes,
        unsettled=f" AND {_UNSETTLED}" if settled else "",
    )
    params: list = [day, *([as_of] if as_of is not None else []), *([day] if settled else []), end_of(day)]
    params += [as_of] if as_of is not None else []
    params += [list(communes)] if communes is not None else []
    params += [day] if settled else []
    if settled:
        query += " UNION ALL " + _SETTLED_SQL.format(communes=in_communes)
        params += [day, *([list(communes)] if communes is not None else [])]
    out: dict[tuple[int, str], int] = {}
    with sql_settings(work_mem="64MB", jit="off") as cursor:
        cursor.execute(query, params)
        for commune, cls, n in cursor.fetchall():
            out[(commune, cls)] = out.get((commune, cls), 0) + n
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
