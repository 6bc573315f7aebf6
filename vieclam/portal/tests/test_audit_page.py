"""The audit trail, web and API, now served by the portal: history roles only, inside their areas."""

import datetime as dt

import pytest
from django.test import Client

from vieclam.applications.tests.factories import make_worker
from vieclam.employers.tests.factories import make_employer

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


def test_the_audit_api_and_page_mask_cccds_and_tax_codes_with_one_rule(cast, api_as):
    make_worker("hoa", identity=("080195001234", dt.date(1995, 5, 10), "female"))
    employer = make_employer(cast["admin"], name="Hộ kinh doanh Ba Tèo")
    tax_code = employer.tax_code

    api = api_as(cast["admin"]).get("/api/v1/audit-events/", {"page_size": 200}).content.decode()
    client = Client()
    client.force_login(cast["admin"])
    page = client.get("/audit/").content.decode()
    for body in (api, page):
        assert "080195001234" not in body and tax_code not in body
        assert "••••••••1234" in body and "••••••" + tax_code[-4:] in body


def test_the_audit_page_filters_by_kind_of_record_named_in_words_and_asks_for_no_id(cast):
    make_worker("hoa", identity=("080195001234", dt.date(1995, 5, 10), "female"))
    client = Client()
    client.force_login(cast["admin"])
    page = client.get("/audit/").content.decode()
    assert "Mã đối tượng" not in page and 'type="hidden" name="object_id"' in page
    assert '<option value="person">Người lao động</option>' in page
    rows = client.get("/audit/", {"object_type": "person"}).context["page"].object_list
    assert rows and {event.content_type.model for event in rows} == {"person"}
