import datetime as dt

import pytest
from django.test import Client

from vieclam.loans.models import Loan, LoanEvent
from vieclam.loans.tests.factories import a_person, make_disbursed_loan, make_loan

pytestmark = pytest.mark.django_db
D = dt.date


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_record_an_application_from_the_form_and_see_it_in_words(cast):
    officer = cast["commune_a"]
    person = a_person(officer, name="Lò Văn Sinh")
    data = {"borrower_kind": "nguoi_lao_dong", "person": person.pk, "purpose": "Nuôi bò sinh sản",
            "amount_requested": "100.000.000", "jobs_new": "1", "applied_on": "02/03/2026",
            "commune_confirmed_on": "05/03/2026"}  # fmt: skip
    response = client_of(officer).post("/loans/new/", data)
    loan = Loan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/loans/{loan.pk}/"
    assert loan.amount_requested == 100_000_000 and loan.applied_on == D(2026, 3, 2)
    page = client_of(officer).get(response["Location"]).content.decode()
    assert "Lò Văn Sinh" in page and "Đã nộp hồ sơ" in page and "NĐ 338/2025/NĐ-CP" in page
    assert "05/03/2026" in page and "chưa đối chiếu văn bản" in page and "da_nop" not in page


def test_the_form_names_an_amount_above_the_ceiling_and_writes_nothing(cast):
    officer = cast["commune_a"]
    person = a_person(officer)
    data = {"borrower_kind": "nguoi_lao_dong", "person": person.pk, "purpose": "Mở tiệm sửa xe",
            "amount_requested": "250.000.000", "applied_on": "02/03/2026"}  # fmt: skip
    response = client_of(officer).post("/loans/new/", data)
    assert response.status_code == 200 and "vượt mức vay tối đa 200.000.000 đồng" in response.content.decode()
    assert not Loan.objects.exists()


def test_a_step_is_recorded_from_the_detail_page_and_a_wrong_one_is_named(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer)
    client = client_of(officer)
    response = client.post(f"/loans/{loan.pk}/step/", {"kind": "giai_ngan", "on": "20/03/2026", "amount": "1.000.000"})
    assert response.status_code == 200 and "Chưa phê duyệt: chưa giải ngân được." in response.content.decode()
    response = client.post(f"/loans/{loan.pk}/step/", {"kind": "tham_dinh", "on": "10/03/2026"})
    assert response.status_code == 302 and LoanEvent.objects.get().kind == "tham_dinh"
    page = client.get(f"/loans/{loan.pk}/").content.decode()
    assert "Thẩm định (NHCSXH)" in page and "10/03/2026" in page


def test_the_list_is_scoped_to_the_officers_commune_filters_and_exports(cast):
    mine = make_disbursed_loan(cast["commune_a"])
    make_loan(cast["commune_b"], commune="00004")
    page = client_of(cast["commune_a"]).get("/loans/").content.decode()
    assert mine.person.full_name in page and "Đã giải ngân" in page
    assert Loan.objects.count() == 2 and page.count("/loans/") >= 1
    other = client_of(cast["commune_b"]).get("/loans/").content.decode()
    assert mine.person.full_name not in other
    assert client_of(cast["commune_b"]).get(f"/loans/{mine.pk}/").status_code == 404
    filtered = client_of(cast["commune_a"]).get("/loans/", {"status": "da_nop"}).content.decode()
    assert mine.person.full_name not in filtered
    export = client_of(cast["commune_a"]).get("/loans/", {"export": "csv"}).getvalue().decode("utf-8-sig")
    assert "Người lao động" in export and "Đã giải ngân" in export and "80000000" in export
    xlsx = client_of(cast["commune_a"]).get("/loans/", {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_the_api_lists_in_scope_records_an_application_and_refuses_a_disbursement_above_approval(cast, api_as):
    officer = cast["commune_a"]
    loan = make_disbursed_loan(officer, amount=50_000_000)
    make_loan(cast["commune_b"], commune="00004")
    api = api_as(officer)
    listed = api.get("/api/v1/loans/").json()
    assert [row["id"] for row in listed["results"]] == [loan.pk] and listed["results"][0]["status"] == "da_giai_ngan"
    detail = api.get(f"/api/v1/loans/{loan.pk}/").json()
    assert [e["kind"] for e in detail["events"]] == ["tham_dinh", "phe_duyet", "giai_ngan"]
    response = api.post(f"/api/v1/loans/{loan.pk}/steps/", {"kind": "giai_ngan", "on": "2026-04-02",
                                                             "amount": 1}, format="json")  # fmt: skip
    assert response.status_code == 400 and "vượt số tiền được duyệt" in str(response.json())
    person = a_person(officer)
    created = api.post("/api/v1/loans/", {"borrower_kind": "nguoi_lao_dong", "person": person.pk,
                                         "purpose": "Trồng nấm", "amount_requested": 60_000_000,
                                         "applied_on": "2026-05-04", "priority_group": "nd338_khuyet_tat"},
                       format="json")  # fmt: skip
    assert created.status_code == 201, created.json()
    assert created.json()["priority_group"] == "nd338_khuyet_tat"
    assert api_as(cast["commune_b"]).get(f"/api/v1/loans/{loan.pk}/").status_code == 404


def test_the_schema_documents_the_loan_api(cast, api_as):
    schema = api_as(cast["admin"]).get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/loans/" in schema["paths"] and "/api/v1/loans/{id}/steps/" in schema["paths"]


def test_the_list_finds_a_borrower_by_name_and_reads_in_english(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer, person=a_person(officer, name="Đinh Thị Mến"))
    client = client_of(officer)
    assert "Đinh Thị Mến" in client.get("/loans/", {"q": "dinh men"}).content.decode()
    assert "Đinh Thị Mến" not in client.get("/loans/", {"q": "hoang"}).content.decode()
    client.cookies["django_language"] = "en"
    page = client.get(f"/loans/{loan.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Purpose of the loan" in page and "Mục đích vay" not in page
