"""The client's address, as far as it can be trusted.

Behind N reverse proxies that each append the address they received the request from to X-Forwarded-For,
the last N addresses of "X-Forwarded-For entries + REMOTE_ADDR" were written by our own proxies; the one just
before them is the client as our outermost proxy saw it. Anything further left was sent by the client and may be
forged, so it is never used. N comes from VIECLAM_TRUSTED_PROXIES (0: no proxy, REMOTE_ADDR is the client).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

__all__ = ("client_ip",)


def client_ip(request) -> str:
    """The right-most address not written by one of our trusted proxies (REMOTE_ADDR when none is configured)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "VIECLAM_TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]
    # Fewer entries than proxies: a proxy did not add its entry (misconfigured); the left-most is the best guess.
    candidate = chain[-(proxies + 1)] if len(chain) > proxies else chain[0]
    return candidate if _is_ip(candidate) else remote


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
