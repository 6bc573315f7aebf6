"""Reads of case work, always through the viewer's scope: the lists, one record, a person's service record,
the counts (lượt and người) and the caseloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.urls import reverse

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import get_scoped_or_404, scope_for, scope_queryset
from vieclam.applications.models import Application
from vieclam.casework.choices import CHANNELS_LIST, TOPICS_LIST, UNIT_KINDS_LIST
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupAttendance, GroupSession
from vieclam.codelists.models import CodeItem
from vieclam.core.dates import today

if TYPE_CHECKING:
    from vieclam.accounts.models import User
    from vieclam.people.models import Person

__all__ = (
    "CASE_ROLES",
    "ServiceEntry",
    "case_get",
    "case_list",
    "caseload_by_counsellor",
    "channel_list",
    "counselling_counts",
    "counsellor_choices",
    "group_get",
    "group_list",
    "my_caseload",
    "service_record",
    "session_get",
    "session_list",
    "topic_list",
    "unit_kind_list",
)

# Who may hold a caseload or be named the counsellor of a session: counsellors and the officers of the area.
CASE_ROLES = (Role.COUNSELLOR, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER)

SESSION_RELATED = ("person", "person__residence_commune", "channel", "counsellor")
GROUP_RELATED = ("commune", "commune__province", "unit_kind", "organiser")
CASE_RELATED = ("person", "person__residence_commune", "counsellor")
# Earliest next action first (so the overdue ones), undated last on every database (PostgreSQL's index order).
NEXT_ACTION_ORDER = (F("next_action_on").asc(nulls_last=True), "pk")


def _topics() -> Prefetch:
    return Prefetch("topics", queryset=CodeItem.objects.order_by("order"))


def _items(slug: str) -> QuerySet[CodeItem]:
    return CodeItem.objects.filter(code_list__slug=slug).valid_on(today()).order_by("order")


def topic_list() -> QuerySet[CodeItem]:
    """The counselling topics in force today, in list order."""
    return _items(TOPICS_LIST)


def channel_list() -> QuerySet[CodeItem]:
    return _items(CHANNELS_LIST)


def unit_kind_list() -> QuerySet[CodeItem]:
    return _items(UNIT_KINDS_LIST)


def session_list(*, viewer) -> QuerySet[CounsellingSession]:
    """Counselling sessions of people living in the viewer's areas, newest first."""
    sessions = CounsellingSession.objects.select_related(*SESSION_RELATED).prefetch_related(_topics())
    return scope_queryset(sessions, viewer).order_by("-held_on", "-pk")


def session_get(*, viewer, pk: int) -> CounsellingSession:
    """One session, or Http404 outside the viewer's areas."""
    sessions = CounsellingSession.objects.select_related(*SESSION_RELATED).prefetch_related(_topics())
    return get_scoped_or_404(sessions, viewer, pk=pk)


def group_list(*, viewer) -> QuerySet[GroupSession]:
    """Group sessions held in the viewer's areas, newest first."""
    groups = GroupSession.objects.select_related(*GROUP_RELATED).prefetch_related(_topics())
    return scope_queryset(groups, viewer).order_by("-held_on", "-pk")


def group_get(*, viewer, pk: int) -> GroupSession:
    groups = GroupSession.objects.select_related(*GROUP_RELATED).prefetch_related(
        _topics(), Prefetch("attendees", queryset=_people().order_by("full_name", "pk"))
    )
    return get_scoped_or_404(groups, viewer, pk=pk)


def _people():
    from vieclam.people.models import Person

    return Person.objects.select_related("residence_commune")


def case_list(*, viewer) -> QuerySet[CaseAssignment]:
    """Case assignments of people living in the viewer's areas, by next-action date (none last)."""
    cases = scope_queryset(CaseAssignment.objects.select_related(*CASE_RELATED), viewer)
    return cases.order_by(*NEXT_ACTION_ORDER)


def case_get(*, viewer, pk: int) -> CaseAssignment:
    return get_scoped_or_404(CaseAssignment.objects.select_related(*CASE_RELATED), viewer, pk=pk)


def counsellor_choices(*, viewer) -> QuerySet[User]:
    """Users who may hold a caseload in the viewer's areas: counsellors and officers working there."""
    from vieclam.accounts.models import User

    users = User.objects.filter(role__in=CASE_ROLES, is_active=True)
    return scope_queryset(users, viewer).order_by("last_name", "first_name", "username")


#
# A person's service record
#
@dataclass(frozen=True)
class ServiceEntry:
    """One service given to a person: a counselling session, a job introduction or a group session attended."""

    on: dt.date
    kind: str  # "counselling", "referral", "group_session"
    title: str
    detail: str
    by: str
    url: str
    record: object


def service_record(*, viewer, person: Person) -> list[ServiceEntry]:
    """Counselling sessions, job introductions (referrals) and group sessions attended, oldest first.

    Each part is read within the viewer's scope, so a group session held in another area shows only if the viewer
    may see it. The person is the caller's to check (people.selectors: 404 outside the areas).
    """
    from django.utils.translation import gettext as _

    entries: list[ServiceEntry] = []
    sessions = session_list(viewer=viewer).filter(person=person).order_by("held_on", "pk")
    for s in sessions:
        entries.append(
            ServiceEntry(
                on=s.held_on,
                kind="counselling",
                title=counselling_title(s),
                detail=" · ".join(part for part in (s.outcome, s.next_step) if part),
                by=str(s.counsellor),
                url=reverse("casework:session_detail", args=[s.pk]),
                record=s,
            )
        )
    referrals = (
        scope_queryset(Application.objects.select_related("vacancy", "vacancy__employer", "referred_by"), viewer)
        .filter(person=person, referred_by__isnull=False)
        .order_by("created_at", "pk")
    )
    for a in referrals:
        entries.append(
            ServiceEntry(
                on=_local(a.created_at).date(),
                kind="referral",
                title=_("Giới thiệu việc làm: {title}").format(title=a.vacancy.title),
                detail=f"{a.vacancy.employer.name} · {a.get_status_display()}",
                by=str(a.referred_by),
                url=reverse("applications:application_detail", args=[a.pk]),
                record=a,
            )
        )
    attended = scope_queryset(GroupSession.objects.select_related(*GROUP_RELATED), viewer).filter(
        attendance__person=person
    )
    for g in attended.prefetch_related(_topics()).order_by("held_on", "pk"):
        entries.append(
            ServiceEntry(
                on=g.held_on,
                kind="group_session",
                title=group_title(g),
                detail=g.unit_name or g.commune.name,
                by=str(g.organiser),
                url=reverse("casework:group_detail", args=[g.pk]),
                record=g,
            )
        )
    order = {"counselling": 0, "group_session": 1, "referral": 2}
    entries.sort(key=lambda e: (e.on, order[e.kind]))
    return entries


def _local(moment: dt.datetime) -> dt.datetime:
    from django.utils import timezone

    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def topic_names(record) -> str:
    return ", ".join(item.name for item in record.topics.all())


def counselling_title(session: CounsellingSession) -> str:
    """'Tư vấn: Tìm việc làm, Học nghề (qua điện thoại)'."""
    from django.utils.translation import gettext as _

    return _("Tư vấn: {topics} ({channel})").format(
        topics=topic_names(session) or "—", channel=session.channel.name[:1].lower() + session.channel.name[1:]
    )


def group_title(group: GroupSession) -> str:
    """'Hội nghị tư vấn: Tìm việc làm, Học nghề (Trường học)'."""
    from django.utils.translation import gettext as _

    return _("Hội nghị tư vấn: {topics} ({unit})").format(topics=topic_names(group) or "—", unit=group.unit_kind.name)


#
# Counting
#
@dataclass(frozen=True)
class CounsellingCounts:
    """lượt: attendances (individual sessions + group head counts); người: distinct persons known by name."""

    sessions: int  # individual sessions (each one lượt)
    group_sessions: int
    group_headcount: int  # lượt reported by group sessions
    attendances: int  # lượt = sessions + group_headcount
    persons: int  # người = persons of individual sessions ∪ named attendees of group sessions


def counselling_counts(*, viewer, date_from: dt.date, date_to: dt.date) -> CounsellingCounts:
    """Counselling in the viewer's areas between two days (both included).

    Individual sessions count where the person lives, group sessions where they were held; the persons named at
    a group session count once however many sessions they attended (README: "lượt và người").
    """
    sessions = session_list(viewer=viewer).filter(held_on__range=(date_from, date_to)).order_by()
    groups = scope_queryset(GroupSession.objects.all(), viewer).filter(held_on__range=(date_from, date_to))
    group_totals = groups.order_by().aggregate(n=Count("pk"), headcount=Sum("headcount"))
    session_count = sessions.count()
    attendees = GroupAttendance.objects.filter(session__in=groups.values("pk")).order_by().values("person_id")
    # UNION (not UNION ALL) drops the repeats, so the database counts distinct persons without sending them here
    persons = sessions.values("person_id").union(attendees).count()
    headcount = group_totals["headcount"] or 0
    return CounsellingCounts(
        sessions=session_count,
        group_sessions=group_totals["n"] or 0,
        group_headcount=headcount,
        attendances=session_count + headcount,
        persons=persons,
    )


#
# Caseloads
#
def my_caseload(*, viewer) -> QuerySet[CaseAssignment]:
    """The viewer's own caseload: overdue next actions first (oldest first), then the rest by date, undated last."""
    cases = scope_queryset(CaseAssignment.objects.select_related(*CASE_RELATED), viewer).filter(counsellor=viewer)
    return cases.order_by(*NEXT_ACTION_ORDER)


def caseload_by_counsellor(*, viewer) -> list[dict]:
    """Per counsellor in the viewer's areas: persons assigned, with a next action date, and overdue."""
    day = today()
    rows = (
        case_list(viewer=viewer)
        .order_by()
        .values("counsellor_id", "counsellor__username", "counsellor__first_name", "counsellor__last_name")
        .annotate(
            assigned=Count("pk"),
            overdue=Count("pk", filter=Q(next_action_on__lt=day)),
            due_today=Count("pk", filter=Q(next_action_on=day)),
        )
    )
    result = []
    for row in rows:
        full = f"{row['counsellor__last_name']} {row['counsellor__first_name']}".strip()
        result.append({**row, "name": full or row["counsellor__username"]})
    return sorted(result, key=lambda r: (-r["overdue"], r["name"]))


def covers_person(user, person: Person) -> bool:
    return scope_for(user).covers_unit(person.residence_commune)
