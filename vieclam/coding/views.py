from __future__ import annotations

from django.shortcuts import render

from vieclam.coding.suggest import get_suggester


def suggest_fragment(request):
    """HTMX fragment under a job-title field: the five likeliest VSCO codes, one click fills the code field."""
    title = (request.GET.get("title") or "").strip()[:300]
    suggestions = get_suggester().suggest(title, limit=5) if len(title) >= 3 else []
    return render(request, "coding/suggestions.html", {"suggestions": suggestions, "title": title})
