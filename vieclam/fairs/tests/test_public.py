"""The public side of job fairs: pre-registration without an account (services.registration_apply), the public
pages, the ticket with its QR code, a worker's one-click registration, and tying a typed registration to a person
at the door (services.registration_check_in)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client

from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import selectors, services
from vieclam.fairs.choices import FairStatus, RegistrationChannel
from vieclam.fairs.models import FairRegistration
from vieclam.fairs.tests.factories import make_fair
from vieclam.fairs.timeline import check_in_timeline, registration_timeline
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import AN, make_person
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

# A CCCD nobody holds in the registry: born 1990 in Tây Ninh (072), female (digit 4 = 1).
NEW = ("072190004321", dt.date(1990, 5, 29))


def typed(national_id: str = NEW[0], born: dt.date | str = NEW[1], **extra) -> dict:
    return {"full_name": "Lê Thị Cúc", "national_id": national_id, "phone": "0912 345 678",
            "date_of_birth": born, **extra}  # fmt: skip


def _message(exc: pytest.ExceptionInfo, field: str) -> str:
    return " ".join(exc.value.message_dict[field])


def _audits(instance) -> list[AuditEvent]:
    content_type = ContentType.objects.get_for_model(instance)
    return list(AuditEvent.objects.filter(content_type=content_type, object_id=str(instance.pk)).order_by("pk"))


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


#
# registration_apply
#
def test_a_visitor_pre_registers_with_the_details_typed_and_no_person(cast):
    fair = make_fair(cast["commune_a"])
    booth = services.booth_register(actor=cast["commune_a"], fair=fair, data={"employer": make_employer(
        cast["commune_a"], name="Công ty May")})  # fmt: skip
    persons = Person.objects.count()
    registration = services.registration_apply(fair=fair, data=typed(born="29/05/1990", booths=[booth]))
    assert registration.person is None
    assert (registration.applicant_name, registration.applicant_national_id) == ("Lê Thị Cúc", NEW[0])
    assert (registration.applicant_phone, registration.applicant_birth_date) == ("0912345678", NEW[1])
    assert registration.channel == RegistrationChannel.ONLINE and len(registration.token) >= 40
    assert list(registration.booths.all()) == [booth]
    assert Person.objects.count() == persons
    (audit,) = _audits(registration)
    assert audit.actor is None and audit.action == "create"
    assert NEW[0] not in str(audit.changes)  # the CCCD is masked in the trail


def test_the_answer_is_the_same_whether_or_not_the_cccd_is_in_the_registry(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    make_person(staff)  # holds AN[0]
    held = services.registration_apply(fair=fair, data=typed(AN[0], AN[1], full_name="Tên Khác Hẳn"))
    new = services.registration_apply(fair=fair, data=typed())
    assert held.person is None and new.person is None
    anonymous = Client()
    other = make_fair(staff)
    answers = [anonymous.post(f"/job-fairs/{other.pk}/", {"full_name": "Ai Đó", "national_id": nid,
                                                           "date_of_birth": born.strftime("%d/%m/%Y"),
                                                           "phone": "0912345678"})
               for nid, born in ((AN[0], AN[1]), NEW)]  # fmt: skip
    assert [a.status_code for a in answers] == [302, 302]
    assert all(a["Location"].startswith("/job-fairs/ticket/") for a in answers)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (typed("07219000432"), "national_id", "nhập đủ 12 chữ số"),
        (typed("07219000432a"), "national_id", "nhập đủ 12 chữ số"),
        (typed("999190004321"), "national_id", "không phải mã tỉnh"),
        (typed(born=dt.date(1991, 5, 29)), "national_id", "không khớp năm sinh 1991"),
        (typed(phone="12345"), "phone", "nhập 10 chữ số, bắt đầu bằng 0"),
        (typed(born="31/02/1990"), "date_of_birth", "không phải một ngày"),
        (typed(born=today() + dt.timedelta(days=1)), "date_of_birth", "không thể ở tương lai"),
        (typed(full_name=""), "full_name", "Họ và tên: trường này bắt buộc"),
        (typed(full_name="A" * 101), "full_name", "dài quá 100"),
    ],
)
def test_bad_details_are_refused_with_the_field_named_and_nothing_written(cast, data, field, words):
    fair = make_fair(cast["commune_a"])
    with pytest.raises(ValidationError) as exc:
        services.registration_apply(fair=fair, data=data)
    assert words in _message(exc, field)
    assert not FairRegistration.objects.exists()


def test_a_child_cannot_pre_register(cast):
    born = dt.date(today().year - 10, 1, 1)
    national_id = f"0722{born.year % 100:02d}004321"
    with pytest.raises(ValidationError) as exc:
        services.registration_apply(fair=make_fair(cast["commune_a"]), data=typed(national_id, born))
    assert "phải đủ 15 tuổi" in _message(exc, "date_of_birth")


def test_a_fair_not_open_passed_or_full_takes_no_pre_registration(cast):
    staff = cast["commune_a"]
    planned = make_fair(staff, status=FairStatus.PLANNED)
    passed = make_fair(staff, held_on=today() - dt.timedelta(days=1))
    full = make_fair(staff, capacity=1)
    services.registration_apply(fair=full, data=typed(AN[0], AN[1]))
    expected = {planned: "đang ở trạng thái “Đang chuẩn bị”", passed: "đã diễn ra ngày", full: "đã đủ 1 người"}
    for fair, words in expected.items():
        with pytest.raises(ValidationError) as exc:
            services.registration_apply(fair=fair, data=typed())
        assert words in _message(exc, "fair")
    assert FairRegistration.objects.count() == 1


def test_the_same_cccd_twice_and_a_booth_of_another_fair_are_refused(cast):
    staff = cast["commune_a"]
    fair, other = make_fair(staff), make_fair(staff)
    elsewhere = services.booth_register(actor=staff, fair=other, data={"employer": make_employer(staff)})
    services.registration_apply(fair=fair, data=typed())
    with pytest.raises(ValidationError) as exc:
        services.registration_apply(fair=fair, data=typed(full_name="Lê Thị Cúc", phone="0987654321"))
    assert "đã đăng ký phiên này rồi" in _message(exc, "national_id")
    with pytest.raises(ValidationError) as exc:
        services.registration_apply(fair=fair, data=typed(AN[0], AN[1], booths=[elsewhere]))
    assert "không thuộc phiên này" in _message(exc, "booths")
    assert FairRegistration.objects.filter(fair=fair).count() == 1


#
# At the door
#
def test_at_the_door_a_new_cccd_becomes_a_person_of_the_fairs_commune(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_apply(fair=fair, data=typed())
    done = services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    person = done.person
    assert person is not None and done.checked_in_at is not None
    assert (person.full_name, person.national_id, person.date_of_birth) == ("Lê Thị Cúc", NEW[0], NEW[1])
    assert person.sex == "female" and person.phone == "0912345678"
    assert person.residence_commune == fair.commune
    assert "person" in _audits(done)[-1].changes
    assert services.registration_check_in(actor=staff, fair=fair, token=registration.token).pk == done.pk


def test_at_the_door_a_cccd_in_the_registry_with_the_same_name_and_birth_date_is_that_person(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    known = make_person(staff)
    registration = services.registration_apply(fair=fair, data=typed(AN[0], AN[1], full_name="nguyễn  văn AN"))
    done = services.registration_check_in(actor=staff, fair=fair, national_id=AN[0])
    assert done.pk == registration.pk and done.person == known
    assert Person.objects.count() == 1


def test_at_the_door_a_cccd_whose_record_disagrees_asks_to_check_the_card_and_writes_nothing(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    make_person(staff)
    registration = services.registration_apply(fair=fair, data=typed(AN[0], AN[1], full_name="Trần Văn Khác"))
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    assert "Hãy xem lại thẻ CCCD" in _message(exc, "national_id") and AN[0] not in _message(exc, "national_id")
    registration.refresh_from_db()
    assert registration.person is None and registration.checked_in_at is None
    assert Person.objects.count() == 1 and AuditEvent.objects.count() == events


def test_at_the_door_a_pre_registration_is_found_by_its_phone(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_apply(fair=fair, data=typed())
    assert services.registration_check_in(actor=staff, fair=fair, phone="0912345678").pk == registration.pk


def test_a_worker_registered_with_an_account_and_on_the_page_is_counted_once_at_the_door(cast):
    staff, worker = cast["commune_a"], cast["worker"]
    fair = make_fair(staff)
    booth = services.booth_register(actor=staff, fair=fair, data={"employer": make_employer(staff)})
    person = make_person(staff)
    Person.objects.filter(pk=person.pk).update(account=worker)
    own = services.registration_create(actor=worker, fair=fair, data={})
    typed_one = services.registration_apply(fair=fair, data=typed(AN[0], AN[1], full_name="Nguyễn Văn An",
                                                                  booths=[booth]))  # fmt: skip
    done = services.registration_check_in(actor=staff, fair=fair, token=typed_one.token)
    assert done.pk == own.pk and done.checked_in_at is not None
    assert list(done.booths.all()) == [booth]
    assert list(FairRegistration.objects.filter(fair=fair)) == [own]


#
# Everything that reads registrations copes with no person
#
def test_reports_lists_api_timeline_and_the_staff_page_cope_with_a_registration_without_person(cast, api_as):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_apply(fair=fair, data=typed())
    report = selectors.fair_report(selectors.fair_list(viewer=staff).filter(pk=fair.pk))
    assert report.registered_online == 1 and report.registered == 1
    assert report.priority_groups == {}
    assert list(selectors.registration_list(viewer=staff, fair=fair)) == [registration]
    rows = api_as(staff).get(f"/api/v1/fair-registrations/?fair={fair.pk}").json()["results"]
    assert rows[0]["person"] is None and rows[0]["person_name"] == "Lê Thị Cúc"
    page = client_of(staff).get(f"/fairs/{fair.pk}/").content.decode()
    assert "Lê Thị Cúc" in page and "tự khai" in page
    done = services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    assert len(registration_timeline(person=done.person, viewer=staff, limit=5)) == 1
    assert len(check_in_timeline(person=done.person, viewer=staff, limit=5)) == 1


#
# Pages
#
def _fair_with_booths(staff, booths: int = 3, *, exchange=None):
    fair = make_fair(staff, name="Phiên việc làm tháng Mười Hai", target_groups="Thanh niên, lao động nông thôn")
    for n in range(booths):
        employer = make_employer(staff, name=f"Công ty số {n}")
        vacancies = [
            make_vacancy(exchange, employer=employer, status="open", title=f"Thợ may {n}-{k}") for k in range(2)
        ]
        services.booth_register(actor=staff, fair=fair, data={"employer": employer, "vacancies": vacancies,
                                                               "number": f"A{n}", "contact_phone": "0909111222",
                                                               "contact_name": "Chị Liên Hệ"})  # fmt: skip
    return fair


def test_anyone_sees_the_fairs_to_come_but_not_the_drafts(cast):
    staff = cast["commune_a"]
    shown = make_fair(staff, name="Phiên đang nhận đăng ký")
    make_fair(staff, name="Phiên còn đang chuẩn bị", status=FairStatus.PLANNED)
    draft = make_fair(staff, status=FairStatus.PLANNED)
    page = Client().get("/job-fairs/").content.decode()
    assert "Phiên đang nhận đăng ký" in page and "Phiên còn đang chuẩn bị" not in page
    assert "Còn 100 chỗ đăng ký" in page
    assert Client().get(f"/job-fairs/{shown.pk}/").status_code == 200
    assert Client().get(f"/job-fairs/{draft.pk}/").status_code == 404
    assert "/job-fairs/" in Client().get("/").content.decode()  # in the public menu
    assert 'href="/job-fairs/"' not in client_of(staff).get("/").content.decode()  # staff: their own fair list


def test_the_fair_page_shows_its_employers_and_jobs_without_contacts_in_few_queries(
    cast, django_assert_max_num_queries
):
    staff = cast["commune_a"]
    fair = _fair_with_booths(staff, exchange=cast["province_a"], booths=2)
    with django_assert_max_num_queries(12):
        small = Client().get(f"/job-fairs/{fair.pk}/")
    bigger = _fair_with_booths(staff, exchange=cast["province_a"], booths=6)
    with django_assert_max_num_queries(12):
        page = Client().get(f"/job-fairs/{bigger.pk}/").content.decode()
    assert small.status_code == 200
    assert "Công ty số 5" in page and "Thợ may 5-1" in page and "Thanh niên, lao động nông thôn" in page
    vacancy = fair.booths.first().vacancies.first()
    assert f'href="/jobs/{vacancy.pk}/"' in small.content.decode()
    assert "0909111222" not in page and "Chị Liên Hệ" not in page


def test_a_visitor_pre_registers_from_the_page_and_sees_the_qr_code(cast):
    staff = cast["commune_a"]
    fair = _fair_with_booths(staff, exchange=cast["province_a"], booths=2)
    booth = fair.booths.order_by("number").first()
    client = Client()
    response = client.post(f"/job-fairs/{fair.pk}/", {**typed(born="29/05/1990"), "booths": [booth.pk]})
    registration = FairRegistration.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/job-fairs/ticket/{registration.token}/"
    ticket = client.get(response["Location"])
    html = ticket.content.decode()
    assert "<svg" in html and "Cúc" in html and "••••••••4321" in html
    assert "Lê Thị" not in html and NEW[0] not in html and "0912345678" not in html
    assert booth.employer.name in html and fair.name in html
    assert "no-store" in ticket["Cache-Control"] or "max-age=0" in ticket["Cache-Control"]
    assert Client().get("/job-fairs/ticket/khong-co-ma-nay/").status_code == 404


def test_the_page_names_each_wrong_field_and_writes_nothing(cast):
    fair = make_fair(cast["commune_a"])
    data = {**typed(phone="abc", born="32/13/1990"), "national_id": "123"}
    html = Client().post(f"/job-fairs/{fair.pk}/", data).content.decode()
    assert "Số điện thoại: nhập 10 chữ số" in html and "Ngày sinh: “32/13/1990” không phải một ngày" in html
    assert "Số CCCD: nhập đủ 12 chữ số" in html
    assert not FairRegistration.objects.exists()


def test_a_booth_of_another_fair_is_refused_on_the_page(cast):
    staff = cast["commune_a"]
    fair, other = make_fair(staff), _fair_with_booths(staff, exchange=cast["province_a"], booths=1)
    html = Client().post(f"/job-fairs/{fair.pk}/", {**typed(), "booths": [other.booths.get().pk]}).content.decode()
    assert "gian hàng đã chọn không thuộc phiên này" in html
    assert not FairRegistration.objects.exists()


def test_a_worker_registers_with_one_click_and_finds_the_qr_in_their_own_pages(cast):
    staff, worker = cast["commune_a"], cast["worker"]
    fair = _fair_with_booths(staff, exchange=cast["province_a"], booths=1)
    person = make_person(staff)
    Person.objects.filter(pk=person.pk).update(account=worker)
    client = client_of(worker)
    booth = fair.booths.get()
    response = client.post(f"/job-fairs/{fair.pk}/", {"w-booths": [booth.pk]})
    registration = FairRegistration.objects.get(person=person)
    assert response["Location"] == f"/job-fairs/ticket/{registration.token}/"
    assert list(registration.booths.all()) == [booth]
    assert "Bạn đã đăng ký phiên này" in client.get(f"/job-fairs/{fair.pk}/").content.decode()
    again = client.post(f"/job-fairs/{fair.pk}/", {}).content.decode()
    assert "đã đăng ký phiên này" in again and FairRegistration.objects.count() == 1
    mine = client.get("/job-fairs/mine/").content.decode()
    assert fair.name in mine and "<svg" in mine and registration.token in mine
    assert client_of(staff).get("/job-fairs/mine/").status_code == 403


def test_a_worker_without_a_record_is_told_to_make_one(cast):
    fair = make_fair(cast["commune_a"])
    html = client_of(cast["worker"]).post(f"/job-fairs/{fair.pk}/", {}).content.decode()
    assert "chưa có hồ sơ người lao động" in html and not FairRegistration.objects.exists()


def test_pre_registrations_count_against_the_public_write_budget(cast, settings):
    settings.VIECLAM_THROTTLE_CLIENT_RATE = "2/h"
    fair = make_fair(cast["commune_a"])
    client = Client()
    codes = [client.post(f"/job-fairs/{fair.pk}/", {"full_name": ""}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get(f"/job-fairs/{fair.pk}/").status_code == 200


def test_a_workers_fair_registrations_are_in_their_own_data(cast):
    staff, worker = cast["commune_a"], cast["worker"]
    fair = make_fair(staff, name="Phiên tháng Giêng", address="Nhà văn hóa khu phố 2")
    person = make_person(staff)
    Person.objects.filter(pk=person.pk).update(account=worker)
    registration = services.registration_create(actor=worker, fair=fair, data={})
    services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    html = client_of(worker).get("/me/data/").content.decode()
    section = html[html.index('<h2 class="h5">Phiên giao dịch việc làm <span') :]
    assert "Phiên tháng Giêng" in section and today().strftime("%d/%m/%Y") in section
    assert "Nhà văn hóa khu phố 2, Phường Tân Ninh" in section and "Đăng ký trực tuyến" in section
    assert registration.token not in html
