"""The administrator creates accounts, sets their role and areas, and deactivates them, in the app (audited)."""

import pytest
from django.test import Client

from vieclam.accounts.models import User
from vieclam.conftest import COMMUNE_A, PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_administrator_creates_a_commune_officer_with_a_commune_picked_by_name(cast):
    admin = client_for(cast["admin"])
    commune = AdministrativeUnit.objects.current().get(code=COMMUNE_A)
    form = admin.get("/accounts/users/new/").content.decode()
    assert commune.name in form
    data = {"username": "can_bo_tan_ninh", "password": PASSWORD, "last_name": "Trần", "first_name": "Bình",
            "role": "commune_officer", "communes": [commune.pk]}  # fmt: skip
    response = admin.post("/accounts/users/new/", data)
    officer = User.objects.get(username="can_bo_tan_ninh")
    assert response["Location"] == f"/accounts/users/{officer.pk}/"
    assert officer.role == "commune_officer" and [a.code for a in officer.areas.all()] == [COMMUNE_A]
    assert officer.check_password(PASSWORD) and officer.is_active
    event = AuditEvent.objects.get(object_id=str(officer.pk), action="create")
    assert event.actor == cast["admin"] and event.changes["areas"] == [None, [COMMUNE_A]]


def test_a_commune_officer_without_a_commune_is_refused_and_the_form_kept(cast):
    data = {"username": "thieu_dia_ban", "password": PASSWORD, "role": "commune_officer", "first_name": "Bình"}
    response = client_for(cast["admin"]).post("/accounts/users/new/", data)
    assert response.status_code == 200
    assert "địa bàn" in str(response.context["form"].errors)
    assert 'value="Bình"' in response.content.decode()
    assert not User.objects.filter(username="thieu_dia_ban").exists()


def test_the_administrator_changes_role_and_areas_and_deactivates(cast):
    admin = client_for(cast["admin"])
    officer = cast["commune_a"]
    province = AdministrativeUnit.objects.current().get(code="80")
    response = admin.post(
        f"/accounts/users/{officer.pk}/edit/", {"role": "province_officer", "provinces": [province.pk]}
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.role == "province_officer" and [a.code for a in officer.areas.all()] == ["80"]
    admin.post(f"/accounts/users/{officer.pk}/active/", {"active": "0"})
    officer.refresh_from_db()
    assert not officer.is_active
    assert AuditEvent.objects.filter(object_id=str(officer.pk), changes__is_active=[True, False]).exists()
    response = Client().post("/accounts/login/", {"username": "commune_a", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in response.client.session


def test_only_the_administrator_manages_accounts(cast):
    for name in ("province_a", "commune_a", "employer", "worker"):
        client = client_for(cast[name])
        assert client.get("/accounts/users/new/").status_code == 403
        assert client.post(f"/accounts/users/{cast['worker'].pk}/active/", {"active": "0"}).status_code == 403


def test_the_administrator_cannot_lock_itself_out(cast):
    client_for(cast["admin"]).post(f"/accounts/users/{cast['admin'].pk}/active/", {"active": "0"})
    cast["admin"].refresh_from_db()
    assert cast["admin"].is_active


@pytest.mark.parametrize("role", ["province_a", "counsellor_a", "commune_a", "employer", "worker"])
def test_only_the_administrator_may_create_or_change_accounts_even_through_the_services(cast, role):
    from django.core.exceptions import PermissionDenied

    from vieclam.accounts.services import user_create, user_update

    with pytest.raises(PermissionDenied):
        user_create(actor=cast[role], username="lam_gia", role="province_officer", area_codes=["80"])
    with pytest.raises(PermissionDenied):
        user_update(actor=cast[role], user=cast[role], data={"role": "admin"})
    assert not User.objects.filter(username="lam_gia").exists()
    assert User.objects.get(pk=cast[role].pk).role != "admin"
