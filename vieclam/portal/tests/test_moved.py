"""Sign-up moved to the portal and approvals to vacancies: the old addresses still lead there."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_old_sign_up_addresses_redirect_with_their_query():
    response = Client().get("/applications/register/worker/?next=/applications/apply/7/")
    assert response["Location"] == "/register/worker/?next=/applications/apply/7/"
    assert Client().get("/applications/register/employer/")["Location"] == "/register/employer/"
    assert Client().get("/register/worker/").status_code == 200


def test_the_old_approvals_address_redirects(cast):
    client = Client()
    client.force_login(cast["counsellor_a"])
    assert client.get("/applications/approvals/")["Location"] == "/vacancies/approvals/"
    assert client.get("/vacancies/approvals/").status_code == 200
