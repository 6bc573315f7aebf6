import pytest

from vieclam.connections.models import Connection
from vieclam.connections.tests.factories import a_person, make_connection, months_ago
from vieclam.core.dates import today
from vieclam.employers.tests.factories import make_employer

pytestmark = pytest.mark.django_db


def test_create_list_and_detail(cast, api_as):
    counsellor = cast["counsellor_a"]
    person, employer = a_person(counsellor), make_employer(counsellor)
    api = api_as(counsellor)
    body = {"person": person.pk, "employer": employer.pk, "occupation": "7531", "contract_type": "xac_dinh_thoi_han",
            "start_date": "2026-02-01", "funding_source": "mtqg", "counsellor": "counsellor_a"}  # fmt: skip
    response = api.post("/api/v1/connections/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (
        data["norm"] == "tt55_2023_ket_noi" and data["norm_amount"] == 400_000 and data["counsellor"] == "counsellor_a"
    )
    assert api.get("/api/v1/connections/").json()["results"][0]["id"] == data["id"]
    assert api.get(f"/api/v1/connections/{data['id']}/").json()["employer"] == employer.pk


def test_bad_input_names_the_field_and_writes_nothing(cast, api_as):
    counsellor = cast["counsellor_a"]
    person, employer = a_person(counsellor), make_employer(counsellor)
    api = api_as(counsellor)
    body = {"person": person.pk, "employer": employer.pk, "start_date": "2026-02-01", "funding_source": "mtqg"}
    response = api.post("/api/v1/connections/", body, format="json")
    assert response.status_code == 400 and "contract_type" in response.json()
    foreign = a_person(cast["province_b"], commune="00004")
    response = api.post("/api/v1/connections/", {**body, "person": foreign.pk, "contract_type": "xac_dinh_thoi_han"},
                        format="json")  # fmt: skip
    assert response.status_code == 400 and "person" in response.json()
    assert not Connection.objects.exists()


def test_follow_ups_due_before_and_record(cast, api_as):
    connection = make_connection(cast["counsellor_a"], start_date=months_ago(4), counsellor=cast["counsellor_a"])
    api = api_as(cast["counsellor_a"])
    rows = api.get("/api/v1/follow-ups/", {"due_before": today().isoformat()}).json()["results"]
    assert [row["offset_months"] for row in rows] == [1, 3]
    assert api.get("/api/v1/follow-ups/", {"due_before": "01/13/2026"}).status_code == 400
    first = rows[0]["id"]
    response = api.post(f"/api/v1/follow-ups/{first}/record/", {"result": "same_employer"}, format="json")
    assert response.status_code == 400 and "checked_on" in response.json()
    day = connection.start_date.isoformat()
    body = {"result": "same_employer", "checked_on": day, "has_contract": True}
    response = api.post(f"/api/v1/follow-ups/{first}/record/", body, format="json")
    assert response.status_code == 200 and response.json()["status"] == "done"
    assert api_as(cast["province_b"]).post(f"/api/v1/follow-ups/{first}/record/", {}, format="json").status_code == 404


def test_exports_of_both_lists(cast):
    from django.test import Client

    make_connection(cast["counsellor_a"], start_date=months_ago(2))
    client = Client()
    client.force_login(cast["province_a"])
    for url in ("/connections/", "/connections/follow-ups/"):
        response = client.get(url, {"export": "xlsx"})
        assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
