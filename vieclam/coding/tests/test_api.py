from __future__ import annotations

from django.core.cache import cache
from django.test import TestCase
from rest_framework.test import APIClient

from vieclam.coding.suggest import get_suggester

URL = "/api/v1/occupations/suggest/"


class OccupationSuggestApiTests(TestCase):
    def setUp(self):
        cache.clear()  # the anonymous throttle counts requests in the cache
        self.api = APIClient()

    def get(self, params: dict, status: int = 200) -> dict:
        response = self.api.get(URL, params)
        self.assertEqual(response.status_code, status, response.content)
        return response.json()

    def test_anyone_gets_the_top_5_codes_with_names_and_scores(self):
        data = self.get({"title": "NHÂN VIÊN KINH DOANH (NGÀNH TÔN-QUẬN 2)"})
        self.assertEqual(data["title"], "NHÂN VIÊN KINH DOANH (NGÀNH TÔN-QUẬN 2)")
        self.assertEqual(len(data["results"]), 5)
        first = data["results"][0]
        self.assertEqual(set(first), {"code", "name", "score"})
        self.assertEqual((first["code"], first["name"]), ("3322", "Nhân viên đại diện bán hàng hóa thương mại"))
        self.assertTrue(0 < first["score"] <= 1)

    def test_limit(self):
        self.assertEqual(len(self.get({"title": "Kế toán", "limit": 1})["results"]), 1)
        many = self.get({"title": "Kế toán", "limit": 20})["results"]
        self.assertTrue(5 < len(many) <= 20)  # fewer when fewer codes share a word with the title

    def test_a_suggestion_reads_no_database_once_the_index_is_built(self):
        get_suggester()
        with self.assertNumQueries(0):
            self.get({"title": "Thợ may công nghiệp"})

    def test_missing_or_blank_title_is_a_400_naming_title_in_vietnamese(self):
        for params in ({}, {"title": ""}, {"title": "   "}):
            with self.subTest(params):
                data = self.get(params, status=400)
                self.assertEqual(list(data), ["title"])
                self.assertIn("tham số title", data["title"][0].lower())
                self.assertIn("chức danh", data["title"][0])

    def test_title_longer_than_300_characters_is_a_400(self):
        self.get({"title": "a" * 300})
        data = self.get({"title": "a" * 301}, status=400)
        self.assertEqual(data["title"], ["Tham số title dài tối đa 300 ký tự."])

    def test_limit_outside_1_to_20_is_a_400(self):
        for bad in ("0", "21", "abc"):
            with self.subTest(bad):
                data = self.get({"title": "Kế toán", "limit": bad}, status=400)
                self.assertEqual(data["limit"], ["Tham số limit phải là số nguyên từ 1 đến 20."])

    def test_a_token_is_not_needed_and_not_checked(self):
        self.api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
        self.assertTrue(self.get({"title": "Lễ tân"})["results"])


def test_title_field_fragment_suggests_codes_that_fill_the_occupation(client, db):
    page = client.get("/coding/suggest/", {"title": "Thợ may công nghiệp"}).content.decode()
    assert "8153" in page and "id_occupation" in page
    assert client.get("/coding/suggest/", {"title": ""}).content.decode().strip() == ""
