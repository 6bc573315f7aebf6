"""Reads of the national code lists; the API and future list pages filter these with codelists.filtersets."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Industry, Occupation

# Deep enough for the five levels of VSCO and VSIC: a row's ancestors come with it in one query.
ANCESTORS = "parent__parent__parent__parent"


def occupation_list() -> QuerySet[Occupation]:
    return Occupation.objects.all()


def occupation_get(*, code: str) -> Occupation | None:
    """One occupation with its ancestors and children, for the detail view."""
    return (
        Occupation.objects.select_related(ANCESTORS)
        .prefetch_related(Prefetch("children", queryset=Occupation.objects.order_by("code")))
        .filter(code=code)
        .first()
    )


# Vacancies (Mẫu 01), job-seeker profiles (Mẫu 02) and connections code the occupation at level 4 of VSCO 2020: the
# matching and the statistics count level-4 groups, so a coarser code (a vacancy coded "0") had no candidates to
# rank and a finer one is split from its group.
RECORD_OCCUPATION_LEVEL = 4


def occupation_level_problem(occupation: Occupation | None) -> str | None:
    """Why `occupation` cannot be chosen for a record (None: it can, or none was chosen); the one level check of
    the services of vacancies, job-seeker profiles and connections, and of the vacancy import."""
    if occupation is None or occupation.level == RECORD_OCCUPATION_LEVEL:
        return None
    message = _(
        "Nghề phải là nghề cấp 4 (mã 4 chữ số) trong Danh mục nghề nghiệp Việt Nam; mã {code} là cấp {level}."
    ).format(code=occupation.code, level=occupation.level)
    if occupation.level > RECORD_OCCUPATION_LEVEL:
        hint = _("Chọn nghề cấp 4 chứa nó, ví dụ {parent}.").format(parent=occupation.code[:RECORD_OCCUPATION_LEVEL])
        message = f"{message} {hint}"
    return message


def industry_list() -> QuerySet[Industry]:
    return Industry.objects.all()


def industry_get(*, system: str, code: str) -> Industry | None:
    return (
        Industry.objects.select_related(ANCESTORS)
        .prefetch_related(Prefetch("children", queryset=Industry.objects.order_by("code")))
        .filter(system=system, code=code)
        .first()
    )


def ethnic_group_list() -> QuerySet[EthnicGroup]:
    return EthnicGroup.objects.all()


def ethnic_group_get(*, code: str) -> EthnicGroup | None:
    return EthnicGroup.objects.filter(code=code).first()


def code_list_list() -> QuerySet[CodeList]:
    """Every list with its items in form order (two queries however many lists)."""
    return CodeList.objects.prefetch_related(Prefetch("items", queryset=CodeItem.objects.order_by("order")))


def code_list_get(*, slug: str) -> CodeList | None:
    return code_list_list().filter(slug=slug).first()


def ancestors_of(row: Occupation | Industry) -> list[Occupation | Industry]:
    """Parents from the top level down, read from the select_related chain of the *_get selectors."""
    chain = []
    parent = row.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain[::-1]


def code_item_names(*, slugs: Iterable[str]) -> dict[str, dict[str, str]]:
    """{list slug: {item code: name}} of every item of the given TT 11/2022 lists, in one query (exports, lists);
    names in English when English is active and known, like codelists.labels."""
    english = (get_language() or "").startswith("en")
    names: dict[str, dict[str, str]] = {slug: {} for slug in slugs}
    rows = CodeItem.objects.filter(code_list__slug__in=list(names)).values_list(
        "code_list__slug", "code", "name_vi", "name_en"
    )
    for slug, code, name_vi, name_en in rows:
        names[slug][code] = name_en if english and name_en else name_vi
    return names
