"""The staff pages: lists in words with export, scoped by area; forms with pickers; a step recorded from the
journey's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from vieclam.abroad.models import Journey, ServiceEnterprise
from vieclam.abroad.tests.factories import a_person, depart, make_journey, make_programme

pytestmark = pytest.mark.django_db
D = dt.date


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_registers_a_worker_from_the_form_with_pickers(cast):
    officer = cast["commune_a"]
    programme = make_programme(cast["province_a"])
    person = a_person(officer, name="Trần Văn Đi")
    data = {"person": person.pk, "programme": programme.pk, "registered_on": "10/01/2023"}
    response = client_of(officer).post("/abroad/new/", data)
    journey = Journey.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/abroad/{journey.pk}/"
    page = client_of(officer).get(response["Location"]).content.decode()
    assert "Trần Văn Đi" in page and "Nhật Bản" in page and "10/01/2023" in page
    assert "Đăng ký đi làm việc ở nước ngoài" in page


def test_the_step_form_names_a_departure_before_the_contract_and_writes_nothing(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    client = client_of(officer)
    for state, day in (("selected", "01/02/2023"), ("training", "01/03/2023"), ("contract", "01/05/2023")):
        assert client.post(f"/abroad/{journey.pk}/step/", {"state": state, "on": day}).status_code == 302
    response = client.post(f"/abroad/{journey.pk}/step/", {"state": "departed", "on": "20/04/2023"})
    assert response.status_code == 200
    assert "Ngày xuất cảnh 20/04/2023 trước ngày ký hợp đồng 01/05/2023." in response.content.decode()
    journey.refresh_from_db()
    assert journey.departed_on is None


def test_the_lists_show_words_export_and_keep_to_the_officers_commune(cast):
    officer_a = cast["commune_a"]
    journey = depart(officer_a, make_journey(officer_a, person=a_person(officer_a, name="Lê Thị Xa")), D(2023, 6, 1))
    page = client_of(officer_a).get("/abroad/").content.decode()
    assert "Lê Thị Xa" in page and "Nhật Bản" in page and "Đã xuất cảnh" in page and "<td>departed</td>" not in page
    assert "Lê Thị Xa" not in client_of(cast["commune_b"]).get("/abroad/").content.decode()
    assert client_of(cast["commune_b"]).get(f"/abroad/{journey.pk}/").status_code == 404
    export = client_of(officer_a).get("/abroad/", {"export": "csv"}).getvalue().decode("utf-8-sig")
    assert "Lê Thị Xa" in export and "Đã xuất cảnh" in export
    assert client_of(officer_a).get("/abroad/", {"export": "xlsx"}).status_code == 200
    programmes = client_of(officer_a).get("/abroad/programmes/").content.decode()
    assert "Thực tập sinh chế biến thực phẩm" in programmes
    enterprises = client_of(officer_a).get("/abroad/enterprises/", {"q": journey.enterprise.tax_code})
    assert journey.enterprise.name in enterprises.content.decode()


def test_a_commune_officer_cannot_add_an_enterprise_and_a_province_officer_can(cast):
    assert client_of(cast["commune_a"]).get("/abroad/enterprises/new/").status_code == 403
    data = {"name": "Công ty XKLĐ Tây Ninh", "tax_code": "3900123456", "licence_number": "12/LĐTBXH-GP",
            "licence_date": "01/03/2021"}  # fmt: skip
    response = client_of(cast["province_a"]).post("/abroad/enterprises/new/", data)
    assert response.status_code == 302 and ServiceEnterprise.objects.filter(tax_code="3900123456").exists()


def test_support_is_recorded_from_its_form_and_an_amount_above_the_norm_is_named(cast):
    from vieclam.abroad.models import JourneySupport, SupportNorm

    officer = cast["commune_a"]
    journey = make_journey(officer)
    loan = SupportNorm.objects.get(code="nd61_vay_xkld")
    client = client_of(officer)
    response = client.post(f"/abroad/{journey.pk}/support/",
                           {"norm": loan.pk, "amount": "120.000.000", "granted_on": "01/02/2023"})  # fmt: skip
    assert response.status_code == 200 and "vượt mức tối đa 100.000.000 đồng" in response.content.decode()
    response = client.post(f"/abroad/{journey.pk}/support/",
                           {"norm": loan.pk, "amount": "80.000.000", "granted_on": "01/02/2023"})  # fmt: skip
    assert response.status_code == 302 and JourneySupport.objects.get().amount == 80_000_000
    page = client.get(f"/abroad/{journey.pk}/").content.decode()
    assert "Vay vốn đi làm việc ở nước ngoài" in page and "mức chưa kiểm chứng" in page


def test_a_province_officer_adds_a_programme_choosing_the_country_by_name(cast):
    from vieclam.abroad.models import Country, Programme
    from vieclam.abroad.tests.factories import make_enterprise

    officer = cast["province_a"]
    enterprise = make_enterprise(officer)
    page = client_of(officer).get("/abroad/programmes/new/").content.decode()
    assert "Hàn Quốc" in page
    data = {"name": "Lao động ngành nông nghiệp Hàn Quốc (EPS)", "enterprise": enterprise.pk,
            "country": Country.objects.get(code="KR").pk, "contract_months": "36", "worker_cost": "30 triệu",
            "opened_on": "01/03/2024"}  # fmt: skip
    response = client_of(officer).post("/abroad/programmes/new/", data)
    assert response.status_code == 302
    assert Programme.objects.get().worker_cost == 30_000_000
