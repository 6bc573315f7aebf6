"""Reads of job fairs, always through the viewer's scope, and the outcome report of a set of fairs.

Counting rules of fair_report (the words of the centres' reports, e.g. An Phú: "32 công ty, doanh nghiệp tham gia;
508 lao động đăng ký tìm việc trực tiếp tại doanh nghiệp, 19 lao động đăng ký tìm việc trực tuyến …"):

- An application "of the fair" is an application of the job exchange to a vacancy offered at one of the fair's
  booths, created from the fair day to OUTCOME_DAYS (30) days after it. Hiring at a fair is not a record of its own.
- Workers are counted once per fair (distinct persons); a report over several fairs adds the fairs' counts.
- employers: distinct employers with a booth; vacancies: distinct booth vacancies; positions: their positions_count.
- registered online / in person: registrations by channel; checked in: registrations with a check-in.
- applied at booths ("đăng ký tìm việc trực tiếp tại doanh nghiệp"): persons with an application of the fair.
- interviewed ("được phỏng vấn trực tiếp"): persons whose application of the fair was marked interviewed on the
  fair day.
- interview appointments ("hẹn phỏng vấn"): persons given an interview date through an application of the fair
  and not interviewed on the fair day (the two counts never overlap: the exchange records an on-the-spot
  interview as scheduled, then interviewed).
- hired at the fair: hired on the fair day; confirmed hired within 30 days: hired from the fair day to 30 days
  after (those hired on the day included).
- labour export / training: registrations with that interest recorded.
- priority groups: registrations whose person is in each group today (as matching.facts.priority_groups decides),
  a person in several groups counted in each.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.applications.choices import ApplicationStatus
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.core.dates import today
from vieclam.core.money import format_amount
from vieclam.fairs.choices import FairStatus, InterestKind, RegistrationChannel
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairRegistration
from vieclam.matching import scoring
from vieclam.matching.scoring import Priority
from vieclam.poverty.choices import Classification
from vieclam.vacancies.models import Vacancy

__all__ = (
    "OUTCOME_DAYS",
    "FairReport",
    "booth_list",
    "fair_get",
    "fair_list",
    "fair_report",
    "fair_report_line",
    "registration_list",
)

OUTCOME_DAYS = 30
HELD_STATUSES = (FairStatus.HELD, FairStatus.CLOSED)
FAIR_DAY = "vacancy__fair_booths__fair__held_on"


def fair_list(*, viewer) -> QuerySet[Fair]:
    """Fairs held in the viewer's areas, newest first."""
    rows = Fair.objects.select_related("commune", "organiser")
    return scope_queryset(rows, viewer).order_by("-held_on", "-pk")


def fair_get(*, viewer, pk: int) -> Fair:
    """One fair, or Http404 when it does not exist or is held outside the viewer's areas."""
    return get_scoped_or_404(Fair.objects.select_related("commune", "organiser"), viewer, pk=pk)


def booth_list(*, viewer, fair: Fair | None = None) -> QuerySet[FairBooth]:
    """Booths in the viewer's areas (an employer's account: its own booths)."""
    rows = scope_queryset(FairBooth.objects.select_related("fair", "employer"), viewer)
    return rows.filter(fair=fair) if fair is not None else rows


def registration_list(*, viewer, fair: Fair | None = None) -> QuerySet[FairRegistration]:
    """Registrations in the viewer's areas (a worker's account: its own)."""
    rows = scope_queryset(FairRegistration.objects.select_related("fair", "person"), viewer)
    return rows.filter(fair=fair) if fair is not None else rows


@dataclass
class FairReport:
    fairs: int = 0
    fairs_held_by_kind: dict[str, int] = field(default_factory=dict)
    employers: int = 0
    vacancies: int = 0
    positions: int = 0
    registered_online: int = 0
    registered_in_person: int = 0
    checked_in: int = 0
    applied: int = 0
    interviewed: int = 0
    interview_appointments: int = 0
    hired_at_fair: int = 0
    hired_within_30_days: int = 0
    labour_export: int = 0
    training: int = 0
    priority_groups: dict[str, int] = field(default_factory=dict)

    @property
    def registered(self) -> int:
        return self.registered_online + self.registered_in_person


def _fair_applications(fair_ids: list[int]) -> QuerySet[Application]:
    """Applications of the fairs (module docstring). The filters are in one filter() so they speak of the same
    booth: an application is of a fair when its vacancy is at that fair's booth and its date is in that fair's
    window."""
    return Application.objects.filter(
        vacancy__fair_booths__fair__in=fair_ids,
        created_at__date__gte=F(FAIR_DAY),
        created_at__date__lte=F(FAIR_DAY) + dt.timedelta(days=OUTCOME_DAYS),
    )


def _pairs(rows: QuerySet, fair_path: str, person_path: str) -> set[tuple[int, int]]:
    # order_by(): the events' default ordering would put their moment and id into the DISTINCT (a row per event, and
    # a sort); bench/fairs.py: a quarter less time for a fair of 5.000 registrations.
    return set(rows.order_by().values_list(fair_path, person_path).distinct())


def _events(fair_ids: list[int], to_status: str, *, days: int) -> set[tuple[int, int]]:
    """(fair, person) with an event to `to_status` on an application of the fair, from the fair day to `days`
    after."""
    day = "application__" + FAIR_DAY
    rows = ApplicationEvent.objects.filter(
        to_status=to_status,
        application__vacancy__fair_booths__fair__in=fair_ids,
        application__created_at__date__gte=F(day),
        application__created_at__date__lte=F(day) + dt.timedelta(days=OUTCOME_DAYS),
        at__date__gte=F(day),
        at__date__lte=F(day) + dt.timedelta(days=days),
    )
    return _pairs(rows, "application__vacancy__fair_booths__fair", "application__person")


def fair_report(fairs: QuerySet[Fair]) -> FairReport:
    """The outcome of a set of fairs (already scoped and filtered by area and period by the caller)."""
    rows = list(fairs.order_by().values_list("pk", "kind", "status"))
    fair_ids = [pk for pk, _kind, _status in rows]
    report = FairReport(fairs=len(rows))
    report.fairs_held_by_kind = dict(Counter(kind for _pk, kind, status in rows if status in HELD_STATUSES))
    if not fair_ids:
        return report
    booths = FairBooth.objects.filter(fair__in=fair_ids)
    report.employers = booths.values("employer").distinct().count()
    vacancies = Vacancy.objects.filter(fair_booths__fair__in=fair_ids).values("pk").distinct()
    report.vacancies = vacancies.count()
    report.positions = Vacancy.objects.filter(pk__in=vacancies).aggregate(n=Sum("positions_count"))["n"] or 0
    registrations = FairRegistration.objects.filter(fair__in=fair_ids)
    counts = registrations.aggregate(
        online=Count("pk", filter=Q(channel=RegistrationChannel.ONLINE)),
        in_person=Count("pk", filter=Q(channel=RegistrationChannel.WALK_IN)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    report.registered_online, report.registered_in_person = counts["online"], counts["in_person"]
    report.checked_in = counts["checked_in"]
    report.applied = len(_pairs(_fair_applications(fair_ids), "vacancy__fair_booths__fair", "person"))
    interviewed = _events(fair_ids, ApplicationStatus.INTERVIEWED, days=0)
    scheduled = _events(fair_ids, ApplicationStatus.INTERVIEW_SCHEDULED, days=OUTCOME_DAYS)
    report.interviewed = len(interviewed)
    report.interview_appointments = len(scheduled - interviewed)
    report.hired_at_fair = len(_events(fair_ids, ApplicationStatus.HIRED, days=0))
    report.hired_within_30_days = len(_events(fair_ids, ApplicationStatus.HIRED, days=OUTCOME_DAYS))
    interests = Counter(
        FairInterest.objects.filter(registration__fair__in=fair_ids).values_list("kind", flat=True)
    )  # one interest of a kind per registration (a constraint), so rows are registrations
    report.labour_export = interests[InterestKind.LABOUR_EXPORT]
    report.training = interests[InterestKind.TRAINING]
    groups = _priority_groups(registrations, on=today())
    report.priority_groups = {group: count for group, count in groups.items() if count}
    return report


def _priority_groups(registrations: QuerySet[FairRegistration], *, on: dt.date) -> dict[str, int]:
    """Registrations whose person is in each priority group on `on`, as matching.facts.priority_groups decides
    (a poor or near-poor household, or one out of poverty within VIECLAM_POVERTY_EXIT_MONTHS; an ethnic minority;
    a disability), counted in SQL but for the disability, read from the few persons with a listed group."""
    first = on.year * 12 + on.month - 1 - settings.VIECLAM_POVERTY_EXIT_MONTHS
    after = on.year * 12 + on.month
    exited_from, exited_before = dt.date(first // 12, first % 12 + 1, 1), dt.date(after // 12, after % 12 + 1, 1)
    household = "person__household__"
    poor_or_near = Q(**{f"{household}poverty_class__in": [Classification.POOR, Classification.NEAR_POOR]})
    exited = Q(**{f"{household}poverty_exit_on__gte": exited_from, f"{household}poverty_exit_on__lt": exited_before})
    minority = Q(person__ethnicity__isnull=False) & ~Q(person__ethnicity__code=scoring.MAJORITY_ETHNIC_CODE)
    counts = registrations.aggregate(
        poor=Count("pk", filter=Q(**{f"{household}poverty_class": Classification.POOR})),
        near_poor=Count("pk", filter=Q(**{f"{household}poverty_class": Classification.NEAR_POOR})),
        exited=Count("pk", filter=exited & ~poor_or_near),
        ethnic_minority=Count("pk", filter=minority),
    )
    listed = registrations.exclude(person__priority_groups=[]).values_list("person__priority_groups", flat=True)
    counts["disability"] = sum(1 for codes in listed if scoring.DISABILITY_GROUP in (codes or []))
    return {str(Priority(group)): counts[group] for group in ("poor", "near_poor", "exited", "ethnic_minority",
                                                               "disability")}  # fmt: skip


def fair_report_line(report: FairReport) -> str:
    """The report in the words of the centres' annual reports (An Phú's line), numbers grouped with dots."""
    n = format_amount
    return _(
        "{employers} công ty, doanh nghiệp tham gia; {applied} lao động đăng ký tìm việc trực tiếp tại doanh "
        "nghiệp, {online} lao động đăng ký tìm việc trực tuyến tại sàn giao dịch việc làm, {interviewed} lao động "
        "được phỏng vấn trực tiếp, {appointments} lao động hẹn phỏng vấn, {export} lao động đăng ký xuất khẩu lao "
        "động, {training} lao động đăng ký học nghề"
    ).format(
        employers=n(report.employers),
        applied=n(report.applied),
        online=n(report.registered_online),
        interviewed=n(report.interviewed),
        appointments=n(report.interview_appointments),
        export=n(report.labour_export),
        training=n(report.training),
    )


def fairs_in_period(fairs: QuerySet[Fair], *, start: dt.date | None, end: dt.date | None) -> QuerySet[Fair]:
    """The fairs of a period (both ends included, empty = open)."""
    condition = Q()
    if start is not None:
        condition &= Q(held_on__gte=start)
    if end is not None:
        condition &= Q(held_on__lte=end)
    return fairs.filter(condition)
