"""The browser tests serve their own SQLite site (served.py) whatever DATABASE_URL says, so a run on PostgreSQL
would repeat them exactly; `.ci/run` runs them in its SQLite leg only (VIECLAM_BROWSER_TESTS=skip in the other)."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("VIECLAM_BROWSER_TESTS") != "skip":
        return
    here = os.path.dirname(__file__)
    skip = pytest.mark.skip(reason="browser tests run in the SQLite leg (VIECLAM_BROWSER_TESTS=skip)")
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(skip)
