"""Pages: sign-up → apply → the employer moves the application to hired; scoping, approvals, referral, exports."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from vieclam.applications import services
from vieclam.applications.models import Application
from vieclam.applications.tests.factories import (
    LAN,
    MINH,
    make_employer_account,
    make_worker,
    open_vacancy,
    person_of,
)
from vieclam.conftest import PASSWORD
from vieclam.employers.tests.factories import valid_tax_code
from vieclam.people.models import Person
from vieclam.seekers.tests.factories import make_profile
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db

MY = "/applications/my/"


@pytest.fixture
def world(cast):
    employer_a, company_a = make_employer_account("cong_ty_a", name="Công ty May A")
    employer_b, company_b = make_employer_account("cong_ty_b", name="Công ty Gỗ B")
    return {
        **cast,
        "employer_a": employer_a,
        "employer_b": employer_b,
        "company_a": company_a,
        "vacancy_a": open_vacancy(cast["province_a"], company_a, title="Thợ may"),
        "vacancy_b": open_vacancy(cast["province_a"], company_b, title="Thợ mộc"),
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submit(user, vacancy) -> Application:
    return services.application_submit(actor=user, vacancy=vacancy, person=person_of(user))


def worker_form(**overrides) -> dict:
    data = {
        "password1": PASSWORD,
        "password2": PASSWORD,
        "full_name": "Lê Thị Hoa",
        "national_id": "080195001234",
        "date_of_birth": "1995-05-10",
        "sex": "female",
        "residence_commune": "25459",
        "phone": "0912345678",
    }
    return {**data, **overrides}


def transition(client, application, to_status, **data):
    return client.post(f"/applications/{application.pk}/transition/", {"to_status": to_status, "next": MY, **data})


#
# The whole path
#
def test_worker_signs_up_applies_and_is_hired_by_the_employer(world):
    vacancy = world["vacancy_a"]
    apply_url = f"/applications/apply/{vacancy.pk}/"
    anonymous = Client()
    assert anonymous.get(apply_url)["Location"] == f"/accounts/login/?next={apply_url}"

    response = anonymous.post(f"/register/worker/?next={apply_url}", worker_form(next=apply_url))
    assert response.status_code == 302 and response["Location"] == apply_url
    person = Person.objects.get(national_id="080195001234")
    assert person.account.username.startswith("lethihoa.")
    profile = make_profile(world["counsellor_a"], person)
    assert "Xác nhận ứng tuyển" in anonymous.get(apply_url).content.decode()
    assert anonymous.post(apply_url)["Location"] == MY
    page = anonymous.get(MY).content.decode()
    assert "Thợ may" in page and "Đã nộp hồ sơ" in page
    application = Application.objects.get()

    employer = client_for(world["employer_a"])
    page = employer.get(MY).content.decode()
    assert "Lê Thị Hoa" in page and "Đánh dấu đã xem" in page
    assert transition(employer, application, "seen")["Location"] == MY
    transition(employer, application, "interview_scheduled", interview_at=f"{in_days(3).isoformat()}T09:30")
    transition(employer, application, "interviewed")
    transition(employer, application, "offered")
    transition(employer, application, "hired", contract_type="khong_xac_dinh_thoi_han", start_date=in_days(10))

    application.refresh_from_db()
    assert application.status == "hired" and application.successful_connection
    assert application.events.count() == 6
    profile.refresh_from_db()
    assert profile.status == "placed"
    page = anonymous.get(MY).content.decode()
    assert "Đã tuyển dụng" in page and "Hợp đồng lao động không xác định thời hạn" in page


def test_a_hire_without_contract_comes_back_as_an_error_message(world):
    worker = make_worker("hoa")
    application = submit(worker, world["vacancy_a"])
    employer = client_for(world["employer_a"])
    transition(employer, application, "seen")
    response = employer.post(f"/applications/{application.pk}/transition/", {"to_status": "hired"}, follow=True)
    assert "Trường này bắt buộc" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "seen"


#
# Sign-up forms
#
def test_sign_up_checks_passwords(world):
    client = Client()
    page = client.post("/register/worker/", worker_form(password2="khac-han-2026")).content.decode()
    assert "Hai mật khẩu không giống nhau" in page
    page = client.post("/register/worker/", worker_form(password1="12345", password2="12345")).content
    assert "mật khẩu" in page.decode().lower() and not Person.objects.exists()


def test_sign_up_shows_service_errors_on_their_fields(world):
    response = Client().post("/register/worker/", worker_form(sex="male"))
    assert response.status_code == 200
    assert "national_id" in response.context["form"].errors
    assert not Person.objects.exists()


def test_sign_up_offers_only_communes_of_the_demo_province(world):
    page = Client().get("/register/worker/").content.decode()
    assert 'value="25459"' in page and 'value="00004"' not in page
    response = Client().post("/register/worker/", worker_form(residence_commune="00004"))
    assert "residence_commune" in response.context["form"].errors


def test_employer_signs_up_and_posts_a_vacancy_that_waits_for_approval(world):
    client = Client()
    data = {"password1": PASSWORD, "password2": PASSWORD, "name": "Công ty Gỗ Tây Ninh",
            "tax_code": valid_tax_code(), "employer_type": "dn_ngoai_nha_nuoc", "commune": "25459",
            "phone": "0276 3822 111"}  # fmt: skip
    assert client.post("/register/employer/", data)["Location"] == MY
    employer = client.get("/applications/my/vacancies/new/").context["form"].fields["employer"].initial
    form = {
        "employer": employer,
        "title": "Thợ chạm khắc gỗ",
        "occupation": "7522",
        "positions_count": "3",
        "workplace_commune": "25459",
        "pay_min": "7000000",
        "deadline": in_days(20).strftime("%d/%m/%Y"),
    }
    assert client.post("/applications/my/vacancies/new/", form)["Location"] == MY
    vacancy = Vacancy.objects.get(title="Thợ chạm khắc gỗ")
    assert vacancy.status == "draft" and "Chờ duyệt" in client.get(MY).content.decode()

    province_b = client_for(world["province_b"])
    assert "Thợ chạm khắc gỗ" not in province_b.get("/vacancies/approvals/").content.decode()
    assert province_b.post(f"/vacancies/approvals/{vacancy.pk}/", {"decision": "approve"}).status_code == 404
    counsellor = client_for(world["counsellor_a"])
    assert "Thợ chạm khắc gỗ" in counsellor.get("/vacancies/approvals/").content.decode()
    counsellor.post(f"/vacancies/approvals/{vacancy.pk}/", {"decision": "approve"})
    vacancy.refresh_from_db()
    assert vacancy.status == "open"
    assert not counsellor.get("/vacancies/approvals/").context["page"].object_list


def test_a_rejected_draft_is_closed(world):
    draft = open_vacancy(world["province_a"], world["company_a"], status="draft")
    client_for(world["counsellor_a"]).post(f"/vacancies/approvals/{draft.pk}/", {"decision": "reject"})
    draft.refresh_from_db()
    assert draft.status == "closed"


#
# Applying: errors in Vietnamese
#
def test_applying_to_a_closed_vacancy_or_twice_shows_why(world):
    worker = make_worker("hoa")
    client = client_for(worker)
    client.post(f"/applications/apply/{world['vacancy_a'].pk}/")
    assert (
        "Bạn đã ứng tuyển việc làm này" in client.get(f"/applications/apply/{world['vacancy_a'].pk}/").content.decode()
    )
    vacancy_set_status(actor=world["province_a"], vacancy=world["vacancy_b"], status="closed")
    page = client.post(f"/applications/apply/{world['vacancy_b'].pk}/").content.decode()
    assert "không nhận hồ sơ" in page and Application.objects.count() == 1


def test_a_draft_of_another_exchange_is_404_and_staff_cannot_apply(world):
    draft = open_vacancy(world["province_a"], world["company_a"], status="draft")
    worker = make_worker("hoa")
    assert client_for(worker).get(f"/applications/apply/{draft.pk}/").status_code == 404
    page = client_for(world["counsellor_a"]).post(f"/applications/apply/{world['vacancy_a'].pk}/").content.decode()
    assert "Chỉ tài khoản người lao động" in page and not Application.objects.exists()


#
# Who sees what
#
def test_another_employer_and_another_worker_get_404(world):
    hoa = make_worker("hoa")
    minh = make_worker("minh", identity=MINH, name="Trần Văn Minh")
    application = submit(hoa, world["vacancy_a"])
    for outsider in (world["employer_b"], minh, world["province_b"]):
        client = client_for(outsider)
        assert client.get(f"/applications/{application.pk}/").status_code == 404
        assert transition(client, application, "seen").status_code == 404
    assert "Lê Thị Hoa" not in client_for(world["employer_b"]).get(MY).content.decode()
    assert client_for(hoa).get(f"/applications/{application.pk}/").status_code == 200
    assert client_for(world["employer_a"]).get(f"/applications/{application.pk}/").status_code == 200
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_worker_withdraws_from_my_page(world):
    hoa = make_worker("hoa")
    application = submit(hoa, world["vacancy_a"])
    client = client_for(hoa)
    assert "Rút hồ sơ" in client.get(MY).content.decode()
    transition(client, application, "withdrawn")
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_the_employer_refuses_with_a_reason(world):
    application = submit(make_worker("hoa"), world["vacancy_a"])
    transition(client_for(world["employer_a"]), application, "refused", reason="did_not_attend", note="Vắng 2 lần")
    application.refresh_from_db()
    assert (application.status, application.refusal_reason, application.refusal_note) == (
        "refused",
        "did_not_attend",
        "Vắng 2 lần",
    )


@pytest.mark.parametrize("role", ["worker", "employer"])
def test_staff_pages_are_for_staff(world, role):
    client = client_for(world[role])
    assert client.get("/applications/").status_code == 403
    assert client.get("/vacancies/approvals/").status_code == 403
    assert client.get("/applications/refer/").status_code == 403


def test_staff_list_is_scoped_filtered_and_exported(world):
    submit(make_worker("hoa"), world["vacancy_a"])
    submit(make_worker("lan", identity=LAN, name="Phạm Thị Lan", commune_code="00004"), world["vacancy_b"])
    page = client_for(world["province_a"]).get("/applications/").content.decode()
    assert "Lê Thị Hoa" in page and "Phạm Thị Lan" not in page
    page = client_for(world["province_b"]).get("/applications/").content.decode()
    assert "Phạm Thị Lan" in page and "Lê Thị Hoa" not in page
    admin = client_for(world["admin"])
    page = admin.get("/applications/", {"vacancy": world["vacancy_b"].pk}).content.decode()
    assert "Phạm Thị Lan" in page and "Lê Thị Hoa" not in page
    assert "Lê Thị Hoa" in admin.get("/applications/", {"q": "le thi"}).content.decode()
    response = client_for(world["province_a"]).get("/applications/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][1] == "Lê Thị Hoa"
    response = client_for(world["province_a"]).get("/applications/", {"export": "xlsx", "status": "submitted"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert len(rows) == 2 and rows[1][1] == "Lê Thị Hoa"


#
# Referral
#
def test_a_counsellor_refers_from_the_referral_page(world):
    minh = make_worker("minh", identity=MINH, name="Trần Văn Minh", commune_code="25480")
    person, vacancy = person_of(minh), world["vacancy_a"]
    counsellor = client_for(world["counsellor_a"])
    url = f"/applications/refer/?vacancy={vacancy.pk}&person={person.pk}"
    page = counsellor.get(url).content.decode()
    assert "Trần Văn Minh" in page and "Thợ may" in page
    response = counsellor.post("/applications/refer/", {"vacancy": vacancy.pk, "person": person.pk, "note": "Khéo tay"})
    application = Application.objects.get()
    assert response["Location"] == f"/applications/{application.pk}/"
    assert application.channel == "referred" and application.referred_by == world["counsellor_a"]
    assert "đã có hồ sơ đang được xét" in counsellor.get(url).content.decode()


def test_referral_of_a_person_outside_the_area_is_404(world):
    lan = make_worker("lan", identity=LAN, name="Phạm Thị Lan", commune_code="00004")
    url = f"/applications/refer/?vacancy={world['vacancy_a'].pk}&person={person_of(lan).pk}"
    assert client_for(world["counsellor_a"]).get(url).status_code == 404
    assert client_for(world["counsellor_a"]).get("/applications/refer/?vacancy=x&person=1").status_code == 404


#
# Query counts
#
def _applications(world, count: int) -> None:
    for n in range(count):
        worker = make_worker(f"w{n}", identity=(f"080195{n:06d}", dt.date(1995, 5, 10), "female"))
        application = submit(worker, world["vacancy_a"])
        services.application_transition(actor=world["employer_a"], application=application, to_status="seen")
        open_vacancy(world["province_a"], world["company_a"], status="draft")


@pytest.mark.parametrize("count", [1, 4])
def test_list_pages_have_a_flat_query_count(world, count, django_assert_num_queries):
    _applications(world, count)
    staff, employer = client_for(world["province_a"]), client_for(world["employer_a"])
    worker = client_for(Person.objects.first().account)
    # session + user, areas (scope), count, page
    with django_assert_num_queries(5):
        assert staff.get("/applications/").status_code == 200
    # session + user, vacancies, applications, events, employers, contract types (×2)
    with django_assert_num_queries(8):
        assert employer.get(MY).status_code == 200
    # session + user, applications, events, own person, own active job-seeker profile, contract types (×2)
    with django_assert_num_queries(8):
        assert worker.get(MY).status_code == 200
    # session + user, areas (scope), count, drafts page
    with django_assert_num_queries(5):
        assert staff.get("/vacancies/approvals/").status_code == 200


def test_the_employer_types_interview_and_start_dates_as_dd_mm_yyyy_whatever_the_browser(world):
    hoa = make_worker("hoa")
    application = submit(hoa, world["vacancy_a"])
    employer = client_for(world["employer_a"])
    page = employer.get(MY).content.decode()
    assert 'type="date"' not in page and 'type="datetime-local"' not in page  # en-US shows mm/dd/yyyy there
    transition(employer, application, "seen")
    day = in_days(3)
    transition(employer, application, "interview_scheduled", interview_at=f"{day:%d/%m/%Y} 09:30")
    transition(employer, application, "interviewed")
    transition(employer, application, "hired", contract_type="khong_xac_dinh_thoi_han",
               start_date=f"{in_days(10):%d/%m/%Y}")  # fmt: skip
    application.refresh_from_db()
    assert application.status == "hired" and application.start_date == in_days(10)
    assert timezone.localtime(application.interview_at).date() == day
