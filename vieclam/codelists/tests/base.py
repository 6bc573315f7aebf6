from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from vieclam.codelists.loader import load_codelists


class CodelistsTestCase(TestCase):
    """Loads the code lists once per class (idempotent: a no-op when the session already loaded them)."""

    @classmethod
    def setUpTestData(cls):
        load_codelists()

    def setUp(self):
        cache.clear()  # the anonymous throttle counts requests in the cache
        self.api = APIClient()

    def get_json(self, url: str, params: dict | None = None, status: int = 200) -> dict:
        response = self.api.get(url, params or {})
        self.assertEqual(response.status_code, status, response.content)
        return response.json()

    def count_queries(self, url: str, params: dict) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.get_json(url, params)
        return len(queries.captured_queries)
