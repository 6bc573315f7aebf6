"""Names of code-list items for core.display (registered in CodelistsConfig.ready)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import get_language

from vieclam.codelists.models import CodeItem


def code_item_names(code_list: str, codes: Iterable[str]) -> dict[str, str]:
    """{code: name} of the items of list `code_list` (its slug), in English when English is active and known."""
    rows = CodeItem.objects.filter(code_list__slug=code_list, code__in=list(codes)).values_list(
        "code", "name_vi", "name_en"
    )
    return {code: local_name(name_vi, name_en) for code, name_vi, name_en in rows}


def local_name(name_vi: str, name_en: str) -> str:
    """The name to show in the active language: the English one in English when there is one."""
    return name_en if name_en and (get_language() or "").startswith("en") else name_vi
