import pytest

from vieclam.matching.tests.test_selectors import seekers, vacancy  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_candidates_api_returns_score_and_reasons(cast, api_as, vacancy, seekers):  # noqa: F811
    body = api_as(cast["counsellor_a"]).get(f"/api/v1/vacancies/{vacancy.pk}/candidates/", {"limit": 3}).json()
    assert len(body["results"]) == 3
    first = body["results"][0]
    assert first["score"] > body["results"][1]["score"] - 0.01 and first["reasons"]
    assert "•" in first["national_id"]


def test_candidates_api_refuses_outsiders_and_bad_limits(cast, api_as, vacancy):  # noqa: F811
    url = f"/api/v1/vacancies/{vacancy.pk}/candidates/"
    assert api_as(cast["province_b"]).get(url).status_code == 404
    assert api_as(cast["worker"]).get(url).status_code == 403
    assert api_as().get(url).status_code in (401, 403)
    assert api_as(cast["admin"]).get(url, {"limit": "1000"}).status_code == 400


def test_recommendations_api_for_staff_and_for_the_worker_themself(cast, api_as, vacancy, seekers):  # noqa: F811
    person = seekers["exact"]
    url = f"/api/v1/persons/{person.pk}/recommendations/"
    assert api_as(cast["commune_a"]).get(url).json()["results"][0]["vacancy"] == vacancy.pk
    assert api_as(cast["commune_b"]).get(url).status_code == 404
    assert api_as(cast["worker"]).get(url).status_code == 404
    person.account = cast["worker"]
    person.save(update_fields=["account"])
    assert api_as(cast["worker"]).get(url).status_code == 200


def test_candidates_page_offers_one_click_referral(cast, client, vacancy, seekers):  # noqa: F811
    client.force_login(cast["counsellor_a"])
    page = client.get(f"/matching/vacancies/{vacancy.pk}/candidates/").content.decode()
    assert "Giới thiệu" in page and "Trần Văn Điện" in page and "Cùng xã" in page
