import datetime as dt
import os
import subprocess
import sys

import pytest
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_home_is_vietnamese_and_shows_real_counts_for_anonymous(client):
    page = client.get("/").content.decode()
    assert 'lang="vi"' in page and "Tổng quan" in page
    assert "3.321" in page  # communes, with the Vietnamese thousands separator


def test_home_counts_only_the_officers_area(cast, client):
    client.force_login(cast["province_a"])
    page = client.get("/").content.decode()
    assert "Xã, phường trong địa bàn" in page and ">96<" in page
    client.force_login(cast["commune_a"])
    assert ">1<" in client.get("/").content.decode()


def test_english_can_be_chosen(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert 'lang="en"' in response.content.decode()


def test_dates_and_numbers_use_vietnamese_formats():
    template = Template('{{ day|date:"SHORT_DATE_FORMAT" }} {{ n }} {{ x }}')
    with translation.override("vi"):
        text = template.render(Context({"day": dt.date(2026, 3, 5), "n": 7125, "x": 142.1}))
    assert text == "05/03/2026 7.125 142,1"


def test_pages_render_for_every_role(cast, client):
    for user in cast.values():
        client.force_login(user)
        for url in ["/", "/areas/", "/areas/?q=phuc+xa&as_of=30/06/2025&level=commune", "/areas/80/"]:
            assert client.get(url).status_code == 200, (user, url)


def test_area_page_search_ignores_diacritics(client):
    page = client.get("/areas/", {"q": "phuc xa", "level": "commune", "as_of": "30/06/2025"}).content.decode()
    assert "Phường Phúc Xá" in page and "00001" in page


def test_area_page_explains_a_bad_date_in_vietnamese(client):
    page = client.get("/areas/", {"as_of": "31/02/2025"}).content.decode()
    assert "Ngày không hợp lệ" in page


def test_staff_pages_refuse_workers(cast, client):
    client.force_login(cast["worker"])
    assert client.get("/accounts/users/").status_code == 403
    assert client.get("/audit/").status_code == 403


def test_login_page_is_served_and_static_assets_are_vendored(client):
    from django.contrib.staticfiles import finders

    assert client.get("/accounts/login/").status_code == 200
    assert finders.find("vendor/bootstrap/bootstrap.min.css")
    assert finders.find("vendor/htmx/htmx.min.js")


def test_production_profile_passes_check_deploy(tmp_path):
    env = {
        **os.environ,
        "VIECLAM_ENV": "production",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "vieclam.example.gov.vn",
        "VIECLAM_VAR_DIR": str(tmp_path),
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "vieclam", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page
