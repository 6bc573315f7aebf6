"""The garbage collector of a serving process, set up once the application is loaded (wsgi.py, the services bench).

A request builds thousands of short-lived objects (model instances, query compilers, template contexts). With
CPython's defaults a young collection runs every 700 of them, and every so often a full one walks the ~180.000
objects of the loaded application (modules, models, URL patterns, templates): 50–140 ms on a busy 2-core server,
landing on whichever request happened to be running. Loading the URL configuration first and then freezing what
is loaded takes those objects out of every later collection; a higher first threshold makes young collections
rarer. Objects are still freed as before (reference counting; cycles at the next collection).
"""

from __future__ import annotations

import gc

__all__ = ("gc_tune",)

YOUNG_THRESHOLD = 10_000  # allocations between young collections (CPython's default: 700)


def gc_tune() -> None:
    """Load the views (the URL configuration imports them), then freeze every object alive now."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view module, as the first request would)
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
