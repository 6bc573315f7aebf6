import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.core.models import AuditEvent
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create
from vieclam.training import services
from vieclam.training.models import Enrolment, EnrolmentEvent, TrainingClass
from vieclam.training.tests.factories import (
    START,
    a_person,
    commune,
    make_class,
    make_course,
    make_provider,
    occupation,
)

pytestmark = pytest.mark.django_db


def messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def in_household(actor, person, poverty_class: str) -> Person:
    household = household_create(actor=actor, commune="25459", head_name="Chủ hộ")
    Household.objects.filter(pk=household.pk).update(poverty_class=poverty_class)
    Person.objects.filter(pk=person.pk).update(household=household)
    return Person.objects.get(pk=person.pk)


def test_a_class_is_opened_and_audited(cast):
    klass = make_class(cast["commune_a"], code="L01")
    assert klass.funding == "supported" and klass.capacity == 30
    assert AuditEvent.objects.filter(
        content_type__model="trainingclass", object_id=str(klass.pk), action="create"
    ).exists()


def test_a_provider_not_licensed_for_the_occupation_is_named(cast):
    officer = cast["province_a"]
    provider = make_provider(officer, occupations=[occupation(1)])
    with pytest.raises(ValidationError) as exc:
        make_class(officer, provider=provider)
    assert "Cơ sở đào tạo" in messages(exc.value) and "không được cấp phép" in messages(exc.value)
    assert not TrainingClass.objects.exists()


def test_a_class_ending_before_it_starts_and_a_venue_outside_the_area_are_named(cast):
    officer = cast["commune_a"]
    course, provider = make_course(officer), make_provider(cast["province_a"])
    with pytest.raises(ValidationError) as exc:
        services.class_create(actor=officer, data={
            "course": course, "provider": provider, "venue_commune": commune("25480"), "start_date": START,
            "end_date": START - dt.timedelta(days=1), "capacity": 0, "funding": "supported"})  # fmt: skip
    errors = exc.value.message_dict
    assert set(errors) == {"venue_commune", "end_date", "capacity"}
    assert "Nơi mở lớp" in errors["venue_commune"][0] and "Ngày kết thúc" in errors["end_date"][0]


def test_enrolment_derives_the_priority_group_and_keeps_the_support_within_the_norm(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer)
    person = in_household(officer, a_person(officer), "near_poor")
    enrolment = services.enrolment_create(actor=officer, training_class=klass, person=person,
                                          data={"support_amount": 2_500_000})  # fmt: skip
    assert enrolment.priority_group.code == "ho_can_ngheo" and enrolment.support_norm.amount == 2_500_000
    assert enrolment.status == "enrolled" and enrolment.enrolled_on == START
    assert EnrolmentEvent.objects.filter(enrolment=enrolment, status="enrolled").count() == 1
    assert AuditEvent.objects.filter(content_type__model="enrolment", object_id=str(enrolment.pk)).count() == 1


def test_support_above_the_dated_norm_is_refused_naming_the_field(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer)
    person = in_household(officer, a_person(officer), "near_poor")
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=officer, training_class=klass, person=person,
                                  data={"support_amount": 2_600_000})  # fmt: skip
    assert exc.value.message_dict["support_amount"] == [
        "Tiền hỗ trợ: 2.600.000 đồng vượt định mức 2.500.000 đồng/người/khóa (QĐ 46/2015/QĐ-TTg, Điều 3; "
        "TT 55/2023/TT-BTC, Điều 68)."
    ]
    assert not Enrolment.objects.exists() and not EnrolmentEvent.objects.exists()


def test_support_without_a_priority_group_or_in_a_self_funded_class_is_refused(cast):
    officer = cast["counsellor_a"]
    person = a_person(officer)  # urban ward, no household: no group
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=officer, training_class=make_class(officer), person=person,
                                  data={"support_amount": 100_000})  # fmt: skip
    assert "không thuộc nhóm ưu tiên" in exc.value.message_dict["support_amount"][0]
    self_funded = make_class(officer, funding="self_funded")
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=officer, training_class=self_funded, person=person,
                                  data={"funding": "supported"})  # fmt: skip
    assert "lớp tự học" in exc.value.message_dict["funding"][0]
    assert not Enrolment.objects.exists()


def test_enrolling_past_capacity_writes_nobody(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer, capacity=2)
    people = [a_person(officer) for _ in range(3)]
    with pytest.raises(ValidationError) as exc:
        services.enrolments_create(actor=officer, training_class=klass, rows=[(p, {}) for p in people])
    assert "Số chỗ: lớp chỉ có 2 chỗ, đã có 0 học viên" in messages(exc.value)
    assert not Enrolment.objects.exists() and not AuditEvent.objects.filter(content_type__model="enrolment").exists()
    services.enrolments_create(actor=officer, training_class=klass, rows=[(p, {}) for p in people[:2]])
    with pytest.raises(ValidationError, match="đã có 2 học viên"):
        services.enrolment_create(actor=officer, training_class=klass, person=people[2], data={})


def test_enrolling_twice_in_the_same_class_is_refused(cast):
    officer = cast["counsellor_a"]
    klass, person = make_class(officer), a_person(officer, name="Lê Văn Hai")
    services.enrolment_create(actor=officer, training_class=klass, person=person, data={})
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=officer, training_class=klass, person=person, data={})
    assert exc.value.message_dict["person"] == ["Học viên: Lê Văn Hai đã có tên trong lớp này."]
    with pytest.raises(ValidationError, match="có tên hai lần"):
        services.enrolments_create(actor=officer, training_class=make_class(officer),
                                   rows=[(person, {}), (person, {})])  # fmt: skip
    assert Enrolment.objects.count() == 1


def test_a_person_under_15_on_the_start_day_is_refused(cast):
    officer = cast["counsellor_a"]
    child = a_person(officer, name="Bé Út", born=START - dt.timedelta(days=365 * 15 - 10))
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=officer, training_class=make_class(officer), person=child, data={})
    assert exc.value.message_dict["person"] == ["Học viên: Bé Út chưa đủ 15 tuổi vào ngày khai giảng 02/03/2026."]


def test_a_person_of_another_area_cannot_be_enrolled(cast):
    other = a_person(cast["province_b"], commune_code="00004")
    klass = make_class(cast["province_a"])
    with pytest.raises(ValidationError, match="cư trú ngoài địa bàn"):
        services.enrolment_create(actor=cast["commune_a"], training_class=klass, person=other, data={})


def test_the_journey_attending_then_completed_with_a_certificate(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer)
    enrolment = services.enrolment_create(actor=officer, training_class=klass, person=a_person(officer), data={})
    services.enrolment_transition(actor=officer, enrolment=enrolment, status="attending", on=START)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_transition(actor=officer, enrolment=enrolment, status="completed", on=START,
                                      certificate_number="")  # fmt: skip
    assert "Số chứng chỉ" in exc.value.message_dict["certificate_number"][0]
    done = services.enrolment_transition(actor=officer, enrolment=enrolment, status="completed",
                                         on=dt.date(2026, 5, 1), certificate_number="SC-01")  # fmt: skip
    assert done.status == "completed" and done.employment_check_until == dt.date(2026, 11, 1)
    assert list(done.events.values_list("status", flat=True)) == ["enrolled", "attending", "completed"]
    with pytest.raises(ValidationError, match="không chuyển được"):
        services.enrolment_transition(actor=officer, enrolment=done, status="dropped", on=dt.date(2026, 5, 2))


def test_completion_before_the_class_start_is_refused_and_nothing_changes(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer)
    enrolment = services.enrolment_create(actor=officer, training_class=klass, person=a_person(officer),
                                          data={"enrolled_on": START - dt.timedelta(days=20)})  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.enrolment_transition(actor=officer, enrolment=enrolment, status="completed",
                                      on=START - dt.timedelta(days=1), certificate_number="SC-9")  # fmt: skip
    assert exc.value.message_dict["on"] == ["Ngày hoàn thành 01/03/2026 trước ngày khai giảng 02/03/2026."]
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled" and enrolment.events.count() == 1


def test_another_area_cannot_move_an_enrolment_on(cast):
    officer = cast["counsellor_a"]
    enrolment = services.enrolment_create(actor=officer, training_class=make_class(officer),
                                          person=a_person(officer), data={})  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.enrolment_transition(actor=cast["province_b"], enrolment=enrolment, status="dropped", on=START)


def test_demand_is_counted_by_occupation_and_commune_against_the_seats_planned(cast):
    from vieclam.training.selectors import demand_by_occupation_and_commune

    officer = cast["province_a"]
    sewing = occupation()
    wishes = [a_person(officer) for _ in range(3)] + [a_person(officer, commune_code="25480")]
    for person in wishes:
        services.interest_record(actor=officer, person=person,
                                 data={"occupation": sewing, "source": "survey", "recorded_on": START})  # fmt: skip
    services.interest_record(
        actor=officer, person=wishes[0], data={"occupation": sewing, "source": "fair", "recorded_on": START}
    )  # once a person
    make_class(officer, capacity=2)  # in Tân Ninh, for the same occupation
    rows = demand_by_occupation_and_commune(viewer=officer, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    got = [(row.commune, row.persons, row.seats, row.gap) for row in rows]
    assert got == [("Phường Bình Minh", 1, 0, 1), ("Phường Tân Ninh", 3, 2, 1)]
    assert demand_by_occupation_and_commune(viewer=cast["province_b"], start=START, end=START) == []
    with pytest.raises(ValidationError) as exc:
        services.interest_record(actor=officer, person=wishes[0], data={"source": "nowhere", "recorded_on": START})
    assert set(exc.value.message_dict) == {"occupation", "source"}


def test_the_group_with_the_highest_norm_is_found_from_the_record_or_named_by_the_officer(cast):
    officer = cast["counsellor_a"]
    klass = make_class(officer)
    disabled = a_person(officer, name="Người Khuyết Tật")
    Person.objects.filter(pk=disabled.pk).update(priority_groups=["nguoi_khuyet_tat"])
    disabled = in_household(officer, disabled, "near_poor")  # near-poor too: the disability norm is higher
    land = a_person(officer, name="Hộ Thu Hồi Đất")
    rows = services.enrolments_create(actor=officer, training_class=klass, rows=[
        (disabled, {"support_amount": 4_000_000}),  # above the near-poor norm, within the course cost
        (land, {"priority_group": "ho_bi_thu_hoi_dat", "support_amount": 3_000_000}),
    ])  # fmt: skip
    assert [(r.priority_group.code, r.support_norm.code) for r in rows] == [
        ("nguoi_khuyet_tat", "qd46_khuyet_tat"), ("ho_bi_thu_hoi_dat", "qd46_thu_hoi_dat")]  # fmt: skip
    with pytest.raises(ValidationError, match="không có nhóm “khong_co”"):
        services.enrolment_create(actor=officer, training_class=klass, person=a_person(officer),
                                  data={"priority_group": "khong_co"})  # fmt: skip
