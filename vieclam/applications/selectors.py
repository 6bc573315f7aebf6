"""Reads of applications, always through the viewer's scope (staff by area; the worker and the employer their own)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.applications.choices import ClaimStatus
from vieclam.applications.models import AccountClaim, Application, ApplicationEvent
from vieclam.applications.querysets import ApplicationQuerySet
from vieclam.codelists.labels import local_name
from vieclam.codelists.models import CodeItem
from vieclam.employers.models import Employer
from vieclam.people.consents import contact_published
from vieclam.people.models import Person
from vieclam.vacancies.choices import OBSOLETE_CONTRACT_TYPES, VacancyStatus
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.selectors import LIST_RELATED as VACANCY_RELATED
from vieclam.vacancies.selectors import code_item_list

__all__ = (
    "LIST_RELATED",
    "claim_get",
    "claim_list",
    "application_get",
    "application_list",
    "contract_type_names",
    "contract_type_choices",
    "employer_vacancies",
    "open_application",
    "own_employers",
    "own_person",
    "own_record_shown",
    "person_for_referral",
    "successful_connections",
    "vacancy_for_application",
    "worker_applications",
)

# Everything a list row, an export row or the API shows: one query for the whole page.
LIST_RELATED = (
    "vacancy",
    "vacancy__employer",
    "person",
    "person__residence_commune",
    "referred_by",
)
EVENTS = Prefetch("events", queryset=ApplicationEvent.objects.order_by("at", "pk"))


def application_list(*, viewer) -> ApplicationQuerySet:
    """Applications the viewer may see, newest first."""
    return scope_queryset(Application.objects.select_related(*LIST_RELATED), viewer).order_by("-created_at", "-pk")


def application_get(*, viewer, pk: int) -> Application:
    """One application with its timeline, or Http404 when it does not exist or is not the viewer's to see."""
    queryset = Application.objects.select_related(*LIST_RELATED, "vacancy__workplace_commune").prefetch_related(EVENTS)
    queryset = queryset.annotate(contact_published=contact_published("person"))
    return get_scoped_or_404(queryset, viewer, pk=pk)


def successful_connections(*, viewer, since: dt.date, until: dt.date) -> QuerySet[Application]:
    """Hires with a labour contract decided from `since` to `until` (local dates, both included), in scope.

    "Kết nối việc làm thành công" of TT 11/2022 Art. 3.4; a hire is final, so its status_changed_at is the
    moment it was recorded. Count people with `.values("person").distinct()` when one person counts once.
    """
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    rows = application_list(viewer=viewer).successful_connections()
    return rows.filter(status_changed_at__gte=start, status_changed_at__lt=end)


def open_application(*, vacancy: Vacancy, person: Person) -> Application | None:
    """The person's application in progress for this vacancy, if any."""
    return Application.objects.open().filter(vacancy=vacancy, person=person).first()


def own_person(*, viewer) -> Person | None:
    """The worker's own record (Person.account), or None."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    return Person.objects.filter(account=viewer).select_related("residence_commune").first()


def own_record_shown(person: Person | None) -> Person | None:
    """The worker's own record as their own pages show it. A record made at sign-up with a CCCD another record
    holds (applications.selfservice) is saved without it while the account claim waits for staff; the worker typed
    that CCCD and is shown it, in memory only, so their pages read as for a new number. For display only: the
    record returned is never saved (its CCCD column would clash with the other record's)."""
    if person is None or person.national_id or not person.account_id:
        return person
    claimed = AccountClaim.objects.filter(
        account_id=person.account_id, status=ClaimStatus.PENDING, person__isnull=False
    )
    person.national_id = claimed.values_list("person__national_id", flat=True).first() or person.national_id
    return person


def own_employers(*, viewer) -> QuerySet[Employer]:
    """The employers whose account is the viewer."""
    if not getattr(viewer, "is_authenticated", False):
        return Employer.objects.none()
    return Employer.objects.filter(account=viewer).select_related("commune__province").order_by("name", "pk")


def worker_applications(*, viewer) -> QuerySet[Application]:
    """The worker's own applications with their timelines, newest first."""
    rows = Application.objects.filter(person__account=viewer) if viewer.is_authenticated else Application.objects.none()
    related = (*LIST_RELATED, "vacancy__workplace_commune")
    return rows.select_related(*related).prefetch_related(EVENTS).order_by("-created_at", "-pk")


def employer_vacancies(*, viewer) -> QuerySet[Vacancy]:
    """The vacancies of the viewer's employers, each with its applications (person, timeline, and whether the person
    published their contact), newest first."""
    applications = (
        Application.objects.select_related("person", "person__residence_commune", "referred_by")
        .annotate(contact_published=contact_published("person"))
        .prefetch_related(EVENTS)
        .order_by("-created_at", "-pk")
    )
    rows = Vacancy.objects.filter(employer__account=viewer) if viewer.is_authenticated else Vacancy.objects.none()
    return (
        rows.select_related(*VACANCY_RELATED)
        .prefetch_related(Prefetch("applications", queryset=applications))
        .order_by("-created_at", "-pk")
    )


def vacancy_for_application(*, viewer, pk) -> Vacancy:
    """A vacancy one may apply or refer to: any vacancy once published, a draft only inside the viewer's scope.

    Closed or expired vacancies are returned (the service then says why it takes no applications); a draft of
    another exchange answers 404, as if it did not exist.
    """
    try:
        pk = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    queryset = Vacancy.objects.select_related(*VACANCY_RELATED)
    visible = scope_queryset(queryset, viewer).values("pk")
    vacancy = queryset.filter(Q(pk=pk) & (~Q(status=VacancyStatus.DRAFT) | Q(pk__in=visible))).first()
    if vacancy is None:
        raise Http404
    return vacancy


def person_for_referral(*, viewer, pk) -> Person:
    """A person living in the viewer's areas, or Http404 (no hint that they exist elsewhere)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    return get_scoped_or_404(Person.objects.select_related("residence_commune"), viewer, pk=pk)


def contract_type_choices() -> list[tuple[str, str]]:
    """(code, name) of the labour-contract types in force that a hire may record (no seasonal contract)."""
    items = code_item_list(field="contract_type").exclude(code__in=OBSOLETE_CONTRACT_TYPES)
    return [(item.code, item.name) for item in items]


def contract_type_names() -> dict[str, str]:
    """{code: name} of every contract type (also ones no longer in force), for showing recorded hires."""
    rows = CodeItem.objects.filter(code_list__slug="contract-types").values_list("code", "name_vi", "name_en")
    return {code: local_name(name_vi, name_en) for code, name_vi, name_en in rows}


def claim_list(*, viewer) -> QuerySet[AccountClaim]:
    """Pending account claims on records in the viewer's areas, oldest first (they wait for a person to come in)."""
    claims = AccountClaim.objects.filter(status=ClaimStatus.PENDING)
    claims = claims.select_related("account", "area__province", "person__residence_commune", "employer__commune")
    return scope_queryset(claims, viewer).order_by("created_at", "pk")


def claim_get(*, viewer, pk: int) -> AccountClaim:
    return get_scoped_or_404(AccountClaim.objects.select_related("account", "person", "employer"), viewer, pk=pk)
