"""The indicator pages: the catalogue (searched without diacritics) and one indicator with its pickers, table,
chart and downloads, inside the user's areas."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from vieclam.portal.menu import menu_for

pytestmark = pytest.mark.django_db
D = dt.date
PAGE = "/indicators/test_starts/"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add(events, unit, day, n=1, sex="male"):
    events.extend([(day, unit.pk, sex)] * n)


def test_the_catalogue_is_grouped_and_searched_ignoring_diacritics(cast, starts, rate):
    page = client_for(cast["commune_a"]).get("/indicators/", {"q": "ty le thu"}).content.decode()
    assert "Tỷ lệ thử" in page and "Lao động và việc làm của người dân" in page
    assert "Số người bắt đầu làm việc (thử)" not in page
    page = client_for(cast["commune_a"]).get("/indicators/").content.decode()
    assert "Giải quyết việc làm" in page and f'href="{PAGE}"' in page


def test_the_menu_leads_staff_to_the_catalogue(cast):
    groups = {str(g["label"]): [i["url"] for i in g["items"]] for g in menu_for(cast["commune_a"])}
    assert "/indicators/" in groups["Báo cáo"]
    assert "Báo cáo" not in {str(g["label"]) for g in menu_for(cast["worker"])}


@pytest.mark.parametrize("who", ["worker", "employer"])
def test_workers_and_employers_are_refused(cast, starts, who):
    assert client_for(cast[who]).get("/indicators/").status_code == 403
    assert client_for(cast[who]).get(PAGE).status_code == 403


def test_a_commune_officer_sees_the_communes_figure_against_last_year_with_a_chart(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 4, 1), 7)
    add(events, units["commune_a"], D(2022, 4, 1), 5)
    add(events, units["other_a"], D(2023, 4, 1), 900)
    page = client_for(cast["commune_a"]).get(PAGE, {"year": "2023"}).content.decode()
    assert units["commune_a"].name in page and "Năm 2023" in page
    assert "<strong>7</strong>" in page and "140,0% so cùng kỳ" in page
    assert "900" not in page
    assert "vl-chart-" in page  # the trend chart with its table
    assert "Phân tổ theo" in page and "Giới tính" in page


def test_the_pickers_offer_only_the_users_areas(cast, units, starts):
    page = client_for(cast["commune_a"]).get(PAGE).content.decode()
    assert f'value="{units["commune_a"].pk}"' in page
    assert f'value="{units["other_a"].pk}"' not in page and f'value="{units["province_a"].pk}"' not in page
    page = client_for(cast["province_a"]).get(PAGE).content.decode()
    assert f'value="{units["other_a"].pk}"' in page and "Đơn vị trước 01/07/2025" in page


def test_an_area_outside_the_users_cannot_be_picked_nor_downloaded(cast, events, units, starts):
    add(events, units["other_a"], D(2023, 4, 1), 900)
    client = client_for(cast["commune_a"])
    page = client.get(PAGE, {"area": units["other_a"].pk, "year": "2023"}).content.decode()
    assert "Địa bàn này không có trong danh sách địa bàn bạn phụ trách." in page
    assert "900" not in page and units["other_a"].name not in page
    response = client.get(PAGE, {"area": units["other_a"].pk, "year": "2023", "export": "csv"})
    assert response["Content-Type"].startswith("text/html") and "900" not in response.content.decode()


def test_a_province_officer_breaks_the_figure_down_by_commune_and_downloads_it(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 4, 1), 7)
    client = client_for(cast["province_a"])
    query = {"area": units["province_a"].pk, "year": "2023", "part": "Q2", "by": "commune"}
    page = client.get(PAGE, query).content.decode()
    assert "Quý 2 năm 2023" in page and "vl-area-table" in page
    response = client.get(PAGE, {**query, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Nhóm,Tử số")
    assert f"{units['commune_a'].name},7," in text
    response = client.get(PAGE, {**query, "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_commune_officers_download_holds_the_commune_only(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 4, 1), 7)
    add(events, units["other_a"], D(2023, 4, 1), 900)
    response = client_for(cast["commune_a"]).get(PAGE, {"year": "2023", "by": "commune", "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert units["commune_a"].name in text and units["other_a"].name not in text and "900" not in text


def test_an_unknown_indicator_page_is_a_404(cast):
    assert client_for(cast["admin"]).get("/indicators/khong_co/").status_code == 404


def test_a_bad_pick_shows_the_message_and_no_figures(cast, starts):
    page = client_for(cast["commune_a"]).get(PAGE, {"as_of": "31/02/2024"}).content.decode()
    assert "31/02/2024" in page


def test_the_pages_take_few_queries(cast, events, units, starts, django_assert_max_num_queries):
    client = client_for(cast["province_a"])
    query = {"area": units["province_a"].pk, "year": "2023", "by": "commune"}
    client.get(PAGE, query)
    with django_assert_max_num_queries(20):  # ~100 communes and 24 months: not a query per commune or month
        assert client.get(PAGE, query).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get("/indicators/").status_code == 200
