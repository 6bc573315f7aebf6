"""Names of code-list items for core.display (registered in CodelistsConfig.ready)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import get_language

from vieclam.codelists.models import CodeItem


def code_item_names(code_list: str, codes: Iterable[str]) -> dict[str, str]:
    """{code: name} of the items of list `code_list` (its slug), in English when English is active and known."""
    english = (get_language() or "").startswith("en")
    rows = CodeItem.objects.filter(code_list__slug=code_list, code__in=list(codes)).values_list(
        "code", "name_vi", "name_en"
    )
    return {code: (name_en if english and name_en else name_vi) for code, name_vi, name_en in rows}
