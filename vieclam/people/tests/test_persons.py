import datetime as dt

import pytest

from vieclam.core.models import AuditEvent
from vieclam.people.models import Person
from vieclam.people.selectors import person_state_on
from vieclam.people.services import household_add_member, household_create, person_create, person_update

pytestmark = pytest.mark.django_db
URL = "/api/v1/persons/"


def payload(**overrides):
    data = {
        "national_id": "079085012345",
        "full_name": "Nguyễn Văn An",
        "date_of_birth": "1985-03-01",
        "sex": "male",
        "ethnicity": "01",
        "residence_commune": "25459",
    }
    data.update(overrides)
    return data


def test_rejects_a_cccd_whose_year_digits_disagree_with_the_birth_date(cast, api_as):
    response = api_as(cast["province_a"]).post(URL, payload(date_of_birth="1995-03-01"), format="json")
    assert response.status_code == 400
    assert "national_id" in response.json() and "1985" in response.json()["national_id"][0]
    assert not Person.objects.exists()


def test_accepts_a_consistent_cccd(cast, api_as):
    response = api_as(cast["province_a"]).post(URL, payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["national_id"], body["residence_commune"], body["ethnicity"]) == ("079085012345", "25459", "01")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"national_id": "07908501234"}, "national_id"),
        ({"sex": "female"}, "national_id"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"residence_commune": "00004"}, "residence_commune"),
        ({"residence_commune": "99999"}, "residence_commune"),
        ({"ethnicity": "77"}, "ethnicity"),
        ({"education_level": "phd"}, "education_level"),
        ({"date_of_birth": "01/03/1985"}, "date_of_birth"),
        ({"full_name": "x" * 101}, "full_name"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(cast, api_as, overrides, field):
    response = api_as(cast["province_a"]).post(URL, payload(**overrides), format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert not Person.objects.exists() and not AuditEvent.objects.filter(content_type__model="person").exists()


def test_duplicate_cccd_is_refused(cast, api_as):
    client = api_as(cast["province_a"])
    client.post(URL, payload(), format="json")
    response = client.post(URL, payload(full_name="Người khác"), format="json")
    assert response.status_code == 400 and "đã được đăng ký" in response.json()["national_id"][0]


def test_same_name_birth_and_commune_warns_with_a_link(cast, api_as):
    client = api_as(cast["province_a"])
    first = client.post(URL, payload(national_id=""), format="json").json()
    second = client.post(URL, payload(national_id="", full_name="NGUYEN VAN AN"), format="json").json()
    assert any(f"#{first['id']}" in w for w in second["warnings"])


def test_old_commune_code_is_mapped_and_warned(cast, api_as):
    body = api_as(cast["admin"]).post(URL, payload(residence_commune="00001"), format="json").json()
    assert body["residence_commune"] == "00097" and "00001" in body["warnings"][0]


def test_under_15_can_be_member_but_not_a_labour_record(cast):
    young = payload(national_id="", date_of_birth="2015-01-01", activity_status="co_viec_lam")
    young["date_of_birth"] = dt.date(2015, 1, 1)
    with pytest.raises(Exception) as info:
        person_create(actor=cast["admin"], data=young)
    assert "activity_status" in info.value.message_dict


def test_one_person_cannot_be_in_two_households(cast):
    data = payload()
    data["date_of_birth"] = dt.date(1985, 3, 1)
    person, _ = person_create(actor=cast["admin"], data=data)
    first = household_create(actor=cast["admin"], commune="25459", head_name="Nguyễn Văn An")
    second = household_create(actor=cast["admin"], commune="25459", head_name="Trần Thị Bình")
    household_add_member(actor=cast["admin"], household=first, person=person, relationship="head")
    with pytest.raises(Exception) as info:
        household_add_member(actor=cast["admin"], household=second, person=person, relationship="head")
    assert "household" in info.value.message_dict
    person.refresh_from_db()
    assert person.household == first


def test_list_masks_the_id_and_is_scoped(cast, api_as):
    api_as(cast["province_a"]).post(URL, payload(), format="json")
    rows = api_as(cast["commune_a"]).get(URL).json()["results"]
    assert rows[0]["national_id"] == "••••••••2345" and "date_of_birth" not in rows[0]
    assert api_as(cast["commune_b"]).get(URL).json()["count"] == 0
    assert api_as(cast["province_b"]).get(URL).json()["count"] == 0


def test_outside_scope_is_404_and_workers_are_refused(cast, api_as):
    pk = api_as(cast["province_a"]).post(URL, payload(), format="json").json()["id"]
    assert api_as(cast["commune_b"]).get(f"{URL}{pk}/").status_code == 404
    assert api_as(cast["commune_b"]).patch(f"{URL}{pk}/", {"full_name": "X"}, format="json").status_code == 404
    assert api_as(cast["worker"]).get(URL).status_code == 403


def test_opening_a_record_is_audited(cast, api_as):
    pk = api_as(cast["province_a"]).post(URL, payload(), format="json").json()["id"]
    api_as(cast["commune_a"]).get(f"{URL}{pk}/")
    read = AuditEvent.objects.filter(action="read", object_id=str(pk)).get()
    assert read.actor == cast["commune_a"] and read.area.code == "25459"


def test_status_changes_are_dated_events_so_the_past_is_known(cast):
    data = payload()
    data["date_of_birth"] = dt.date(1985, 3, 1)
    person, _ = person_create(actor=cast["admin"], data={**data, "activity_status": "that_nghiep"})
    person_update(
        actor=cast["admin"], person=person, data={"activity_status": "co_viec_lam"}, effective=dt.date(2099, 1, 1)
    )
    assert person_state_on(person=person, day=dt.date(2098, 12, 31))["activity_status"] == "that_nghiep"
    assert person_state_on(person=person, day=dt.date(2099, 1, 1))["activity_status"] == "co_viec_lam"
    update = AuditEvent.objects.filter(action="update", object_id=str(person.pk)).get()
    assert update.changes == {"activity_status": ["that_nghiep", "co_viec_lam"]}


def test_list_query_count_is_flat(cast, api_as, django_assert_max_num_queries):
    client = api_as(cast["admin"])
    for i in range(15):
        data = payload(national_id=f"0790850{i:05d}", full_name=f"Người {i}")
        data["date_of_birth"] = dt.date(1985, 3, 1)
        person_create(actor=cast["admin"], data=data)
    client.get(URL)
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200


def test_state_since_is_the_day_of_the_latest_labour_event(cast):
    """The indicators trust today's columns on any day from state_since on (indicators.persons): it follows the
    latest event, a backdated one does not move it back, and a full save of a record read earlier keeps it."""
    from vieclam.core.dates import today
    from vieclam.people.models import LabourEvent
    from vieclam.people.services import state_since_refresh

    data = {**payload(), "date_of_birth": dt.date(1985, 3, 1), "activity_status": "that_nghiep"}
    person, _ = person_create(actor=cast["admin"], data=data)
    assert Person.objects.get(pk=person.pk).state_since == today()
    stale = Person.objects.get(pk=person.pk)
    later = today() + dt.timedelta(days=3)
    person_update(actor=cast["admin"], person=person, data={"activity_status": "co_viec_lam"}, effective=later)
    person_update(actor=cast["admin"], person=person, data={"activity_status": "that_nghiep"},
                  effective=today() - dt.timedelta(days=30))  # fmt: skip
    assert Person.objects.get(pk=person.pk).state_since == later
    stale.full_name = "Nguyễn Văn Anh"
    stale.save()
    assert Person.objects.get(pk=person.pk).state_since == later
    LabourEvent.objects.filter(person=person).update(effective=dt.date(2025, 1, 2))  # a correction in the database
    assert state_since_refresh(person_ids=[person.pk]) == 1
    assert Person.objects.get(pk=person.pk).state_since == dt.date(2025, 1, 2)
