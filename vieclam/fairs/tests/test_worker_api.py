"""A worker's account registers itself for a fair through the API (its own token), as bench/fairs.py does."""

import pytest

from vieclam.fairs.choices import FairStatus
from vieclam.fairs.models import FairBooth, FairRegistration
from vieclam.fairs.tests.factories import make_fair
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_person(cast):
    person = make_person(cast["commune_a"], national_id=None, name="Lê Thị Hoa")
    Person.objects.filter(pk=person.pk).update(account=cast["worker"])
    return person


def test_a_worker_registers_itself_online_and_gets_its_qr_token(cast, api_as, worker_person):
    fair = make_fair(cast["commune_a"])
    response = api_as(cast["worker"]).post("/api/v1/fair-registrations/", {"fair": fair.pk}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["person"] == worker_person.pk and body["channel"] == "online" and len(body["token"]) == 43
    registration = FairRegistration.objects.get(fair=fair)
    assert registration.registered_by == cast["worker"]


def test_a_worker_may_not_register_someone_else_nor_list_registrations(cast, api_as, worker_person):
    fair = make_fair(cast["commune_a"])
    other = make_person(cast["commune_a"], national_id=None, name="Trần Văn Bình")
    api = api_as(cast["worker"])
    response = api.post("/api/v1/fair-registrations/", {"fair": fair.pk, "person": other.pk}, format="json")
    assert response.status_code == 400
    assert response.json()["person"] == ["Người lao động tự đăng ký cho chính mình: không gửi trường này."]
    assert api.get("/api/v1/fair-registrations/").status_code == 403
    assert api_as(cast["employer"]).post("/api/v1/fair-registrations/", {"fair": fair.pk}).status_code == 403
    assert not FairRegistration.objects.exists()


def test_a_worker_cannot_register_for_a_draft_fair_nor_past_capacity(cast, api_as, worker_person):
    api = api_as(cast["worker"])
    draft = make_fair(cast["commune_a"], status=FairStatus.PLANNED)
    assert api.post("/api/v1/fair-registrations/", {"fair": draft.pk}, format="json").status_code == 404
    full = make_fair(cast["commune_a"], capacity=1)
    first = make_person(cast["commune_a"], national_id=None, name="Người đến trước")
    api_as(cast["commune_a"]).post("/api/v1/fair-registrations/", {"fair": full.pk, "person": first.pk})
    response = api.post("/api/v1/fair-registrations/", {"fair": full.pk}, format="json")
    assert response.status_code == 400
    assert response.json()["fair"] == ["Phiên: đã đủ 1 người đăng ký, không nhận thêm."]
    assert FairRegistration.objects.filter(person=worker_person).count() == 0


def test_a_booth_of_another_fair_is_refused_by_number(cast, api_as, worker_person):
    from vieclam.employers.tests.factories import make_employer

    fair, other = make_fair(cast["commune_a"]), make_fair(cast["commune_a"])
    booth = FairBooth.objects.create(fair=other, employer=make_employer(cast["commune_a"]), number="7")
    response = api_as(cast["worker"]).post(
        "/api/v1/fair-registrations/", {"fair": fair.pk, "booths": [booth.pk]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["booths"] == [f"Gian hàng quan tâm: không có gian hàng số {booth.pk} tại phiên này."]
    assert not FairRegistration.objects.exists()
