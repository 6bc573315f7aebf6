from __future__ import annotations

import datetime as dt

from vieclam.codelists.models import EthnicGroup, Industry, Occupation
from vieclam.codelists.tests.base import CodelistsTestCase


def codes(queryset) -> list[str]:
    return list(queryset.values_list("code", flat=True))


class SearchTests(CodelistsTestCase):
    def test_accounting_occupations_found_without_diacritics(self):
        found = codes(Occupation.objects.search("ke toan").filter(level=4))
        self.assertEqual(found[:4], ["2411", "3313", "4311", "4313"])  # the phrase 'kế toán' first
        self.assertIn("3314", found[4:])  # 'thống kê … toán học' matches both words, ranked after

    def test_case_and_diacritics_are_ignored(self):
        upper = codes(Occupation.objects.search("KẾ TOÁN VIÊN"))
        self.assertEqual(upper, codes(Occupation.objects.search("ke toan vien")))
        self.assertIn("3313", upper)
        self.assertEqual(codes(EthnicGroup.objects.search("TÀY"))[0], "02")
        self.assertEqual(codes(EthnicGroup.objects.search("tay"))[0], "02")

    def test_digits_match_the_start_of_the_code(self):
        self.assertEqual(codes(Occupation.objects.search("2411")), ["2411", "24111", "24112", "24113"])
        self.assertNotIn("1241", codes(Occupation.objects.search("24")))

    def test_other_names_and_current_spellings_find_ethnic_groups(self):
        self.assertIn("01", codes(EthnicGroup.objects.search("viet")))
        self.assertEqual(codes(EthnicGroup.objects.search("khmer")), ["05"])
        self.assertEqual(codes(EthnicGroup.objects.search("khome")), ["05"])
        self.assertIn("08", codes(EthnicGroup.objects.search("mong")))

    def test_valid_on_keeps_the_edition_in_force(self):
        systems = set(Industry.objects.valid_on(dt.date(2026, 1, 1)).values_list("system", flat=True))
        self.assertEqual(systems, {"vsic2025"})
        systems = set(Industry.objects.valid_on(dt.date(2010, 1, 1)).values_list("system", flat=True))
        self.assertEqual(systems, {"vsic2007"})
        self.assertFalse(Industry.objects.valid_on(dt.date(2020, 1, 1)).exists())  # VSIC 2018 is not loaded
