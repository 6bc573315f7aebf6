import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from vieclam.accounts.services import user_create
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_apitoken_prints_a_token_that_authenticates(cast, capsys, client):
    call_command("apitoken", "commune_a")
    token = capsys.readouterr().out.strip()
    assert len(token) == 40
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.json()["username"] == "commune_a"
    assert response.json()["areas"] == ["25459"]


def test_apitoken_is_stable(cast, capsys):
    call_command("apitoken", "worker")
    call_command("apitoken", "worker")
    first, second = capsys.readouterr().out.split()
    assert first == second


def test_apitoken_for_unknown_user_fails_clearly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nobody"):
        call_command("apitoken", "nobody")


def test_login_with_session_works(cast, client):
    response = client.post("/accounts/login/", {"username": "commune_a", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_login_is_throttled_after_five_failures(cast, client):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "commune_a", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "commune_a", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()


def test_weak_password_is_refused(db):
    with pytest.raises(ValidationError):
        user_create(actor=None, username="weak", role="worker", password="123456")
    assert not AuditEvent.objects.filter(object_repr="weak").exists()


def test_old_commune_code_is_mapped_and_flagged(db):
    from vieclam.accounts.services import areas_resolve

    units, notes = areas_resolve(codes=["00001"], role="commune_officer")
    assert [u.code for u in units] == ["00097"]
    assert "00001" in notes[0] and "00097" in notes[0]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("99999", "Không có đơn vị hành chính mã 99999"),
        ("03", "Không có đơn vị hành chính mã 03"),
        ("abc", "không hợp lệ"),
    ],
)
def test_bad_area_codes_are_refused_with_a_clear_message_and_nothing_written(db, code, message):
    from vieclam.accounts.models import User

    with pytest.raises(ValidationError) as info:
        user_create(actor=None, username="x", role="commune_officer", area_codes=[code])
    assert message in str(info.value.message_dict["areas"])
    assert not User.objects.filter(username="x").exists()


def test_commune_officer_cannot_be_given_a_province(db):
    with pytest.raises(ValidationError) as info:
        user_create(actor=None, username="x", role="commune_officer", area_codes=["80"])
    assert "areas" in info.value.message_dict
