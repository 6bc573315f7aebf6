"""Reads of the national code lists; the API and future list pages filter these with codelists.filtersets."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

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
    """{list slug: {item code: Vietnamese name}} for the given TT 11/2022 lists, in one query (exports, lists)."""
    names: dict[str, dict[str, str]] = {slug: {} for slug in slugs}
    rows = CodeItem.objects.filter(code_list__slug__in=list(names)).values_list("code_list__slug", "code", "name_vi")
    for slug, code, name in rows:
        names[slug][code] = name
    return names
