"""English pages name an occupation (and a code-list item) in English: the ISCO-08 fills keep their ISCO-08 title in
`name_en`, the VSCO rows carry this project's English name (codelists/data/vsco2020_names_en.csv)."""

import pytest
from django.utils import translation

from vieclam.core.display import value_label
from vieclam.core.text import fold
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import employer_type
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import make_vacancy, occupation

pytestmark = pytest.mark.django_db

FILL = "2512"  # Software developers: an ISCO-08 fill (absent from our copy of VSCO 2020)
VSCO = "2411"  # Kế toán và các nhà chuyên môn có liên quan: a VSCO 2020 row, English name written for this project


def _in_english(client, url: str) -> str:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client.get(url).content.decode()


def test_a_fill_occupation_reads_in_english_on_english_pages_and_in_vietnamese_otherwise(cast, client):
    vacancy = make_vacancy(cast["admin"], occupation=occupation(FILL), status="open")
    client.force_login(cast["admin"])
    fill = occupation(FILL)
    assert fill.name_vi in client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    page = _in_english(client, f"/vacancies/{vacancy.pk}/")
    assert fill.name_en in page and fill.name_vi not in page
    listing = client.get("/vacancies/").content.decode()
    assert fill.name_en in listing and fill.name_vi not in listing
    board = client.get(f"/jobs/{vacancy.pk}/").content.decode()
    assert fill.name_en in board and fill.name_vi not in board


def test_a_vsco_occupation_reads_in_english_on_english_pages_and_in_vietnamese_otherwise(cast, client):
    vsco = occupation(VSCO)
    assert vsco.name_en == "Accountants and related professionals"
    vacancy = make_vacancy(cast["admin"], occupation=vsco, status="open")
    client.force_login(cast["admin"])
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert vsco.name_vi in page and vsco.name_en not in page
    for url in (f"/vacancies/{vacancy.pk}/", "/vacancies/", f"/jobs/{vacancy.pk}/"):
        page = _in_english(client, url)
        assert vsco.name_en in page and vsco.name_vi not in page, url


def test_the_occupation_picker_offers_vsco_names_in_the_reader_s_language(cast, client):
    vsco = occupation(VSCO)
    client.force_login(cast["admin"])
    url = f"/coding/picker/occupations/?q={VSCO}&target=id_occupation"
    page = client.get(url).content.decode()
    assert vsco.name_vi in page and vsco.name_en not in page
    page = _in_english(client, url)
    assert vsco.name_en in page and vsco.name_vi not in page


def test_an_english_reader_finds_a_vsco_occupation_by_its_english_name(cast, client):
    client.force_login(cast["admin"])
    page = _in_english(client, "/coding/picker/occupations/?q=accountants&target=id_occupation")
    assert occupation(VSCO).name_en in page


def test_the_occupation_picker_offers_english_titles_in_english(cast, client):
    client.force_login(cast["admin"])
    page = _in_english(client, f"/coding/picker/occupations/?q={FILL}&target=id_occupation")
    assert occupation(FILL).name_en in page


def test_history_names_related_objects_in_english_when_english_is_active(cast):
    with translation.override("en"):
        assert value_label(Vacancy, "occupation", FILL) == occupation(FILL).name_en
        assert value_label(Employer, "employer_type", "dn_nha_nuoc") == employer_type("dn_nha_nuoc").name_en
    assert value_label(Vacancy, "occupation", FILL) == occupation(FILL).name_vi


def test_search_text_stays_vietnamese_whatever_the_language(cast):
    with translation.override("en"):
        vacancy = make_vacancy(cast["admin"], occupation=occupation(FILL))
    assert fold(occupation(FILL).display_name) in vacancy.search_text


def test_a_match_reason_names_the_occupation_in_english_when_english_is_active(cast):
    from vieclam.matching import selectors
    from vieclam.seekers.tests.factories import make_person, make_profile

    admin = cast["admin"]
    vacancy = make_vacancy(admin, occupation=occupation(FILL), status="open")
    make_profile(admin, make_person(admin), occupation=FILL)
    with translation.override("en"):
        reasons = selectors.candidates_for_vacancy(viewer=admin, vacancy=vacancy, limit=1)[0][1].reasons
    assert any(occupation(FILL).name_en in reason for reason in reasons), reasons


def test_code_list_selects_and_names_read_in_english_on_english_pages(cast, client):
    from vieclam.codelists.models import CodeItem

    contract = CodeItem.objects.get(code_list__slug="contract-types", code="khong_xac_dinh_thoi_han")
    employed = CodeItem.objects.get(code_list__slug="economic-activity-statuses", code="co_viec_lam")
    vacancy = make_vacancy(cast["admin"], status="open", contract_type=contract.code)
    client.force_login(cast["admin"])
    for url, item in (("/vacancies/new/", contract), ("/people/", employed), (f"/jobs/{vacancy.pk}/", contract)):
        page = _in_english(client, url)
        assert item.name_en in page and item.name_vi not in page, url


def test_an_industry_and_an_ethnic_group_read_in_english_on_english_pages_and_exports(cast, client):
    from vieclam.codelists.choices import IndustrySystem
    from vieclam.codelists.models import EthnicGroup, Industry
    from vieclam.employers.tests.factories import make_employer
    from vieclam.seekers.tests.factories import make_person

    admin = cast["admin"]
    university = Industry.objects.get(system=IndustrySystem.VSIC2025, code="8541")
    tay = EthnicGroup.objects.get(code="02")
    employer = make_employer(admin, industry=university)
    person = make_person(admin, ethnicity=tay.code)
    client.force_login(admin)
    assert university.name_vi in client.get(f"/employers/{employer.pk}/").content.decode()
    assert f">{tay.name_vi}<" in client.get(f"/people/{person.pk}/").content.decode()
    page = _in_english(client, f"/employers/{employer.pk}/")
    assert university.name_en in page and university.name_vi not in page
    assert f">{tay.name_en}<" in client.get(f"/people/{person.pk}/").content.decode()
    export = b"".join(client.get("/employers/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert university.name_en in export and university.name_vi not in export
    form = client.get("/people/new/").content.decode()
    assert f">{tay.name_en}<" in form and f">{tay.name_vi}<" not in form
    form = client.get("/employers/new/").content.decode()
    assert "C – Manufacturing" in form
