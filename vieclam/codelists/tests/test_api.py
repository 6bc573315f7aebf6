from __future__ import annotations

from vieclam.codelists.tests.base import CodelistsTestCase

OCCUPATIONS = "/api/v1/occupations/"
INDUSTRIES = "/api/v1/industries/"
ETHNIC_GROUPS = "/api/v1/ethnic-groups/"
CODE_LISTS = "/api/v1/code-lists/"


def result_codes(data: dict, key: str = "code") -> list[str]:
    return [row[key] for row in data["results"]]


class OccupationApiTests(CodelistsTestCase):
    def test_anyone_can_search_accounting_occupations_at_level_4(self):
        data = self.get_json(OCCUPATIONS, {"q": "ke toan", "level": 4})
        self.assertEqual(set(data), {"count", "next", "previous", "results"})
        self.assertEqual(result_codes(data)[:4], ["2411", "3313", "4311", "4313"])
        first = data["results"][0]
        self.assertEqual(first["name"], "Kế toán và các nhà chuyên môn có liên quan")
        self.assertEqual((first["level"], first["parent"], first["origin"]), (4, "241", "vsco"))
        self.assertEqual(first["legal_source"], "QĐ 34/2020/QĐ-TTg")

    def test_parent_lists_the_children(self):
        data = self.get_json(OCCUPATIONS, {"parent": "2411"})
        self.assertEqual(result_codes(data), ["24111", "24112", "24113"])

    def test_isco_fills_show_their_vietnamese_name_english_title_and_gap_type(self):
        data = self.get_json(OCCUPATIONS, {"origin": "isco08_fill", "parent": "251"})
        software = next(row for row in data["results"] if row["code"] == "2512")
        self.assertEqual(
            (software["name"], software["name_vi"]), ("Nhà phát triển phần mềm", "Nhà phát triển phần mềm")
        )
        self.assertEqual((software["name_en"], software["gap_type"]), ("Software developers", "known_source_gap"))

    def test_bad_level_is_a_400_naming_the_field_in_vietnamese(self):
        for bad in ("abc", "9"):
            data = self.get_json(OCCUPATIONS, {"level": bad}, status=400)
            self.assertEqual(list(data), ["level"])
            self.assertIn("không hợp lệ", data["level"][0])
            self.assertIn(bad, data["level"][0])

    def test_bad_date_is_a_400(self):
        data = self.get_json(OCCUPATIONS, {"as_of": "31-12"}, status=400)
        self.assertEqual(list(data), ["as_of"])

    def test_detail_has_ancestors_and_children(self):
        with self.assertNumQueries(2):
            data = self.get_json(f"{OCCUPATIONS}2411/")
        self.assertEqual([a["code"] for a in data["ancestors"]], ["2", "24", "241"])
        self.assertEqual([c["code"] for c in data["children"]], ["24111", "24112", "24113"])

    def test_unknown_code_is_a_404_in_vietnamese(self):
        data = self.get_json(f"{OCCUPATIONS}99999/", status=404)
        self.assertEqual(data["detail"], "Không có nghề mã 99999.")


class IndustryApiTests(CodelistsTestCase):
    def test_both_editions_by_default_newest_first(self):
        data = self.get_json(INDUSTRIES, {"page_size": 1})
        self.assertEqual(data["count"], 1428 + 19 + 495)
        self.assertEqual(data["results"][0]["system"], "vsic2025")

    def test_system_and_level_filters(self):
        self.assertEqual(self.get_json(INDUSTRIES, {"system": "vsic2025", "level": 4})["count"], 495)
        self.assertEqual(self.get_json(INDUSTRIES, {"system": "vsic2007", "level": 5})["count"], 640)
        self.assertEqual(self.get_json(INDUSTRIES, {"system": "vsic2007", "parent": "692"})["count"], 1)

    def test_search_ignores_diacritics(self):
        data = self.get_json(INDUSTRIES, {"q": "KE TOAN", "system": "vsic2025"})
        self.assertEqual(result_codes(data), ["6920"])

    def test_as_of_keeps_the_edition_in_force(self):
        data = self.get_json(INDUSTRIES, {"as_of": "2026-01-01", "page_size": 500})
        self.assertEqual({row["system"] for row in data["results"]}, {"vsic2025"})

    def test_bad_system_is_a_400_naming_the_field(self):
        data = self.get_json(INDUSTRIES, {"system": "vsic2018"}, status=400)
        self.assertEqual(list(data), ["system"])
        self.assertIn("vsic2018", data["system"][0])

    def test_detail_is_per_edition(self):
        old = self.get_json(f"{INDUSTRIES}vsic2007/6920/")
        self.assertEqual([a["code"] for a in old["ancestors"]], ["M", "69", "692"])
        self.assertEqual([c["code"] for c in old["children"]], ["69200"])
        new = self.get_json(f"{INDUSTRIES}vsic2025/6920/")
        self.assertEqual((new["ancestors"], new["parent"], new["valid_from"]), ([], "692", "2025-11-15"))
        self.get_json(f"{INDUSTRIES}vsic2018/6920/", status=404)


class EthnicGroupApiTests(CodelistsTestCase):
    def test_all_54(self):
        self.assertEqual(self.get_json(ETHNIC_GROUPS, {"page_size": 100})["count"], 54)

    def test_search_ignores_case_and_diacritics(self):
        for q in ("tay", "TÀY", "Tày"):
            data = self.get_json(ETHNIC_GROUPS, {"q": q})
            self.assertEqual(data["results"][0]["name_vi"], "Tày", q)

    def test_search_matches_other_names(self):
        data = self.get_json(ETHNIC_GROUPS, {"q": "viet"})
        self.assertIn("Kinh", [row["name_vi"] for row in data["results"]])

    def test_detail(self):
        self.assertEqual(self.get_json(f"{ETHNIC_GROUPS}02/")["name_vi"], "Tày")
        self.get_json(f"{ETHNIC_GROUPS}99/", status=404)


class CodeListApiTests(CodelistsTestCase):
    def test_lists_come_with_their_items_in_form_order(self):
        data = self.get_json(CODE_LISTS)
        self.assertEqual(data["count"], 18)  # 15 TT 11/2022 form lists + 3 employment-service lists
        education = next(row for row in data["results"] if row["slug"] == "education-levels")
        codes = [i["code"] for i in education["items"]]
        self.assertEqual(codes, ["chua_tot_nghiep_tieu_hoc", "tieu_hoc", "thcs", "thpt"])
        self.assertEqual([i["order"] for i in education["items"]], [1, 2, 3, 4])

    def test_detail_by_slug(self):
        data = self.get_json(f"{CODE_LISTS}contract-types/")
        fixed = [i for i in data["items"] if i["parent"] == "xac_dinh_thoi_han"]
        self.assertEqual([i["code"] for i in fixed], ["xac_dinh_duoi_12_thang", "xac_dinh_12_den_36_thang"])
        self.get_json(f"{CODE_LISTS}no-such-list/", status=404)

    def test_search_matches_item_names(self):
        data = self.get_json(CODE_LISTS, {"q": "thac si"})
        self.assertEqual(result_codes(data, "slug"), ["technical-qualification-levels"])


class ListQueryCountTests(CodelistsTestCase):
    """A page of 50 costs the same number of queries as a page of 5."""

    def assert_constant(self, url: str, params: dict, most: int) -> None:
        small = self.count_queries(url, {**params, "page_size": 5})
        large = self.count_queries(url, {**params, "page_size": 50})
        self.assertEqual(small, large, url)
        self.assertLessEqual(large, most, url)

    def test_occupations(self):
        self.assert_constant(OCCUPATIONS, {"level": 5}, most=2)

    def test_industries(self):
        self.assert_constant(INDUSTRIES, {}, most=2)

    def test_ethnic_groups(self):
        self.assert_constant(ETHNIC_GROUPS, {}, most=2)

    def test_code_lists(self):
        self.assert_constant(CODE_LISTS, {"page_size": 5}, most=3)
