"""The one place that decides which records a user may see and change.

Every view, API endpoint, export, report and import that touches area-bound data gets its queryset
from `scope_queryset()` (or `get_scoped_or_404()`); nothing queries such data around it.

A model opts in by declaring where its area lies:
    area_path = "residence_commune"   # a path to a places.AdministrativeUnit (commune or province)
    owner_path = "account"            # optional: a path (or a tuple of paths) to the User who owns the record
An area in a user's scope includes everything below it: a province covers all its communes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from vieclam.accounts.choices import STAFF_ROLES, Role
from vieclam.places.choices import Level


@dataclass(frozen=True)
class AreaScope:
    """The areas a user works in: province ids (whole provinces) and commune ids.

    `units_of_provinces` lists every unit whose province is one of `province_ids` (the province itself too), as
    read with the scope. A filter on that list of ids reads the records' own column, which the database can
    estimate: a join to the units (`…__province_id__in`) is estimated at a hundredth of a province's persons, so
    a list of a million was sorted whole instead of read in the order of its index (seconds instead of
    milliseconds). Without it (a scope built by hand) the join is used.
    """

    unrestricted: bool = False
    province_ids: frozenset[int] = field(default_factory=frozenset)
    commune_ids: frozenset[int] = field(default_factory=frozenset)
    units_of_provinces: frozenset[int] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.unrestricted or self.province_ids or self.commune_ids)

    def q(self, path: str) -> Q:
        """A filter for records whose area (at `path`) lies inside this scope."""
        if self.unrestricted:
            return Q()
        if self.empty:
            return Q(pk__in=[])
        condition = Q(pk__in=[])
        if self.province_ids and self.units_of_provinces:
            return condition | Q(**{f"{path}__in": self.units_of_provinces | self.commune_ids})
        if self.province_ids:
            condition |= Q(**{f"{path}__province_id__in": self.province_ids})
        if self.commune_ids:
            condition |= Q(**{f"{path}__in": self.commune_ids})
        return condition

    def units_q(self) -> Q:
        """A filter on AdministrativeUnit itself: the units inside this scope."""
        if self.unrestricted:
            return Q()
        return Q(pk__in=self.commune_ids) | Q(province_id__in=self.province_ids)

    def covers_unit(self, unit) -> bool:
        if self.unrestricted:
            return True
        return unit.pk in self.commune_ids or unit.province_id in self.province_ids


def scope_for(user) -> AreaScope:
    """The user's scope, computed once per user object (i.e. once per request)."""
    if not getattr(user, "is_authenticated", False):
        return AreaScope()
    cached = getattr(user, "_vieclam_scope", None)
    if cached is None:
        cached = _compute_scope(user)
        user._vieclam_scope = cached
    return cached


def _compute_scope(user) -> AreaScope:
    if user.is_superuser or user.role == Role.ADMIN:
        return AreaScope(unrestricted=True)
    if user.role not in STAFF_ROLES:
        return AreaScope()
    from vieclam.places.models import AdministrativeUnit

    # One query, written out: the user's areas (direct), then every unit whose province is one of them (see
    # AreaScope). It runs on every request of every officer; built by the ORM it cost more to compile than to run,
    # and one filter with both under OR read all 14.000 units (5–10 ms on 2 cores).
    areas, units = user.areas.through._meta, AdministrativeUnit._meta
    sql = _SCOPE_SQL.format(
        areas=connection.ops.quote_name(areas.db_table),
        units=connection.ops.quote_name(units.db_table),
        user=connection.ops.quote_name(areas.get_field("user").column),
        unit=connection.ops.quote_name(areas.get_field("administrativeunit").column),
    )
    provinces, communes, under = set(), set(), set()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, user.pk, Level.PROVINCE])
        for pk, level, direct in cursor.fetchall():
            if not direct:
                under.add(pk)
            elif level == Level.PROVINCE:
                provinces.add(pk)
            else:
                communes.add(pk)
    return AreaScope(
        province_ids=frozenset(provinces), commune_ids=frozenset(communes), units_of_provinces=frozenset(under)
    )


_SCOPE_SQL = """
SELECT u.id, u.level, 1 FROM {units} u JOIN {areas} a ON a.{unit} = u.id WHERE a.{user} = %s
UNION ALL
SELECT u.id, u.level, 0 FROM {units} u JOIN {units} p ON p.id = u.province_id JOIN {areas} a ON a.{unit} = p.id
WHERE a.{user} = %s AND p.level = %s
"""


_M = TypeVar("_M", bound=Model)
_QS = TypeVar("_QS", bound=QuerySet)


def scope_queryset(queryset: _QS, user) -> _QS:
    """Only the rows of `queryset` the user may see: inside their areas, or their own."""
    model = queryset.model
    scope = scope_for(user)
    if scope.unrestricted:
        return queryset
    condition = scope.q(model.area_path) if getattr(model, "area_path", None) else Q(pk__in=[])
    owner_paths = getattr(model, "owner_path", None) or ()
    if isinstance(owner_paths, str):
        owner_paths = (owner_paths,)
    # Only workers and employers own records; leaving the owner test out for officers keeps their queries
    # free of joins they never need.
    if getattr(user, "is_authenticated", False) and getattr(user, "role", "") not in STAFF_ROLES:
        for path in owner_paths:
            condition |= Q(**{path: user.pk})
    filtered = queryset.filter(condition)
    return filtered.distinct() if getattr(model, "area_path_is_many", False) else filtered


def get_scoped_or_404(queryset: QuerySet[_M], user, **lookup) -> _M:
    """A record outside the user's scope answers 404, exactly like one that does not exist."""
    try:
        return scope_queryset(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
