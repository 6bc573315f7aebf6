"""The target pages: list (scoped, filtered, exported, achievement in bulk), "Đặt chỉ tiêu", a target's page with
its history, "Phân bổ cho xã" and the revision form; commune officers read only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from vieclam.indicators.engine import Calculator, Figure
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.models import Target
from vieclam.targets.services import target_allocate, target_revise, target_set
from vieclam.targets.tests.factories import commune_a, commune_b, indicator, other_commune_a, province_a

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def province_target(cast):
    target = target_set(actor=cast["province_a"], indicator=indicator(), area=province_a(), year=2026, value=7125,
                        note="Nghị quyết HĐND tỉnh")  # fmt: skip
    target_allocate(actor=cast["province_a"], target=target, shares={commune_a(): 5014, other_commune_a(): 2000})
    return target


def test_a_province_officer_sets_a_target_from_the_form(cast):
    client = client_of(cast["province_a"])
    assert "Đặt chỉ tiêu" in page(client, "/targets/new/")
    data = {"indicator": "giai_quyet_viec_lam", "area": "80", "year_from": "2026", "value": "7.125", "note": "NQ"}
    response = client.post("/targets/new/", data)
    target = Target.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/targets/{target.pk}/"
    assert (target.area.code, target.year_from, target.year_to, target.value) == ("80", 2026, 2026, Decimal(7125))


def test_the_form_names_a_wrong_input_and_writes_nothing(cast):
    client = client_of(cast["province_a"])
    data = {"indicator": "giai_quyet_viec_lam", "area": "80", "year_from": "2026", "value": "-3"}
    text = client.post("/targets/new/", data).content.decode()
    assert "không được âm" in text
    data.update(value="5", year_to="2025")
    assert "Năm bắt đầu (2026) sau năm kết thúc (2025)." in client.post("/targets/new/", data).content.decode()
    assert not Target.objects.exists()


def test_a_plan_for_an_old_district_is_set_from_the_list_of_pre_2025_units(cast):
    old = AdministrativeUnit.objects.filter(edition="pre_2025_07", level=Level.DISTRICT, province__code="80").first()
    data = {"indicator": "giai_quyet_viec_lam", "old_area": old.pk, "year_from": "2021", "year_to": "2025",
            "value": "5014"}  # fmt: skip
    response = client_of(cast["province_a"]).post("/targets/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    target = Target.objects.get()
    assert target.area == old and target.kind == "plan" and target.scope_area.code == "80"


def test_the_list_shows_the_targets_of_the_users_areas_with_their_achievement(cast, province_target, monkeypatch):
    target_set(actor=cast["admin"], indicator=indicator(), area=commune_b(), year=2026, value=9, note="Bêta")
    text = page(client_of(cast["province_a"]), "/targets/?year=2026")
    assert "Nghị quyết HĐND tỉnh" in text and commune_a().name in text and "Bêta" not in text
    assert "7.125 người" in text and "đạt 0,0% kế hoạch" in text
    own = page(client_of(cast["commune_a"]), "/targets/")
    assert commune_a().name in own and "5.014 người" in own and "Nghị quyết HĐND tỉnh" not in own
    assert "Đặt chỉ tiêu" not in own  # a commune officer reads only

    def figure(self, indicator, period, communes=None):
        return Figure(indicator, 10125, None, Decimal(10125))

    monkeypatch.setattr(Calculator, "figure", figure)
    assert "đạt 142,1% kế hoạch" in page(client_of(cast["province_a"]), "/targets/")


def test_the_list_filters_by_indicator_and_year(cast, province_target):
    client = client_of(cast["province_a"])
    assert "Chưa có chỉ tiêu kế hoạch nào." in page(client, "/targets/?year=2027")
    assert "Chưa có chỉ tiêu kế hoạch nào." in page(client, "/targets/?indicator=ty_le_that_nghiep")
    assert "7.125 người" in page(client, "/targets/?indicator=giai_quyet_viec_lam&year=2026")


def test_the_list_exports_only_the_users_rows(cast, province_target):
    response = client_of(cast["commune_a"]).get("/targets/?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert commune_a().name in text and "Nghị quyết HĐND tỉnh" not in text and other_commune_a().name not in text


def test_the_list_reads_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    target = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    communes = list(AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province_a())[:40])
    target_allocate(actor=None, target=target, shares=dict.fromkeys(communes, 10))
    client = client_of(cast["province_a"])
    with django_assert_max_num_queries(25):
        text = page(client, "/targets/")
    assert text.count("đạt 0,0% kế hoạch") == 41


def test_a_targets_page_shows_the_original_and_each_revision(cast, province_target):
    target_revise(actor=cast["province_a"], target=province_target, value=7500, reason="Nghị quyết điều chỉnh giữa kỳ")
    text = page(client_of(cast["province_a"]), f"/targets/{province_target.pk}/")
    assert "7.500 người" in text and "7.125 người" in text and "Nghị quyết điều chỉnh giữa kỳ" in text
    assert "Phân bổ cho xã" in text and "Lịch sử thay đổi" in text


def test_the_allocation_page_has_one_box_per_commune_and_saves(cast, province_target):
    client = client_of(cast["province_a"])
    text = page(client, f"/targets/{province_target.pk}/allocate/")
    communes = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province_a())
    assert text.count('name="share-') == communes.count() and "Lưu phân bổ" in text
    assert f'name="share-{commune_a().pk}" value="5.014"' in text
    response = client.post(f"/targets/{province_target.pk}/allocate/", {f"share-{commune_a().pk}": "5.000"})
    assert response.status_code == 302
    share = Target.objects.get(area=commune_a())
    assert (share.value, share.original_value) == (Decimal(5000), Decimal(5014))


def test_an_allocation_over_the_province_is_shown_and_nothing_is_written(cast, province_target):
    client = client_of(cast["province_a"])
    data = {f"share-{commune_a().pk}": "5.300", f"share-{other_commune_a().pk}": "2.000"}
    text = client.post(f"/targets/{province_target.pk}/allocate/", data).content.decode()
    assert "Tổng phân bổ 7.300 vượt chỉ tiêu của tỉnh 7.125." in text
    assert Target.objects.get(area=commune_a()).value == Decimal(5014)


def test_the_revision_form_needs_a_reason(cast, province_target):
    client = client_of(cast["province_a"])
    text = client.post(f"/targets/{province_target.pk}/revise/", {"value": "7.500", "reason": ""}).content.decode()
    assert "invalid-feedback" in text
    response = client.post(f"/targets/{province_target.pk}/revise/", {"value": "7.500", "reason": "NQ 12"})
    assert response.status_code == 302
    province_target.refresh_from_db()
    assert province_target.value == Decimal(7500)


def test_commune_officers_cannot_write_and_do_not_reach_other_communes(cast, province_target):
    client = client_of(cast["commune_a"])
    own = Target.objects.get(area=commune_a())
    other = Target.objects.get(area=other_commune_a())
    assert client.get("/targets/new/").status_code == 403
    assert client.get(f"/targets/{own.pk}/revise/").status_code == 403
    assert client.post(f"/targets/{own.pk}/revise/", {"value": "1", "reason": "x"}).status_code == 403
    assert client.get(f"/targets/{province_target.pk}/").status_code == 404
    assert client.get(f"/targets/{other.pk}/").status_code == 404
    assert "Điều chỉnh" not in page(client, f"/targets/{own.pk}/")


def test_workers_get_no_target_pages(cast):
    assert client_of(cast["worker"]).get("/targets/").status_code == 403


def test_a_target_set_by_the_system_shows_its_page(cast):
    target = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=10)
    text = page(client_of(cast["province_a"]), f"/targets/{target.pk}/")
    assert "10 người" in text


def test_the_pages_read_in_english(cast, province_target):
    client = client_of(cast["province_a"])
    client.cookies["django_language"] = "en"
    text = page(client, "/targets/")
    assert "Plan targets" in text and "Set a target" in text
    assert "Allocate to communes" in page(client, f"/targets/{province_target.pk}/")
    assert "Save allocation" in page(client, f"/targets/{province_target.pk}/allocate/")
