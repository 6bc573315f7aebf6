"""people.services.person_register_self: a worker account registers its own labour record.

Same identity checks and audit trail as staff registration; no area scope; nothing that reveals other people.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.people.models import LabourEvent, Person
from vieclam.people.services import person_create, person_register_self
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db

HOA = {"full_name": "Lê Thị Hoa", "national_id": "080195001234", "date_of_birth": dt.date(1995, 5, 10),
       "sex": "female", "phone": "0912345678"}  # fmt: skip


def unit(level: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(edition="post_2025_07", level=level, code=code)


@pytest.fixture
def account(db):
    return user_create(actor=None, username="hoa", role=Role.WORKER, password=PASSWORD)


def register(account, *, commune_code: str = "25459", **overrides):
    return person_register_self(account=account, commune=unit("commune", commune_code), data={**HOA, **overrides})


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.message_dict


def test_a_worker_registers_their_own_record_audited_under_their_name(account):
    person, warnings = register(account, commune_code="00004")  # any commune: a worker is in nobody's scope
    assert person.account == account and person.residence_commune.code == "00004" and warnings == []
    assert (person.full_name, person.national_id, person.phone) == ("Lê Thị Hoa", "080195001234", "0912345678")
    event = AuditEvent.objects.get(content_type__model="person", object_id=str(person.pk))
    assert (event.action, event.actor, event.changes["account"]) == ("create", account, [None, "hoa"])
    assert LabourEvent.objects.get(person=person).recorded_by == account


@pytest.mark.parametrize("role", ["employer", "commune_a", "admin"])
def test_only_worker_accounts_register_themselves(cast, role):
    with pytest.raises(PermissionDenied):
        register(cast[role])
    assert not Person.objects.exists()


def test_a_registered_cccd_is_refused_without_saying_whose(cast, account):
    person_create(actor=cast["admin"], data={**{k: v for k, v in HOA.items() if k != "phone"},
                                             "residence_commune": "25459"})  # fmt: skip
    message = " ".join(errors_of(lambda: register(account))["national_id"])
    assert "đã có trong sổ đăng ký" in message and "#" not in message and "Hoa" not in message
    assert Person.objects.count() == 1 and not Person.objects.filter(account=account).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"date_of_birth": dt.date(2015, 1, 1), "national_id": ""}, "date_of_birth", "đủ 15 tuổi"),
        ({"national_id": "080095001234"}, "national_id", ""),  # 4th digit says male
        ({"full_name": ""}, "full_name", "bắt buộc"),
        ({"occupation": "2411"}, "occupation", "cán bộ ghi"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(account, overrides, field, words):
    errors = errors_of(lambda: register(account, **overrides))
    assert words in " ".join(errors[field])
    assert not Person.objects.exists() and not AuditEvent.objects.filter(content_type__model="person").exists()


def test_the_commune_must_be_a_commune_in_force(account):
    province = unit("province", "80")
    errors = errors_of(lambda: person_register_self(account=account, commune=province, data=HOA))
    assert "xã, phường đang có hiệu lực" in errors["residence_commune"][0]
    old = AdministrativeUnit.objects.filter(level="commune").exclude(edition="post_2025_07").first()
    assert old is not None and old.valid_to is not None
    errors = errors_of(lambda: person_register_self(account=account, commune=old, data=HOA))
    assert "residence_commune" in errors
    assert not Person.objects.exists()


def test_an_account_has_one_own_record(account):
    register(account)
    errors = errors_of(lambda: register(account, national_id="", full_name="Lê Thị Hoa B"))
    assert "account" in errors and Person.objects.count() == 1


def test_no_warning_names_a_possible_twin(cast, account):
    twin = {"full_name": "Lê Thị Hoa", "date_of_birth": HOA["date_of_birth"], "sex": "female"}
    person_create(actor=cast["admin"], data={**twin, "residence_commune": "25459"})
    _person, warnings = register(account)
    assert warnings == []
