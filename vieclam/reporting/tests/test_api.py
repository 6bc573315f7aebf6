"""/api/v1/reports/: scoped like the pages; the workflow steps refuse the wrong role and a return without reason."""

import datetime as dt

import pytest

from vieclam.conftest import COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A, PROVINCE_A
from vieclam.connections.tests.factories import make_connection
from vieclam.reporting.models import Report
from vieclam.reporting.tests.factories import make_report

pytestmark = pytest.mark.django_db
H1 = {"period_start": "2026-01-01", "period_end": "2026-06-30"}


def test_a_commune_officer_creates_and_submits_and_the_province_approves(cast, api_as):
    commune, province = api_as(cast["commune_a"]), api_as(cast["province_a"])
    created = commune.post("/api/v1/reports/", {"kind": "tda43_6_thang", "area": COMMUNE_A, **H1}, format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "draft" and created.json()["period_label"] == "6 tháng đầu năm 2026"
    assert commune.post(f"/api/v1/reports/{pk}/submit/").json()["status"] == "submitted"
    assert commune.post(f"/api/v1/reports/{pk}/approve/").status_code == 403
    returned = province.post(f"/api/v1/reports/{pk}/return/", {"comment": ""}, format="json")
    assert returned.status_code == 400 and "comment" in returned.json()
    assert province.post(f"/api/v1/reports/{pk}/approve/").json()["status"] == "approved"


def test_the_list_and_a_report_stay_inside_the_callers_areas(cast, api_as):
    mine = make_report(cast["commune_a"], code=COMMUNE_A)
    other = make_report(cast["province_a"], code=OTHER_COMMUNE_A)
    commune = api_as(cast["commune_a"])
    ids = [r["id"] for r in commune.get("/api/v1/reports/").json()["results"]]
    assert ids == [mine.pk]
    assert commune.get(f"/api/v1/reports/{other.pk}/").status_code == 404
    assert commune.post(f"/api/v1/reports/{other.pk}/submit/").status_code == 404
    assert api_as(cast["worker"]).get("/api/v1/reports/").status_code == 403
    ids = {r["id"] for r in api_as(cast["province_a"]).get("/api/v1/reports/").json()["results"]}
    assert ids == {mine.pk, other.pk}


def test_a_report_carries_its_figures_and_what_changed_since_submission(cast, api_as):
    officer = cast["province_a"]
    make_connection(officer, start_date=dt.date(2026, 3, 1))
    client = api_as(officer)
    pk = client.post("/api/v1/reports/", {"kind": "tda43_6_thang", "area": PROVINCE_A, **H1}, format="json").json()[
        "id"
    ]
    client.post(f"/api/v1/reports/{pk}/submit/")
    make_connection(officer, start_date=dt.date(2026, 4, 1))
    body = client.get(f"/api/v1/reports/{pk}/").json()
    table = body["document"]["tables"][0]
    row = next(r for r in table["rows"] if r[0] == "Số người được kết nối việc làm thành công")
    assert row[2] == {"n": "1"}
    assert {"table": 0, "row": table["rows"].index(row), "column": 2, "now": "2"} in body["changes"]


def test_bad_input_gets_a_400_naming_the_field(cast, api_as):
    client = api_as(cast["commune_a"])
    cases = [
        ({"kind": "tda43_6_thang", "area": COMMUNE_A, "period_start": "2026-06-30", "period_end": "2026-01-01"},
         "period"),
        ({"kind": "tda43_6_thang", "area": COMMUNE_B, **H1}, "area"),
        ({"kind": "tda43_6_thang", "area": "99999", **H1}, "area"),
        ({"kind": "khong_co", "area": COMMUNE_A, **H1}, "kind"),
        ({"kind": "tda43_6_thang", "area": COMMUNE_A, "period_start": "0001-01-01", "period_end": "0001-06-30"},
         "period"),
    ]  # fmt: skip
    for data, field in cases:
        response = client.post("/api/v1/reports/", data, format="json")
        assert response.status_code == 400 and field in response.json(), (data, response.content)
    assert not Report.objects.exists()


def test_the_list_takes_the_same_queries_for_many_reports(cast, api_as, django_assert_max_num_queries):
    from vieclam.indicators.periods import Period

    for year in (2022, 2023, 2024, 2025, 2026):
        make_report(cast["province_a"], code=PROVINCE_A, kind="tda43_nam", period=Period.year(year))
    client = api_as(cast["province_a"])
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/reports/").json()["results"]) == 5
