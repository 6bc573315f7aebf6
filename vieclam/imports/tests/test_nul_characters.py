"""A posting with a NUL character is read without it: PostgreSQL refuses NUL in text and jsonb (a 500 before)."""

from __future__ import annotations

import pytest

from vieclam.imports.tests.test_views import upload

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_a_posting_is_a_row_error_not_a_500(client, cast):
    # JSON escapes let a NUL through the readers' binary check; PostgreSQL refuses it in text and in jsonb.
    client.force_login(cast["province_b"])
    line = (
        '{"id": "N-1", "title": "Bán hàng\\u0000", "company": "Ai đó", "location": "Phường Ba Đình, Hà Nội", '
        '"salary": "8 - 10 triệu", "url": "https://example.vn/1"}\n'
    )
    response = upload(client, name="tin.jsonl", data=line.encode())
    assert response.status_code in (200, 302)
