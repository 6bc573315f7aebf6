"""Reads of the vacancy registry, always through the viewer's scope, and code → row lookups for input."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.codelists.labels import local_name
from vieclam.codelists.models import CodeItem, Occupation
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.employers.models import Employer
from vieclam.vacancies.choices import CODED_FIELDS, VacancyStatus
from vieclam.vacancies.models import Vacancy

__all__ = (
    "LIST_RELATED",
    "approval_list",
    "code_item_list",
    "employer_choice_list",
    "item_names",
    "occupation_resolve",
    "vacancy_get",
    "vacancy_list",
)

# Everything a list row, an export row or the API shows: one query for the whole page.
LIST_RELATED = ("employer", "occupation", "workplace_commune", "workplace_commune__province", "exchange_province")


def vacancy_list(*, viewer) -> QuerySet[Vacancy]:
    """Vacancies held by the exchanges of the viewer's provinces (all for an administrator), newest first."""
    return scope_queryset(Vacancy.objects.select_related(*LIST_RELATED), viewer).order_by("-created_at", "-pk")


def vacancy_get(*, viewer, pk: int) -> Vacancy:
    """One vacancy, or Http404 when it does not exist or its exchange lies outside the viewer's areas."""
    return get_scoped_or_404(Vacancy.objects.select_related(*LIST_RELATED), viewer, pk=pk)


def code_item_list(*, field: str) -> QuerySet[CodeItem]:
    """The items in force today of the TT 11/2022 list behind a vacancy field (CODED_FIELDS), in form order."""
    return CodeItem.objects.filter(code_list__slug=CODED_FIELDS[field]).valid_on(today()).order_by("order")


def item_names() -> dict[tuple[str, str], str]:
    """{(vacancy field, item code): name in the active language} for every coded field, in one query."""
    field_by_slug: dict[str, list[str]] = {}
    for field, slug in CODED_FIELDS.items():
        field_by_slug.setdefault(slug, []).append(field)
    rows = CodeItem.objects.filter(code_list__slug__in=field_by_slug).values_list(
        "code_list__slug", "code", "name_vi", "name_en"
    )
    return {
        (field, code): local_name(name_vi, name_en)
        for slug, code, name_vi, name_en in rows
        for field in field_by_slug[slug]
    }


def employer_choice_list(*, viewer) -> QuerySet[Employer]:
    """Employers a vacancy may be recorded for: those in the viewer's areas."""
    return scope_queryset(Employer.objects.all(), viewer).order_by("name", "pk")


def occupation_resolve(*, code: str) -> Occupation:
    """The VSCO 2020 occupation in force today with this code (the level is checked by the service)."""
    code = (code or "").strip()
    occupation = Occupation.objects.valid_on(today()).filter(code=code).first() if code.isdigit() else None
    if occupation is None:
        message = _("Không có mã nghề {code} trong Danh mục nghề nghiệp Việt Nam (VSCO 2020).")
        raise ValidationError(message.format(code=code), code="occupation")
    return occupation


def approval_list(*, viewer) -> QuerySet[Vacancy]:
    """Draft vacancies (waiting for approval) at the exchanges of the viewer's provinces, oldest first."""
    drafts = Vacancy.objects.filter(status=VacancyStatus.DRAFT).select_related(*LIST_RELATED, "employer__account")
    return scope_queryset(drafts, viewer).order_by("created_at", "pk")


def vacancy_pick(*, viewer, text: str, limit: int = 10) -> list[Vacancy]:
    """Vacancies the viewer may see for a picker: every word of `text` in the title, employer or occupation."""
    words = fold(text).split()
    if not words or len(text.strip()) < 2:
        return []
    vacancies = scope_queryset(Vacancy.objects.select_related("employer"), viewer)
    for word in words:
        vacancies = vacancies.filter(search_text__contains=word)
    return list(vacancies.order_by("-created_at", "-pk")[:limit])


def vacancy_pick_get(*, viewer, pk: int) -> Vacancy | None:
    """The vacancy with this id if the viewer may see it (None otherwise)."""
    return scope_queryset(Vacancy.objects.select_related("employer"), viewer).filter(pk=pk).first()
