""" "Dữ liệu của tôi": a worker sees and downloads everything held on them, who read it, and their consents."""

import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from vieclam.applications import services as applications
from vieclam.applications.tests.factories import HOA, make_worker, open_vacancy, person_of
from vieclam.conftest import COMMUNE_A
from vieclam.employers.tests.factories import make_employer
from vieclam.people.models import Consent, Person
from vieclam.people.services import household_create
from vieclam.seekers.tests.factories import make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa(cast):
    """A signed-up worker with a household, a job-seeker profile and an application; a commune officer has opened
    her record once (the read audit) and the province officer nobody else's."""
    admin = cast["admin"]
    worker = make_worker("hoa")
    person = person_of(worker)
    household = household_create(actor=admin, commune=COMMUNE_A, head_name="Trần Văn Chủ")
    Person.objects.filter(pk=person.pk).update(household=household)
    make_profile(admin, person, title="Thợ may công nghiệp")
    vacancy = open_vacancy(admin, make_employer(admin), title="Công nhân cắt vải")
    applications.application_submit(actor=worker, vacancy=vacancy, person=person)
    officer = Client()
    officer.force_login(cast["commune_a"])
    assert officer.get(f"/people/{person.pk}/").status_code == 200
    client = Client()
    client.force_login(worker)
    return client


def test_the_page_shows_every_record_held_and_who_read_it(hoa):
    body = hoa.get("/me/data/").content.decode()
    for held in ("Lê Thị Hoa", HOA[0], "Trần Văn Chủ", "Thợ may công nghiệp", "Công nhân cắt vải", "Đăng ký mới"):
        assert held in body, held
    reads = body.split("Ai đã xem hồ sơ của tôi")[1].split("Ai đã thay đổi")[0]
    assert "commune_a" in reads and "Cán bộ" in reads
    assert "Dữ liệu của tôi" in body and 'href="/me/data/"' in body  # in the worker's own menu


def test_the_downloads_hold_the_same_data_as_json_and_excel(hoa):
    response = hoa.get("/me/data/download.json")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["Hồ sơ người lao động"][0]["Họ và tên"] == "Lê Thị Hoa"
    assert data["Hồ sơ tìm việc"][0]["Tên công việc cần tìm"] == "Thợ may công nghiệp"
    assert data["Ai đã xem hồ sơ của tôi"][0]["Người xem"].startswith("commune_a")

    book = load_workbook(io.BytesIO(hoa.get("/me/data/download.xlsx").content))
    assert "Hồ sơ người lao động" in book.sheetnames and "Ai đã xem hồ sơ của tôi" in book.sheetnames
    applications_sheet = book["Đơn ứng tuyển"]
    assert "Công nhân cắt vải" in [cell.value for cell in applications_sheet[2]]
    assert hoa.get("/me/data/download.csv").status_code == 404


def test_the_pdf_download_opens_and_holds_the_data_in_vietnamese_letters(hoa):
    response = hoa.get("/me/data/download.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment") and response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for held in ("Dữ liệu của tôi", "Lê Thị Hoa", HOA[0], "Trần Văn Chủ", "Thợ may công nghiệp", "Công nhân cắt vải"):
        assert held in text, held
    assert "commune_a" in text.split("Ai đã xem hồ sơ của tôi")[1]


def test_the_pdf_takes_hostile_text(hoa, cast):
    hostile = '=HYPERLINK("x")\x07\u202e đảo 😀 ' + "A" * 60
    unbroken = "B" * 200  # wider than the page: cut into lines, not off the page
    Person.objects.filter(account__username="hoa").update(full_name=hostile, phone="+84\x0b912", address=unbroken)
    response = hoa.get("/me/data/download.pdf")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "=HYPERLINK" in text and "đảo" in text and "B" * 40 in text


def test_consents_are_given_and_withdrawn_with_their_dates_and_shown(hoa):
    hoa.post("/me/data/consents/", {"purposes": ["publish_contact"]})  # job_matching unticked: an objection
    assert set(Consent.objects.filter(withdrawn_at=None).values_list("purpose", flat=True)) == {"publish_contact"}
    hoa.post("/me/data/consents/", {"purposes": ["publish_contact", "job_matching"]})
    assert set(Consent.objects.filter(withdrawn_at=None).values_list("purpose", flat=True)) == {
        "publish_contact",
        "job_matching",
    }
    hoa.post("/me/data/consents/", {"purposes": ["job_matching"]})
    withdrawn = Consent.objects.get(purpose="publish_contact", withdrawn_at__isnull=False)
    assert withdrawn.withdrawn_at is not None and withdrawn.given_at <= withdrawn.withdrawn_at
    body = hoa.get("/me/data/").content.decode()
    consents = body.split("Sự đồng ý</h2>")[1] if "Sự đồng ý</h2>" in body else body.split("Sự đồng ý <span")[1]
    assert "Cho người sử dụng lao động xem số điện thoại" in consents and "Rút lại lúc" in consents
    data = json.loads(hoa.get("/me/data/download.json").content)
    assert {row["Mục đích"] for row in data["Sự đồng ý"]} == {
        "Cho người sử dụng lao động xem số điện thoại và thư điện tử của tôi",
        "Dùng hồ sơ của tôi để gợi ý và giới thiệu việc làm phù hợp",
    }


def test_an_unknown_consent_purpose_is_refused_and_nothing_written(hoa):
    response = hoa.post("/me/data/consents/", {"purposes": ["sell_my_data"]})
    assert response.status_code == 302 and not Consent.objects.exists()


@pytest.mark.parametrize("role", ["admin", "province_a", "commune_a", "employer"])
def test_only_workers_have_a_data_page(cast, role):
    client = Client()
    client.force_login(cast[role])
    assert client.get("/me/data/").status_code == 403
    assert client.get("/me/data/download.json").status_code == 403


def test_a_worker_without_a_person_record_is_told_so(cast):
    client = Client()
    client.force_login(cast["worker"])
    body = client.get("/me/data/").content.decode()
    assert "chưa gắn với hồ sơ người lao động" in body
    assert json.loads(client.get("/me/data/download.json").content)["Hồ sơ người lao động"] == []
