"""Rate limits on the public writes (sign-up, password reset): per client address and for the whole site.

The counters live in the Django cache (Redis in production, so every worker process shares them; the local
memory cache in development). django-ratelimit does the counting; this module only says who a client is
(core.clientip, behind the configured proxies) and answers a refused request with 429 and a page in Vietnamese.
Sign-in is not counted here: django-axes locks it by account and by client (settings AXES_*).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from vieclam.core.clientip import client_ip

__all__ = ("public_write", "too_many_requests")

GROUP = "public-write"


def _client_key(group: str, request) -> str:
    return client_ip(request)


def _everyone_key(group: str, request) -> str:
    return "all"


def _client_rate(group: str, request) -> str:
    return settings.VIECLAM_THROTTLE_CLIENT_RATE


def _global_rate(group: str, request) -> str:
    return settings.VIECLAM_THROTTLE_GLOBAL_RATE


def public_write(view: Callable) -> Callable:
    """Count the view's POSTs against the client's and the site's budget of public writes (shared by all such
    views, so spreading a probe over several forms gains nothing); over budget the answer is 429."""
    limited = ratelimit(group=GROUP, key=_client_key, rate=_client_rate, method="POST", block=True)(view)
    return ratelimit(group=f"{GROUP}-all", key=_everyone_key, rate=_global_rate, method="POST", block=True)(limited)


def too_many_requests(request, exception=None):
    """RATELIMIT_VIEW: the answer to a refused request."""
    return render(request, "429.html", status=429)
