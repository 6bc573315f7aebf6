"""Account claims: a sign-up with a CCCD or tax code already registered waits for staff of the record's area."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from vieclam.applications import selfservice, services
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import commune
from vieclam.people.consents import consents_in_force, person_consents_set
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.tests.factories import make_profile

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def claim(cast):
    """Hoa's record in Phường Tân Ninh (Tây Ninh), and a second sign-up with her CCCD."""
    hoa = person_of(make_worker("hoa"))
    Person = type(hoa)
    Person.objects.filter(pk=hoa.pk).update(account=None)  # a record staff made, not yet linked to any account
    claimant = make_worker("hoa_moi")
    return claimant.claims.get()


def test_staff_of_the_area_see_the_claim_others_do_not(cast, claim):
    page = client_for(cast["counsellor_a"]).get("/applications/claims/").content.decode()
    assert "hoa_moi" in page and "Lê Thị Hoa" in page and "080195001234" not in page
    assert "hoa_moi" in client_for(cast["commune_a"]).get("/applications/claims/").content.decode()
    assert "hoa_moi" not in client_for(cast["province_b"]).get("/applications/claims/").content.decode()
    assert client_for(cast["worker"]).get("/applications/claims/").status_code == 403


def test_confirming_links_the_account_to_the_record_and_is_audited(cast, claim):
    response = client_for(cast["counsellor_a"]).post(
        f"/applications/claims/{claim.pk}/decide/", {"decision": "confirm"}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "confirmed" and claim.decided_by == cast["counsellor_a"]
    assert person_of(claim.account) == claim.person
    events = AuditEvent.objects.filter(actor=cast["counsellor_a"]).order_by("pk")
    assert [(e.content_type.model, e.action, e.changes) for e in events] == [
        ("person", "delete", {"account": ["hoa_moi", None], "merged_into": [None, claim.person.pk],
                              "applications": 0, "profiles": 0, "consents": 0}),  # the record made at sign-up
        ("person", "update", {"account": [None, "hoa_moi"]}),
        ("accountclaim", "update", {"status": ["pending", "confirmed"]}),
    ]  # fmt: skip


def test_rejecting_leaves_the_record_alone(cast, claim):
    client_for(cast["counsellor_a"]).post(f"/applications/claims/{claim.pk}/decide/", {"decision": "reject"})
    claim.refresh_from_db()
    assert claim.status == "rejected" and claim.person.account is None
    with pytest.raises(ValidationError):
        selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)  # decided once


def test_rejecting_closes_the_account_audited_and_tells_it_neutrally(
    cast, claim, mailoutbox, django_capture_on_commit_callbacks
):
    account = claim.account
    type(account).objects.filter(pk=account.pk).update(email="hoa.moi@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cast["counsellor_a"]).post(f"/applications/claims/{claim.pk}/decide/", {"decision": "reject"})
    account.refresh_from_db()
    assert account.is_active is False
    closed = AuditEvent.objects.get(actor=cast["counsellor_a"], content_type__model="user", object_id=str(account.pk))
    assert closed.changes == {"is_active": [True, False]}
    assert [m.to for m in mailoutbox] == [["hoa.moi@example.vn"]]
    body = mailoutbox[0].subject + mailoutbox[0].body
    assert "hoa_moi" in body and "080195001234" not in body and "Lê Thị Hoa" not in body and "hồ sơ" not in body
    signed_in = Client().post("/accounts/login/", {"username": "hoa_moi", "password": PASSWORD})
    assert signed_in.status_code == 200  # the form again, not the redirect of a sign-in


def test_rejecting_an_account_without_email_sends_nothing(cast, claim, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        selfservice.account_claim_reject(actor=cast["counsellor_a"], claim=claim)
    claim.account.refresh_from_db()
    assert claim.account.is_active is False and mailoutbox == []


def test_a_confirmed_claim_keeps_the_account_open(cast, claim, mailoutbox):
    selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    claim.account.refresh_from_db()
    assert claim.account.is_active is True and mailoutbox == []


def test_a_matched_sign_up_has_its_own_record_without_the_cccd_until_staff_decide(claim):
    own = person_of(claim.account)
    assert own != claim.person and own.national_id is None and own.full_name == "Lê Thị Hoa"
    assert claim.person.national_id == "080195001234" and claim.person.account is None


def test_confirming_merges_what_the_worker_did_into_the_registered_record(cast, claim):
    own, registered = person_of(claim.account), claim.person
    _owner, company = make_employer_account("cong_ty_a")
    vacancy = open_vacancy(cast["province_a"], company, title="Thợ may")
    application = services.application_submit(actor=claim.account, vacancy=vacancy, person=own)
    staff_made = make_profile(cast["admin"], registered, title="Hồ sơ cán bộ lập")
    worker_made = make_profile(cast["admin"], own, title="Thợ may công nghiệp")
    person_consents_set(actor=claim.account, person=own, purposes={"publish_contact"})

    selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    assert person_of(claim.account) == registered and not type(own).objects.filter(pk=own.pk).exists()
    application.refresh_from_db()
    assert application.person == registered
    statuses = dict(JobSeekerProfile.objects.filter(person=registered).values_list("pk", "status"))
    assert statuses == {staff_made.pk: "closed", worker_made.pk: "active"}  # the worker's own, newer, stays open
    assert "publish_contact" in consents_in_force(person=registered)


def test_staff_outside_the_area_cannot_decide(cast, claim):
    response = client_for(cast["province_b"]).post(f"/applications/claims/{claim.pk}/decide/", {"decision": "confirm"})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        selfservice.account_claim_confirm(actor=cast["province_b"], claim=claim)
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_a_record_already_linked_to_an_account_is_not_given_to_a_second(cast):
    make_worker("hoa")
    claim = make_worker("hoa_gia").claims.get()
    with pytest.raises(ValidationError) as error:
        selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    assert "đã gắn với một tài khoản khác" in str(error.value)


def test_an_employer_claim_links_the_account_to_the_employer(cast):
    _owner, employer = make_employer_account("go_a")
    type(employer).objects.filter(pk=employer.pk).update(account=None)
    data = {"name": "Gỗ A", "tax_code": employer.tax_code, "employer_type": employer.employer_type,
            "commune": commune("25459")}  # fmt: skip
    claimant = selfservice.employer_register(username="go_a_moi", password=PASSWORD, data=data)
    selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claimant.claims.get())
    employer.refresh_from_db()
    assert employer.account == claimant
