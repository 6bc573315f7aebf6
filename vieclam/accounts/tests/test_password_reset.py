"""Forgotten passwords: workers and employers by email, with the same answer whether or not the address is known;
officers' passwords are reset by an administrator, audited."""

import re

import pytest
from django.core import mail
from django.test import Client
from rest_framework.authtoken.models import Token

from vieclam.accounts.models import User
from vieclam.accounts.services import user_token
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db
RESET = "/accounts/password-reset/"
NEW_PASSWORD = "mat-khau-moi-2026-rat-dai"
CSRF = re.compile(r"\b[A-Za-z0-9]{64}\b")


def with_email(user, email: str):
    User.objects.filter(pk=user.pk).update(email=email)
    return user


def ask(email: str) -> tuple:
    response = Client().post(RESET, {"email": email}, follow=True)
    return response.status_code, response.redirect_chain, CSRF.sub("", response.content.decode())


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_worker_gets_a_link_and_unknown_addresses_get_the_same_page(cast):
    with_email(cast["worker"], "hoa@example.vn")
    known = ask("hoa@example.vn")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hoa@example.vn"]
    unknown = ask("ai-do@example.vn")
    assert unknown == known and len(mail.outbox) == 1
    assert "thư hướng dẫn đặt mật khẩu mới đã được gửi" in known[2]


def test_an_officer_gets_no_link_and_the_same_page(cast):
    with_email(cast["worker"], "hoa@example.vn")
    with_email(cast["province_a"], "canbo@example.vn")
    assert ask("canbo@example.vn") == ask("hoa@example.vn")
    assert [m.to for m in mail.outbox] == [["hoa@example.vn"]]


def test_the_link_sets_a_new_password_audited_under_the_account_and_unlocks_it(cast, settings):
    employer = with_email(cast["employer"], "congty@example.vn")
    settings.AXES_FAILURE_LIMIT = 2
    for address in ("198.51.100.1", "198.51.100.2"):
        Client(REMOTE_ADDR=address).post("/accounts/login/", {"username": "employer", "password": "sai"})
    user_token(user=employer)
    ask("congty@example.vn")
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    client = Client()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/accounts/reset/done/"
    employer.refresh_from_db()
    assert employer.check_password(NEW_PASSWORD) and not Token.objects.filter(user=employer).exists()
    event = AuditEvent.objects.get(object_id=str(employer.pk), changes__has_key="password")
    assert event.actor == employer and event.changes == {"password": [None, "đặt lại"]}
    login = Client(REMOTE_ADDR="198.51.100.3").post(
        "/accounts/login/", {"username": "employer", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302


def test_the_administrator_resets_an_officers_password_audited(cast):
    officer = cast["commune_a"]
    url = f"/accounts/users/{officer.pk}/password/"
    response = client_for(cast["admin"]).post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == f"/accounts/users/{officer.pk}/"
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(object_id=str(officer.pk), changes__has_key="password")
    assert event.actor == cast["admin"] and event.changes == {"password": [None, "đặt lại"]}


def test_a_weak_password_is_refused_on_its_field(cast):
    url = f"/accounts/users/{cast['commune_a'].pk}/password/"
    response = client_for(cast["admin"]).post(url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200 and "new_password2" in response.context["form"].errors
    assert not AuditEvent.objects.filter(changes__has_key="password").exists()


def test_only_the_administrator_resets_others(cast):
    url = f"/accounts/users/{cast['commune_a'].pk}/password/"
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client_for(cast["province_a"]).post(url, data).status_code == 403
    cast["commune_a"].refresh_from_db()
    assert cast["commune_a"].check_password(PASSWORD)


def test_django_admins_password_page_is_audited_too(cast):
    User.objects.filter(pk=cast["admin"].pk).update(is_staff=True, is_superuser=True)
    officer = cast["commune_a"]
    url = f"/admin/accounts/user/{officer.pk}/password/"
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    response = client_for(User.objects.get(pk=cast["admin"].pk)).post(url, data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_id=str(officer.pk), changes__has_key="password")
    assert event.actor == cast["admin"]


def test_reset_requests_are_throttled(cast, settings):
    settings.VIECLAM_THROTTLE_CLIENT_RATE = "2/h"
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [client.post(RESET, {"email": f"x{i}@example.vn"}).status_code for i in range(3)]
    assert statuses == [302, 302, 429]
