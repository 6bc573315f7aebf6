from __future__ import annotations

from django.shortcuts import render

from vieclam.coding.forms import OccupationSource
from vieclam.coding.suggest import get_suggester
from vieclam.core.widgets import picker_query, picker_response


def suggest_fragment(request):
    """HTMX fragment under a job-title field: the five likeliest VSCO codes, one click fills the code field."""
    title = (request.GET.get("title") or "").strip()[:300]
    suggestions = get_suggester().suggest(title, limit=5) if len(title) >= 3 else []
    return render(request, "coding/suggestions.html", {"suggestions": suggestions, "title": title})


def occupation_picker(request):
    """HTMX options for an occupation picker: names matching the words, and codes suggested for a job title."""
    query = picker_query(request)
    return picker_response(request, OccupationSource().options(query), query=query)
