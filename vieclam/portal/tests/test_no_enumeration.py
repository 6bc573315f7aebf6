"""Sign-up answers the same whether or not a CCCD, tax code or username is already held by someone, and public
writes are throttled per client and for the whole site."""

import datetime as dt
import re

import pytest
from django.test import Client

from vieclam.accounts.models import User
from vieclam.applications.models import AccountClaim
from vieclam.applications.tests.factories import make_employer_account, make_worker
from vieclam.conftest import PASSWORD
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import valid_tax_code
from vieclam.people.models import Person

pytestmark = pytest.mark.django_db

CSRF = re.compile(r"\b[A-Za-z0-9]{64}\b")  # the masked CSRF token, in the form and in the HTMX headers


def worker_form(**overrides) -> dict:
    data = {"password1": PASSWORD, "password2": PASSWORD, "full_name": "Lê Thị Hoa", "national_id": "080195001234",
            "date_of_birth": "10/05/1995", "sex": "female", "residence_commune": "25459"}  # fmt: skip
    return {**data, **overrides}


def employer_form(tax_code: str, **overrides) -> dict:
    data = {"password1": PASSWORD, "password2": PASSWORD, "name": "Công ty Gỗ Tây Ninh", "tax_code": tax_code,
            "employer_type": "dn_ngoai_nha_nuoc", "commune": "25459", "phone": "0276 3822 111"}  # fmt: skip
    return {**data, **overrides}


def answer(url: str, data: dict) -> tuple:
    """What a prober sees: status, where it leads, and the page without its per-request CSRF token."""
    response = Client().post(url, data)
    return response.status_code, response.get("Location"), CSRF.sub("", response.content.decode())


def test_a_registered_cccd_gets_the_same_answer_as_a_new_one(db):
    new = answer("/register/worker/", worker_form())
    assert Person.objects.filter(national_id="080195001234").count() == 1  # now it is registered
    registered = answer("/register/worker/", worker_form())
    assert registered == new and new[:2] == (302, "/applications/my/")
    assert User.objects.filter(role="worker").count() == 2 and AccountClaim.objects.count() == 1


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        ({"password2": "khac-han-2026"}, "Hai mật khẩu không giống nhau"),
        ({"sex": "male"}, "national_id"),  # found by the service: the CCCD's digits say female
    ],
)
def test_a_registered_cccd_with_a_mistake_gets_the_same_page_as_a_new_one(db, mistake, message):
    new = answer("/register/worker/", worker_form(**mistake))
    make_worker("hoa")  # the same CCCD is now in the registry
    registered = answer("/register/worker/", worker_form(**mistake))
    assert registered == new and new[0] == 200 and message in new[2]


def test_a_registered_cccd_in_another_province_gets_the_same_answer(db):
    new = answer("/register/worker/", worker_form(national_id="001198007777", date_of_birth="20/01/1998"))
    make_worker("lan", identity=("001198007788", dt.date(1998, 1, 20), "female"), commune_code="00004")
    registered = answer("/register/worker/", worker_form(national_id="001198007788", date_of_birth="20/01/1998"))
    assert registered == new


def test_a_registered_tax_code_gets_the_same_answer_as_a_new_one(db):
    code = valid_tax_code()
    new = answer("/register/employer/", employer_form(code))
    registered = answer("/register/employer/", employer_form(code))
    assert registered == new and new[:2] == (302, "/applications/my/")
    first = Employer.objects.get(tax_code=code)  # the second sign-up's own employer has no tax code
    assert AccountClaim.objects.get().employer == first
    assert Employer.objects.exclude(pk=first.pk).get().tax_code is None


def test_a_household_businesss_registered_cccd_typed_for_a_company_gets_the_same_page(db):
    # Found by the service: a 12-digit personal ID cannot be a company's tax code.
    mistake = employer_form("080195001234")
    new = answer("/register/employer/", mistake)
    assert new[0] == 200 and "chỉ dùng cho hộ kinh doanh hoặc cá nhân" in new[2]
    _user, employer = make_employer_account("ho_hoa")
    Employer.objects.filter(pk=employer.pk).update(tax_code="080195001234", id_kind="personal12")
    assert answer("/register/employer/", mistake) == new


def test_a_registered_tax_code_with_a_mistake_gets_the_same_page(db):
    code = valid_tax_code()
    mistake = employer_form(code, commune="99999")
    new = answer("/register/employer/", mistake)
    make_employer_account("go_tay_ninh")
    Employer.objects.update(tax_code=code)
    registered = answer("/register/employer/", mistake)
    assert registered == new and new[0] == 200


def test_usernames_are_given_so_a_taken_one_cannot_be_probed(db):
    make_worker("lethihoa")
    first = answer("/register/worker/", worker_form(username="lethihoa"))
    second = answer("/register/worker/", worker_form(username="chua-ai-dung", national_id="080195001299"))
    assert first == second
    names = list(User.objects.filter(role="worker").exclude(username="lethihoa").values_list("username", flat=True))
    assert len(names) == 2 and all(re.fullmatch(r"lethihoa\.\d{4}", name) for name in names)


def test_the_welcome_message_tells_the_given_username(db):
    client = Client()
    page = client.post("/register/worker/", worker_form(), follow=True).content.decode()
    username = User.objects.get(role="worker").username
    assert f"tên đăng nhập của bạn là {username}" in page
    assert Client().post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code == 302


#
# Throttling
#
def test_sign_up_from_one_client_is_throttled_with_a_vietnamese_page(db, settings):
    settings.VIECLAM_THROTTLE_CLIENT_RATE = "3/h"
    client = Client(REMOTE_ADDR="203.0.113.7")
    statuses = [client.post("/register/worker/", worker_form(password2="x")).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = client.post("/register/employer/", employer_form(valid_tax_code()))
    assert refused.status_code == 429 and "Quá nhiều yêu cầu" in refused.content.decode()
    assert not Employer.objects.exists()
    assert client.get("/register/worker/").status_code == 200  # reading the form is not a write
    assert Client(REMOTE_ADDR="203.0.113.8").post("/register/worker/", worker_form(password2="x")).status_code == 200


def test_sign_up_is_throttled_for_the_whole_site_too(db, settings):
    settings.VIECLAM_THROTTLE_GLOBAL_RATE = "4/h"
    statuses = [
        Client(REMOTE_ADDR=f"198.51.100.{i}").post("/register/worker/", worker_form(password2="x")).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]


def test_an_account_waiting_for_its_claim_can_use_its_pages(db):
    make_worker("hoa")
    client = Client()
    client.post("/register/worker/", worker_form())
    for url in ("/applications/my/", "/applications/my/matches/", "/seekers/me/"):
        assert client.get(url).status_code in (200, 302), url
