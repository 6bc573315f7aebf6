"""The audit trail, web and API, now served by the portal: history roles only, inside their areas."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_audit_api_answers_history_roles_only(cast, api_as):
    rows = api_as(cast["admin"]).get("/api/v1/audit-events/").json()
    assert api_as(cast["commune_a"]).get("/api/v1/audit-events/").status_code == 200
    assert rows["results"] if isinstance(rows, dict) else rows
    assert api_as(cast["worker"]).get("/api/v1/audit-events/").status_code == 403
    assert api_as(cast["counsellor_a"]).get("/api/v1/audit-events/").status_code == 403


def test_the_audit_page_answers_history_roles_and_refuses_others(cast):
    for name, status in (("admin", 200), ("commune_a", 200), ("counsellor_a", 403), ("employer", 403)):
        client = Client()
        client.force_login(cast[name])
        assert client.get("/audit/").status_code == status, name
