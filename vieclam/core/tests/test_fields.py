"""Money, date and picker fields: what people type is read, and every mistake names the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms

from vieclam.core.fields import DateField, MoneyField


class PayForm(forms.Form):
    pay = MoneyField(label="Lương từ (đồng/tháng)", required=False)
    day = DateField(label="Ngày sinh", required=False)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("7.000.000", 7_000_000),
        ("7000000", 7_000_000),
        ("7 000 000", 7_000_000),
        ("7,000,000", 7_000_000),
        ("7 triệu", 7_000_000),
        ("7tr", 7_000_000),
        ("7 TR", 7_000_000),
        ("7,5 triệu", 7_500_000),
        ("7.5tr", 7_500_000),
        ("500 nghìn", 500_000),
        ("500k", 500_000),
        ("7.000.000 đ", 7_000_000),
        ("7 triệu đồng", 7_000_000),
        ("1,2 tỷ", 1_200_000_000),
    ],
)
def test_money_reads_what_people_type(typed, amount):
    form = PayForm({"pay": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pay"] == amount


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("bảy triệu", "không đọc được “bảy triệu”"),
        ("7 - 10 triệu", "không đọc được"),
        ("7 quả", "không đọc được"),
        ("-7000000", "không được âm"),
        ("70 tỷ", "quá lớn"),
    ],
)
def test_bad_money_names_the_field(typed, words):
    form = PayForm({"pay": typed})
    assert not form.is_valid()
    message = form.errors["pay"][0]
    assert message.startswith("Lương từ (đồng/tháng):")
    assert words in message


def test_money_comes_back_as_typed_and_shows_dots():
    assert 'value="bảy triệu"' in str(PayForm({"pay": "bảy triệu"})["pay"])
    assert 'value="7.000.000"' in str(PayForm(initial={"pay": 7_000_000})["pay"])


@pytest.mark.parametrize("typed", ["29/05/1990", "29-05-1990", "29.05.1990", "1990-05-29", "29/5/1990"])
def test_date_reads_day_first(typed):
    form = PayForm({"day": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(1990, 5, 29)


@pytest.mark.parametrize("typed", ["05/29/1990", "31/02/2000", "hôm qua"])
def test_bad_date_names_the_field_and_the_format(typed):
    form = PayForm({"day": typed})
    assert not form.is_valid()
    assert form.errors["day"][0].startswith(f"Ngày sinh: “{typed}” không phải một ngày")
    assert "dd/mm/yyyy" in form.errors["day"][0]


def test_date_is_a_text_box_shown_dd_mm_yyyy_in_any_language(settings):
    from django.utils import translation

    with translation.override("en"):
        html = str(PayForm(initial={"day": dt.date(1990, 5, 29)})["day"])
    assert 'type="text"' in html
    assert 'value="29/05/1990"' in html
    assert 'placeholder="dd/mm/yyyy"' in html
