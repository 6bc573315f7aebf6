"""Self-service sign-up and vacancy posting: the owning apps' self-service services do the work, under the real
user's name, all or nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.accounts.models import User
from vieclam.applications import selfservice
from vieclam.applications.models import AccountClaim
from vieclam.applications.tests.factories import HOA, make_employer_account, make_worker, person_of
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import commune
from vieclam.people.models import Person
from vieclam.vacancies import selectors as vacancy_selectors
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_submit_for_approval
from vieclam.vacancies.tests.factories import in_days, occupation

pytestmark = pytest.mark.django_db


def vacancy_data(**overrides) -> dict:
    data = {
        "title": "Thợ may công nghiệp",
        "occupation": occupation("7533"),
        "positions_count": 10,
        "workplace_commune": commune("25459"),
        "pay_min": 7_000_000,
        "deadline": in_days(30),
    }
    return {**data, **overrides}


def test_worker_sign_up_makes_a_worker_account_linked_to_its_own_person():
    user = make_worker("hoa")
    person = person_of(user)
    assert user.role == "worker" and user.check_password(PASSWORD) and user.phone == "0912345678"
    assert (person.full_name, person.national_id, person.residence_commune.code) == ("Lê Thị Hoa", HOA[0], "25459")
    created = AuditEvent.objects.get(content_type__model="person", action="create", object_id=str(person.pk))
    assert created.actor == user  # audited under the worker's own name


def test_worker_sign_up_is_one_create_event_naming_the_account(db):
    user = make_worker("hoa")
    events = AuditEvent.objects.filter(content_type__model="person")
    assert [(e.action, e.actor_id, e.changes["account"]) for e in events] == [("create", user.pk, [None, "hoa"])]


def test_worker_sign_up_with_a_registered_cccd_makes_an_account_its_own_record_and_a_pending_claim(db):
    hoa = person_of(make_worker("hoa"))
    user = make_worker("hoa2")
    own = Person.objects.get(account=user)  # made from what was typed, less the CCCD the other record holds
    assert own.national_id is None and own.id_kind == hoa.id_kind and Person.objects.count() == 2
    claim = AccountClaim.objects.get()
    assert (claim.account, claim.person, claim.status, claim.area) == (user, hoa, "pending", hoa.residence_commune)
    assert claim.declared["full_name"] == "Lê Thị Hoa" and HOA[0] not in str(claim.declared)
    assert AuditEvent.objects.get(content_type__model="accountclaim").actor == user


def test_a_failing_person_leaves_no_account_behind(db):
    bad = ("080195001234", HOA[1], "male")  # the 4th digit says female
    with pytest.raises(ValidationError) as error:
        make_worker("hoa", identity=bad)
    assert "national_id" in error.value.message_dict
    assert not User.objects.filter(username="hoa").exists() and not Person.objects.exists()


def test_employer_sign_up_makes_an_employer_account_linked_to_its_employer(db):
    user, employer = make_employer_account("may_tan_ninh")
    assert user.role == "employer" and employer.account == user and employer.commune.code == "25459"
    assert AuditEvent.objects.get(content_type__model="employer", action="create").actor == user


def test_employer_sign_up_with_a_taken_tax_code_makes_an_account_its_own_employer_and_a_pending_claim(db):
    _user, employer = make_employer_account("a")
    data = {"name": "Khác", "tax_code": employer.tax_code, "employer_type": employer.employer_type,
            "commune": commune("25459")}  # fmt: skip
    user = selfservice.employer_register(username="b", password=PASSWORD, data=data)
    assert Employer.objects.get(tax_code=employer.tax_code) == employer and employer.account.username == "a"
    assert Employer.objects.get(account=user).tax_code is None  # its own, without the tax code
    claim = AccountClaim.objects.get()
    assert (claim.account, claim.employer, claim.area) == (user, employer, employer.commune)


def test_a_taken_tax_code_with_another_error_is_refused_like_a_new_one(db):
    _user, employer = make_employer_account("a")
    data = {"name": "Khác", "tax_code": employer.tax_code, "employer_type": employer.employer_type,
            "commune": commune("25459").province}  # fmt: skip
    with pytest.raises(ValidationError) as error:
        selfservice.employer_register(username="b", password=PASSWORD, data=data)
    assert set(error.value.message_dict) == {"commune"}
    assert not User.objects.filter(username="b").exists() and not AccountClaim.objects.exists()


def test_a_failing_employer_leaves_no_account_behind(db):
    data = {"name": "Cơ sở X", "tax_code": "123", "employer_type": None, "commune": commune("25459").province}
    with pytest.raises(ValidationError) as error:
        selfservice.employer_register(username="x", password=PASSWORD, data=data)
    assert {"tax_code", "commune"} <= set(error.value.message_dict)
    assert not User.objects.filter(username="x").exists() and not Employer.objects.exists()
    assert not AuditEvent.objects.filter(content_type__model__in=["user", "employer"]).exists()


def test_an_employer_posts_a_draft_that_a_counsellor_of_the_province_approves(cast):
    user, employer = make_employer_account("may_tan_ninh")
    vacancy = vacancy_submit_for_approval(actor=user, employer=employer, data=vacancy_data())
    assert vacancy.status == "draft" and vacancy.exchange_province.code == "80"
    assert [v.pk for v in vacancy_selectors.approval_list(viewer=cast["counsellor_a"])] == [vacancy.pk]
    assert not vacancy_selectors.approval_list(viewer=cast["province_b"]).exists()
    assert not vacancy_selectors.approval_list(viewer=cast["commune_a"]).exists()  # vacancies belong to the province


def test_an_employer_cannot_post_for_another_employer(cast):
    user, _employer = make_employer_account("a")
    _other_user, other = make_employer_account("b")
    with pytest.raises(ValidationError) as error:
        vacancy_submit_for_approval(actor=user, employer=other, data=vacancy_data())
    assert "employer" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        vacancy_submit_for_approval(actor=cast["worker"], employer=other, data=vacancy_data())
    assert not Vacancy.objects.exists()


def test_a_bad_vacancy_names_its_fields_and_writes_nothing(cast):
    user, employer = make_employer_account("a")
    with pytest.raises(ValidationError) as error:
        vacancy_submit_for_approval(actor=user, employer=employer, data=vacancy_data(pay_min=None))
    assert "pay_min" in error.value.message_dict
    assert not Vacancy.objects.exists() and Employer.objects.count() == 1
