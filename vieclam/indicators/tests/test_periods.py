"""Reporting periods: every text form, the words a report shows, 'cùng kỳ' and the messages for bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from vieclam.indicators.periods import Period, period_parse

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("2023-H1", D(2023, 1, 1), D(2023, 6, 30), "half"),
        ("2023-h2", D(2023, 7, 1), D(2023, 12, 31), "half"),
        ("2023-Q2", D(2023, 4, 1), D(2023, 6, 30), "quarter"),
        ("2024-q1", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("2023-2", D(2023, 2, 1), D(2023, 2, 28), "month"),
        ("2021..2025", D(2021, 1, 1), D(2025, 12, 31), "years"),
        ("2023-01-15..2023-03-31", D(2023, 1, 15), D(2023, 3, 31), "range"),
        ("01/01/2023-31/03/2023", D(2023, 1, 1), D(2023, 3, 31), "range"),
        (" 1/1/2023 – 31/3/2023 ", D(2023, 1, 1), D(2023, 3, 31), "range"),
    ],
)
def test_every_text_form_parses_to_its_days(text, start, end, kind):
    period = period_parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize(
    "text", ["2023", "2023-H1", "2023-H2", "2023-Q4", "2023-05", "2021..2025", "2023-01-15..2023-03-31"]
)
def test_the_code_of_a_period_parses_back_to_it(text):
    period = period_parse(text)
    assert period_parse(period.code) == period


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2023", "Năm 2023"),
        ("2023-H1", "6 tháng đầu năm 2023"),
        ("2023-H2", "6 tháng cuối năm 2023"),
        ("2023-Q2", "Quý 2 năm 2023"),
        ("2023-05", "Tháng 05/2023"),
        ("2021..2025", "Giai đoạn 2021–2025"),
        ("01/01/2023-31/03/2023", "Từ 01/01/2023 đến 31/03/2023"),
    ],
)
def test_labels_read_as_a_report_writes_them(text, label):
    assert period_parse(text).label == label


def test_same_period_last_year_keeps_the_kind_and_days():
    assert period_parse("2024-Q1").same_period_last_year() == Period(D(2023, 1, 1), D(2023, 3, 31), "quarter")


def test_same_period_last_year_of_a_leap_february_ends_on_the_28th():
    back = period_parse("2024-02").same_period_last_year()
    assert (back.start, back.end) == (D(2023, 2, 1), D(2023, 2, 28))


def test_same_period_last_year_of_february_before_a_leap_year_ends_on_the_29th():
    back = period_parse("2025-02").same_period_last_year()
    assert (back.start, back.end) == (D(2024, 2, 1), D(2024, 2, 29))


def test_months_and_year_to_date():
    period = period_parse("2023-Q2")
    assert [m.code for m in period.months()] == ["2023-04", "2023-05", "2023-06"]
    assert period.year_to_date() == Period(D(2023, 1, 1), D(2023, 6, 30))
    assert period.day_before() == D(2023, 3, 31)


@pytest.mark.parametrize("text", ["", "abc", "2023-H3", "2023-Q5", "2023-13", "31/02/2023-01/03/2023", "2023..", None])
def test_bad_text_is_refused_with_the_forms_that_work(text):
    with pytest.raises(ValidationError) as caught:
        period_parse(text)
    message = caught.value.messages[0]
    assert message.startswith("Kỳ báo cáo không hợp lệ")
    assert "2023-H1" in message and "01/01/2023-31/03/2023" in message


def test_a_period_that_ends_before_it_starts_is_refused_in_dates_a_reader_knows():
    with pytest.raises(ValidationError) as caught:
        period_parse("31/03/2023-01/01/2023")
    assert caught.value.messages == ["Kỳ báo cáo kết thúc (01/01/2023) trước khi bắt đầu (31/03/2023)."]
