import pytest

from vieclam.accounts.models import User
from vieclam.accounts.services import user_create, user_update
from vieclam.core.choices import AuditAction, Channel
from vieclam.core.context import channel
from vieclam.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def events_for(user):
    return AuditEvent.objects.filter(object_id=str(user.pk), content_type__model="user").order_by("pk")


def test_create_writes_an_event_with_actor_channel_and_values(cast):
    with channel(Channel.API):
        user = user_create(actor=cast["admin"], username="newbie", role="commune_officer", area_codes=["25459"])
    event = events_for(user).get()
    assert (event.action, event.channel, event.actor, event.actor_username) == ("create", "api", cast["admin"], "admin")
    assert event.changes["role"] == [None, "commune_officer"]
    assert event.changes["areas"] == [None, ["25459"]]


def test_update_records_old_and_new_values_of_changed_fields_only(cast):
    user = cast["worker"]
    user_update(actor=cast["admin"], user=user, data={"first_name": "Lan", "email": user.email})
    event = events_for(user).last()
    assert event.action == AuditAction.UPDATE
    assert event.changes == {"first_name": ["", "Lan"]}


def test_area_change_is_recorded(cast):
    user_update(actor=cast["admin"], user=cast["commune_a"], data={}, area_codes=["25480"])
    assert events_for(cast["commune_a"]).last().changes == {"areas": [["25459"], ["25480"]]}


def test_failed_change_writes_no_event_and_no_change(cast):
    user = cast["commune_a"]
    before = events_for(user).count()
    with pytest.raises(Exception):  # noqa: B017
        user_update(actor=cast["admin"], user=user, data={"first_name": "Hoa"}, area_codes=["99999"])
    user.refresh_from_db()
    assert user.first_name == "" and events_for(user).count() == before
    assert list(user.areas.values_list("code", flat=True)) == ["25459"]


def test_history_shows_on_the_record_page_for_history_roles_only(cast, client):
    user_update(actor=cast["admin"], user=cast["commune_a"], data={"first_name": "Minh"})
    client.force_login(cast["province_a"])
    page = client.get(f"/accounts/users/{cast['commune_a'].pk}/").content.decode()
    assert "Lịch sử thay đổi" in page and "Minh" in page
    client.force_login(cast["counsellor_a"])
    page = client.get(f"/accounts/users/{cast['commune_a'].pk}/").content.decode()
    assert "Lịch sử thay đổi" not in page


def test_read_of_a_record_can_be_logged(cast):
    from vieclam.core.audit import audit_read

    audit_read(actor=cast["commune_a"], instance=cast["worker"])
    assert events_for(cast["worker"]).last().action == AuditAction.READ


def test_commands_are_the_command_channel(cast):
    with channel(Channel.COMMAND):
        user = user_create(actor=None, username="scripted", role="worker")
    assert events_for(user).get().channel == "command"
    assert User.objects.filter(username="scripted").exists()
