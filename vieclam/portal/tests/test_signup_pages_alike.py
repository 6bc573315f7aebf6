"""A sign-up whose CCCD is already in the registry cannot tell from its own pages: home, "Hồ sơ của tôi", "Dữ liệu
của tôi", the job-seeker profile it creates and an application answer exactly as for a new number.

Each sign-up gets its own record at once, made from what was typed; with a registered CCCD the record is made
without it and an account claim waits for staff (applications.selfservice), invisibly to the account."""

import datetime as dt
import difflib
import re

import pytest
from django.test import Client

from vieclam.accounts.models import User
from vieclam.applications.models import AccountClaim
from vieclam.applications.tests.factories import make_employer_account, open_vacancy
from vieclam.conftest import PASSWORD
from vieclam.seekers.tests.factories import make_person
from vieclam.seekers.tests.test_own_profile import form_data

pytestmark = pytest.mark.django_db

BORN = dt.date(1995, 5, 10)
REGISTERED, NEW = "080195001234", "080195008888"  # the same birth date and sex in their digits
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
MOMENT = re.compile(r"\d{2}/\d{2}/\d{4}(?: \d{2}:\d{2}(?::\d{2})?)?|\b\d{1,2}:\d{2}\b")


def sign_up(national_id: str, name: str) -> tuple[Client, User]:
    client = Client()
    form = {"password1": PASSWORD, "password2": PASSWORD, "full_name": name, "national_id": national_id,
            "date_of_birth": "10/05/1995", "sex": "female", "residence_commune": "25459",
            "phone": "0977000555"}  # fmt: skip
    response = client.post("/register/worker/", form, follow=True)
    assert response.status_code == 200
    return client, User.objects.get(first_name=name)


def visible(response, *, typed: tuple[str, ...]) -> tuple[int, str]:
    """The status and the text a person reads, less what this account typed or was given and the clock."""
    text = TAGS.sub(" ", response.content.decode())
    for value in sorted(typed, key=len, reverse=True):
        text = text.replace(value, "«typed»")
    text = MOMENT.sub("«time»", text)
    return response.status_code, " ".join(text.split())


def difference(one: str, other: str) -> list[str]:
    """The words that differ, for a readable failure."""
    return [line for line in difflib.ndiff(one.split(" "), other.split(" ")) if line[:1] in "+-"]


def walk(client: Client, user: User, name: str, national_id: str, vacancy) -> dict[str, tuple[int, str]]:
    """Every own page, before and after creating a job-seeker profile and applying."""
    typed = (name, user.username, national_id, national_id[-4:], "•" * 8 + national_id[-4:])
    pages = {}

    def see(key: str, url: str, **post):
        response = client.post(url, post, follow=True) if post else client.get(url)
        pages[key] = visible(response, typed=typed)

    see("home", "/")
    see("my", "/applications/my/")
    see("matches", "/applications/my/matches/")
    see("data", "/me/data/")
    see("profile", "/seekers/me/")
    see("profile form", "/seekers/me/edit/")
    see("profile created", "/seekers/me/edit/", **form_data())
    see("profile after", "/seekers/me/")
    see("apply", f"/applications/apply/{vacancy.pk}/")
    see("applied", f"/applications/apply/{vacancy.pk}/", confirm="1")
    see("my after", "/applications/my/")
    see("data after", "/me/data/")
    return pages


def test_own_pages_answer_the_same_for_a_registered_and_a_new_cccd(cast):
    make_person(cast["admin"], name="Lê Thị Hoa", national_id=REGISTERED, born=BORN, sex="female")
    _owner, company = make_employer_account("cong_ty_a", name="Công ty May A")
    vacancy = open_vacancy(cast["province_a"], company, title="Thợ may")

    matched_client, matched = sign_up(REGISTERED, "Trần Thị Một")
    new_client, new = sign_up(NEW, "Phạm Thị Hai")
    assert AccountClaim.objects.filter(account=matched).count() == 1  # the match waits for staff, behind the pages

    seen_matched = walk(matched_client, matched, "Trần Thị Một", REGISTERED, vacancy)
    seen_new = walk(new_client, new, "Phạm Thị Hai", NEW, vacancy)
    for page in seen_new:
        assert seen_matched[page] == seen_new[page], (page, difference(seen_matched[page][1], seen_new[page][1]))
    assert "Thợ may" in seen_new["my after"][1] and "Thợ may công nghiệp" in seen_new["profile after"][1]
    for client, national_id in ((matched_client, REGISTERED), (new_client, NEW)):  # the API shows it the same way
        own = client.get("/api/v1/me/job-seeker-profile/").json()
        assert own["national_id"] == "•" * 8 + national_id[-4:] and own["title"] == "Thợ may công nghiệp"
