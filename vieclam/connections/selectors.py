"""Reads of connections and follow-ups, always through the viewer's scope; the follow-up queue; the household's
"có thành viên có việc làm bền vững" flag (one function for one household, one annotation for lists)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.codelists.models import CodeItem
from vieclam.connections.choices import CONTRACT_TYPES_LIST, FollowUpStatus
from vieclam.connections.models import Connection, FollowUp
from vieclam.connections.rules import sustained_checks
from vieclam.core.dates import today
from vieclam.people.models import Household
from vieclam.poverty.choices import Classification

__all__ = (
    "OPEN_STATUSES",
    "connection_get",
    "connection_list",
    "contract_type_list",
    "contract_type_names",
    "followup_get",
    "followup_list",
    "followup_queue",
    "household_has_sustained_member",
    "households_annotate_sustained",
)

OPEN_STATUSES = (FollowUpStatus.DUE, FollowUpStatus.MISSED)
QUEUE_AHEAD_DAYS = 14  # the queue shows the checks falling due in the next two weeks, besides those overdue
LIST_RELATED = ("person", "person__residence_commune", "employer", "occupation", "norm", "counsellor")
FOLLOWUP_RELATED = ("person", "person__household", "connection", "connection__employer", "counsellor")


def connection_list(*, viewer) -> QuerySet[Connection]:
    """Connections of people living in the viewer's areas, newest start first."""
    rows = Connection.objects.select_related(*LIST_RELATED)
    return scope_queryset(rows, viewer).order_by("-start_date", "-pk")


def connection_get(*, viewer, pk: int) -> Connection:
    """One connection, or Http404 when it does not exist or its person lives outside the viewer's areas."""
    return get_scoped_or_404(Connection.objects.select_related(*LIST_RELATED, "application"), viewer, pk=pk)


def followup_list(*, viewer) -> QuerySet[FollowUp]:
    """Follow-ups in the viewer's areas, priority groups first, then by due date (the queue's index order)."""
    rows = FollowUp.objects.select_related(*FOLLOWUP_RELATED)
    return scope_queryset(rows, viewer).order_by("priority", "due_on", "pk")


def followup_queue(
    *, viewer, whole_area: bool = False, open_only: bool = True, horizon: dt.date | None = None
) -> QuerySet[FollowUp]:
    """The queue "Theo dõi sau kết nối": checks not yet recorded (due, overdue, missed) falling due by `horizon`
    (default QUEUE_AHEAD_DAYS from today: a check due next year is not work for today, however high its priority).
    A counsellor sees the connections they follow unless they ask for the whole area."""
    rows = followup_list(viewer=viewer)
    if open_only:
        rows = rows.filter(status__in=OPEN_STATUSES, due_on__lte=horizon or today() + dt.timedelta(QUEUE_AHEAD_DAYS))
    if getattr(viewer, "role", "") == Role.COUNSELLOR and not whole_area:
        rows = rows.filter(counsellor=viewer)
    return rows


def followup_get(*, viewer, pk: int) -> FollowUp:
    return get_scoped_or_404(FollowUp.objects.select_related(*FOLLOWUP_RELATED), viewer, pk=pk)


def contract_type_list() -> QuerySet[CodeItem]:
    """Contract types in force today, in form order."""
    return CodeItem.objects.filter(code_list__slug=CONTRACT_TYPES_LIST).valid_on(today()).order_by("order")


def contract_type_names() -> dict[str, str]:
    """{code: name} of every contract type ever listed, so an old record still reads in words."""
    return dict(CodeItem.objects.filter(code_list__slug=CONTRACT_TYPES_LIST).values_list("code", "name_vi"))


#
# The household's flag
#
def _target_q(on: dt.date) -> Q:
    """Poor or near-poor, or out of poverty within VIECLAM_POVERTY_EXIT_MONTHS (people.reviews.recently_exited)."""
    first = on.year * 12 + on.month - 1 - settings.VIECLAM_POVERTY_EXIT_MONTHS
    after = on.year * 12 + on.month
    exited_from, exited_before = dt.date(first // 12, first % 12 + 1, 1), dt.date(after // 12, after % 12 + 1, 1)
    poor = Q(poverty_class__in=[Classification.POOR, Classification.NEAR_POOR])
    return poor | Q(poverty_exit_on__gte=exited_from, poverty_exit_on__lt=exited_before)


def households_annotate_sustained(queryset: QuerySet[Household], *, on: dt.date | None = None) -> QuerySet[Household]:
    """Adds `has_sustained_member`: a household of the programme's target (poor, near-poor, recently out of
    poverty) with a member whose connection is sustained (rules.sustained_checks); False for any other household."""
    member = sustained_checks().filter(person__household_id=OuterRef("pk"))
    return queryset.annotate(
        has_sustained_member=Case(
            When(_target_q(on or today()) & Exists(member), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def household_has_sustained_member(household: Household, *, on: dt.date | None = None) -> bool:
    """QĐ 90/QĐ-TTg's target for one household: "có thành viên có việc làm bền vững"."""
    rows = households_annotate_sustained(Household.objects.filter(pk=household.pk), on=on)
    return bool(rows.values_list("has_sustained_member", flat=True).first())  # type: ignore[misc]
