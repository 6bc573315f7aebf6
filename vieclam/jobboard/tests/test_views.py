"""/jobs/ and /jobs/<id>/: public pages, HTMX partial, escaping, 404s, the employer's public details only."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.employers.services import employer_update
from vieclam.employers.tests.factories import employer_type, make_employer
from vieclam.jobboard import shared
from vieclam.jobboard.tests.conftest import HANOI, TAY_NINH_OLD_LA
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status, vacancy_update
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db

URL = "/jobs/"


def test_anyone_can_search_without_logging_in(client, post):
    post("Kế toán tổng hợp", commune_code=HANOI)
    post("Lái xe tải")
    response = client.get(URL, {"q": "ke toan ha noi"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kế toán tổng hợp" in body and "Lái xe tải" not in body
    assert "8 – 12 triệu đồng/tháng" in body and "Phường Ba Đình, Thành phố Hà Nội" in body
    assert 'name="province"' in body and "hx-get" in body


def test_an_htmx_request_gets_the_board_without_the_page(client, post):
    post("Lái xe tải")
    params = {"q": "lai xe", "province": "", "sort": "", "page": "1"}
    response = client.get(URL, params, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "Lái xe tải" in body
    assert "<html" not in body and 'name="q"' in body
    assert "HX-Request" in response["Vary"]
    assert response["HX-Push-Url"] == "/jobs/?q=lai+xe"  # the empty fields of the form are left out


def test_choosing_a_province_offers_its_communes_and_drops_a_stale_commune(client, post):
    post("Lái xe tải", commune_code=TAY_NINH_OLD_LA)
    body = client.get(URL, {"province": "80", "commune": HANOI}).content.decode()
    assert "Lái xe tải" in body  # the Hà Nội commune left from before is dropped, not matched
    assert f'value="{TAY_NINH_OLD_LA}"' in body and f'value="{HANOI}"' not in body


def test_old_province_names_are_explained(client, post):
    post("Công nhân may", commune_code=TAY_NINH_OLD_LA)
    body = client.get(URL, {"province": "Long An"}).content.decode()
    assert "Công nhân may" in body and "trước 01/07/2025" in body


def test_sql_and_html_in_the_search_are_shown_escaped(client, post):
    post("Kế toán")
    for q in ("'; DROP TABLE vacancies_vacancy; --", "<script>alert(1)</script>"):
        response = client.get(URL, {"q": q})
        assert response.status_code == 200
        body = response.content.decode()
        assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert Vacancy.objects.count() == 1


def test_bad_input_is_reported_on_the_page(client):
    response = client.get(URL, {"q": "x" * 201, "pay_min": "nhiều", "sort": "cheapest"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "alert-danger" in body and "pay_min" in body and "sort" in body and "q" in body


def test_pages_of_twenty(client, post):
    employer = make_employer_for(post)
    for n in range(23):
        post(f"Công nhân may {n}", employer=employer)
    first = client.get(URL, {"q": "cong nhan"}).content.decode()
    assert "Trang 1/2" in first and "q=cong+nhan&amp;page=2" in first
    second = client.get(URL, {"q": "cong nhan", "page": 2}).content.decode()
    assert second.count("list-group-item-action") == 3


def make_employer_for(post):
    return post("Thợ may").employer


def test_search_page_query_count_does_not_grow_with_results(client, post):
    employer = make_employer_for(post)
    post("Công nhân may A", employer=employer)
    params = {"q": "cong nhan may", "province": "80", "sort": "relevance"}
    client.get(URL, params)  # warm up (pg_trgm check, translations)
    cache.clear()  # measured cold: nothing from the cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL, params).status_code == 200
    for n in range(20):
        post(f"Công nhân may {n}", employer=employer, contract_type="khong_xac_dinh_thoi_han")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, params).content.decode().count("list-group-item-action") == 20
    # province, vocabulary, page of ids with the count, its rows, labels, provinces, occupations, contract types,
    # communes
    assert len(few) == len(many) == 9, [q["sql"][:80] for q in many]


def test_a_search_asked_again_is_answered_from_the_cache(client, post):
    employer = make_employer_for(post)
    for n in range(3):
        post(f"Công nhân may {n}", employer=employer)
    params = {"q": "cong nhan may", "province": "80"}
    first = client.get(URL, params).content.decode()
    with CaptureQueriesContext(connection) as again:
        second = client.get(URL, params).content.decode()
    assert len(again) == 0, [q["sql"][:80] for q in again]  # the same for every visitor: no query
    assert second.count("list-group-item-action") == first.count("list-group-item-action") == 3


def test_a_vacancy_saved_after_a_search_shows_in_it_at_once(client, post):
    employer = make_employer_for(post)
    post("Công nhân may A", employer=employer)
    params = {"q": "cong nhan may"}
    assert client.get(URL, params).content.decode().count("list-group-item-action") == 1
    post("Công nhân may B", employer=employer)
    page = client.get(URL, params).content.decode()
    assert page.count("list-group-item-action") == 2 and "Công nhân may B" in page


def test_an_edited_vacancy_shows_its_new_card_at_once(client, cast, post):
    vacancy = post("Ke toan tong hop", pay_min=8_000_000, pay_max=12_000_000)
    params = {"q": "ke toan"}
    assert "Ke toan tong hop" in client.get(URL, params).content.decode()  # its card is now cached
    # The same words once folded: the index row is unchanged, the card is not.
    vacancy_update(actor=cast["admin"], vacancy=vacancy, data={"title": "Kế toán tổng hợp", "pay_max": 15_000_000})
    page = client.get(URL, params).content.decode()
    assert "Kế toán tổng hợp" in page and "8 – 15 triệu đồng/tháng" in page and "Ke toan tong hop" not in page


def test_a_renamed_employer_shows_on_the_cards_of_its_vacancies(client, cast, post):
    vacancy = post("Lái xe tải")
    assert client.get(URL, {"q": "lai xe"}).content.decode().count("list-group-item-action") == 1
    employer_update(actor=cast["admin"], employer=vacancy.employer, data={"name": "Công ty Vận tải Tân An"})
    assert "Công ty Vận tải Tân An" in client.get(URL, {"q": "lai xe"}).content.decode()


def test_pages_past_the_ranked_part_of_a_search_are_queried_by_themselves(client, post, monkeypatch):
    monkeypatch.setattr(shared, "RANKED", 20)  # only the first page is kept in order
    employer = make_employer_for(post)
    for n in range(23):
        post(f"Công nhân may {n}", employer=employer)
    first = client.get(URL, {"q": "cong nhan", "sort": "newest"}).content.decode()
    second = client.get(URL, {"q": "cong nhan", "sort": "newest", "page": 2}).content.decode()
    assert "Trang 2/2" in second and second.count("list-group-item-action") == 3
    assert "Công nhân may 0<" in second and "Công nhân may 0<" not in first  # the oldest, last
    past = client.get(URL, {"q": "cong nhan", "sort": "newest", "page": 9}).content.decode()
    assert "Trang 2/2" in past  # past the end: the last page, as Django's paginator reads it


#
# Vacancy page
#
def test_the_vacancy_page_shows_pay_deadline_requirements_and_how_to_apply(client, cast, post):
    employer = make_employer(
        cast["admin"],
        name="Công ty CP Dệt May Tân An",
        phone="0272 3826 111",
        email="tuyendung@detmay.vn",
        contact_person="Nguyễn Văn A",
        publish_contact=True,
        commune_code=TAY_NINH_OLD_LA,
    )
    deadline = in_days(20)
    vacancy = post("Công nhân may", employer=employer, commune_code=TAY_NINH_OLD_LA, deadline=deadline,
                   education_level="thcs", skills=["May công nghiệp"], description="Làm ca <b>ngày</b>.")  # fmt: skip
    response = client.get(f"{URL}{vacancy.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "8 – 12 triệu đồng/tháng" in body and deadline.strftime("%d/%m/%Y") in body
    assert "Tốt nghiệp Trung học cơ sở" in body and "May công nghiệp" in body
    assert f'href="/applications/apply/{vacancy.pk}/"' in body
    assert "Công ty CP Dệt May Tân An" in body and "Phường Tân An" in body
    assert "0272 3826 111" in body and "tuyendung@detmay.vn" in body
    assert "Nguyễn Văn A" not in body and employer.tax_code not in body
    assert "&lt;b&gt;ngày&lt;/b&gt;" in body


def test_negotiable_pay_reads_thoa_thuan(client, post):
    vacancy = post("Kỹ sư điện", pay_min=None, pay_max=None, pay_negotiable=True)
    assert "Thỏa thuận" in client.get(f"{URL}{vacancy.pk}/").content.decode()


def test_a_household_business_keeps_its_phone_private(client, cast, post):
    employer = make_employer(cast["admin"], name="Hộ kinh doanh Bún Bò", employer_type=employer_type("ho_kinh_doanh"),
                             phone="0909 123 456", street_address="Số 5 hẻm 12")  # fmt: skip
    vacancy = post("Phụ bếp", employer=employer)
    body = client.get(f"{URL}{vacancy.pk}/").content.decode()
    assert "Hộ kinh doanh Bún Bò" in body and "0909 123 456" not in body and "hẻm 12" not in body


def test_contacts_are_published_only_with_the_employers_consent(client, cast, post):
    silent = make_employer(cast["admin"], name="Công ty Kín Tiếng", phone="0272 3000 001", email="hr@kin.vn")
    household = make_employer(cast["admin"], name="Hộ kinh doanh Cơm Tấm", employer_type=employer_type("ho_kinh_doanh"),
                              phone="0909 555 666", street_address="Số 9 hẻm 3", publish_contact=True)  # fmt: skip
    silent_body = client.get(f"{URL}{post('Kế toán', employer=silent).pk}/").content.decode()
    household_body = client.get(f"{URL}{post('Phụ bếp', employer=household).pk}/").content.decode()
    assert "0272 3000 001" not in silent_body and "hr@kin.vn" not in silent_body
    assert "0909 555 666" in household_body and "hẻm 3" not in household_body


def test_vacancies_not_live_are_not_found(client, cast, post):
    draft = post("Nháp", status="draft")
    closed = post("Đã đóng")
    vacancy_set_status(actor=cast["admin"], vacancy=closed, status="closed")
    expired = post("Hết hạn")
    vacancy_set_status(actor=cast["admin"], vacancy=expired, status="expired")
    overdue = post("Quá hạn")
    Vacancy.objects.filter(pk=overdue.pk).update(deadline=in_days(-1))  # open, but the deadline has passed
    for vacancy in (draft, closed, expired, overdue):
        assert client.get(f"{URL}{vacancy.pk}/").status_code == 404, vacancy.title
    assert client.get(f"{URL}999999/").status_code == 404


def test_the_vacancy_page_takes_two_queries(client, post):
    vacancy = post("Kế toán")
    client.get(f"{URL}{vacancy.pk}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{URL}{vacancy.pk}/").status_code == 200
    assert len(queries) == 1  # the vacancy with its employer, occupation and places (item labels: the cache)
