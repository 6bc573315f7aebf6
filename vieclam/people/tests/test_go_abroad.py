"""person_go_abroad: a dated "abroad" labour event, counted as a start of work and as labour export."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from vieclam.core.models import AuditEvent
from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.people.choices import ChangeKind
from vieclam.people.models import LabourEvent
from vieclam.people.services import person_create, person_go_abroad
from vieclam.people.timeline import labour_event_timeline

pytestmark = pytest.mark.django_db
DAY = dt.date(2023, 8, 1)


@pytest.fixture
def person(cast):
    data = {"full_name": "Trần Văn Bình", "date_of_birth": dt.date(1998, 5, 2), "sex": "male",
            "residence_commune": "25459", "activity_status": "that_nghiep"}  # fmt: skip
    return person_create(actor=cast["commune_a"], data=data)[0]


def test_going_abroad_is_a_dated_event_that_makes_the_person_employed_and_is_audited(cast, person):
    event = person_go_abroad(actor=cast["commune_a"], person=person, on=DAY, country="Hàn Quốc", employer="Cty A")
    person.refresh_from_db()
    assert (event.kind, event.effective, event.changes["country"]) == (ChangeKind.ABROAD, DAY, "Hàn Quốc")
    assert person.activity_status == "co_viec_lam"
    audit = AuditEvent.objects.filter(object_id=str(person.pk), action="update").get()
    assert audit.changes["abroad"][1] == {"country": "Hàn Quốc", "employer": "Cty A", "on": "2023-08-01"}


def test_going_abroad_counts_as_a_start_of_work_and_as_labour_export(cast, person):
    person_go_abroad(actor=cast["commune_a"], person=person, on=DAY, country="Nhật Bản")
    calc, year = Calculator(communes=[person.residence_commune_id]), Period.year(2023)
    assert calc.figure(Indicator.objects.get(code="giai_quyet_viec_lam"), year).value == 1
    assert calc.figure(Indicator.objects.get(code="xuat_khau_lao_dong"), year).value == 1
    assert calc.figure(Indicator.objects.get(code="xuat_khau_lao_dong"), Period.year(2022)).value == 0


@pytest.mark.parametrize(
    ("on", "country", "field"),
    [(dt.date(2999, 1, 1), "Hàn Quốc", "on"), (DAY, "  ", "country"), (dt.date(2012, 1, 1), "Hàn Quốc", "on")],
)
def test_bad_input_names_the_field_and_writes_nothing(cast, person, on, country, field):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as info:
        person_go_abroad(actor=cast["commune_a"], person=person, on=on, country=country)
    assert field in info.value.message_dict
    assert not LabourEvent.objects.filter(kind=ChangeKind.ABROAD).exists() and AuditEvent.objects.count() == before


def test_the_same_departure_is_not_recorded_twice(cast, person):
    person_go_abroad(actor=cast["commune_a"], person=person, on=DAY, country="Hàn Quốc")
    with pytest.raises(ValidationError) as info:
        person_go_abroad(actor=cast["commune_a"], person=person, on=DAY, country="Hàn Quốc")
    assert "01/08/2023" in info.value.message_dict["on"][0]


def test_an_officer_of_another_commune_cannot_record_it(cast, person):
    with pytest.raises(ValidationError) as info:
        person_go_abroad(actor=cast["commune_b"], person=person, on=DAY, country="Hàn Quốc")
    assert "địa bàn" in info.value.message_dict["person"][0]
    assert not LabourEvent.objects.filter(kind=ChangeKind.ABROAD).exists()


def test_the_persons_timeline_names_the_country(cast, person):
    person_go_abroad(actor=cast["commune_a"], person=person, on=DAY, country="Hàn Quốc")
    entries = labour_event_timeline(person=person, viewer=cast["commune_a"], limit=5)
    (entry,) = [e for e in entries if e.at == DAY]
    assert entry.title == "Đi làm việc ở nước ngoài theo hợp đồng"
    assert entry.detail.startswith("Nước đến làm việc: Hàn Quốc; ") and "Người có việc làm" in entry.detail
