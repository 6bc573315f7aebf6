"""The shared pager: page numbers never take a thousands separator; the filters stay, the export does not."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


def test_deep_pages_are_numbered_without_separators_and_keep_the_filters():
    page = Paginator(range(60_000), 50).get_page(1000)
    request = RequestFactory().get("/people/", {"q": "an", "page": "999", "export": "csv"})
    with translation.override("vi"):
        html = render_to_string("includes/pager.html", {"page": page, "request": request})
    assert "Trang 1000/1200" in html and "60.000" in html
    assert 'href="?q=an&amp;page=1001"' in html and 'href="?q=an&amp;page=999"' in html
