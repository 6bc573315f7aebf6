"""Fairs, booths, registrations, check-ins and interests through the services: every bad input refused with a
Vietnamese message naming the field, and nothing written half-way."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import services
from vieclam.fairs.choices import FairKind, FairStatus, InterestKind, RegistrationChannel
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairRegistration
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import AN, make_person
from vieclam.vacancies.services import vacancy_set_status
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db


def _audits(instance) -> int:
    content_type = ContentType.objects.get_for_model(instance)
    return AuditEvent.objects.filter(content_type=content_type, object_id=str(instance.pk)).count()


def _message(exc: pytest.ExceptionInfo, field: str) -> str:
    return " ".join(exc.value.message_dict[field])


#
# Fairs
#
def test_an_officer_plans_a_fair_in_their_commune_and_it_is_audited(cast):
    fair = make_fair(cast["commune_a"], status=FairStatus.PLANNED)
    assert fair.status == FairStatus.PLANNED
    assert fair.organiser == cast["commune_a"]
    assert _audits(fair) == 1


def test_a_fair_outside_the_officers_commune_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        make_fair(cast["commune_a"], commune="00004")
    assert "ngoài địa bàn" in _message(exc, "commune")
    assert not Fair.objects.exists()


def test_a_fair_ending_before_it_starts_or_without_places_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        make_fair(cast["commune_a"], starts_at=dt.time(14, 0), ends_at=dt.time(8, 0), capacity=0)
    assert "Giờ kết thúc (08:00) phải sau giờ bắt đầu (14:00)" in _message(exc, "ends_at")
    assert "Số người lao động tối đa" in _message(exc, "capacity")


def test_a_fair_moves_forward_only_and_is_held_only_from_its_day(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer, status=FairStatus.PLANNED, held_on=today() + dt.timedelta(days=3))
    with pytest.raises(ValidationError) as exc:
        services.fair_transition(actor=officer, fair=fair, to_status=FairStatus.HELD)
    assert "từ “Đang chuẩn bị” sang “Đã tổ chức”" in _message(exc, "status")
    fair = services.fair_transition(actor=officer, fair=fair, to_status=FairStatus.OPEN)
    with pytest.raises(ValidationError) as exc:
        services.fair_transition(actor=officer, fair=fair, to_status=FairStatus.HELD)
    assert "chưa thể ghi “Đã tổ chức”" in _message(exc, "status")


def test_an_officer_of_another_commune_cannot_run_the_fair(cast):
    fair = make_fair(cast["commune_a"], status=FairStatus.PLANNED)
    with pytest.raises(PermissionDenied):
        services.fair_transition(actor=cast["commune_b"], fair=fair, to_status=FairStatus.OPEN)
    assert services.fair_transition(actor=cast["province_a"], fair=fair, to_status=FairStatus.OPEN).status == "open"


#
# Booths
#
def _own_employer(cast) -> Employer:
    employer = make_employer(cast["commune_a"], name="Công ty May Tân Ninh")
    Employer.objects.filter(pk=employer.pk).update(account=cast["employer"])
    employer.refresh_from_db()
    return employer


def test_an_employer_registers_its_own_booth_with_two_open_vacancies(cast):
    employer = _own_employer(cast)
    vacancies = [make_vacancy(cast["province_a"], employer=employer, status="open") for _ in range(2)]
    fair = make_fair(cast["commune_a"])
    booth = services.booth_register(
        actor=cast["employer"], fair=fair, data={"employer": employer, "number": "A1", "vacancies": vacancies}
    )
    assert set(booth.vacancies.all()) == set(vacancies)
    assert _audits(booth) == 1


def test_an_employer_cannot_register_a_booth_for_another_employer(cast):
    other = make_employer(cast["commune_a"], name="Công ty Khác")
    fair = make_fair(cast["commune_a"])
    with pytest.raises(PermissionDenied):
        services.booth_register(actor=cast["employer"], fair=fair, data={"employer": other})


def test_a_closed_vacancy_cannot_go_on_a_booth_and_nothing_is_written(cast):
    staff = cast["province_a"]
    employer = make_employer(staff)
    open_one = make_vacancy(staff, employer=employer, status="open")
    closed = vacancy_set_status(actor=staff, vacancy=make_vacancy(staff, employer=employer, status="open"),
                                status="closed")  # fmt: skip
    fair = make_fair(cast["commune_a"])
    with pytest.raises(ValidationError) as exc:
        services.booth_register(actor=staff, fair=fair, data={"employer": employer, "vacancies": [open_one, closed]})
    assert "đang ở trạng thái “Đã đóng”" in _message(exc, "vacancies")
    assert not FairBooth.objects.exists()


def test_an_online_fair_needs_an_https_meeting_link(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff, kind=FairKind.ONLINE)
    employer = make_employer(staff)
    with pytest.raises(ValidationError) as exc:
        services.booth_register(actor=staff, fair=fair, data={"employer": employer, "meeting_link": "http://meet.vn/x"})
    assert "https://" in _message(exc, "meeting_link")
    with pytest.raises(ValidationError) as exc:
        services.booth_register(actor=staff, fair=fair, data={"employer": employer})
    assert "bắt buộc với phiên trực tuyến" in _message(exc, "meeting_link")
    assert not FairBooth.objects.exists()
    booth = services.booth_register(actor=staff, fair=fair, data={"employer": employer,
                                                                  "meeting_link": "https://meet.vn/x"})  # fmt: skip
    assert booth.meeting_link == "https://meet.vn/x"


def test_one_booth_per_employer_per_fair(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    employer = make_employer(staff)
    services.booth_register(actor=staff, fair=fair, data={"employer": employer, "number": "1"})
    with pytest.raises(ValidationError) as exc:
        services.booth_register(actor=staff, fair=fair, data={"employer": employer, "number": "2"})
    assert "đã có gian hàng" in _message(exc, "employer")
    with pytest.raises(ValidationError) as exc:
        services.booth_register(actor=staff, fair=fair, data={"employer": make_employer(staff), "number": "1"})
    assert "số 1 đã có đơn vị khác" in _message(exc, "number")


#
# Registrations
#
def test_registering_past_capacity_is_refused_and_no_person_is_created(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff, capacity=2)
    for n in range(2):
        services.registration_create(actor=staff, fair=fair, data=walk_in(n))
    persons = Person.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=fair, data=walk_in(3))
    assert _message(exc, "fair") == "Phiên: đã đủ 2 người đăng ký, không nhận thêm."
    assert Person.objects.count() == persons
    assert fair.registrations.count() == 2


def test_registering_after_the_fair_or_before_it_opens_is_refused(cast):
    staff = cast["commune_a"]
    past = make_fair(staff, held_on=today() - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=past, data=walk_in(1))
    assert "đã diễn ra ngày" in _message(exc, "fair")
    planned = make_fair(staff, status=FairStatus.PLANNED)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=planned, data=walk_in(2))
    assert "đang ở trạng thái “Đang chuẩn bị”" in _message(exc, "fair")
    assert not FairRegistration.objects.exists()


def test_a_walk_in_is_matched_by_cccd_or_created_through_the_people_services(cast):
    staff = cast["commune_a"]
    known = make_person(staff)
    fair = make_fair(staff)
    again = services.registration_create(actor=staff, fair=fair, data={"national_id": AN[0], "check_in": True})
    assert again.person == known
    assert again.channel == RegistrationChannel.WALK_IN
    assert again.checked_in_at is not None
    new = services.registration_create(actor=staff, fair=fair, data=walk_in(7))
    assert new.person.full_name == "Trần Thị Đến 7"
    assert _audits(new.person) == 1
    assert len(new.token) >= 40 and new.token != again.token


def test_a_walk_in_with_bad_details_writes_nothing(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=fair, data={**walk_in(1), "residence_commune": "00004"})
    assert "residence_commune" in exc.value.message_dict
    assert not FairRegistration.objects.exists()
    assert not Person.objects.exists()


def test_a_person_registers_once_per_fair(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    person = make_person(staff)
    services.registration_create(actor=staff, fair=fair, data={"person": person})
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=fair, data={"person": person})
    assert "đã đăng ký phiên này" in _message(exc, "person")


def test_a_worker_registers_online_with_their_own_record(cast):
    worker = cast["worker"]
    person = make_person(cast["commune_a"])
    Person.objects.filter(pk=person.pk).update(account=worker)
    fair = make_fair(cast["commune_a"])
    registration = services.registration_create(actor=worker, fair=fair, data={})
    assert (registration.person, registration.channel) == (person, RegistrationChannel.ONLINE)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=worker, fair=make_fair(cast["commune_a"]), data={"channel": "walk_in"})
    assert "tự đăng ký trực tuyến" in _message(exc, "channel")


def test_an_offline_walk_in_sent_twice_is_one_registration(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    data = {**walk_in(5), "client_key": "may-2-ban-ghi-17", "check_in": True}
    first = services.registration_create(actor=staff, fair=fair, data=data)
    second = services.registration_create(actor=staff, fair=fair, data=data)
    assert first.pk == second.pk
    assert fair.registrations.count() == 1
    assert Person.objects.count() == 1


#
# Check-in
#
def test_checking_in_twice_returns_the_first_check_in(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    first = services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    second = services.registration_check_in(actor=cast["province_a"], fair=fair, token=registration.token)
    assert second.checked_in_at == first.checked_in_at
    assert second.checked_in_by == staff
    assert fair.registrations.filter(checked_in_at__isnull=False).count() == 1
    assert _audits(registration) == 2  # registered, checked in; the second scan writes nothing


def test_a_qr_code_of_another_fair_or_a_forged_one_is_refused(cast):
    staff = cast["commune_a"]
    fair, other = make_fair(staff, name="Phiên tháng 12"), make_fair(staff, name="Phiên tháng 11")
    registration = services.registration_create(actor=staff, fair=other, data=walk_in(1))
    with pytest.raises(ValidationError) as exc:
        services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    assert _message(exc, "token").startswith("Mã QR: mã này là của phiên “Phiên tháng 11” ngày")
    with pytest.raises(ValidationError) as exc:
        services.registration_check_in(actor=staff, fair=fair, token="gia-mao")
    assert "không hợp lệ" in _message(exc, "token")
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_by_cccd_or_phone(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    by_id = services.registration_create(actor=staff, fair=fair, data={"person": make_person(staff)})
    by_phone = services.registration_create(actor=staff, fair=fair, data=walk_in(9))
    assert services.registration_check_in(actor=staff, fair=fair, national_id=AN[0]).pk == by_id.pk
    assert services.registration_check_in(actor=staff, fair=fair, phone="0900000009").pk == by_phone.pk
    with pytest.raises(ValidationError) as exc:
        services.registration_check_in(actor=staff, fair=fair, national_id="001085099999")
    assert "••••••••9999 chưa đăng ký phiên này" in _message(exc, "national_id")


def test_an_offline_check_in_sent_twice_counts_once(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    first = services.registration_check_in(actor=staff, fair=fair, token=registration.token, client_key="k-1")
    again = services.registration_check_in(actor=staff, fair=fair, token=registration.token, client_key="k-1")
    assert (first.pk, first.checked_in_at) == (again.pk, again.checked_in_at)


def test_no_check_in_before_the_fair_day_or_outside_the_area(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff, held_on=today() + dt.timedelta(days=2))
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    with pytest.raises(ValidationError) as exc:
        services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    assert "chưa ghi nhận người đến" in _message(exc, "fair")
    with pytest.raises(PermissionDenied):
        services.registration_check_in(actor=cast["commune_b"], fair=fair, token=registration.token)


#
# Interests
#
def test_an_interest_is_recorded_once_per_kind(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    services.interest_record(actor=staff, registration=registration, kind=InterestKind.TRAINING, note="Hàn")
    services.interest_record(actor=staff, registration=registration, kind=InterestKind.TRAINING, note="Điện")
    assert list(FairInterest.objects.values_list("kind", "note")) == [("training", "Điện")]
    with pytest.raises(ValidationError) as exc:
        services.interest_record(actor=staff, registration=registration, kind="du_lich")
    assert "Nhu cầu: không có giá trị “du_lich”" in _message(exc, "kind")


def test_a_cccd_of_another_area_is_used_only_with_the_name_and_birth_date_on_the_card(cast):
    elsewhere = make_person(cast["province_b"], name="Nguyễn Văn An", commune="00004")
    staff = cast["commune_a"]
    fair = make_fair(staff)
    with pytest.raises(ValidationError) as exc:
        services.registration_create(actor=staff, fair=fair, data={"national_id": AN[0]})
    message = _message(exc, "national_id")
    assert "địa bàn khác" in message and "Nguyễn Văn An" not in message
    registration = services.registration_create(
        actor=staff, fair=fair, data={"national_id": AN[0], "full_name": "nguyen van an", "date_of_birth": AN[1]}
    )
    assert registration.person == elsewhere
