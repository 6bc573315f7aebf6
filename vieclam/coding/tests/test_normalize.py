from __future__ import annotations

from django.test import SimpleTestCase

from vieclam.coding.index import Document, TfidfIndex, edit_distance
from vieclam.coding.normalize import ASIDE_WEIGHT, LATER_WEIGHT, title_key, title_segments


class TitleSegmentsTests(SimpleTestCase):
    def test_brackets_become_a_light_aside(self):
        self.assertEqual(
            title_segments("NHÂN VIÊN KINH DOANH (NGÀNH TÔN-QUẬN 2)"),
            [("nhan vien kinh doanh", 1.0), ("nganh ton", ASIDE_WEIGHT)],
        )

    def test_pay_place_urgency_and_experience_are_dropped(self):
        for title in (
            "Kế Toán Tổng Hợp - Upto 16tr - Quận 1, HCM",
            "Kế Toán Tổng Hợp Thu Nhập Up To 18 Triệu Đi Làm Ngay Tại Long Biên",
            "Tuyển gấp Kế toán tổng hợp, 2 năm kinh nghiệm",
            "Kế Toán Tổng Hợp Lương Từ 12 -18 Triệu (Nhận Việc Ngay)",
        ):
            with self.subTest(title):
                self.assertEqual(title_segments(title), [("ke toan tong hop", 1.0)])

    def test_later_segments_weigh_less(self):
        self.assertEqual(
            title_segments("Nhân Viên Kinh Doanh - Sales - Tư Vấn"),
            [("nhan vien kinh doanh", 1.0), ("sales", LATER_WEIGHT), ("tu van", LATER_WEIGHT)],
        )

    def test_hiring_words_go_but_recruitment_jobs_stay(self):
        self.assertEqual(title_key("Tuyển nhân viên kinh doanh"), "nhan vien kinh doanh")
        self.assertEqual(title_key("Chuyên viên tuyển dụng"), "chuyen vien tuyen dung")
        self.assertEqual(title_key("Tuyển sinh"), "tuyen sinh")

    def test_abbreviations_are_spelled_out(self):
        self.assertEqual(title_key("NV KD"), "nhan vien kinh doanh")
        self.assertEqual(title_key("CSKH online"), "cham soc khach hang online")

    def test_seniority_and_internship_say_nothing_of_the_job(self):
        self.assertEqual(title_key("Senior Java Developer (Up to $2500)"), "java developer")
        self.assertEqual(title_key("Thực tập sinh kế toán"), "ke toan")

    def test_company_names_are_dropped(self):
        self.assertEqual(title_segments("Nhân viên lái xe - Công ty TNHH ABC"), [("nhan vien lai xe", 1.0)])

    def test_blank(self):
        self.assertEqual(title_segments(""), [])


class TfidfIndexTests(SimpleTestCase):
    def setUp(self):
        self.index = TfidfIndex(
            [
                Document("3313", (("ke toan tong hop", 1.0),)),
                Document("4311", (("nhan vien ke toan", 1.0),)),
                Document("3322", (("nhan vien kinh doanh", 1.0),)),
            ]
        )

    def test_exact_text_scores_one(self):
        self.assertAlmostEqual(self.index.scores([("ke toan tong hop", 1.0)])["3313"], 1.0)

    def test_a_typo_is_corrected_to_a_known_word(self):
        self.assertEqual(self.index.correct(["ke", "toan", "tong", "hp"])[-1], ("hop", 0.8))
        scores = self.index.scores([("ke toan tong hp", 1.0)])
        self.assertEqual(max(scores, key=scores.get), "3313")

    def test_unknown_words_lower_the_score_but_not_the_ranking(self):
        plain = self.index.scores([("nhan vien kinh doanh", 1.0)])["3322"]
        padded = self.index.scores([("nhan vien kinh doanh xyzabc", 1.0)])
        self.assertLess(padded["3322"], plain)
        self.assertEqual(max(padded, key=padded.get), "3322")

    def test_edit_distance(self):
        self.assertEqual(edit_distance("hop", "hp"), 1)
        self.assertEqual(edit_distance("toan", "taon"), 1)
        self.assertEqual(edit_distance("abc", "xyz", limit=1), 2)
