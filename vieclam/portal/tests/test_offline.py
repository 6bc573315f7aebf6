"""Offline-safe: no page and no static file of ours makes the browser fetch from another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from vieclam.portal.menu import menu_for

# src=, href=, action=, url(...) naming a host: http://x, https://x or //x (data: and relative URLs are fine).
EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|srcset)\s*=\s*["']?|url\(\s*["']?)((?:https?:)?//[^"'\s)>]+)""", re.IGNORECASE
)
OWN_HOSTS = ("//testserver/", "//testserver:")
EXTRA_PAGES = ["/", "/accounts/login/", "/api/v1/docs/", "/api/v1/redoc/", "/jobs/"]


def external_refs(text: str) -> list[str]:
    return [url for url in EXTERNAL.findall(text) if not any(own in url for own in OWN_HOSTS)]


def test_the_pattern_catches_cdn_links_and_spares_own_and_data_urls():
    text = """<script src="https://cdn.jsdelivr.net/x.js"></script><link href='//fonts.example/a.css'>
    <a href="/jobs/">x</a> a{background:url("data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg'")}
    b{background:url(https://img.example/b.png)} <img src="http://testserver/static/a.png">"""
    assert external_refs(text) == [
        "https://cdn.jsdelivr.net/x.js",
        "//fonts.example/a.css",
        "https://img.example/b.png",
    ]


def _pages_for(user) -> set[str]:
    return {item["url"] for group in menu_for(user) for item in group["items"]} | set(EXTRA_PAGES)


@pytest.mark.django_db
def test_no_page_references_another_host_for_any_role(cast):
    from django.contrib.auth.models import AnonymousUser

    viewers = [(None, AnonymousUser()), *((name, user) for name, user in cast.items())]
    for name, user in viewers:
        client = Client()
        if name:
            client.force_login(user)
        for url in sorted(_pages_for(user)):
            response = client.get(url, follow=True)
            assert response.status_code == 200, (name, url)
            if "html" in response.get("Content-Type", ""):
                assert external_refs(response.content.decode()) == [], (name, url)


def _static_texts():
    roots = [Path(d) for d in settings.STATICFILES_DIRS]
    sidecar = Path(finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css")).parents[1]
    for root in [*roots, sidecar]:
        for path in root.rglob("*"):
            if path.suffix in {".css", ".js", ".html", ".svg"}:
                yield path, path.read_text(encoding="utf-8", errors="replace")


def test_no_static_file_references_another_host():
    checked = 0
    for path, text in _static_texts():
        checked += 1
        assert external_refs(text) == [], path
    assert checked >= 5


@pytest.mark.django_db
def test_api_docs_are_served_from_our_own_static_files(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "/static/drf_spectacular_sidecar/redoc/" in client.get("/api/v1/redoc/").content.decode()


@pytest.mark.django_db
def test_every_page_links_the_favicon(client):
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").content.decode()
    assert client.get("/favicon.ico")["Location"] == "/static/favicon.svg"
