from __future__ import annotations

import datetime as dt
from collections import Counter

from vieclam.codelists.choices import GapType, IndustrySystem, OccupationOrigin
from vieclam.codelists.loader import load_codelists
from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Industry, Occupation
from vieclam.codelists.tests.base import CodelistsTestCase

TT11_LISTS = {
    "education-levels", "technical-qualification-levels", "economic-activity-statuses", "employment-statuses",
    "unemployment-durations", "unemployed-work-histories", "priority-groups", "employer-types", "contract-types",
    "experience-bands", "pay-bands", "workplace-types", "job-positions", "working-time", "work-purposes",
}  # fmt: skip
SERVICE_LISTS = {"counselling-topics", "counselling-channels", "group-session-unit-kinds"}


class LoadCodelistsTests(CodelistsTestCase):
    def test_second_load_changes_nothing(self):
        changes = load_codelists()
        self.assertEqual(set(changes), {"occupations", "industries", "ethnic_groups", "code_lists", "code_items"})
        self.assertEqual(set(changes.values()), {0}, changes)

    def test_a_row_edited_in_the_database_is_put_back(self):
        Occupation.objects.filter(code="2411").update(name_vi="sửa tay")
        changes = load_codelists()
        self.assertEqual(changes["occupations"], 1)
        self.assertEqual(sum(changes.values()), 1)
        self.assertEqual(Occupation.objects.get(code="2411").name_vi, "Kế toán và các nhà chuyên môn có liên quan")

    def test_occupation_counts_per_level_and_origin(self):
        by_level = Counter(Occupation.objects.values_list("level", flat=True))
        self.assertEqual(by_level, {1: 10, 2: 48, 3: 160, 4: 538, 5: 474})
        by_origin = Counter(Occupation.objects.values_list("origin", flat=True))
        self.assertEqual(by_origin, {OccupationOrigin.VSCO: 1021, OccupationOrigin.ISCO08_FILL: 209})

    def test_industry_counts_per_system_and_level(self):
        counts = Counter(Industry.objects.values_list("system", "level"))
        self.assertEqual(
            counts,
            {
                (IndustrySystem.VSIC2007, 1): 21, (IndustrySystem.VSIC2007, 2): 88, (IndustrySystem.VSIC2007, 3): 242,
                (IndustrySystem.VSIC2007, 4): 437, (IndustrySystem.VSIC2007, 5): 640,
                (IndustrySystem.VSIC2025, 1): 19, (IndustrySystem.VSIC2025, 4): 495,
            },
        )  # fmt: skip

    def test_54_ethnic_groups_coded_01_to_54(self):
        codes = list(EthnicGroup.objects.order_by("code").values_list("code", flat=True))
        self.assertEqual(codes, [f"{n:02d}" for n in range(1, 55)])
        kinh = EthnicGroup.objects.get(code="01")
        self.assertEqual((kinh.name_vi, kinh.other_names, kinh.legal_source), ("Kinh", "Việt", "QĐ 121-TCTK/PPCĐ"))

    def test_isco_fills_are_marked_and_named_in_vietnamese_keeping_the_english_title(self):
        fill = Occupation.objects.get(code="2512")
        self.assertEqual(fill.origin, OccupationOrigin.ISCO08_FILL)
        self.assertEqual(fill.gap_type, GapType.KNOWN_SOURCE_GAP)
        self.assertEqual((fill.name_vi, fill.name_en), ("Nhà phát triển phần mềm", "Software developers"))
        self.assertEqual(fill.display_name, "Nhà phát triển phần mềm")
        self.assertTrue(fill.legal_source.startswith("ISCO-08"))
        self.assertFalse(Occupation.objects.filter(origin=OccupationOrigin.ISCO08_FILL, name_vi="").exists())
        self.assertFalse(Occupation.objects.filter(name_vi__endswith="(ISCO-08)").exists())
        self.assertFalse(Occupation.objects.filter(origin=OccupationOrigin.VSCO).exclude(gap_type="").exists())

    def test_vsco_rows_carry_their_decision_and_date(self):
        accountant = Occupation.objects.get(code="3313")
        self.assertEqual(accountant.origin, OccupationOrigin.VSCO)
        self.assertEqual(accountant.legal_source, "QĐ 34/2020/QĐ-TTg")
        self.assertEqual(accountant.valid_from, dt.date(2021, 1, 15))
        self.assertEqual(accountant.display_name, "Kế toán viên")

    def test_every_occupation_below_level_1_hangs_under_its_parent(self):
        orphans = Occupation.objects.filter(level__gt=1, parent__isnull=True)
        self.assertFalse(orphans.exists(), list(orphans.values_list("code", flat=True)))
        for code, parent_code in Occupation.objects.filter(level__gt=1).values_list("code", "parent__code"):
            self.assertEqual(parent_code, code[:-1])

    def test_vsic_editions_are_dated_and_kept_apart(self):
        old = Industry.objects.get(system=IndustrySystem.VSIC2007, code="6920")
        new = Industry.objects.get(system=IndustrySystem.VSIC2025, code="6920")
        self.assertEqual((old.legal_source, old.valid_to), ("QĐ 10/2007/QĐ-TTg", dt.date(2018, 8, 19)))
        self.assertEqual((new.legal_source, new.valid_from), ("QĐ 36/2025/QĐ-TTg", dt.date(2025, 11, 15)))
        self.assertEqual([old.parent.code, old.parent.parent.code, old.parent.parent.parent.code], ["692", "69", "M"])
        self.assertEqual((new.parent_code, new.parent), ("692", None))  # VSIC 2025 level 3 is not in the data
        self.assertFalse(Industry.objects.filter(system=IndustrySystem.VSIC2007, level__gt=1, parent=None).exists())

    def test_every_tt11_list_has_items_and_its_legal_source(self):
        self.assertEqual(set(CodeList.objects.values_list("slug", flat=True)), TT11_LISTS | SERVICE_LISTS)
        for code_list in CodeList.objects.filter(slug__in=TT11_LISTS).prefetch_related("items"):
            self.assertTrue(code_list.legal_source.startswith("TT 11/2022/TT-BLĐTBXH"), code_list.slug)
            self.assertEqual(code_list.valid_from, dt.date(2022, 8, 15))
            self.assertGreaterEqual(len(code_list.items.all()), 2, code_list.slug)

    def test_employment_service_lists_have_items_with_english_names_and_their_legal_source(self):
        for code_list in CodeList.objects.filter(slug__in=SERVICE_LISTS).prefetch_related("items"):
            self.assertIn("Luật Việc làm 74/2025/QH15", code_list.legal_source, code_list.slug)
            items = list(code_list.items.all())
            self.assertGreaterEqual(len(items), 4, code_list.slug)
            self.assertTrue(all(item.name_vi and item.name_en and item.legal_source for item in items))
        topics = CodeItem.objects.filter(code_list__slug="counselling-topics").values_list("name_vi", flat=True)
        self.assertIn("Đi làm việc ở nước ngoài theo hợp đồng", list(topics))

    def test_postgraduate_is_split_into_master_and_doctorate(self):
        items = CodeItem.objects.filter(code_list__slug="technical-qualification-levels")
        self.assertEqual(
            list(items.values_list("code", flat=True)),
            ["chua_qua_dao_tao", "cnkt_khong_bang", "chung_chi_nghe_duoi_3_thang", "so_cap", "trung_cap",
             "cao_dang", "dai_hoc", "tren_dai_hoc", "thac_si", "tien_si"],
        )  # fmt: skip
        self.assertEqual(set(items.filter(parent_code="tren_dai_hoc").values_list("code", flat=True)),
                         {"thac_si", "tien_si"})  # fmt: skip
        self.assertEqual(items.get(code="thac_si").legal_source, "TT 11/2022/TT-BLĐTBXH, Mẫu 01, 02")

    def test_inactive_reasons_hang_under_inactive(self):
        reasons = CodeItem.objects.filter(code_list__slug="economic-activity-statuses", parent_code="khong_tham_gia")
        self.assertEqual(
            set(reasons.values_list("code", flat=True)),
            {"khong_tham_gia_di_hoc", "khong_tham_gia_huu_tri", "khong_tham_gia_noi_tro",
             "khong_tham_gia_khuyet_tat", "khong_tham_gia_khac"},
        )  # fmt: skip
