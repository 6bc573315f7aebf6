"""Each role's home shows the work waiting for it, counted in its own area; the menu shows what it can use."""

import pytest
from django.test import Client

from vieclam.applications import services
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.portal.menu import menu_for
from vieclam.portal.stats import home_cards

pytestmark = pytest.mark.django_db


def cards(user) -> dict:
    return {str(card.label): card.value for card in home_cards(user=user)}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(cast):
    employer, company = make_employer_account("cong_ty_a")
    worker = make_worker("le_thi_hoa")  # registers itself in Phường Tân Ninh (commune_a's commune)
    vacancy = open_vacancy(cast["province_a"], company, title="Thợ may")
    open_vacancy(cast["province_a"], company, title="Thợ cắt", status="draft")
    services.application_submit(actor=worker, vacancy=vacancy, person=person_of(worker))
    return {**cast, "employer_a": employer, "company_a": company, "worker_hoa": worker}


def test_officers_see_pending_approvals_new_applications_and_records_to_complete_in_their_area(world):
    province_a = cards(world["province_a"])
    assert province_a["Tin chờ duyệt"] == 1
    assert province_a["Hồ sơ ứng tuyển mới"] == 1
    assert province_a["Hồ sơ cần bổ sung"] == 1
    commune_a = cards(world["commune_a"])
    assert "Tin chờ duyệt" not in commune_a  # vacancies are held by the province's exchange
    assert commune_a["Hồ sơ cần bổ sung"] == 1 and commune_a["Hồ sơ ứng tuyển mới"] == 1
    province_b = cards(world["province_b"])
    assert province_b["Tin chờ duyệt"] == 0 and province_b["Hồ sơ ứng tuyển mới"] == 0
    assert province_b["Hồ sơ cần bổ sung"] == 0


def test_the_records_to_complete_page_lists_the_self_registered_worker(world):
    page = client_for(world["commune_a"]).get("/to-complete/").content.decode()
    assert "Lê Thị Hoa" in page
    assert "Lê Thị Hoa" not in client_for(world["commune_b"]).get("/to-complete/").content.decode()
    assert client_for(world["worker_hoa"]).get("/to-complete/").status_code == 403


def test_the_employer_sees_its_new_applicants_and_postings(world):
    employer = cards(world["employer_a"])
    assert employer["Hồ sơ ứng tuyển mới"] == 1
    assert employer["Tin đang tuyển"] == 1 and employer["Tin chờ duyệt"] == 1


def test_the_worker_home_leads_to_matching_jobs(world):
    page = client_for(world["worker_hoa"]).get("/").content.decode()
    assert "/applications/my/matches/" in page and "Lịch phỏng vấn" in page


def test_the_public_home_has_the_job_search_box_and_open_jobs(world):
    page = Client().get("/").content.decode()
    assert 'action="/jobs/"' in page and 'name="q"' in page
    assert "Việc làm đang tuyển" in page


def test_a_home_page_takes_few_queries(world, django_assert_max_num_queries):
    client = client_for(world["commune_a"])
    client.get("/")
    with django_assert_max_num_queries(100):  # the dashboard: a few per key indicator and month, not per record
        client.get("/")


def test_the_home_pages_queries_do_not_grow_with_the_records(world):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world["province_a"])
    client.get("/")
    cache.clear()  # count the figures both times (a write empties their store anyway: indicators.freshness)
    with CaptureQueriesContext(connection) as before:
        client.get("/")
    for name in ("tran_van_an", "ngo_thi_binh", "do_van_cuong"):
        worker = make_worker(name)
        vacancy = open_vacancy(world["province_a"], world["company_a"], title=f"Thợ {name}")
        services.application_submit(actor=worker, vacancy=vacancy, person=person_of(worker))
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        client.get("/")
    assert len(after.captured_queries) == len(before.captured_queries)


def _labels(user) -> set[str]:
    return {str(item["label"]) for group in menu_for(user) for item in group["items"]}


def test_each_role_sees_only_the_menu_items_it_can_use(world):
    from django.contrib.auth.models import AnonymousUser

    anonymous = _labels(AnonymousUser())
    assert {"Tìm việc làm", "Đăng ký người lao động", "Đăng ký doanh nghiệp"} <= anonymous
    assert "Người lao động" not in anonymous and "Nhật ký thay đổi" not in anonymous
    worker = _labels(world["worker_hoa"])
    assert {"Việc làm phù hợp", "Đơn ứng tuyển", "Hồ sơ tìm việc"} <= worker
    assert "Hộ gia đình" not in worker and "Tin tuyển dụng của tôi" not in worker
    employer = _labels(world["employer_a"])
    assert {"Tin tuyển dụng của tôi", "Đăng tin mới"} <= employer and "Việc làm phù hợp" not in employer
    commune = _labels(world["commune_a"])
    assert {"Hộ gia đình", "Người lao động", "Nhật ký thay đổi"} <= commune
    assert not {"Tin chờ duyệt", "Nhập việc tìm người", "Việc tìm người"} & commune  # exchanges are provinces'
    assert "Nhật ký thay đổi" not in _labels(world["counsellor_a"])
    assert {"Tin chờ duyệt", "Người dùng", "Nhật ký thay đổi"} <= _labels(world["admin"])


def test_every_home_card_leads_to_a_page_that_shows_what_it_counts(world):
    client = client_for(world["province_a"])
    by_label = {str(card.label): card for card in home_cards(user=world["province_a"])}
    assert "Lê Thị Hoa" in client.get(by_label["Hồ sơ ứng tuyển mới"].url).content.decode()
    assert "Thợ cắt" in client.get(by_label["Tin chờ duyệt"].url).content.decode()
    assert "Lê Thị Hoa" in client.get(by_label["Hồ sơ cần bổ sung"].url).content.decode()
    for name in ("admin", "province_a", "counsellor_a", "commune_a", "employer_a", "worker_hoa"):
        user_client = client_for(world[name])
        for card in home_cards(user=world[name]):
            assert user_client.get(card.url).status_code == 200, (name, card.label)


def test_an_officers_home_shows_the_areas_key_indicators_and_the_year_without_a_thousands_dot(world):
    page = client_for(world["province_a"]).get("/").content.decode()
    assert "Số lao động được giải quyết việc làm" in page
    assert "2.02" not in page.split('id="board-title"')[1].split("</h2>")[0]


def test_the_dashboard_tables_download_and_a_commune_officer_gets_only_the_own_commune(world):
    response = client_for(world["commune_a"]).get("/?export=csv&table=areas")
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 2  # header + the officer's one commune
    trend = client_for(world["province_a"]).get("/?export=xlsx&table=trend")
    assert trend["Content-Type"].startswith("application/vnd.openxmlformats")


def test_workers_and_employers_get_no_dashboard(world):
    assert "board-title" not in client_for(world["worker_hoa"]).get("/").content.decode()
    assert "board-title" not in client_for(world["employer_a"]).get("/").content.decode()
