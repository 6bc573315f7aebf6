"""An employer account edits its own company's contacts and gives or withdraws consent to publish them."""

import pytest

from vieclam.applications.tests.test_views import client_for, world  # noqa: F401
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer

pytestmark = pytest.mark.django_db


def url(company) -> str:
    return f"/applications/my/employers/{company.pk}/contact/"


def test_an_employer_withdraws_consent_and_the_job_board_hides_its_phone(world):  # noqa: F811
    company = world["company_a"]
    Employer.objects.filter(pk=company.pk).update(publish_contact=True)
    job = f"/jobs/{world['vacancy_a'].pk}/"
    assert company.phone in client_for(world["worker"]).get(job).content.decode()
    client = client_for(world["employer_a"])
    data = {"contact_person": "Chị Lan", "phone": company.phone, "email": "tuyendung@maya.vn"}
    response = client.post(url(company), data)  # publish_contact unticked
    assert response.status_code == 302 and response["Location"] == "/applications/my/"
    company.refresh_from_db()
    assert not company.publish_contact and company.contact_person == "Chị Lan"
    assert company.phone not in client_for(world["worker"]).get(job).content.decode()
    event = AuditEvent.objects.filter(object_id=str(company.pk), action="update").latest("pk")
    assert event.actor_id == world["employer_a"].pk and event.changes["publish_contact"] == [True, False]


def test_a_bad_email_is_shown_on_the_form_and_nothing_changes(world):  # noqa: F811
    company = world["company_a"]
    response = client_for(world["employer_a"]).post(url(company), {"email": "khong-phai-email", "phone": "0909"})
    assert response.status_code == 200 and "khong-phai-email" in response.content.decode()
    company.refresh_from_db()
    assert company.email == ""


def test_another_employers_company_is_not_found(world):  # noqa: F811
    assert client_for(world["employer_b"]).get(url(world["company_a"])).status_code == 404


@pytest.mark.parametrize("role", ["worker", "counsellor_a"])
def test_other_roles_are_refused(world, role):  # noqa: F811
    assert client_for(world[role]).get(url(world["company_a"])).status_code == 403


def test_the_service_refuses_fields_that_stay_with_staff(world):  # noqa: F811
    from django.core.exceptions import ValidationError

    from vieclam.employers.services import employer_update_contact_self

    company = world["company_a"]
    with pytest.raises(ValidationError) as caught:
        employer_update_contact_self(account=world["employer_a"], employer=company, data={"name": "Tên khác"})
    assert "name" in caught.value.message_dict
    company.refresh_from_db()
    assert company.name == "Công ty May A"
