from __future__ import annotations

import datetime as dt

from django.test import SimpleTestCase

from vieclam.coding.pay import Pay, parse_pay, usd_vnd_rate

RATE = 25_000  # a round rate keeps the expected figures readable; the default comes from data/usd_vnd_rates.csv


def pay(text: str) -> Pay:
    return parse_pay(text, usd_rate=RATE)


class ParsePayVndTests(SimpleTestCase):
    def test_topcv_and_vietnamworks_ranges(self):
        cases = {
            "Lương: 12 Tr - 20 Tr VND": (12_000_000, 20_000_000),
            "15 - 25 triệu": (15_000_000, 25_000_000),
            "8.000.000 - 10.000.000 đ": (8_000_000, 10_000_000),
            "15.000.000 - 25.000.000 VND": (15_000_000, 25_000_000),
            "15tr-20tr": (15_000_000, 20_000_000),
            "12M - 15M/tháng": (12_000_000, 15_000_000),
        }
        for text, (low, high) in cases.items():
            with self.subTest(text):
                self.assertEqual(pay(text), Pay(low, high, False, "vnd", "month"))

    def test_open_ranges(self):
        self.assertEqual(pay("Tới 40 triệu"), Pay(None, 40_000_000, False, "vnd"))
        self.assertEqual(pay("Lên đến 30.000.000 VND"), Pay(None, 30_000_000, False, "vnd"))
        self.assertEqual(pay("Trên 20 Tr VND"), Pay(20_000_000, None, False, "vnd"))
        self.assertEqual(pay("Từ 8 triệu"), Pay(8_000_000, None, False, "vnd"))
        self.assertEqual(pay("Từ 16.000.000 VND"), Pay(16_000_000, None, False, "vnd"))

    def test_a_decimal_comma_is_a_decimal(self):
        self.assertEqual(pay("Thu nhập từ 7,6 triệu đồng").pay_min, 7_600_000)

    def test_numbers_inside_words_are_not_pay(self):
        self.assertEqual(pay("Lái xe bằng B2, lương 10 - 15 triệu"), Pay(10_000_000, 15_000_000, False, "vnd"))


class ParsePayNegotiableTests(SimpleTestCase):
    def test_words_for_negotiable(self):
        for text in ("Thoả thuận", "Thỏa thuận", "THỎA THUẬN", "Cạnh tranh", "Negotiable", "Lương cạnh tranh"):
            with self.subTest(text):
                self.assertEqual(pay(text), Pay(negotiable=True))

    def test_amounts_and_negotiable_together_keep_both(self):
        self.assertEqual(pay("Lương 13-16 triệu, thỏa thuận theo năng lực"), Pay(13_000_000, 16_000_000, True, "vnd"))

    def test_no_pay_at_all(self):
        for text in ("", None, "Sign in to view salary"):
            with self.subTest(text):
                self.assertEqual(parse_pay(text), Pay())


class ParsePayUsdTests(SimpleTestCase):
    def test_usd_amounts_are_converted_at_the_given_rate(self):
        self.assertEqual(pay("650 - 800 USD"), Pay(16_250_000, 20_000_000, False, "usd"))
        self.assertEqual(pay("$1,000 - $1,500"), Pay(25_000_000, 37_500_000, False, "usd"))
        self.assertEqual(pay("Up to $2000"), Pay(None, 50_000_000, False, "usd"))
        self.assertEqual(pay("Upto 1000$"), Pay(None, 25_000_000, False, "usd"))
        self.assertEqual(pay("Tới 1,200 USD"), Pay(None, 30_000_000, False, "usd"))

    def test_vietnamworks_vnd_label_on_small_amounts_means_usd(self):
        self.assertEqual(pay("650 - 800 VND"), Pay(16_250_000, 20_000_000, False, "usd_inferred"))
        self.assertEqual(pay("Từ 1.470 VND"), Pay(36_750_000, None, False, "usd_inferred"))

    def test_default_rate_comes_from_the_dated_rates_file(self):
        rate = usd_vnd_rate()
        self.assertGreater(rate, 20_000)
        self.assertEqual(parse_pay("1000 USD").pay_min, round(1000 * rate, -3))
        self.assertEqual(usd_vnd_rate(dt.date(2000, 1, 1)), usd_vnd_rate())  # before the first row: the first


class ParsePayPeriodTests(SimpleTestCase):
    def test_hourly_and_daily_pay_become_monthly(self):
        self.assertEqual(pay("24 k - 25 k /giờ"), Pay(4_992_000, 5_200_000, False, "vnd", "hour"))
        self.assertEqual(pay("300k/ngày"), Pay(7_800_000, 7_800_000, False, "vnd", "day"))

    def test_yearly_pay_becomes_monthly(self):
        self.assertEqual(pay("1.000.000.000 - 1.500.000.000 VND"), Pay(83_333_000, 125_000_000, False, "vnd", "year"))
        self.assertEqual(pay("Lương 240 triệu/năm").pay_min, 20_000_000)

    def test_piece_rates_and_implausible_months_give_no_amount(self):
        self.assertEqual(pay("Tới 150 k /sp"), Pay(period="piece"))
        self.assertEqual(pay("10.000 - 20.000 VND"), Pay())
