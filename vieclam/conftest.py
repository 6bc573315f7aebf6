"""Shared fixtures: reference data loaded once per test database, and a fixed cast of users per role.

The cast works in two communes of two provinces:
  Tây Ninh (80) with Phường Tân Ninh (25459), and Hà Nội (01) with Phường Ba Đình (00004).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.core.refdata import load_all_reference

PROVINCE_A, COMMUNE_A = "80", "25459"
PROVINCE_B, COMMUNE_B = "01", "00004"
OTHER_COMMUNE_A = "25480"  # Phường Bình Minh, also in Tây Ninh
PASSWORD = "an-toan-2026-mat-khau"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_all_reference()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts and ends with an empty cache: the job board keeps searches there (a search cached by an
    earlier test would show its rolled-back vacancies), and rate-limit counters live there (none spent)."""
    cache.clear()
    yield
    cache.clear()


CAST = {
    "admin": (Role.ADMIN, []),
    "province_a": (Role.PROVINCE_OFFICER, [PROVINCE_A]),
    "province_b": (Role.PROVINCE_OFFICER, [PROVINCE_B]),
    "counsellor_a": (Role.COUNSELLOR, [PROVINCE_A]),
    "commune_a": (Role.COMMUNE_OFFICER, [COMMUNE_A]),
    "commune_b": (Role.COMMUNE_OFFICER, [COMMUNE_B]),
    "employer": (Role.EMPLOYER, []),
    "worker": (Role.WORKER, []),
}


@pytest.fixture
def cast(db):
    """The fixed cast: {name: User}, created through the real service (so audited like any user)."""
    return {
        name: user_create(actor=None, username=name, role=role, password=PASSWORD, area_codes=areas)
        for name, (role, areas) in CAST.items()
    }


@pytest.fixture
def api_as():
    """api_as(user) → an APIClient authenticated with the user's token (None: anonymous)."""

    def make(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            from vieclam.accounts.services import user_token

            client.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
        return client

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s a user; tests only need hashing to work, not to be slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """A request in English (language cookie) leaves English active in the thread; each test starts in Vietnamese."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
