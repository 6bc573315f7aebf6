"""The client address behind 0, 1 or 2 trusted proxies: the right-most X-Forwarded-For entry they did not write."""

import pytest
from django.test import RequestFactory

from vieclam.core.clientip import client_ip


def address(settings, proxies: int, remote: str, forwarded: str | None = None) -> str:
    settings.VIECLAM_TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {})
    return client_ip(RequestFactory().get("/", **meta))


def test_without_proxies_the_header_is_ignored(settings):
    assert address(settings, 0, "203.0.113.5", "1.2.3.4") == "203.0.113.5"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own forged entry is left of the proxy's
        ("6.6.6.6,7.7.7.7 , 203.0.113.5", "203.0.113.5"),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_the_last_entry_is_the_client(settings, forwarded, client):
    assert address(settings, 1, "10.0.0.2", forwarded) == client


def test_behind_two_proxies_the_entry_before_the_inner_proxy_is_the_client(settings):
    # client → load balancer (adds the client) → nginx 10.0.0.3 (adds the balancer) → app, REMOTE_ADDR = nginx
    assert address(settings, 2, "10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.9") == "203.0.113.5"
    assert address(settings, 2, "10.0.0.3", "203.0.113.5, 10.0.0.9") == "203.0.113.5"


def test_a_missing_or_broken_header_falls_back_safely(settings):
    assert address(settings, 1, "10.0.0.2") == "10.0.0.2"
    assert address(settings, 2, "10.0.0.3", "10.0.0.9") == "10.0.0.9"  # a proxy short: the left-most known
    assert address(settings, 1, "10.0.0.2", "6.6.6.6, not-an-address") == "10.0.0.2"
