"""What the import preview shows about records outside the officer's areas, and what it renders as a link."""

from __future__ import annotations

import pytest

from vieclam.employers.tests.factories import employer_type, make_employer
from vieclam.imports.tests.test_import_vacancies import template
from vieclam.imports.tests.test_views import upload

pytestmark = pytest.mark.django_db

PERSONAL_ID = "079190000123"  # a 12-digit personal ID (CCCD): the tax code of an individual employer
PRIVATE_NAME = "Nguyễn Thị Riêng Tư"


def hanoi_row(**fields) -> dict:
    return {
        "external_id": "R-1",
        "title": "Nhân viên bán hàng",
        "company": "Ai đó",
        "location": "Phường Ba Đình, Hà Nội",
        "commune": "00004",
        "salary": "8 - 10 triệu",
        "occupation": "5223",
        **fields,
    }


def test_the_preview_does_not_name_an_individual_employer_of_another_province_by_their_cccd(client, cast):
    # An individual (cá nhân) registered in Tây Ninh: their name and CCCD are personal data of province A.
    make_employer(cast["admin"], name=PRIVATE_NAME, tax_code=PERSONAL_ID, employer_type=employer_type("ca_nhan"))
    client.force_login(cast["province_b"])  # Hà Nội: the person is outside these areas
    batch_url = upload(client, name="tin.csv", data=template(hanoi_row(tax_code=PERSONAL_ID)))["Location"]
    body = client.get(batch_url).content.decode()
    assert "Riêng Tư" not in body


@pytest.mark.parametrize("deadline", ["31/12/2099", "01/01/2020"])  # an open row, and an expired one
def test_a_link_that_is_not_http_is_never_rendered_as_a_link(client, cast, deadline):
    client.force_login(cast["province_b"])
    data = template(hanoi_row(url="javascript:alert(document.cookie)", deadline=deadline))
    batch_url = upload(client, name="tin.csv", data=data)["Location"]
    body = client.get(batch_url).content.decode()
    assert 'href="javascript:' not in body
