"""Records by their status on a day, replayed from the audit trail (core.AuditEvent).

Job-seeker profiles and vacancies keep only their current status; every change is audited in the same transaction
as an "update" with {"status": [old, new]} (the status a record is created with holds from its date on). So the
status a record had at the end of a day is the *old* value of its first status change after that day, or its
current status when it has not changed since. A figure for an earlier period is
therefore the same whenever it is asked. With `as_of`, changes recorded after `as_of` are undone too (the figure
as it stood then).

`StatusOnDayRule`: records dated on or before the period's last day whose status on that day is one of `statuses`
(a stock: "hồ sơ đang tìm việc", "vị trí còn tuyển" at the end of the period).
`StatusReachedRule`: records whose status changed to one of `statuses` during the period (a flow: "đã tuyển đủ").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, QuerySet, Sum
from django.db.models.functions import Cast

from vieclam.core.choices import AuditAction
from vieclam.core.models import AuditEvent
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import AsOf, Communes, Counts, dim_expression, end_of

__all__ = ("StatusOnDayRule", "StatusReachedRule", "status_changes", "status_events")


def status_events(model, *, after=None, upto=None) -> QuerySet[AuditEvent]:
    """The audited status changes of `model` with after < at ≤ upto (either bound may be None)."""
    rows = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(model), action=AuditAction.UPDATE, changes__has_key="status"
    )
    if after is not None:
        rows = rows.filter(at__gt=after)
    if upto is not None:
        rows = rows.filter(at__lte=upto)
    return rows


def status_changes(model, *, after=None, upto=None) -> list[tuple[int, str, str]]:
    """(record id, old status, new status) of the audited status changes of `model`, oldest first."""
    out = []
    rows = status_events(model, after=after, upto=upto).order_by("at", "pk").values_list("object_id", "changes")
    for object_id, changes in rows:
        change = changes.get("status")
        if isinstance(change, list) and len(change) == 2 and object_id.isdigit():
            out.append((int(object_id), change[0], change[1]))
    return out


def _keyed(qs: QuerySet) -> QuerySet:
    """The records with their id as text, to meet AuditEvent.object_id in a subquery (no long IN lists)."""
    return qs.annotate(_k=Cast("pk", output_field=CharField()))


def _group(value) -> str:
    if value is None or value == "":
        return "_"
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


@dataclass(frozen=True)
class _StatusRule:
    """queryset: the records; commune: path of the commune that places a record; statuses: the statuses counted;
    date: (StatusOnDayRule) path of the date from which a record exists; total: sum this column instead of rows."""

    name: str
    queryset: Callable[[], QuerySet]
    commune: str
    statuses: frozenset[str]
    date: str = ""
    recorded: str = "created_at"
    total: str | None = None
    dims: dict[str, str | Callable] = field(default_factory=dict)

    def _base(self, communes: Communes, as_of: AsOf) -> QuerySet:
        qs = self.queryset()
        if communes is not None:
            qs = qs.filter(**{f"{self.commune}__in": list(communes)})
        if as_of is not None:
            qs = qs.filter(**{f"{self.recorded}__lte": as_of})
        return qs

    def _rows(self, qs: QuerySet, period: Period, by: str | None) -> list[dict]:
        keys = {"_c": F(self.commune)}
        if by:
            keys["_g"] = dim_expression(self.dims[by], period)
        return list(qs.annotate(**keys).values("pk", "status", "_w", *keys).order_by())

    def _add(self, counts: Counts, row: dict, by: str | None, n: int) -> None:
        key = (row["_c"], _group(row.get("_g")) if by else "")
        counts[key] = counts.get(key, 0) + n * (row["_w"] if self.total else 1)


@dataclass(frozen=True)
class StatusOnDayRule(_StatusRule):
    """Records dated (`date`) on or before the period's last day with a status in `statuses` on that day."""

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        qs = self._base(communes, as_of).filter(**{f"{self.date}__lte": period.end})
        cutoff = end_of(period.end) if as_of is None else min(end_of(period.end), as_of)
        first_after: dict[int, str] = {}
        for pk, old, _new in status_changes(qs.model, after=cutoff):
            first_after.setdefault(pk, old)
        counts: Counts = {}
        weight = {"_w": F(self.total)} if self.total else {"_w": F("pk")}
        later = status_events(qs.model, after=cutoff).values("object_id")
        unchanged = _keyed(qs.filter(status__in=list(self.statuses))).exclude(_k__in=later)
        keys = {"_c": F(self.commune)}
        if by:
            keys["_g"] = dim_expression(self.dims[by], period)
        grouped = unchanged.annotate(**keys).values(*keys).order_by()
        grouped = grouped.annotate(_n=Sum(self.total) if self.total else Count("pk"))
        for row in grouped:
            key = (row["_c"], _group(row.get("_g")) if by else "")
            counts[key] = counts.get(key, 0) + (row["_n"] or 0)
        if first_after:
            changed = _keyed(qs).filter(_k__in=later).annotate(**weight)
            for row in self._rows(changed, period, by):
                if first_after.get(row["pk"], row["status"]) in self.statuses:
                    self._add(counts, row, by, 1)
        return {k: v for k, v in counts.items() if v}


@dataclass(frozen=True)
class StatusReachedRule(_StatusRule):
    """Records whose audited status changed to one of `statuses` during the period (each record once)."""

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        qs = self._base(communes, as_of)
        upto = end_of(period.end) if as_of is None else min(end_of(period.end), as_of)
        after = end_of(period.day_before())
        events = status_events(qs.model, after=after, upto=upto).filter(changes__status__1__in=sorted(self.statuses))
        counts: Counts = {}
        weight = {"_w": F(self.total)} if self.total else {"_w": F("pk")}
        reached = _keyed(qs).filter(_k__in=events.values("object_id")).annotate(**weight)
        for row in self._rows(reached, period, by):
            self._add(counts, row, by, 1)
        return counts
