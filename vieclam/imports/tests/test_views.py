"""/imports/vacancies/: upload → preview (nothing written) → confirm; who may see it; the template download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from vieclam.core.models import AuditEvent
from vieclam.imports import services
from vieclam.imports.models import ImportBatch
from vieclam.imports.tests.conftest import content
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

UPLOAD = "/imports/vacancies/"


def upload(client, name="topcv_listings.csv", data=None, **fields):
    file = SimpleUploadedFile(name, content(name) if data is None else data, content_type="text/csv")
    return client.post(UPLOAD, {"file": file, "source": "", **fields})


@pytest.fixture
def officer(client, cast, hanoi_employers):
    client.force_login(cast["province_b"])
    return cast["province_b"]


def test_upload_shows_a_preview_of_every_row_and_writes_no_vacancy(client, officer):
    response = upload(client)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/vacancies/{batch.pk}/"
    assert batch.status == "previewed" and batch.created_count == 6 and not Vacancy.objects.exists()
    body = client.get(response["Location"]).content.decode()
    assert "SOC Tier 1" in body and "7223" in body and "0,30" in body and "Cần kiểm tra mã nghề" in body
    assert "9.000.000 – 12.000.000" in body and "table-warning" in body
    assert "Xác nhận nhập 6 việc tìm người" in body


def test_confirming_writes_the_vacancies_audited_with_channel_import(client, officer):
    batch_url = upload(client)["Location"]
    batch = ImportBatch.objects.get()
    response = client.post(f"{batch_url}confirm/", follow=True)
    body = response.content.decode()
    assert "Đã nhập: 6 việc tìm người mới, 0 đã có, 0 dòng lỗi bỏ qua." in body
    batch.refresh_from_db()
    assert batch.status == "committed" and bytes(batch.content) == b"" and batch.committed_at
    assert Vacancy.objects.filter(status="open").count() == 6
    channels = set(AuditEvent.objects.filter(content_type__model="vacancy").values_list("channel", flat=True))
    assert channels == {"import"}
    assert "Đã tạo" in body and "/vacancies/" in body


def test_a_batch_is_confirmed_once(client, officer):
    batch_url = upload(client)["Location"]
    client.post(f"{batch_url}confirm/")
    body = client.post(f"{batch_url}confirm/", follow=True).content.decode()
    assert "Lô nhập này đã được ghi" in body and Vacancy.objects.count() == 6


def test_rows_with_errors_are_highlighted_and_nothing_can_be_confirmed(client, officer):
    lines = content("topcv_listings.csv").decode().splitlines()
    lines[2] = lines[2].replace("Tới 20 triệu", "Tới 20 triệu <br>")
    batch_url = upload(client, data="\n".join(lines).encode())["Location"]
    body = client.get(batch_url).content.decode()
    assert "table-danger" in body and "Có 1 dòng lỗi: chưa nhập được gì" in body
    assert "salary" in body and "Ô có mã HTML (&lt;br&gt;)" in body
    assert "Xác nhận nhập" not in body
    client.post(f"{batch_url}confirm/")
    assert not Vacancy.objects.exists()


def test_with_skip_errors_the_good_rows_can_be_confirmed(client, officer):
    lines = content("topcv_listings.csv").decode().splitlines()
    lines[2] = lines[2].replace("Tới 20 triệu", "Tới 20 triệu <br>")
    batch_url = upload(client, data="\n".join(lines).encode(), skip_errors="on")["Location"]
    client.post(f"{batch_url}confirm/")
    assert Vacancy.objects.count() == 5


def test_the_problems_tab_lists_only_rows_with_errors_or_flags(client, officer):
    batch_url = upload(client)["Location"]
    body = client.get(batch_url, {"show": "problems"}).content.decode()
    assert "SOC Tier 1" in body and "Nhân Viên Thu Ngân" not in body


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tin.csv", b"", "Tệp “tin.csv” rỗng"),
        ("tin.pdf", b"%PDF-1.4", "không phải CSV, Excel (.xlsx) hay JSON Lines"),
        ("tin.csv", b"ten,ghi_chu\nA,B\n", "Thiếu cột bắt buộc"),
    ],
)
def test_a_file_that_cannot_be_read_is_shown_on_the_form(client, officer, name, data, message):
    response = upload(client, name=name, data=data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_web_page_takes_up_to_a_thousand_rows_and_points_larger_files_to_the_command(client, officer, monkeypatch):
    monkeypatch.setattr(services, "WEB_MAX_ROWS", 5)
    body = upload(client).content.decode()  # 6 rows
    assert "Tệp có hơn 5 dòng dữ liệu; ở đây mỗi lần nhập tối đa 5 dòng" in body and "vieclam import_vacancies" in body
    assert not ImportBatch.objects.exists()


def test_the_preview_page_costs_a_fixed_number_of_queries(client, officer, django_assert_num_queries):
    batch_url = upload(client)["Location"]
    with django_assert_num_queries(4):  # session, user, the user's areas (scope), the batch
        client.get(batch_url)


def test_another_officers_batch_is_not_found(client, officer, cast):
    batch_url = upload(client)["Location"]
    client.force_login(cast["counsellor_a"])
    assert client.get(batch_url).status_code == 404
    assert client.post(f"{batch_url}confirm/").status_code == 404


@pytest.mark.parametrize("user", ["worker", "employer", "commune_a"])
def test_users_who_hold_no_exchange_are_refused(client, cast, user):
    client.force_login(cast[user])
    assert client.get(UPLOAD).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_upload_page_documents_the_template_and_offers_it(client, officer):
    body = client.get(UPLOAD).content.decode()
    assert "Tên vị trí" in body and "Mã số thuế" in body and "/imports/vacancies/template.csv" in body
    response = client.get("/imports/vacancies/template.csv")
    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv") and text.startswith("\ufeffMã tin,Tên vị trí,")


def test_the_template_downloaded_in_english_reads_back(client, officer, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = client.get("/imports/vacancies/template.csv").content.decode("utf-8")
    assert text.startswith("\ufeff") and "Tên vị trí" not in text.splitlines()[0]
    response = upload(client, name="template.csv", data=text.encode("utf-8"))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_only_the_officer_who_uploaded_a_batch_is_offered_to_confirm_it(client, officer, cast):
    batch_url = upload(client)["Location"]
    assert "Xác nhận nhập" in client.get(batch_url).content.decode()
    client.force_login(cast["admin"])
    body = client.get(batch_url).content.decode()
    assert "SOC Tier 1" in body and "Xác nhận nhập" not in body
