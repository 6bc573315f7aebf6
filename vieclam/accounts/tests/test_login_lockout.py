"""Sign-in is locked by account (whatever the address) and by client address (whatever the account)."""

import pytest
from django.test import Client

from vieclam.accounts.models import User
from vieclam.conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def sign_in(username: str, password: str, address: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return Client(REMOTE_ADDR=address, **extra).post(LOGIN, {"username": username, "password": password})


def locked(response) -> bool:
    return response.status_code == 429 and "tạm khóa" in response.content.decode()


def test_an_account_guessed_from_many_addresses_is_locked_everywhere(cast, settings):
    settings.AXES_FAILURE_LIMIT = 5
    statuses = [sign_in("worker", "sai-mat-khau", f"198.51.100.{i}").status_code for i in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    assert locked(sign_in("worker", PASSWORD, "203.0.113.99"))  # even with the right password, from elsewhere
    assert sign_in("employer", PASSWORD, "203.0.113.99").status_code == 302  # that address is not locked


def test_one_address_guessing_many_accounts_is_locked_for_all(cast, settings):
    settings.AXES_FAILURE_LIMIT = 5
    names = ["admin", "province_a", "province_b", "counsellor_a", "commune_a"]
    statuses = [sign_in(name, "sai-mat-khau", "203.0.113.50").status_code for name in names]
    assert statuses == [200, 200, 200, 200, 429]
    assert locked(sign_in("worker", PASSWORD, "203.0.113.50"))
    assert sign_in("worker", PASSWORD, "203.0.113.51").status_code == 302  # the account itself is not locked


def test_behind_a_proxy_clients_are_told_apart_by_the_forwarded_address(cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.VIECLAM_TRUSTED_PROXIES = 1
    for name in ["admin", "province_a", "province_b"]:
        sign_in(name, "sai-mat-khau", "10.0.0.2", forwarded="203.0.113.50")
    assert locked(sign_in("worker", PASSWORD, "10.0.0.2", forwarded="203.0.113.50"))
    # Another client behind the same proxy is not locked out with the first
    assert sign_in("worker", PASSWORD, "10.0.0.2", forwarded="203.0.113.60").status_code == 302
    # and a forged entry left of the proxy's does not get the first one out of its lock.
    assert locked(sign_in("employer", PASSWORD, "10.0.0.2", forwarded="1.1.1.1, 203.0.113.50"))


def test_a_lock_names_no_account_and_an_unknown_username_locks_alike(cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.5  # hours
    for i in range(3):
        sign_in("khong-co-ai", "sai-mat-khau", f"198.51.100.{i}")
    page = sign_in("khong-co-ai", "sai-mat-khau", "203.0.113.1")
    assert locked(page) and "sau 30 phút" in page.content.decode() and "khong-co-ai" not in page.content.decode()
    assert not User.objects.filter(username="khong-co-ai").exists()


def test_signing_in_to_ones_own_account_does_not_wipe_the_failures_of_that_address(cast, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in("admin", "sai-mat-khau", "203.0.113.70")
    sign_in("province_a", "sai-mat-khau", "203.0.113.70")
    assert sign_in("worker", PASSWORD, "203.0.113.70").status_code == 302
    assert locked(sign_in("province_b", "sai-mat-khau", "203.0.113.70"))
