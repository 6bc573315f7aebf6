"""English names of the national code lists (codelists/data/*_names_en.csv, method in data/SOURCES.md): every row
with a Vietnamese name has one, a reader in English sees it, a reader in Vietnamese does not."""

from __future__ import annotations

import csv

from django.utils import translation

from vieclam.codelists.choices import IndustrySystem
from vieclam.codelists.loader import DATA
from vieclam.codelists.models import EthnicGroup, Industry, Occupation
from vieclam.codelists.tests.base import CodelistsTestCase

# Checked by hand against the Vietnamese name (SOURCES.md, "English names"): 14 occupations from every major group
# and level, 10 VSIC 2007 rows, 2 VSIC 2025 rows, 4 ethnic groups.
SPOT_OCCUPATIONS = {
    "0110": "Commissioned officers",
    "1421": "Chairpersons, Vice Chairpersons and standing members of provincial People's Committees",
    "2211": "Generalist medical practitioners",
    "2411": "Accountants and related professionals",
    "3313": "Accountants",
    "3322": "Commercial sales representatives",
    "4110": "General office clerks",
    "5120": "Cooks",
    "61111": "Rice growers and harvesters",
    "7126": "Plumbers and pipe fitters",
    "72121": "Welders",
    "8321": "Motorcycle drivers",
    "9313": "Building construction labourers",
    "21520": "Electronics engineers",  # Vietnamese name broken in the source ('điện'): ISCO-08 title of 2152
}
SPOT_INDUSTRIES = {
    (IndustrySystem.VSIC2007, "A"): "Agriculture, forestry and fishing",
    (IndustrySystem.VSIC2007, "0111"): "Growing of paddy rice",
    (IndustrySystem.VSIC2007, "1010"): "Processing and preserving of meat and meat products",
    (IndustrySystem.VSIC2007, "10204"): "Processing and preserving of fish sauce",
    (
        IndustrySystem.VSIC2007,
        "4711",
    ): "Retail sale in non-specialized stores with food, beverages or tobacco predominating",
    (
        IndustrySystem.VSIC2007,
        "47721",
    ): "Retail sale of pharmaceutical goods and medical instruments in specialized stores",
    (IndustrySystem.VSIC2007, "5610"): "Restaurants and mobile food service activities",
    (IndustrySystem.VSIC2007, "6201"): "Computer programming activities",
    (IndustrySystem.VSIC2007, "8560"): "Educational support services",
    (IndustrySystem.VSIC2007, "C"): "Manufacturing",
    (IndustrySystem.VSIC2025, "2611"): "Manufacture of solar cells, solar panels and photovoltaic inverters",
    (IndustrySystem.VSIC2025, "8541"): "University education",
}
SPOT_ETHNIC_GROUPS = {"01": "Kinh", "02": "Tay", "05": "Khmer", "08": "H'Mong"}


class EnglishNamesTests(CodelistsTestCase):
    def test_every_named_occupation_industry_and_ethnic_group_has_an_english_name(self):
        for model in (Occupation, Industry, EthnicGroup):
            missing = model.objects.exclude(name_vi="").filter(name_en="")
            self.assertFalse(missing.exists(), (model.__name__, list(missing.values_list("code", flat=True)[:20])))

    def test_the_one_occupation_without_an_english_name_is_the_one_without_a_vietnamese_name(self):
        self.assertEqual(list(Occupation.objects.filter(name_en="").values_list("code", "name_vi")), [("21326", "")])

    def test_a_spot_list_of_thirty_names_checked_by_hand(self):
        self.assertEqual(len(SPOT_OCCUPATIONS) + len(SPOT_INDUSTRIES) + len(SPOT_ETHNIC_GROUPS), 30)
        for code, name in SPOT_OCCUPATIONS.items():
            self.assertEqual(Occupation.objects.get(code=code).name_en, name)
        for (system, code), name in SPOT_INDUSTRIES.items():
            self.assertEqual(Industry.objects.get(system=system, code=code).name_en, name)
        for code, name in SPOT_ETHNIC_GROUPS.items():
            self.assertEqual(EthnicGroup.objects.get(code=code).name_en, name)

    def test_the_isco_fills_keep_their_isco_title(self):
        self.assertEqual(Occupation.objects.get(code="2512").name_en, "Software developers")

    def test_every_english_name_row_names_a_code_of_its_list_and_says_how_it_was_made(self):
        with (DATA / "vsco2020_names_en.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.assertEqual({r["method"] for r in rows}, {"isco08", "isco08_wording", "translated"})
        codes = set(Occupation.objects.values_list("code", flat=True))
        self.assertTrue({r["code"] for r in rows} <= codes)
        for file, system in (
            ("vsic2007_names_en.csv", IndustrySystem.VSIC2007),
            ("vsic2025_names_en.csv", IndustrySystem.VSIC2025),
        ):
            with (DATA / file).open(encoding="utf-8") as handle:
                industry_codes = {r["code"] for r in csv.DictReader(handle)}
            self.assertEqual(industry_codes, set(Industry.objects.filter(system=system).values_list("code", flat=True)))

    def test_names_follow_the_active_language(self):
        tay = EthnicGroup.objects.get(code="02")
        rice = Industry.objects.get(system=IndustrySystem.VSIC2007, code="0111")
        welder = Occupation.objects.get(code="72121")
        with translation.override("en"):
            self.assertEqual((tay.name, rice.name, welder.name), ("Tay", "Growing of paddy rice", "Welders"))
        with translation.override("vi"):
            self.assertEqual((tay.name, rice.name, welder.name), ("Tày", "Trồng lúa", "Thợ hàn"))

    def test_search_finds_rows_by_their_english_name(self):
        self.assertIn("0111", Industry.objects.search("paddy rice").values_list("code", flat=True))
        self.assertIn("72121", Occupation.objects.search("welders").values_list("code", flat=True))

    def test_the_api_gives_the_english_name_of_industries_and_ethnic_groups(self):
        tay = self.get_json("/api/v1/ethnic-groups/02/")
        self.assertEqual((tay["name_vi"], tay["name_en"]), ("Tày", "Tay"))
        rice = self.get_json("/api/v1/industries/vsic2007/0111/")
        self.assertEqual(rice["name_en"], "Growing of paddy rice")
        self.assertEqual(rice["ancestors"][0]["name_en"], "Agriculture, forestry and fishing")
