"""API: apply or refer, read with the timeline, transition; scoped (404 outside), 400 naming the field."""

import datetime as dt

import pytest
from django.http import Http404

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.applications.models import Application
from vieclam.applications.tests.factories import (
    LAN,
    MINH,
    make_employer_account,
    make_worker,
    open_vacancy,
    person_of,
)
from vieclam.people.models import Person
from vieclam.vacancies.services import vacancy_set_status
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db

LIST = "/api/v1/applications/"


@pytest.fixture
def world(cast):
    employer_a, company_a = make_employer_account("cong_ty_a", name="Công ty A")
    employer_b, company_b = make_employer_account("cong_ty_b", name="Công ty B")
    return {
        **cast,
        "employer_a": employer_a,
        "employer_b": employer_b,
        "company_a": company_a,
        "hoa": make_worker("hoa"),
        "minh": make_worker("minh", identity=MINH, name="Trần Văn Minh", commune_code="25480"),
        "vacancy_a": open_vacancy(cast["province_a"], company_a),
        "vacancy_b": open_vacancy(cast["province_a"], company_b),
    }


def apply(api_as, world, worker="hoa", vacancy="vacancy_a"):
    return api_as(world[worker]).post(LIST, {"vacancy": world[vacancy].pk}, format="json")


def move(api_as, user, pk, **data):
    return api_as(user).post(f"{LIST}{pk}/transition/", data, format="json")


def test_worker_applies_and_the_employer_hires(world, api_as):
    response = apply(api_as, world)
    assert response.status_code == 201, response.content
    body = response.json()
    pk = body["id"]
    assert (body["status"], body["channel"], body["person"]) == ("submitted", "applied", person_of(world["hoa"]).pk)
    assert body["allowed_transitions"] == ["withdrawn"]
    employer = world["employer_a"]
    assert move(api_as, employer, pk, to_status="seen").status_code == 200
    at = f"{in_days(2).isoformat()}T14:00:00+07:00"
    body = move(api_as, employer, pk, to_status="interview_scheduled", interview_at=at, note="Tầng 2").json()
    assert body["interview_at"].startswith(in_days(2).isoformat())
    move(api_as, employer, pk, to_status="interviewed")
    body = move(
        api_as, employer, pk, to_status="hired", contract_type="khong_xac_dinh_thoi_han", start_date=str(in_days(5))
    ).json()
    assert body["status"] == "hired" and body["successful_connection"] is True
    assert [(e["from_status"], e["to_status"], e["actor"]) for e in body["events"]] == [
        ("", "submitted", "hoa"),
        ("submitted", "seen", "cong_ty_a"),
        ("seen", "interview_scheduled", "cong_ty_a"),
        ("interview_scheduled", "interviewed", "cong_ty_a"),
        ("interviewed", "hired", "cong_ty_a"),
    ]
    assert all(e["at"] for e in body["events"])


def test_applying_twice_or_to_a_closed_vacancy_is_400_on_vacancy(world, api_as):
    apply(api_as, world)
    response = apply(api_as, world)
    assert response.status_code == 400 and "vacancy" in response.json()
    vacancy_set_status(actor=world["province_a"], vacancy=world["vacancy_b"], status="closed")
    response = apply(api_as, world, vacancy="vacancy_b")
    assert response.status_code == 400 and "không nhận hồ sơ" in response.json()["vacancy"][0]
    response = api_as(world["hoa"]).post(LIST, {"vacancy": 999999}, format="json")
    assert response.status_code == 400 and "vacancy" in response.json()
    assert Application.objects.count() == 1


def test_a_worker_cannot_apply_as_someone_else(world, api_as):
    other = person_of(world["minh"]).pk
    response = api_as(world["hoa"]).post(LIST, {"vacancy": world["vacancy_a"].pk, "person": other}, format="json")
    assert response.status_code == 400 and "person" in response.json()


def test_staff_refer_a_person_of_their_area(world, api_as):
    data = {"vacancy": world["vacancy_a"].pk, "person": person_of(world["minh"]).pk, "note": "Khéo tay"}
    response = api_as(world["counsellor_a"]).post(LIST, data, format="json")
    assert response.status_code == 201
    assert response.json()["channel"] == "referred" and response.json()["referred_by"] == "counsellor_a"
    response = api_as(world["counsellor_a"]).post(LIST, {"vacancy": world["vacancy_a"].pk}, format="json")
    assert response.status_code == 400 and "person" in response.json()
    lan = make_worker("lan", identity=LAN, name="Phạm Thị Lan", commune_code="00004")
    data = {"vacancy": world["vacancy_a"].pk, "person": person_of(lan).pk}
    response = api_as(world["counsellor_a"]).post(LIST, data, format="json")
    assert response.status_code == 400 and "person" in response.json()


def test_an_employer_cannot_create_applications(world, api_as):
    response = api_as(world["employer_a"]).post(LIST, {"vacancy": world["vacancy_a"].pk}, format="json")
    assert response.status_code == 403


def test_each_side_sees_only_its_own(world, api_as):
    mine = apply(api_as, world).json()["id"]
    other = apply(api_as, world, worker="minh", vacancy="vacancy_b").json()["id"]

    def ids(user):
        return {row["id"] for row in api_as(user).get(LIST).json()["results"]}

    assert ids(world["hoa"]) == {mine} and ids(world["minh"]) == {other}
    assert ids(world["employer_a"]) == {mine} and ids(world["employer_b"]) == {other}
    assert ids(world["commune_a"]) == {mine}  # minh lives in another commune
    assert ids(world["province_a"]) == {mine, other} and ids(world["province_b"]) == set()
    for outsider in ("minh", "employer_b", "province_b"):
        assert api_as(world[outsider]).get(f"{LIST}{mine}/").status_code == 404
        assert move(api_as, world[outsider], mine, to_status="withdrawn").status_code == 404
    assert api_as(None).get(LIST).status_code in (401, 403)


def test_a_worker_cannot_read_another_persons_record(world, api_as):
    minh = person_of(world["minh"]).pk
    assert api_as(world["hoa"]).get(f"/api/v1/persons/{minh}/").status_code in (403, 404)  # people API: staff only
    with pytest.raises(Http404):
        get_scoped_or_404(Person.objects.all(), world["hoa"], pk=minh)
    assert get_scoped_or_404(Person.objects.all(), world["hoa"], pk=person_of(world["hoa"]).pk)


def test_bad_transitions_are_400_naming_the_field(world, api_as):
    pk = apply(api_as, world).json()["id"]
    employer = world["employer_a"]
    response = move(api_as, employer, pk, to_status="hired")
    assert response.status_code == 400 and "to_status" in response.json()
    move(api_as, employer, pk, to_status="seen")
    response = move(api_as, employer, pk, to_status="hired")
    assert response.status_code == 400 and {"contract_type", "start_date"} <= set(response.json())
    response = move(api_as, employer, pk, to_status="hired", contract_type="xac_dinh_thoi_han", start_date="31/02/2026")
    assert response.status_code == 400 and "start_date" in response.json()
    response = move(api_as, employer, pk, to_status="refused", reason="ugly")
    assert response.status_code == 400 and "reason" in response.json()
    response = move(api_as, world["hoa"], pk, to_status="offered")
    assert response.status_code == 400 and "to_status" in response.json()
    response = move(api_as, employer, pk, to_status="refused", reason="pay", note="Mong muốn 12 triệu")
    assert response.status_code == 200 and response.json()["refusal_reason"] == "pay"


def test_filters_and_flat_query_count(world, api_as, django_assert_num_queries):
    for n in range(3):
        worker = make_worker(f"w{n}", identity=(f"080195{n:06d}", dt.date(1995, 5, 10), "female"))
        apply(api_as, {**world, "w": worker}, worker="w")
    apply(api_as, world, worker="minh", vacancy="vacancy_b")
    client = api_as(world["province_a"])
    body = client.get(LIST, {"vacancy": world["vacancy_b"].pk}).json()
    assert body["count"] == 1
    assert client.get(LIST, {"status": "bogus"}).status_code == 400
    # token + user, areas (scope), count, page
    with django_assert_num_queries(4):
        assert client.get(LIST).json()["count"] == 4
