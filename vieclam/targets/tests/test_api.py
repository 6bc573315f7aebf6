"""/api/v1/targets/: list (scoped, the list page's filters), set, one target with its revisions, allocate, revise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.models import Target
from vieclam.targets.services import target_allocate, target_set
from vieclam.targets.tests.factories import commune_a, commune_b, indicator, other_commune_a, province_a

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_target(cast):
    target = target_set(actor=cast["province_a"], indicator=indicator(), area=province_a(), year=2026, value=7125)
    target_allocate(actor=cast["province_a"], target=target, shares={commune_a(): 5014, other_commune_a(): 2000})
    return target


def test_a_province_officer_sets_a_target_and_a_plan(cast, api_as):
    api = api_as(cast["province_a"])
    response = api.post("/api/v1/targets/", {"indicator": "giai_quyet_viec_lam", "area": "80", "year_from": 2026,
                                             "value": "7125"}, format="json")  # fmt: skip
    assert response.status_code == 201, response.json()
    assert response.json()["value"] == 7125 and response.json()["kind"] == "year"
    plan = api.post("/api/v1/targets/", {"indicator": "giai_quyet_viec_lam", "area": "80", "year_from": 2021,
                                         "year_to": 2025, "value": "30000"}, format="json")  # fmt: skip
    assert plan.status_code == 201 and plan.json()["kind"] == "plan"


def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(cast, api_as):
    api = api_as(cast["province_a"])
    base = {"indicator": "giai_quyet_viec_lam", "area": "80", "year_from": 2026, "value": "5"}
    cases = [
        ({"indicator": "khong_co"}, "indicator", "Không có chỉ tiêu"),
        ({"value": "-1"}, "value", "không được âm"),
        ({"year_to": 2025}, "year_to", "sau năm kết thúc"),
        ({"area": "99999"}, "area", "Không có đơn vị hành chính"),
        ({"area": "886", "area_edition": "pre_2025_07"}, "area", "không tồn tại trong năm 2026"),
    ]
    for change, field, message in cases:
        response = api.post("/api/v1/targets/", {**base, **change}, format="json")
        assert response.status_code == 400, (change, response.json())
        assert message in " ".join(response.json()[field]), response.json()
    assert not Target.objects.exists()


def test_a_commune_officer_reads_its_commune_only_and_cannot_write(cast, api_as, province_target):
    api = api_as(cast["commune_a"])
    rows = api.get("/api/v1/targets/").json()["results"]
    assert [r["area"] for r in rows] == [commune_a().code]
    assert api.get(f"/api/v1/targets/{province_target.pk}/").status_code == 404
    other = Target.objects.get(area=other_commune_a())
    assert api.get(f"/api/v1/targets/{other.pk}/").status_code == 404
    own = Target.objects.get(area=commune_a())
    assert api.post(f"/api/v1/targets/{own.pk}/revise/", {"value": 1, "reason": "x"}, format="json").status_code == 403
    body = {"indicator": "giai_quyet_viec_lam", "area": commune_a().code, "year_from": 2027, "value": "5"}
    assert api.post("/api/v1/targets/", body, format="json").status_code == 403


def test_the_list_filters_like_the_page(cast, api_as, province_target):
    api = api_as(cast["province_a"])
    assert len(api.get("/api/v1/targets/?year=2026").json()["results"]) == 3
    assert api.get("/api/v1/targets/?year=2027").json()["results"] == []
    assert api.get("/api/v1/targets/?indicator=khong_co").status_code == 400
    rows = api.get(f"/api/v1/targets/?area={commune_a().code}").json()["results"]
    assert [r["area"] for r in rows] == [commune_a().code]


def test_allocation_and_revision_actions(cast, api_as, province_target):
    api = api_as(cast["province_a"])
    over = api.post(f"/api/v1/targets/{province_target.pk}/allocate/",
                    {"shares": [{"commune": commune_a().code, "value": "5300"}]}, format="json")  # fmt: skip
    assert over.status_code == 400 and "Tổng phân bổ 7.300 vượt chỉ tiêu của tỉnh 7.125." in str(over.json())
    unknown = api.post(f"/api/v1/targets/{province_target.pk}/allocate/",
                       {"shares": [{"commune": "99999", "value": "1"}]}, format="json")  # fmt: skip
    assert unknown.status_code == 400 and "Không có đơn vị hành chính" in str(unknown.json()["shares"])
    ok = api.post(f"/api/v1/targets/{province_target.pk}/allocate/",
                  {"shares": [{"commune": commune_a().code, "value": "5000"}]}, format="json")  # fmt: skip
    assert ok.status_code == 200 and ok.json()[0]["value"] == 5000
    no_reason = api.post(f"/api/v1/targets/{province_target.pk}/revise/", {"value": 7500, "reason": ""}, format="json")
    assert no_reason.status_code == 400
    revised = api.post(f"/api/v1/targets/{province_target.pk}/revise/", {"value": 7500, "reason": "NQ"}, format="json")
    body = revised.json()
    assert (body["value"], body["original_value"]) == (7500, 7125)
    assert body["revisions"] == [{"old_value": 7125, "new_value": 7500, "reason": "NQ", "actor": "province_a",
                                  "at": body["revisions"][0]["at"]}]  # fmt: skip


def test_another_provinces_target_is_out_of_reach(cast, api_as, province_target):
    assert api_as(cast["province_b"]).get(f"/api/v1/targets/{province_target.pk}/").status_code == 404
    target_set(actor=None, indicator=indicator(), area=commune_b(), year=2026, value=1)
    rows = api_as(cast["province_b"]).get("/api/v1/targets/").json()["results"]
    assert [r["area"] for r in rows] == [commune_b().code]


def test_the_list_reads_a_fixed_number_of_queries(cast, api_as, django_assert_max_num_queries):
    target = target_set(actor=None, indicator=indicator(), area=province_a(), year=2026, value=7125)
    communes = list(AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province_a())[:40])
    target_allocate(actor=None, target=target, shares=dict.fromkeys(communes, 10))
    api = api_as(cast["province_a"])
    with django_assert_max_num_queries(10):
        rows = api.get("/api/v1/targets/").json()["results"]
    assert len(rows) == 41 and Decimal(rows[0]["value"]) > 0
