"""What each role's home page shows: the work waiting for them now, counted inside their own area.

Every count is an indexed filter (status, deadline, account, registration date) narrowed by the viewer's scope,
so none reads the million-row person table through: self-registered workers are the few with an account.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.applications.choices import ApplicationStatus
from vieclam.applications.models import Application
from vieclam.core.dates import today
from vieclam.imports.services import can_import
from vieclam.jobboard.search import live_jobs
from vieclam.people.models import Person
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.choices import ProfileStatus
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.selectors import approval_list

NEW_SEEKER_DAYS = 30
PUBLIC_COUNTS_KEY = "portal:public-counts"
PUBLIC_COUNTS_SECONDS = 60


@dataclass(frozen=True)
class Card:
    """One tile: a count (or None for a plain link), what it counts, and where to act on it."""

    label: str | Promise
    value: int | None
    url: str
    hint: str | Promise = ""


def home_cards(*, user) -> list[Card]:
    if not user.is_authenticated:
        return _public_cards()
    if user.is_staff_role:
        return _staff_cards(user)
    if user.role == Role.EMPLOYER:
        return _employer_cards(user)
    if user.role == Role.WORKER:
        return _worker_cards(user)
    return []


def persons_to_complete(*, viewer):
    """Workers who registered themselves in the viewer's area and whose labour-market status no officer has set."""
    rows = Person.objects.filter(account__isnull=False, activity_status="")
    return scope_queryset(rows, viewer).select_related("residence_commune").order_by("-created_at", "-pk")


def _public_cards() -> list[Card]:
    """The same for every visitor: counted at most once a minute (the public home is the busiest page)."""
    live, communes = cache.get_or_set(PUBLIC_COUNTS_KEY, _public_counts, PUBLIC_COUNTS_SECONDS)
    return [
        Card(_("Việc làm đang tuyển"), live, reverse("jobboard:job_search")),
        Card(_("Xã, phường, đặc khu"), communes, reverse("places:area_list")),
    ]


def _public_counts() -> tuple[int, int]:
    communes = AdministrativeUnit.objects.valid_on(today()).filter(level=Level.COMMUNE)
    return live_jobs().count(), communes.count()


def _staff_cards(user) -> list[Card]:
    cards = [_drafts_card(user)] if can_import(user) else []  # exchanges are provinces': communes approve none
    return [*cards, _applications_card(user), _to_complete_card(user), _seekers_card(user), _communes_card(user)]


def _drafts_card(user) -> Card:
    drafts = approval_list(viewer=user).count()
    return Card(_("Tin chờ duyệt"), drafts, reverse("vacancies:approvals"), _("tin doanh nghiệp tự đăng"))


def _applications_card(user) -> Card:
    submitted = scope_queryset(Application.objects.filter(status=ApplicationStatus.SUBMITTED), user).count()
    url = reverse("applications:application_list") + f"?status={ApplicationStatus.SUBMITTED}"
    return Card(_("Hồ sơ ứng tuyển mới"), submitted, url, _("chưa được xem"))


def _to_complete_card(user) -> Card:
    count = persons_to_complete(viewer=user).count()
    return Card(_("Hồ sơ cần bổ sung"), count, reverse("portal:to_complete"), _("người lao động tự đăng ký"))


def _seekers_card(user) -> Card:
    since = today() - dt.timedelta(days=NEW_SEEKER_DAYS)
    seekers = JobSeekerProfile.objects.filter(status=ProfileStatus.ACTIVE, registered_on__gte=since)
    hint = _("đăng ký trong {days} ngày qua").format(days=NEW_SEEKER_DAYS)
    return Card(_("Người tìm việc mới"), scope_queryset(seekers, user).count(), reverse("seekers:profile_list"), hint)


def _communes_card(user) -> Card:
    communes = AdministrativeUnit.objects.valid_on(today()).filter(scope_for(user).units_q(), level=Level.COMMUNE)
    return Card(_("Xã, phường trong địa bàn"), communes.count(), reverse("places:area_list"))


def _employer_cards(user) -> list[Card]:
    by_status = dict(
        Vacancy.objects.filter(employer__account=user).values_list("status").annotate(n=Count("pk")).order_by()
    )
    new = Application.objects.filter(vacancy__employer__account=user, status=ApplicationStatus.SUBMITTED).count()
    mine = reverse("applications:my")
    return [
        Card(_("Hồ sơ ứng tuyển mới"), new, mine, _("chưa được xem")),
        Card(_("Tin đang tuyển"), by_status.get(VacancyStatus.OPEN, 0), mine),
        Card(_("Tin chờ duyệt"), by_status.get(VacancyStatus.DRAFT, 0), mine),
        Card(_("Đăng tin mới"), None, reverse("applications:my_vacancy_create")),
    ]


def _worker_cards(user) -> list[Card]:
    mine = Application.objects.filter(person__account=user)
    interviews = mine.filter(status=ApplicationStatus.INTERVIEW_SCHEDULED).count()
    offers = mine.filter(status=ApplicationStatus.OFFERED).count()
    return [
        Card(_("Việc làm phù hợp"), None, reverse("applications:my_matches"), _("xếp theo hồ sơ của bạn")),
        Card(_("Lịch phỏng vấn"), interviews, reverse("applications:my")),
        Card(_("Lời mời nhận việc"), offers, reverse("applications:my")),
        Card(_("Hồ sơ tìm việc"), None, reverse("seekers:own_profile")),
    ]
