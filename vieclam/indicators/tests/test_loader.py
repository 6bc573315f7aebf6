"""The catalogue loads from data/catalogue.csv, names only registered counting rules, and refuses bad rows."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from vieclam.indicators import loader
from vieclam.indicators.dims import DIMENSIONS
from vieclam.indicators.models import Indicator, Unit
from vieclam.indicators.rules import DROP, rule_get, rule_names

pytestmark = pytest.mark.django_db


def test_the_catalogue_is_loaded_by_the_test_database_setup():
    rows = loader.catalogue_rows()
    assert Indicator.objects.count() == len(rows) >= 45
    assert len({r["code"] for r in rows}) == len(rows)


def test_every_numerator_and_denominator_names_a_registered_rule():
    known = set(rule_names())
    for indicator in Indicator.objects.all():
        for term in (indicator.numerator, indicator.denominator):
            if term:
                assert term.removeprefix(DROP) in known, indicator.code


def test_every_row_has_both_names_a_unit_a_definition_and_a_source():
    for row in loader.catalogue_rows():
        assert row["name_vi"] and row["name_en"] and row["definition"] and row["legal_source"], row["code"]
        assert row["unit"] in Unit.values, row["code"]
        assert (row["unit"] == Unit.PERCENT) == bool(row["denominator"]), row["code"]


def test_every_disaggregation_is_known_and_offered_by_the_rules():
    for row in loader.catalogue_rows():
        for dim in row["disaggregations"]:
            assert dim in DIMENSIONS, (row["code"], dim)
            if dim == "commune":
                continue  # every rule counts by commune
            for term in (row["numerator"], row["denominator"]):
                if term:
                    assert dim in rule_get(term.removeprefix(DROP)).dims, (row["code"], dim)


def test_the_connection_rate_is_connections_over_persons_who_applied_or_were_referred():
    rate = Indicator.objects.get(code="ty_le_ket_noi_thanh_cong")
    assert (rate.numerator, rate.denominator, rate.scale) == ("connections_persons", "applications_persons", 100)
    assert rate.is_ratio and "ứng tuyển hoặc được giới thiệu" in rate.definition


def test_loading_again_changes_nothing():
    before = list(Indicator.objects.order_by("code").values())
    loader.load_catalogue()
    assert list(Indicator.objects.order_by("code").values()) == before


def _write(tmp_path, monkeypatch, extra_row: str) -> None:
    text = (loader.DATA / "catalogue.csv").read_text(encoding="utf-8") + extra_row + "\n"
    (tmp_path / "catalogue.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(loader, "DATA", tmp_path)


def test_a_row_naming_an_unregistered_rule_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, 'moi,Mới,New,dich_vu,nguoi,khong_co_quy_tac,,1,0,"[]",higher,0,x,y,,')
    count = Indicator.objects.count()
    with pytest.raises(ImproperlyConfigured, match="khong_co_quy_tac"):
        loader.load_catalogue()
    assert Indicator.objects.count() == count


def test_a_drop_of_an_unregistered_rule_is_refused(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, 'moi,Mới,New,dich_vu,nguoi,drop:khong_co,,1,0,"[]",higher,0,x,y,,')
    with pytest.raises(ImproperlyConfigured, match="khong_co"):
        loader.load_catalogue()


def test_a_row_with_broken_disaggregations_is_refused(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, "moi,Mới,New,dich_vu,nguoi,applications,,1,0,[commune,higher,0,x,y,,")
    with pytest.raises(json.JSONDecodeError):
        loader.load_catalogue()


def test_a_row_with_a_bad_date_is_refused(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, 'moi,Mới,New,dich_vu,nguoi,applications,,1,0,"[]",higher,0,x,y,31/12/2026,')
    with pytest.raises(ValueError):
        loader.load_catalogue()


def test_the_groups_of_the_apps_dimensions_read_as_words():
    from vieclam.indicators.dims import group_label

    assert str(DIMENSIONS["fair_kind"]) == "Loại phiên"
    assert group_label("fair_kind", "mobile") == "Lưu động"
    assert group_label("channel", "referred") == "Giới thiệu việc làm"
    assert group_label("channel", "board") == "Tuyển dụng qua sàn việc làm"
    assert group_label("channel", "walk_in") == "Đăng ký trực tiếp tại phiên"
    assert group_label("channel", "_") == "Không rõ"
