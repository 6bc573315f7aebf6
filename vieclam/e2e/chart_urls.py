"""URLs for e2e/test_charts.py only (ROOT_URLCONF is switched to this module in that test, never in settings): the
project's own routes, so base.html links resolve, plus one page that shows each chart tag with sample figures."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from vieclam.config.urls import urlpatterns as project_urlpatterns

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% load charts %}
{% block content %}
<h1 class="h4">Dashboard charts</h1>
{% indicator_progress progress download_url="/export/progress/" %}
{% indicator_trend series download_url="/export/trend/?area=80" %}
{% area_table areas unit="người" total=total download_url="/export/areas/" %}
{% include "includes/charts/scripts.html" %}
{% endblock %}"""
)
SAMPLE = {
    "progress": [
        {"code": "gqvl", "name": "Lao động được giải quyết việc làm", "unit": "người", "value": 7125, "target": 5014,
         "achievement": Decimal("142.1")},
        {"code": "ho_ngheo", "name": "Hộ nghèo", "unit": "hộ", "value": 2354, "target": None, "achievement": None},
        {"code": "xkld", "name": "Lao động đi làm việc ở nước ngoài", "unit": "người", "value": 24, "target": 60,
         "achievement": Decimal("40")},
    ],
    "series": {
        "name": "Lao động được giải quyết việc làm",
        "unit": "người",
        "year": 2026,
        "months": list(range(1, 13)),
        "this_year": [610, 540, 720, 805, 690, 1210, None, None, None, None, None, None],
        "last_year": [500, 480, 650, 700, 640, 900, 610, 620, 640, 660, 680, 1200],
    },
    "areas": [
        {"name": "Xã Phú Hữu", "value": 812, "target": 1000, "achievement": Decimal("81.2")},
        {"name": "Thị trấn An Phú", "value": 7125, "target": 5014, "achievement": Decimal("142.1")},
        {"name": "Xã Khánh An", "value": 95, "target": None, "achievement": None},
        {"name": "Xã Vĩnh Hậu", "value": 412, "target": 1000, "achievement": Decimal("41.2")},
    ],
    "total": {"name": "Cộng", "value": 8444, "target": 7014},
}  # fmt: skip


def charts_page(request) -> HttpResponse:
    return HttpResponse(PAGE.render(SAMPLE, request))


urlpatterns = [path("__charts__/", charts_page), *project_urlpatterns]
