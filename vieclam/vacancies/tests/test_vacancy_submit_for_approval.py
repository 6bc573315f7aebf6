"""vacancies.services.vacancy_submit_for_approval: an employer account posts its own vacancy for approval."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers.services import employer_register_self
from vieclam.employers.tests.factories import commune, employer_type, valid_tax_code
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies import services
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, occupation

pytestmark = pytest.mark.django_db


def company(username: str, *, commune_code: str = "25459"):
    """An employer account and its own company; returns (account, employer)."""
    account = user_create(actor=None, username=username, role=Role.EMPLOYER, password=PASSWORD)
    data = {"name": f"Công ty {username}", "tax_code": valid_tax_code(), "employer_type": employer_type(),
            "commune": commune(commune_code)}  # fmt: skip
    return account, employer_register_self(account=account, data=data)


def vacancy_data(**overrides) -> dict:
    data = {
        "title": "Thợ may công nghiệp",
        "occupation": occupation("7533"),
        "positions_count": 10,
        "workplace_commune": commune("00004"),  # the workplace may be in any province
        "pay_min": 7_000_000,
        "deadline": in_days(30),
    }
    return {**data, **overrides}


def nothing_written():
    return not Vacancy.objects.exists() and not AuditEvent.objects.filter(content_type__model="vacancy").exists()


def test_a_draft_held_by_the_exchange_of_the_employers_province_audited_under_the_employer(db):
    account, employer = company("may_tan_ninh")
    vacancy = services.vacancy_submit_for_approval(actor=account, employer=employer, data=vacancy_data())
    assert (vacancy.status, vacancy.employer, vacancy.exchange_province.code) == ("draft", employer, "80")
    event = AuditEvent.objects.get(content_type__model="vacancy", object_id=str(vacancy.pk))
    assert (event.action, event.actor, event.changes["status"]) == ("create", account, [None, "draft"])


def test_a_counsellor_of_that_province_approves_it(cast):
    account, employer = company("may_tan_ninh")
    vacancy = services.vacancy_submit_for_approval(actor=account, employer=employer, data=vacancy_data())
    with pytest.raises(PermissionDenied):
        services.vacancy_set_status(actor=cast["province_b"], vacancy=vacancy, status="open")
    services.vacancy_set_status(actor=cast["counsellor_a"], vacancy=vacancy, status="open")
    assert Vacancy.objects.get().status == "open"


def test_only_for_the_accounts_own_employer(cast):
    account, _employer = company("a")
    _other_account, other = company("b")
    with pytest.raises(ValidationError) as error:
        services.vacancy_submit_for_approval(actor=account, employer=other, data=vacancy_data())
    assert "doanh nghiệp của tài khoản bạn" in error.value.message_dict["employer"][0]
    for role in ("worker", "counsellor_a"):
        with pytest.raises(PermissionDenied):
            services.vacancy_submit_for_approval(actor=cast[role], employer=other, data=vacancy_data())
    assert nothing_written()


@pytest.mark.parametrize("field", ["status", "exchange_province", "employer"])
def test_status_exchange_and_employer_are_not_the_employers_to_set(db, field):
    account, employer = company("a")
    value = {"status": "open", "exchange_province": AdministrativeUnit.objects.get(
        edition="post_2025_07", level="province", code="01"), "employer": employer}[field]  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.vacancy_submit_for_approval(actor=account, employer=employer, data=vacancy_data(**{field: value}))
    assert "chờ duyệt" in error.value.message_dict[field][0]
    assert nothing_written()


def test_the_same_field_rules_as_staff_and_nothing_written(db):
    account, employer = company("a")
    with pytest.raises(ValidationError) as error:
        data = vacancy_data(pay_min=None, contract_type="mua_vu", workplace_commune=commune("25459").province)
        services.vacancy_submit_for_approval(actor=account, employer=employer, data=data)
    errors = error.value.message_dict
    assert {"pay_min", "contract_type", "workplace_commune"} <= set(errors)
    assert nothing_written()
