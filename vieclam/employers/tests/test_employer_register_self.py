"""employers.services.employer_register_self: an employer account registers its own company."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers import services
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import commune, employer_type, make_employer, valid_tax_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(db):
    return user_create(actor=None, username="may_tan_ninh", role=Role.EMPLOYER, password=PASSWORD)


def data(**overrides) -> dict:
    values = {
        "name": "Công ty May Tân Ninh",
        "tax_code": valid_tax_code(),
        "employer_type": employer_type(),
        "commune": commune("25459"),
        "phone": "0276 3822 111",
    }
    return {**values, **overrides}


def test_an_employer_account_registers_its_company_audited_under_its_name(account):
    employer = services.employer_register_self(account=account, data=data(commune=commune("00004")))
    assert employer.account == account and employer.commune.code == "00004"  # in nobody's scope, still fine
    event = AuditEvent.objects.get(content_type__model="employer", object_id=str(employer.pk))
    assert (event.action, event.actor, event.changes["account"]) == ("create", account, [None, "may_tan_ninh"])
    assert event.changes["name"] == [None, "Công ty May Tân Ninh"]


@pytest.mark.parametrize("role", ["worker", "counsellor_a", "admin"])
def test_only_employer_accounts_register_themselves(cast, role):
    with pytest.raises(PermissionDenied):
        services.employer_register_self(account=cast[role], data=data())
    assert not Employer.objects.exists()


def test_the_same_checks_as_staff_registration_and_nothing_saved(cast, account):
    taken = make_employer(cast["admin"]).tax_code
    with pytest.raises(ValidationError) as error:
        services.employer_register_self(account=account, data=data(tax_code=taken, phone="abc", account=cast["admin"]))
    errors = error.value.message_dict
    assert "account" in errors  # not a field one may set
    with pytest.raises(ValidationError) as error:
        services.employer_register_self(account=account, data=data(tax_code=taken, commune=commune("25459").province))
    errors = error.value.message_dict
    assert "đã có hồ sơ ở địa bàn khác" in errors["tax_code"][0] and "không phải cấp xã" in errors["commune"][0]
    assert Employer.objects.count() == 1 and not Employer.objects.filter(account=account).exists()


def test_staff_registration_still_keeps_to_the_officers_areas(cast):
    with pytest.raises(ValidationError) as error:
        make_employer(cast["commune_a"], commune_code="00004")
    assert "ngoài địa bàn" in error.value.message_dict["commune"][0]
