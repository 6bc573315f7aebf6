"""The English catalogue (vieclam/locale/en) is compiled and actually used."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_choosing_english_translates_the_home_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    page = response.content.decode()
    assert 'lang="en"' in page
    assert "Overview" in page and "Tổng quan" not in page
    assert "Administrative units" in page


def test_gettext_uses_the_english_catalogue():
    with translation.override("en"):
        assert translation.gettext("Cán bộ cấp xã") == "Commune officer"
        assert translation.gettext("Trang %(n)s/%(total)s") % {"n": 2, "total": 5} == "Page 2 of 5"
    with translation.override("vi"):
        assert translation.gettext("Cán bộ cấp xã") == "Cán bộ cấp xã"
