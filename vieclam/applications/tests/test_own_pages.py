"""An employer's own postings (open, edit, close, applicants) and a worker's "Việc làm phù hợp"."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from vieclam.applications import services
from vieclam.applications.models import Application
from vieclam.applications.tests.factories import LAN, make_employer_account, make_worker, open_vacancy, person_of
from vieclam.core.models import AuditEvent
from vieclam.vacancies.services import vacancy_close

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(cast):
    employer_a, company_a = make_employer_account("cong_ty_a", name="Công ty May A")
    employer_b, company_b = make_employer_account("cong_ty_b", name="Công ty Gỗ B")
    worker = make_worker("le_thi_hoa")
    vacancy = open_vacancy(cast["province_a"], company_a, title="Thợ may")
    services.application_submit(actor=worker, vacancy=vacancy, person=person_of(worker))
    return {**cast, "employer_a": employer_a, "employer_b": employer_b, "worker_hoa": worker, "vacancy": vacancy,
            "company_b": company_b}  # fmt: skip


def test_an_employer_opens_its_posting_and_sees_its_applicants(world):
    page = client_for(world["employer_a"]).get(f"/applications/my/vacancies/{world['vacancy'].pk}/")
    assert page.status_code == 200
    assert "Lê Thị Hoa" in page.content.decode() and "Đóng tin" in page.content.decode()


def test_another_employer_cannot_open_edit_or_close_the_posting(world):
    other = client_for(world["employer_b"])
    pk = world["vacancy"].pk
    assert other.get(f"/applications/my/vacancies/{pk}/").status_code == 404
    assert other.get(f"/applications/my/vacancies/{pk}/edit/").status_code == 404
    assert other.post(f"/applications/my/vacancies/{pk}/close/").status_code == 404
    assert client_for(world["worker_hoa"]).get(f"/applications/my/vacancies/{pk}/").status_code == 403
    with pytest.raises(PermissionDenied):
        vacancy_close(actor=world["employer_b"], vacancy=world["vacancy"])


def test_an_employer_closes_its_posting_audited_and_it_leaves_the_job_board(world):
    vacancy = world["vacancy"]
    client = client_for(world["employer_a"])
    assert client.post(f"/applications/my/vacancies/{vacancy.pk}/close/").status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == "closed"
    event = AuditEvent.objects.filter(object_id=str(vacancy.pk), actor=world["employer_a"]).latest("at")
    assert event.changes == {"status": ["open", "closed"]}
    assert Client().get(f"/jobs/{vacancy.pk}/").status_code == 404


def test_an_employer_edits_its_posting_and_the_change_is_audited(world):
    vacancy = world["vacancy"]
    client = client_for(world["employer_a"])
    form = client.get(f"/applications/my/vacancies/{vacancy.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [], "")}
    data.update(title="Thợ may công nghiệp", deadline=vacancy.deadline.strftime("%d/%m/%Y"))
    data = {k: ("\n".join(v) if isinstance(v, list) else v) for k, v in data.items()}
    response = client.post(f"/applications/my/vacancies/{vacancy.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    vacancy.refresh_from_db()
    assert vacancy.title == "Thợ may công nghiệp"
    assert AuditEvent.objects.filter(object_id=str(vacancy.pk), actor=world["employer_a"]).exists()


def test_an_employers_edit_of_an_open_posting_waits_for_approval_again(world):
    vacancy = world["vacancy"]
    assert vacancy.status == "open"
    client = client_for(world["employer_a"])
    form = client.get(f"/applications/my/vacancies/{vacancy.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [], "")}
    data.update(title="Thợ may gọi điện 0900000000", deadline=vacancy.deadline.strftime("%d/%m/%Y"))
    data = {k: ("\n".join(v) if isinstance(v, list) else v) for k, v in data.items()}
    response = client.post(f"/applications/my/vacancies/{vacancy.pk}/edit/", data, follow=True)
    assert "chờ trung tâm dịch vụ việc làm duyệt lại" in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.status == "draft"
    assert Client().get(f"/jobs/{vacancy.pk}/").status_code == 404
    event = AuditEvent.objects.filter(object_id=str(vacancy.pk), actor=world["employer_a"]).latest("at")
    assert event.changes == {"status": ["open", "draft"]}


def test_saving_an_open_posting_unchanged_keeps_it_on_the_board(world):
    vacancy = world["vacancy"]
    client = client_for(world["employer_a"])
    form = client.get(f"/applications/my/vacancies/{vacancy.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [], "")}
    data.update(deadline=vacancy.deadline.strftime("%d/%m/%Y"))
    data = {k: ("\n".join(v) if isinstance(v, list) else v) for k, v in data.items()}
    client.post(f"/applications/my/vacancies/{vacancy.pk}/edit/", data)
    vacancy.refresh_from_db()
    assert vacancy.status == "open"


def test_a_worker_sees_matching_jobs_and_applies_with_one_tap(world):
    other = open_vacancy(world["province_a"], world["company_b"], title="Thợ may áo")
    client = client_for(make_worker("tran_lan", identity=LAN, name="Trần Lan"))
    page = client.get("/applications/my/matches/").content.decode()
    assert "Thợ may áo" in page and "Ứng tuyển ngay" in page
    assert client.post(f"/applications/apply/{other.pk}/")["Location"] == "/applications/my/"
    assert Application.objects.filter(vacancy=other, person__full_name="Trần Lan").exists()
    assert "Đã ứng tuyển" in client.get("/applications/my/matches/").content.decode()


def test_only_workers_have_matching_jobs(world):
    assert client_for(world["employer_a"]).get("/applications/my/matches/").status_code == 403
