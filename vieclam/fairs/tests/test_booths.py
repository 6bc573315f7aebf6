"""Booths: registering one (staff from the fair page, an employer from its portal), the booth page's actions
through the job exchange's and case work's services, interview slots, and who may see a booth."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from vieclam.applications.choices import ApplicationStatus
from vieclam.applications.models import Application
from vieclam.casework.models import CounsellingSession
from vieclam.casework.tests.factories import topics
from vieclam.connections.models import Connection
from vieclam.core.dates import today
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.fairs import booths, services, slots
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot
from vieclam.fairs.selectors import fair_report
from vieclam.fairs.tests.factories import make_fair, walk_in
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def at(fair: Fair, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(fair.held_on, dt.time(hour, minute)))


def _own_employer(cast, name: str = "Công ty May Tân Ninh") -> Employer:
    employer = make_employer(cast["commune_a"], name=name)
    Employer.objects.filter(pk=employer.pk).update(account=cast["employer"])
    employer.refresh_from_db()
    return employer


@pytest.fixture
def booth(cast) -> FairBooth:
    """A booth of the cast employer's company at a fair of commune A held today, with one open vacancy."""
    employer = _own_employer(cast)
    vacancy = make_vacancy(cast["province_a"], employer=employer, status="open", title="Thợ may công nghiệp")
    fair = make_fair(cast["commune_a"])
    return services.booth_register(actor=cast["commune_a"], fair=fair, data={"employer": employer, "number": "A1",
                                                                             "vacancies": [vacancy]})  # fmt: skip


def _register(staff, booth: FairBooth, n: int):
    return services.registration_create(actor=staff, fair=booth.fair, data={**walk_in(n), "booths": [booth]})


#
# Registering a booth through the pages
#
def test_staff_register_a_booth_from_the_fair_page_by_picking_the_employer_then_its_open_vacancies(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer)
    employer = make_employer(officer, name="Công ty Dệt Tân Ninh")
    vacancy = make_vacancy(cast["province_a"], employer=employer, status="open", title="Công nhân dệt")
    draft = make_vacancy(cast["province_a"], employer=employer, title="Kế toán chờ duyệt")
    client = client_of(officer)
    assert "Đăng ký gian hàng" in client.get(f"/fairs/{fair.pk}/").content.decode()
    step = client.get(f"/fairs/{fair.pk}/booths/new/", {"employer": employer.pk, "employer_label": employer.name})
    page = step.content.decode()
    assert "Công nhân dệt" in page and "Kế toán chờ duyệt (chờ duyệt)" in page
    post = {"employer": employer.pk, "employer_label": employer.name, "number": "B2", "contact_name": "Chị Lan"}
    page = client.post(f"/fairs/{fair.pk}/booths/new/", {**post, "vacancies": [vacancy.pk, draft.pk]})
    assert "chỉ đưa lên gian hàng việc làm đang tuyển" in page.content.decode()
    assert not FairBooth.objects.exists()
    response = client.post(f"/fairs/{fair.pk}/booths/new/", {**post, "vacancies": [vacancy.pk]})
    booth = FairBooth.objects.get()
    assert response["Location"] == f"/fairs/booths/{booth.pk}/"
    assert (booth.employer, booth.number, list(booth.vacancies.all())) == (employer, "B2", [vacancy])


def test_an_employer_registers_its_booth_from_the_portal_list_of_open_fairs(cast):
    employer = _own_employer(cast)
    vacancy = make_vacancy(cast["province_a"], employer=employer, status="open", title="Thợ cắt")
    fair = make_fair(cast["commune_a"], kind=FairKind.ONLINE, name="Phiên trực tuyến tháng Mười Hai")
    make_fair(cast["commune_a"], status=FairStatus.HELD, name="Phiên đã tổ chức")
    client = client_of(cast["employer"])
    page = client.get("/fairs/booths/open/").content.decode()
    assert "Phiên trực tuyến tháng Mười Hai" in page and "Phiên đã tổ chức" not in page
    url = f"/fairs/booths/register/?fair={fair.pk}&employer={employer.pk}"
    form = client.get(url).content.decode()
    assert "Thợ cắt" in form and "/applications/my/vacancies/new/?next=" in form
    data = {"fair": fair.pk, "employer": employer.pk, "vacancies": [vacancy.pk], "meeting_link": "http://meet.vn/a"}
    page = client.post("/fairs/booths/register/", data)
    assert "phải bắt đầu bằng https://" in page.content.decode()
    response = client.post("/fairs/booths/register/", {**data, "meeting_link": "https://meet.vn/a"})
    booth = FairBooth.objects.get()
    assert response["Location"] == f"/fairs/booths/{booth.pk}/" and booth.registered_by == cast["employer"]
    assert "Đã đăng ký" in client.get("/fairs/booths/open/").content.decode()
    assert client.get(f"/fairs/booths/register/?fair={'9' * 25}").status_code == 404  # no such fair, no error


def test_an_account_without_an_employer_sees_no_fairs_and_cannot_register(cast):
    fair = make_fair(cast["commune_a"], name="Phiên riêng")
    client = client_of(cast["employer"])
    assert "Phiên riêng" not in client.get("/fairs/booths/open/").content.decode()
    assert client.get(f"/fairs/booths/register/?fair={fair.pk}").status_code == 404
    assert client_of(cast["worker"]).get("/fairs/booths/open/").status_code == 403


#
# Interview slots
#
def test_the_employer_opens_slots_on_the_fair_day_within_its_hours(cast, booth):
    fair = booth.fair
    slot = slots.slot_create(actor=cast["employer"], booth=booth, starts_at=at(fair, 8), minutes=20)
    assert (slot.booth, slot.minutes) == (booth, 20)
    with pytest.raises(ValidationError) as exc:
        slots.slot_create(actor=cast["employer"], booth=booth, starts_at=at(fair, 8) + dt.timedelta(days=1))
    assert "trong ngày tổ chức phiên" in exc.value.message_dict["starts_at"][0]
    edge = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC)  # no local time: refused, not a server error
    with pytest.raises(ValidationError) as exc:
        slots.slot_create(actor=cast["employer"], booth=booth, starts_at=edge)
    assert "trong ngày tổ chức phiên" in exc.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError) as exc:
        slots.slot_create(actor=cast["employer"], booth=booth, starts_at=at(fair, 13))
    assert "từ 07:30 đến 11:30" in exc.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError) as exc:
        slots.slot_create(actor=cast["commune_a"], booth=booth, starts_at=at(fair, 8))
    assert "đã có lịch phỏng vấn lúc 08:00" in exc.value.message_dict["starts_at"][0]
    with pytest.raises(PermissionDenied):
        slots.slot_create(actor=cast["commune_b"], booth=booth, starts_at=at(fair, 9))
    assert FairInterviewSlot.objects.count() == 1


def test_an_online_fair_booth_needs_an_https_link_before_slots(cast):
    officer = cast["commune_a"]
    fair = make_fair(officer, kind=FairKind.ONLINE)
    booth = FairBooth.objects.create(fair=fair, employer=make_employer(officer), meeting_link="")
    with pytest.raises(ValidationError) as exc:
        slots.slot_create(actor=officer, booth=booth, starts_at=at(fair, 9))
    assert "https://" in exc.value.message_dict["booth"][0]
    FairBooth.objects.filter(pk=booth.pk).update(meeting_link="https://meet.example.vn/phong-1")
    assert slots.slot_create(actor=officer, booth=booth, starts_at=at(fair, 9)).pk


def test_a_slot_taken_twice_is_refused_and_a_registration_holds_one_slot(cast, booth):
    staff = cast["commune_a"]
    first, second = (_register(staff, booth, n) for n in (1, 2))
    slot = slots.slot_create(actor=staff, booth=booth, starts_at=at(booth.fair, 9, 30))
    other = slots.slot_create(actor=staff, booth=booth, starts_at=at(booth.fair, 10))
    slots.slot_book(actor=staff, slot=slot, registration=first)
    assert slots.slot_book(actor=staff, slot=slot, registration=first).registration == first  # again: unchanged
    with pytest.raises(ValidationError) as exc:
        slots.slot_book(actor=staff, slot=slot, registration=second)
    assert exc.value.message_dict["slot"] == ["Lịch phỏng vấn lúc 09:30 đã có người đặt."]
    with pytest.raises(ValidationError) as exc:
        slots.slot_book(actor=staff, slot=other, registration=first)
    assert "đã đặt lịch phỏng vấn lúc 09:30" in exc.value.message_dict["registration"][0]
    slots.slot_release(actor=cast["employer"], slot=slot)
    assert slots.slot_book(actor=staff, slot=slot, registration=second).registration == second


def test_a_worker_books_only_for_their_own_registration(cast, booth):
    from vieclam.people.models import Person

    registration = _register(cast["commune_a"], booth, 1)
    slot = slots.slot_create(actor=cast["employer"], booth=booth, starts_at=at(booth.fair, 9))
    with pytest.raises(PermissionDenied):
        slots.slot_book(actor=cast["worker"], slot=slot, registration=registration)
    Person.objects.filter(pk=registration.person_id).update(account=cast["worker"])
    assert slots.slot_book(actor=cast["worker"], slot=slot, registration=registration).booked_at is not None
    assert slots.slot_release(actor=cast["worker"], slot=slot).registration is None


def test_slots_are_added_booked_and_released_from_the_booth_page(cast, booth):
    registration = _register(cast["commune_a"], booth, 1)
    base = f"/fairs/booths/{booth.pk}"
    day = booth.fair.held_on.strftime("%d/%m/%Y")
    client_of(cast["employer"]).post(f"{base}/slots/", {"starts_at": f"{day} 09:00", "minutes": "15"})
    slot = FairInterviewSlot.objects.get()
    staff = client_of(cast["commune_a"])
    staff.post(f"/fairs/slots/{slot.pk}/book/", {"registration": registration.pk})
    slot.refresh_from_db()
    assert slot.registration == registration
    page = staff.get(f"{base}/").content.decode()
    assert "Trần Thị Đến 1" in page and "09:00" in page
    client_of(cast["employer"]).post(f"/fairs/slots/{slot.pk}/release/")
    slot.refresh_from_db()
    assert slot.registration is None


#
# The booth page: actions and the report
#
def test_actions_on_the_booth_page_change_the_fair_report(cast, booth):
    staff, fair = cast["commune_a"], booth.fair
    vacancy = booth.vacancies.get()
    people = [_register(staff, booth, n).person for n in (1, 2, 3)]
    base = f"/fairs/booths/{booth.pk}"
    before = fair_report(Fair.objects.filter(pk=fair.pk))
    assert (before.applied, before.interviewed, before.interview_appointments, before.hired_at_fair) == (0, 0, 0, 0)
    client = client_of(staff)
    for person in people:
        client.post(f"{base}/apply/", {"person": person.pk, "person_label": person.full_name, "vacancy": vacancy.pk})
    first, second, third = (Application.objects.get(person=p) for p in people)
    employer = client_of(cast["employer"])
    employer.post(f"{base}/interview/", {"application": first.pk})  # on the spot
    employer.post(f"{base}/interview/", {"application": second.pk})
    later = {"to_status": "interview_scheduled", "interview_at": "20/12/2099 09:00", "next": base}
    employer.post(f"/applications/{third.pk}/transition/", later)
    employer.post(f"/applications/{first.pk}/transition/", {"to_status": "offered", "next": base})
    response = employer.post(f"/applications/{first.pk}/transition/", {
        "to_status": "hired", "contract_type": "xac_dinh_12_den_36_thang",
        "start_date": today().strftime("%d/%m/%Y"), "next": base})  # fmt: skip
    assert response["Location"] == base
    for kind in ("training", "labour_export"):
        client.post(f"{base}/record/", {"person": people[1].pk, "person_label": "x", "kind": kind})
    client.post(f"{base}/record/", {"person": people[2].pk, "person_label": "x", "kind": "counselling",
                                    "topics": [t.code for t in topics("tim_viec_lam")]})  # fmt: skip

    report = fair_report(Fair.objects.filter(pk=fair.pk))
    assert (report.applied, report.interviewed, report.interview_appointments) == (3, 2, 1)
    assert (report.hired_at_fair, report.hired_within_30_days) == (1, 1)
    assert (report.training, report.labour_export) == (1, 1)
    assert Connection.objects.filter(application=first).exists()  # the hire is a successful connection
    session = CounsellingSession.objects.get()
    assert (session.person, session.held_on, session.channel.code) == (people[2], fair.held_on, "tai_xa_phuong")


def test_a_worker_not_registered_at_the_fair_cannot_apply_at_the_booth(cast, booth):
    from vieclam.seekers.tests.factories import make_person

    stranger = make_person(cast["commune_a"], name="Lê Văn Lạ")
    with pytest.raises(ValidationError) as exc:
        booths.booth_apply(actor=cast["commune_a"], booth=booth, person=stranger, vacancy=booth.vacancies.get())
    assert "chưa đăng ký phiên này" in exc.value.message_dict["person"][0]
    other = make_vacancy(cast["province_a"], employer=booth.employer, status="open", title="Bảo vệ")
    person = _register(cast["commune_a"], booth, 1).person
    with pytest.raises(ValidationError) as exc:
        booths.booth_apply(actor=cast["commune_a"], booth=booth, person=person, vacancy=other)
    assert "không được đưa lên gian hàng này" in exc.value.message_dict["vacancy"][0]
    with pytest.raises(PermissionDenied):
        booths.booth_apply(actor=cast["employer"], booth=booth, person=person, vacancy=booth.vacancies.get())
    assert not Application.objects.exists()


def test_an_interview_now_is_scheduled_then_interviewed_in_the_applications_timeline(cast, booth):
    person = _register(cast["commune_a"], booth, 1).person
    application = booths.booth_apply(actor=cast["commune_a"], booth=booth, person=person,
                                     vacancy=booth.vacancies.get())  # fmt: skip
    booths.booth_interview_now(actor=cast["employer"], booth=booth, application=application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEWED
    moves = list(application.events.order_by("pk").values_list("to_status", flat=True))
    assert moves == ["submitted", "interview_scheduled", "interviewed"]
    with pytest.raises(ValidationError):
        booths.booth_interview_now(actor=cast["employer"], booth=booth, application=application)


#
# Who sees a booth
#
def test_the_booth_page_is_for_staff_of_the_area_and_the_booths_employer_only(cast, booth):
    from vieclam.accounts.choices import Role
    from vieclam.accounts.services import user_create

    url = f"/fairs/booths/{booth.pk}/"
    assert client_of(cast["commune_a"]).get(url).status_code == 200
    page = client_of(cast["employer"]).get(url).content.decode()
    assert "Thợ may công nghiệp" in page and "Mở lịch phỏng vấn" in page
    assert "Đăng ký tìm việc tại gian hàng" not in page  # staff only
    assert client_of(cast["commune_b"]).get(url).status_code == 404
    other = user_create(actor=None, username="employer_2", role=Role.EMPLOYER, password="x-Pass-12345!")
    Employer.objects.filter(pk=make_employer(cast["commune_a"], name="Công ty Khác").pk).update(account=other)
    assert client_of(other).get(url).status_code == 404
    assert client_of(cast["worker"]).get(url).status_code == 404


def test_the_booth_page_reads_a_fixed_number_of_queries(cast, booth, django_assert_max_num_queries):
    staff = cast["commune_a"]
    vacancy = booth.vacancies.get()
    for n in range(8):
        person = _register(staff, booth, n).person
        booths.booth_apply(actor=staff, booth=booth, person=person, vacancy=vacancy)
        slot = slots.slot_create(actor=staff, booth=booth, starts_at=at(booth.fair, 8, 5 * n))
        if n % 2:
            slots.slot_book(actor=staff, slot=slot, registration=booth.interested.get(person=person))
    client = client_of(staff)
    client.get(f"/fairs/booths/{booth.pk}/")  # warm the caches (code lists, session)
    with django_assert_max_num_queries(40):
        page = client.get(f"/fairs/booths/{booth.pk}/")
    assert page.content.decode().count("Trần Thị Đến") >= 16
