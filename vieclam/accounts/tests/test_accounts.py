import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from vieclam.accounts.models import User
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


def _admin_form_data(response) -> dict:
    """The admin change form's current values, as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = [v.pk if hasattr(v, "pk") else v for v in value]
        if hasattr(value, "hour"):  # split date and time widgets
            data[f"{name}_0"], data[f"{name}_1"] = value.strftime("%d/%m/%Y"), value.strftime("%H:%M:%S")
            continue
        data[name] = value
    return {k: v for k, v in data.items() if k != "password"}


def test_an_admin_edit_of_a_user_is_audited_with_old_and_new_values(cast, client):
    admin_user = cast["admin"]
    User.objects.filter(pk=admin_user.pk).update(is_staff=True, is_superuser=True)  # as `vieclam demo` does
    client.force_login(admin_user)
    target = cast["commune_a"]
    url = f"/admin/accounts/user/{target.pk}/change/"
    data = _admin_form_data(client.get(url))
    data.update(role="province_officer", first_name="Đổi tên")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.filter(object_id=str(target.pk), action="update").latest("pk")
    assert event.actor_id == admin_user.pk
    assert event.changes["role"] == ["commune_officer", "province_officer"]
    assert event.changes["first_name"][1] == "Đổi tên"
