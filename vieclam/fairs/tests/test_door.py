"""The door page of a fair (fairs/views_door.py): who may open it, the walk-in lookup by CCCD (scoped, no
enumeration, audited), the service worker, and the check-in API's answer the page reads."""

import datetime as dt
import json

import pytest
from django.test import Client

from vieclam.core.audit import history_for
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.fairs import services
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.seekers.tests.factories import AN, BINH, make_person

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def lookup(user, fair, number: str):
    return client_of(user).post(f"/fairs/{fair.pk}/door/lookup/", {"national_id": number})


def test_staff_of_the_fairs_area_open_the_door_page_with_its_communes_and_settings(cast):
    fair = make_fair(cast["commune_a"], name="Phiên cửa vào")
    for who in ("commune_a", "province_a", "counsellor_a", "admin"):
        response = client_of(cast[who]).get(f"/fairs/{fair.pk}/door/")
        assert response.status_code == 200, who
    page = response.content.decode()
    assert "Phiên cửa vào" in page and "Quét mã QR bằng camera" in page and "Đăng ký và ghi nhận đến" in page
    assert "js/fair-door.js" in page and "vendor/jsqr/jsQR.js" in page
    config = json.loads(page.split('id="door-config" type="application/json">')[1].split("</script>")[0])
    assert config["fair"] == fair.pk and config["checkInUrl"] == "/api/v1/fair-registrations/check-in/"
    assert config["scope"] == f"/fairs/{fair.pk}/door/" and config["walkIns"] is True
    # The walk-in's commune is picked from a list by name, the fair's commune chosen first.
    assert '<option value="25459" selected>' in page and "Phường Tân Ninh" in page


def test_a_commune_officer_of_another_commune_gets_404_and_other_roles_403(cast):
    fair = make_fair(cast["commune_a"])
    for path in ("", "sw.js"):
        assert client_of(cast["commune_b"]).get(f"/fairs/{fair.pk}/door/{path}").status_code == 404
        assert client_of(cast["province_b"]).get(f"/fairs/{fair.pk}/door/{path}").status_code == 404
        for who in ("employer", "worker"):
            assert client_of(cast[who]).get(f"/fairs/{fair.pk}/door/{path}").status_code == 403
    assert lookup(cast["commune_b"], fair, AN[0]).status_code == 404
    assert Client().get(f"/fairs/{fair.pk}/door/").status_code == 302  # to the login page


def test_the_door_of_a_fair_not_open_says_why_and_offers_no_form(cast):
    officer = cast["commune_a"]
    planned = make_fair(officer, status=FairStatus.PLANNED, name="Phiên chưa mở")
    page = client_of(officer).get(f"/fairs/{planned.pk}/door/").content.decode()
    assert "không ghi nhận người đến" in page and "Đang chuẩn bị" in page
    assert "door-walk-in" not in page and "fair-door.js" not in page
    tomorrow = make_fair(officer, held_on=today() + dt.timedelta(days=1))
    page = client_of(officer).get(f"/fairs/{tomorrow.pk}/door/").content.decode()
    assert "chưa ghi nhận người đến được" in page and "fair-door.js" not in page


def test_a_held_fair_checks_in_but_takes_no_more_walk_ins(cast):
    fair = make_fair(cast["commune_a"], status=FairStatus.HELD)
    page = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/door/").content.decode()
    assert "fair-door.js" in page and 'id="door-walk-in"' not in page and "chỉ ghi nhận người đã đăng ký" in page


def test_the_lookup_fills_a_walk_in_from_a_record_in_the_officers_areas_and_audits_the_read(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    person = make_person(officer, name="Nguyễn Văn An", phone="0912345678")
    response = lookup(officer, fair, AN[0])
    assert response.status_code == 200
    expected = {"full_name": "Nguyễn Văn An", "date_of_birth": "01/03/1985", "sex": "male", "phone": "0912345678",
                "residence_commune": "25459"}  # fmt: skip
    assert response.json() == {"person": expected}
    assert history_for(person).filter(action=AuditAction.READ, actor=officer).count() == 1


def test_the_lookup_answers_the_same_for_an_unknown_number_and_a_person_elsewhere(cast):
    fair = make_fair(cast["commune_a"])
    make_person(cast["province_b"], national_id=BINH[0], name="Trần Văn Bình", commune="00004")
    elsewhere = lookup(cast["commune_a"], fair, BINH[0])
    unknown = lookup(cast["commune_a"], fair, "079085099999")
    assert elsewhere.status_code == unknown.status_code == 200
    assert elsewhere.content == unknown.content == b'{"person": {}}'


def test_the_lookup_of_a_province_officer_leaves_out_a_commune_of_another_province(cast):
    """A person of the officer's areas living outside the fair's province: details filled, the commune not (the
    list holds the fair's province only)."""
    officer = cast["admin"]
    fair = make_fair(cast["commune_a"])
    make_person(officer, national_id=BINH[0], name="Trần Văn Bình", commune="00004")
    found = lookup(officer, fair, BINH[0]).json()["person"]
    assert found["full_name"] == "Trần Văn Bình" and "residence_commune" not in found


def test_the_lookup_refuses_a_malformed_number_in_vietnamese(cast):
    fair = make_fair(cast["commune_a"])
    response = lookup(cast["commune_a"], fair, "12345")
    assert response.status_code == 400
    assert response.json()["errors"]["national_id"] == ["Số CCCD: phải gồm đúng 12 chữ số."]
    assert client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/door/lookup/").status_code == 405


def test_the_service_worker_is_served_under_the_door_path_and_caches_the_page_and_assets(cast):
    fair = make_fair(cast["commune_a"])
    response = client_of(cast["commune_a"]).get(f"/fairs/{fair.pk}/door/sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    assert f'"/fairs/{fair.pk}/door/"' in script and "/static/vendor/jsqr/jsQR.js" in script
    assert "/static/js/fair-door.js" in script and '"POST"' not in script


def test_the_check_in_api_tells_a_second_check_in_from_the_first(cast, api_as):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    registration = services.registration_create(actor=officer, fair=fair, data=walk_in(1))
    api = api_as(officer)
    body = {"fair": fair.pk, "token": registration.token, "client_key": "phone-1-key"}
    first = api.post("/api/v1/fair-registrations/check-in/", body, format="json").json()
    again = api.post("/api/v1/fair-registrations/check-in/", {**body, "client_key": "phone-2-key"}, format="json")
    assert first["already_checked_in"] is False and again.json()["already_checked_in"] is True
    assert first["checked_in_at"] == again.json()["checked_in_at"]


def test_the_fair_page_links_to_its_door_while_open_or_held(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    assert f'href="/fairs/{fair.pk}/door/"' in client_of(officer).get(f"/fairs/{fair.pk}/").content.decode()
    planned = make_fair(officer, status=FairStatus.PLANNED)
    assert "/door/" not in client_of(officer).get(f"/fairs/{planned.pk}/").content.decode()
