"""Employer sign-ups with a tax code already registered: the account gets its own employer at once, made without the
tax code; confirming the claim merges it into the registered employer, refusing leaves it as it is."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from vieclam.applications import selfservice, services
from vieclam.applications.models import AccountClaim
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.conftest import PASSWORD
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import commune, employer_type, make_employer
from vieclam.fairs.services import booth_register
from vieclam.fairs.tests.factories import make_fair
from vieclam.jobboard.models import JobIndex
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_submit_for_approval
from vieclam.vacancies.tests.factories import in_days, occupation

pytestmark = pytest.mark.django_db

REGISTERED = "0100109106"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def registered(cast) -> Employer:
    """An employer staff registered in Phường Tân Ninh (Tây Ninh), not linked to any account."""
    return make_employer(cast["admin"], name="Công ty Gỗ Đã Có", tax_code=REGISTERED, commune_code="25459")


@pytest.fixture
def claim(registered) -> AccountClaim:
    """A second sign-up typing the registered employer's tax code."""
    data = {"name": "Công ty Gỗ Mới", "tax_code": REGISTERED, "employer_type": employer_type(),
            "commune": commune("25459"), "phone": "0276 3822 111"}  # fmt: skip
    return selfservice.employer_register(username="go_moi", password=PASSWORD, data=data).claims.get()


def own_employer(claim: AccountClaim) -> Employer:
    return Employer.objects.get(account=claim.account)


def post_vacancy(claim: AccountClaim, title: str) -> Vacancy:
    """A posting of the account's own employer, waiting for approval (as "Đăng tin mới" makes it)."""
    data = {"title": title, "occupation": occupation(), "positions_count": 2, "workplace_commune": commune("25459"),
            "pay_min": 7_000_000, "deadline": in_days(20)}  # fmt: skip
    return vacancy_submit_for_approval(actor=claim.account, employer=own_employer(claim), data=data)


def test_a_matched_employer_sign_up_has_its_own_employer_without_the_tax_code_until_staff_decide(claim, registered):
    own = own_employer(claim)
    assert own != registered and own.tax_code is None and own.name == "Công ty Gỗ Mới"
    assert own.id_kind == "mst10" and own.commune.code == "25459"
    assert claim.employer == registered and registered.account is None
    created = AuditEvent.objects.get(actor=claim.account, content_type__model="employer", action="create")
    assert created.changes["account"] == [None, "go_moi"] and "tax_code" not in created.changes


def test_two_matched_sign_ups_each_get_their_own_employer(claim, registered):
    data = {"name": "Công ty Gỗ Khác", "tax_code": REGISTERED, "employer_type": employer_type(),
            "commune": commune("25459")}  # fmt: skip
    second = selfservice.employer_register(username="go_khac", password=PASSWORD, data=data)
    assert Employer.objects.filter(tax_code=None).count() == 2 and second.employers.get().tax_code is None


def test_staff_see_the_own_employer_without_a_tax_code(cast, claim):
    post_vacancy(claim, "Thợ chạm khắc gỗ")
    staff = client_for(cast["province_a"])
    rows = staff.get("/api/v1/employers/", {"q": "Gỗ Mới"}).json()["results"]
    assert [row["tax_code"] for row in rows] == [None]
    rows = staff.get("/api/v1/vacancies/", {"q": "chạm khắc"}).json()["results"]
    assert [row["employer_tax_code"] for row in rows] == [None]
    own = own_employer(claim)
    page = staff.get(f"/employers/{own.pk}/").content.decode()
    assert "đang chờ cán bộ xác minh" in page and "None" not in page
    assert "None" not in staff.get("/employers/", {"q": "Gỗ Mới"}).content.decode()
    assert client_for(claim.account).get("/api/v1/employers/").status_code == 403  # the account reads no registry


def test_confirming_merges_the_own_employer_into_the_registered_one_audited(cast, claim, registered):
    own = own_employer(claim)
    vacancy = open_vacancy(cast["province_a"], own, title="Thợ chạm khắc gỗ")
    worker = make_worker("hoa")
    application = services.application_submit(actor=worker, vacancy=vacancy, person=person_of(worker))
    assert "moi" in JobIndex.objects.get(vacancy=vacancy).document.split()

    response = client_for(cast["counsellor_a"]).post(
        f"/applications/claims/{claim.pk}/decide/", {"decision": "confirm"}
    )
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.account == claim.account and not Employer.objects.filter(pk=own.pk).exists()
    vacancy.refresh_from_db()
    assert vacancy.employer == registered and "cong ty go da co" in vacancy.search_text
    words = set(JobIndex.objects.get(vacancy=vacancy).document.split())  # the job board's search
    assert {"cong", "ty", "go", "da", "co"} <= words and "moi" not in words
    application.refresh_from_db()
    assert application.vacancy.employer == registered
    events = AuditEvent.objects.filter(actor=cast["counsellor_a"]).order_by("pk")
    assert [(e.content_type.model, e.action, e.changes) for e in events] == [
        ("vacancy", "update", {"employer": ["Công ty Gỗ Mới", REGISTERED]}),
        ("employer", "delete", {"account": ["go_moi", None], "merged_into": [None, registered.pk], "vacancies": 1}),
        ("employer", "update", {"account": [None, "go_moi"]}),
        ("accountclaim", "update", {"status": ["pending", "confirmed"]}),
    ]
    own_page = client_for(claim.account).get("/applications/my/").content.decode()
    assert "Thợ chạm khắc gỗ" in own_page and "Công ty Gỗ Đã Có" in own_page


def test_confirming_moves_fair_booths_and_refuses_two_booths_at_one_fair(cast, claim, registered):
    fair, other_fair = make_fair(cast["province_a"]), make_fair(cast["province_a"])
    own = own_employer(claim)
    booth = booth_register(actor=claim.account, fair=fair, data={"employer": own})
    both = booth_register(actor=cast["province_a"], fair=other_fair, data={"employer": registered})
    clash = booth_register(actor=claim.account, fair=other_fair, data={"employer": own})
    with pytest.raises(ValidationError) as error:
        selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    assert "gian hàng" in str(error.value)
    claim.refresh_from_db()
    assert claim.status == "pending" and Employer.objects.filter(pk=own.pk).exists()  # nothing half-way
    booth.refresh_from_db()
    assert booth.employer == own and registered.account is None

    clash.delete()
    selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    booth.refresh_from_db()
    both.refresh_from_db()
    assert booth.employer == registered and both.employer == registered


def test_rejecting_an_employer_claim_closes_the_account_and_leaves_its_own_employer(cast, claim, registered):
    own = own_employer(claim)
    vacancy = post_vacancy(claim, "Thợ chạm khắc gỗ")
    selfservice.account_claim_reject(actor=cast["counsellor_a"], claim=claim)
    claim.account.refresh_from_db()
    own.refresh_from_db()
    vacancy.refresh_from_db()
    assert claim.account.is_active is False and own.account == claim.account and own.tax_code is None
    assert vacancy.employer == own and Employer.objects.get(pk=registered.pk).account is None


def test_an_account_whose_employer_has_a_tax_code_cannot_take_another(cast, registered):
    owner, _company = make_employer_account("go_co_mst")
    AccountClaim.objects.create(account=owner, employer=registered, area=registered.commune)
    claim = AccountClaim.objects.get(account=owner)
    with pytest.raises(ValidationError) as error:
        selfservice.account_claim_confirm(actor=cast["counsellor_a"], claim=claim)
    assert "đã gắn với một hồ sơ khác" in str(error.value)


def test_a_new_tax_code_still_gets_a_plain_employer(cast):
    owner, company = make_employer_account("go_moi_that")
    assert company.tax_code and not owner.claims.exists()
