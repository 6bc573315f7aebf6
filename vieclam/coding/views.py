from __future__ import annotations

import dataclasses

from django.shortcuts import render
from django.utils.translation import get_language

from vieclam.codelists.models import Occupation
from vieclam.coding.forms import OccupationSource
from vieclam.coding.suggest import get_suggester
from vieclam.core.widgets import picker_query, picker_response


def suggest_fragment(request):
    """HTMX fragment under a job-title field: the five likeliest VSCO codes, one click fills the code field."""
    title = (request.GET.get("title") or "").strip()[:300]
    suggestions = get_suggester().suggest(title, limit=5) if len(title) >= 3 else []
    if suggestions and (get_language() or "").startswith("en"):
        # the suggester names codes in Vietnamese (its index is built once per process); English where known
        english = dict(
            Occupation.objects.filter(code__in=[s.code for s in suggestions])
            .exclude(name_en="")
            .values_list("code", "name_en")
        )
        suggestions = [dataclasses.replace(s, name=english.get(s.code, s.name)) for s in suggestions]
    return render(request, "coding/suggestions.html", {"suggestions": suggestions, "title": title})


def occupation_picker(request):
    """HTMX options for an occupation picker: names matching the words, and codes suggested for a job title."""
    query = picker_query(request)
    return picker_response(request, OccupationSource().options(query), query=query)
