"""An employer reads an applicant's phone only when the person has published it (consent publish_contact in force);
otherwise the notice that it is hidden. Staff of the area and the person themself always read it."""

import pytest
from django.test import Client

from vieclam.applications import services
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.people.consents import person_consents_set

pytestmark = pytest.mark.django_db

PHONE = "0912345678"
HIDDEN = "Đã ẩn (người lao động chưa đồng ý công khai liên hệ)"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def applied(cast):
    employer, company = make_employer_account("cong_ty_a", name="Công ty May A")
    vacancy = open_vacancy(cast["province_a"], company, title="Thợ may")
    hoa = make_worker("hoa")  # signed up with phone 0912345678, no consent given
    application = services.application_submit(actor=hoa, vacancy=vacancy, person=person_of(hoa))
    return {"employer": employer, "vacancy": vacancy, "hoa": hoa, "application": application}


def employer_pages(applied) -> dict[str, str]:
    client = client_for(applied["employer"])
    urls = {
        "my": "/applications/my/",
        "vacancy": f"/applications/my/vacancies/{applied['vacancy'].pk}/",
        "application": f"/applications/{applied['application'].pk}/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        pages[name] = response.content.decode()
    return pages


def test_an_employer_does_not_see_the_phone_of_an_applicant_who_did_not_publish_it(applied):
    for name, page in employer_pages(applied).items():
        assert PHONE not in page and HIDDEN in page, name


def test_an_employer_sees_the_phone_once_the_person_publishes_it_and_not_after_withdrawal(applied):
    person = person_of(applied["hoa"])
    person_consents_set(actor=applied["hoa"], person=person, purposes={"publish_contact"})
    for name, page in employer_pages(applied).items():
        assert PHONE in page and HIDDEN not in page, name
    person_consents_set(actor=applied["hoa"], person=person, purposes=set())
    for name, page in employer_pages(applied).items():
        assert PHONE not in page and HIDDEN in page, name


@pytest.mark.parametrize("who", ["counsellor_a", "commune_a", "province_a", "hoa"])
def test_staff_of_the_area_and_the_person_themself_see_the_phone(cast, applied, who):
    user = applied["hoa"] if who == "hoa" else cast[who]
    page = client_for(user).get(f"/applications/{applied['application'].pk}/").content.decode()
    assert PHONE in page and HIDDEN not in page


def test_the_employer_api_holds_no_applicant_contact(applied, api_as):
    body = api_as(applied["employer"]).get("/api/v1/applications/").content.decode()
    assert "Thợ may" in body and PHONE not in body


def test_a_worker_who_withdrew_matching_is_told_why_no_job_is_suggested(applied):
    hoa = applied["hoa"]
    client = client_for(hoa)
    assert "đã rút lại sự đồng ý dùng hồ sơ" not in client.get("/applications/my/matches/").content.decode()
    person_consents_set(actor=hoa, person=person_of(hoa), purposes=set())
    page = client.get("/applications/my/matches/").content.decode()
    assert "đã rút lại sự đồng ý dùng hồ sơ" in page and "Ứng tuyển ngay" not in page
