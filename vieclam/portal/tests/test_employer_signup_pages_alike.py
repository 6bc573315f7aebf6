"""An employer sign-up whose tax code is already in the registry cannot tell from its own pages: home, "Tin tuyển
dụng của tôi", "Đăng tin mới", posting a vacancy, the posting's page, the contact form and the fairs answer as for
a new tax code (as test_signup_pages_alike does for workers).

With a registered tax code, applications.selfservice.employer_register makes the account, its own Employer record
without the tax code (employers.services.employer_register_self_unverified) and a claim on the registered employer,
invisibly to the account; confirming the claim merges the two (applications/tests/test_employer_claims.py).
"""

import pytest
from django.test import Client

from vieclam.accounts.models import User
from vieclam.applications.models import AccountClaim
from vieclam.conftest import PASSWORD
from vieclam.employers.tests.factories import make_employer
from vieclam.portal.tests.test_signup_pages_alike import difference, visible
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db

REGISTERED, NEW = "0100109106", "0302249586"


def sign_up(tax_code: str, name: str) -> tuple[Client, User]:
    client = Client()
    form = {"password1": PASSWORD, "password2": PASSWORD, "name": name, "tax_code": tax_code,
            "employer_type": "dn_ngoai_nha_nuoc", "commune": "25459", "phone": "0276 3822 111"}  # fmt: skip
    assert client.post("/register/employer/", form, follow=True).status_code == 200
    return client, User.objects.get(first_name=name)


def walk(client: Client, user: User, name: str, tax_code: str) -> dict[str, tuple[int, str]]:
    """Every own page, before and after posting a vacancy."""
    typed = (name, user.username, tax_code)
    pages = {}

    def see(key: str, url: str, **post):
        response = client.post(url, post, follow=True) if post else client.get(url)
        pages[key] = visible(response, typed=typed)
        return response

    see("home", "/")
    see("my", "/applications/my/")
    employer = see("post", "/applications/my/vacancies/new/").context["form"].fields["employer"].initial
    see("posted", "/applications/my/vacancies/new/", **vacancy_form(employer))
    vacancy = Vacancy.objects.get(employer__account=user)
    see("my after", "/applications/my/")
    see("posting", f"/applications/my/vacancies/{vacancy.pk}/")
    see("posting edit", f"/applications/my/vacancies/{vacancy.pk}/edit/")
    see("contact", f"/applications/my/employers/{employer}/contact/")
    see("fairs", "/fairs/")
    see("my data", "/me/data/")
    see("me api", "/api/v1/me/")
    status, text = pages["me api"]
    pages["me api"] = status, text.replace(f'"id":{user.pk},', '"id":«own id»,')  # one higher for the second
    return pages


def vacancy_form(employer) -> dict:
    return {"employer": employer, "title": "Thợ chạm khắc gỗ", "occupation": "7522", "positions_count": "3",
            "workplace_commune": "25459", "pay_min": "7000000",
            "deadline": in_days(20).strftime("%d/%m/%Y")}  # fmt: skip


def test_own_pages_answer_the_same_for_a_registered_and_a_new_tax_code(cast):
    make_employer(cast["admin"], name="Công ty Gỗ Đã Có", tax_code=REGISTERED, commune_code="25459")
    matched_client, matched = sign_up(REGISTERED, "Công ty Gỗ Một")
    new_client, new = sign_up(NEW, "Công ty Gỗ Hai")
    assert AccountClaim.objects.filter(account=matched).count() == 1
    seen_matched = walk(matched_client, matched, "Công ty Gỗ Một", REGISTERED)
    seen_new = walk(new_client, new, "Công ty Gỗ Hai", NEW)
    differ = {page: difference(seen_matched[page][1], seen_new[page][1])[:12]
              for page in seen_new if seen_matched[page] != seen_new[page]}  # fmt: skip
    assert not differ, differ
    assert "Thợ chạm khắc gỗ" in seen_new["my after"][1]  # the walk did post, and both pages show it
