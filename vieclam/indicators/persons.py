"""Persons aged 15+ as they stood on a day, by a labour-status test (TT 11/2022 Mẫu 03).

Today's columns answer for everyone whose record has not changed since the day: every person rule of a calculation
is counted over them in one pass (a conditional count each). The persons whose state on the day is not today's (a
labour event after the day, or registered after it, with an event up to the day holding another value than today's
column; or registered after the day with no event up to it) are then corrected: their state on the day is replayed
from their dated events (a "registered" event holds the whole state, a "status" event the fields it changed). So a
figure for an earlier day is the same whenever it is asked, once the events are recorded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Q

from vieclam.indicators.dims import AGE_BANDS, KINH, person_dims
from vieclam.indicators.periods import Period
from vieclam.indicators.rules import AsOf, Communes, Counts, dim_expression, end_of, memo
from vieclam.people.models import LABOUR_AGE, LabourEvent, Person

STATE_FIELDS = ("activity_status", "technical_level", "workplace_commune_id", "unemployment_duration",
                "employment_status", "residence_commune_id")  # fmt: skip


@dataclass(frozen=True)
class PersonStateRule:
    """Persons 15+ on the period's last day passing `q` (SQL over today's columns) / `test` (the same test on a
    state dict, for the persons whose state on the day differs from today's columns).

    Every person rule's `q` is a conditional count in one shared query: it may follow foreign keys (one row each),
    never a reverse or many-to-many relation, which would repeat a person's row for every rule."""

    name: str
    q: Q
    test: Callable[[dict], bool]
    dims: dict = field(default_factory=lambda: person_dims(""))

    def count(self, *, period: Period, communes: Communes, as_of: AsOf, by: str | None) -> Counts:
        spec = self.dims[by] if by else None
        counts = dict(_now_once(by, spec, period, communes)[self.name])
        for commune, group, now, then, n in _changes_once(spec, period, communes, as_of):
            if self.test(now) and (communes is None or commune in communes):
                _add(counts, (commune, group), -n)
            if then is not None and self.test(then) and (communes is None or then["residence_commune_id"] in communes):
                _add(counts, (then["residence_commune_id"], group), n)
        return {k: v for k, v in counts.items() if v}


def _add(counts: Counts, key: tuple[int, str], n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _key(value) -> str:
    return "_" if value in (None, "") else str(value)


def _dim_key(spec) -> object:
    """A hashable identity of a dimension (a path, or a closure's code and captured values)."""
    if not callable(spec):
        return spec
    return (spec.__code__, tuple(cell.cell_contents for cell in spec.__closure__ or ()))


def _adults(spec, period: Period, communes: Communes):
    adults = Person.objects.filter(date_of_birth__lte=_years_before(period.end, LABOUR_AGE))
    if communes is not None:
        adults = adults.filter(residence_commune_id__in=list(communes))
    if spec is not None:
        adults = adults.annotate(_g=dim_expression(spec, period))
    return adults


def _scope_key(kind: str, spec, period: Period, communes: Communes, *rest) -> tuple:
    return (kind, period.end, frozenset(communes) if communes is not None else None, _dim_key(spec), *rest)


def _now_once(by: str | None, spec, period: Period, communes: Communes) -> dict[str, Counts]:
    """{rule: counts over today's columns} for every person rule grouped the same way, in one pass over the
    adults (a conditional count per rule), once per calculation."""
    store = memo()
    key = _scope_key("persons_now", spec, period, communes)
    if key not in store:
        from vieclam.indicators.rules import rules_of_type

        rules = [r for r in rules_of_type(PersonStateRule) if by is None or _same_dim(r, by, spec)]
        keys = ["residence_commune_id", *(["_g"] if spec is not None else [])]
        rows = _adults(spec, period, communes).values(*keys).order_by()
        rows = rows.annotate(**{f"_n{i}": Count("pk", filter=r.q) for i, r in enumerate(rules)})
        out: dict[str, Counts] = {r.name: {} for r in rules}
        for row in rows:
            group = _key(row["_g"]) if spec is not None else ""
            for i, rule in enumerate(rules):
                if row[f"_n{i}"]:
                    _add(out[rule.name], (row["residence_commune_id"], group), row[f"_n{i}"])
        store[key] = out
    return store[key]


def _same_dim(rule: PersonStateRule, by: str, spec) -> bool:
    return by in rule.dims and _dim_key(rule.dims[by]) == _dim_key(spec)


def _changes_once(spec, period: Period, communes: Communes, as_of: AsOf) -> list:
    """[(commune today, group, state today, state on the day or None, persons)] for the persons whose state on the
    day is not today's (changed after it, or registered after it), once per calculation for every person rule."""
    store = memo()
    key = _scope_key("persons_changed", spec, period, communes, as_of)
    if key not in store:
        day = period.end
        changed = _adults(spec, period, communes).filter(_changed_since(day, as_of))
        later = _later(day, as_of).exists()
        if not changed.exists():
            store[key] = []  # nobody changed since the day (a figure up to today): today's columns answer
        elif connection.vendor == "postgresql":
            store[key] = list(_changes_sql(changed, day, as_of, grouped=spec is not None))
        else:
            store[key] = list(_changes_replayed(changed, day, as_of, grouped=spec is not None))
        if communes is not None and later:
            store[key] += _movers_in(spec, period, communes, as_of)
    return store[key]


def _movers_in(spec, period: Period, communes: Communes, as_of: AsOf) -> list:
    """The persons living outside `communes` today who lived inside on the day (moved away since: a later event
    changed their residence), as (commune today, group, state today, state on the day, 1)."""
    moved = _later(period.end, as_of).filter(changes__has_key="residence_commune_id").values("person_id")
    outside = _adults(spec, period, None).filter(pk__in=moved).exclude(residence_commune_id__in=list(communes))
    grouped = spec is not None
    return [
        (row["residence_commune_id"], _key(row["_g"]) if grouped else "", now, then, 1)
        for row, now, then in _changed(outside, period.end, as_of, grouped=grouped)
        if then is not None and then["residence_commune_id"] in communes
    ]


def _changed_since(day: dt.date, as_of: AsOf) -> Q:
    """The persons whose state on the day may not be today's columns: a labour event after the day (their
    state_since, the day of their latest event, is later), no event at all and recorded after the day, or, as known
    at `as_of`, an event recorded after it. Every other person's events all fall on or before the day, so replaying
    them up to the day gives today's columns: their state_since answers without reading the events (an index
    lookup where reading every event up to the day cost 1,8 s on the 1.000.000-person province)."""
    changed = Q(state_since__gt=day) | Q(state_since__isnull=True, created_at__gt=_cut(day, as_of))
    if as_of is not None:
        changed |= Q(pk__in=LabourEvent.objects.filter(recorded_at__gt=as_of).values("person_id"))
    return changed


def _later(day: dt.date, as_of: AsOf):
    """The events today's columns hold but the day (as known at `as_of`) did not: effective after the day, or
    recorded after `as_of`."""
    later = Q(effective__gt=day)
    if as_of is not None:
        later |= Q(recorded_at__gt=as_of)
    return LabourEvent.objects.filter(later)


def _cut(day: dt.date, as_of: AsOf) -> dt.datetime:
    """A person recorded after this moment was not in the books for the day (as known at `as_of`)."""
    return min(end_of(day), as_of) if as_of is not None else end_of(day)


def _changes_replayed(changed, day: dt.date, as_of: AsOf, *, grouped: bool):
    """Portable: the changed persons replayed one by one from their events."""
    for row, now, then in _changed(changed, day, as_of, grouped=grouped):
        if then != now:
            yield row["residence_commune_id"], _key(row["_g"]) if grouped else "", now, then, 1


def _changed(changed, day: dt.date, as_of: AsOf, *, grouped: bool):
    """(person row, state now, state on `day` or None when not yet registered) for the persons in `changed`."""
    rows = list(changed.values("pk", "created_at", *(["_g"] if grouped else []), *STATE_FIELDS).order_by())
    events = _events_until(day, as_of, [row["pk"] for row in rows])
    last_instant = _cut(day, as_of)
    for row in rows:
        now = {f: row[f] for f in STATE_FIELDS}
        history = events.get(row["pk"])
        if history:
            then = dict(now)
            for changes in history:
                then.update({k: v for k, v in changes.items() if k in STATE_FIELDS})
        else:
            then = None if row["created_at"] > last_instant else now
        yield row, now, then


def _events_until(day: dt.date, as_of: AsOf, ids: list[int]) -> dict[int, list[dict]]:
    """{person id: [changes, …]} of the events effective on or before `day`, in order."""
    events: dict[int, list] = {}
    for start in range(0, len(ids), 5000):
        earlier = LabourEvent.objects.filter(person_id__in=ids[start : start + 5000], effective__lte=day)
        if as_of is not None:
            earlier = earlier.filter(recorded_at__lte=as_of)
        for person_id, changes in earlier.order_by("effective", "pk").values_list("person_id", "changes"):
            events.setdefault(person_id, []).append(changes)
    return events


# PostgreSQL: one pass over the changed adults (_changed_since) sorts them out. One whose events up to the day all
# hold today's values has today's state on the day (replaying them changes nothing: how 0); one registered after
# the day without events up to it was not in the books yet (how 1); only the others (how 2) are replayed in Python.
_DIFFERS = " OR ".join(
    f"(e.changes ? '{f}' AND e.changes -> '{f}' IS DISTINCT FROM to_jsonb(q.{f}))" for f in STATE_FIELDS
)
_STATES_SQL = """
WITH a AS NOT MATERIALIZED ({adults})
SELECT residence_commune_id, {group}, {fields}, how, count(*), array_agg(id) FILTER (WHERE how = 2)
FROM (
  SELECT p.*, CASE
    WHEN p.id IN (SELECT e.person_id FROM people_labourevent e JOIN a q ON q.id = e.person_id
                  WHERE e.effective <= %s{as_of} AND ({differs}))
      THEN 2
    WHEN p.created_at > %s AND p.id NOT IN (SELECT e.person_id FROM people_labourevent e WHERE e.effective <= %s{as_of})
      THEN 1
    ELSE 0 END AS how
  FROM a p
  OFFSET 0
) s
WHERE how <> 0
GROUP BY residence_commune_id, {group_by}{fields}, how
"""


@contextlib.contextmanager
def sql_settings(**settings: str):
    """A cursor with PostgreSQL settings changed for the queries run with it, then put back."""
    with transaction.atomic(), connection.cursor() as cursor:
        names = list(settings)
        cursor.execute("SELECT " + ", ".join("current_setting(%s)" for _ in names), names)
        before = cursor.fetchone()
        pairs = ", ".join("set_config(%s, %s, true)" for _ in names)
        cursor.execute("SELECT " + pairs, [x for name in names for x in (name, settings[name])])
        try:
            yield cursor
        finally:
            cursor.execute("SELECT " + pairs, [x for name, old in zip(names, before, strict=True) for x in (name, old)])


def _changes_sql(changed, day: dt.date, as_of: AsOf, *, grouped: bool):
    columns = changed.order_by().values("id", "created_at", *(["_g"] if grouped else []), *STATE_FIELDS)
    sql, params = columns.query.sql_with_params()
    as_of_sql = " AND e.recorded_at <= %s" if as_of is not None else ""
    extra = [as_of] if as_of is not None else []
    end = _cut(day, as_of)
    query = _STATES_SQL.format(
        group="_g" if grouped else "''",
        group_by="_g, " if grouped else "",
        fields=", ".join(STATE_FIELDS),
        as_of=as_of_sql,
        differs=_DIFFERS,
        adults=sql,
    )
    args = [*params, day, *extra, end, day, *extra]
    # Each hashed sub-select holds every person with an event: room for them in memory; no JIT for a query whose
    # work is a few scans.
    with sql_settings(work_mem="64MB", jit="off") as cursor:
        cursor.execute(query, args)
        rows = cursor.fetchall()
    replay: dict[int, tuple] = {}
    for commune, group, *rest in rows:
        now, how, n, ids = dict(zip(STATE_FIELDS, rest[:-3], strict=True)), rest[-3], rest[-2], rest[-1] or []
        if how == 1:  # registered after the day, no event up to it: not yet in the books
            yield commune, _key(group) if grouped else "", now, None, n
        else:
            replay.update((pk, (commune, group, now)) for pk in ids)
    events = _events_until(day, as_of, sorted(replay))
    for pk, (commune, group, now) in replay.items():
        then = dict(now)
        for changes in events.get(pk, []):
            then.update({k: v for k, v in changes.items() if k in STATE_FIELDS})
        yield commune, _key(group) if grouped else "", now, then, 1


def _py_group(by: str | None, row: dict, period: Period) -> str:
    if not by:
        return ""
    if by == "sex":
        return _key(row["sex"])
    if by == "age_band":
        age = _age(row["date_of_birth"], period.end)
        for low, high in AGE_BANDS:
            if age >= low and (high is None or age <= high):
                return f"{low}-{high}" if high else f"{low}+"
        return "_"
    if by == "ethnic_minority":
        code = row["ethnicity__code"]
        return "_" if code is None else ("kinh" if code == KINH else "minority")
    if by == "poverty_class":
        return _key(row["household__poverty_class"])
    if by == "occupation_group":
        return _key((row["occupation__code"] or "")[:1])
    return "_"


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
