"""A report's figures: this period, the same period last year, the ratio between them ("—" over 0), by commune."""

import datetime as dt
from decimal import Decimal

import pytest

from vieclam.conftest import COMMUNE_A, OTHER_COMMUNE_A, PROVINCE_A
from vieclam.connections.tests.factories import make_connection
from vieclam.core.reportdoc import NO_VALUE, cell_text
from vieclam.indicators.areas import area_for
from vieclam.indicators.periods import Period
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting.build import report_build
from vieclam.reporting.kinds import kind_get, kinds

pytestmark = pytest.mark.django_db


def unit(code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.current().get(code=code)


@pytest.fixture
def records(cast):
    officer = cast["province_a"]
    make_connection(officer, start_date=dt.date(2026, 2, 10))
    make_connection(officer, start_date=dt.date(2026, 5, 3))
    make_connection(officer, start_date=dt.date(2025, 3, 1))
    make_connection(officer, commune=OTHER_COMMUNE_A, start_date=dt.date(2026, 4, 1))
    return cast


def row(table, label: str) -> list:
    return next(r for r in table.rows if r[0] == label)


def texts(table, label: str) -> list[str]:
    return [cell_text(v, c) for v, c in zip(row(table, label), table.columns, strict=False)]


def test_every_kind_names_indicators_of_the_catalogue():
    from vieclam.indicators.models import Indicator

    codes = set(Indicator.objects.values_list("code", flat=True))
    for kind in kinds():
        assert set(kind.indicators) <= codes and set(kind.commune_indicators) <= codes, kind.code
        assert kind.periods and set(kind.periods) <= {"half", "year"}


def test_a_province_report_counts_this_period_against_last_year(records):
    doc = report_build(kind=kind_get("tda43_6_thang"), area=area_for(unit(PROVINCE_A)), period=Period.half(2026, 1))
    main = doc.tables[0]
    assert [c.header for c in main.columns][:7] == [
        "Chỉ tiêu", "Đơn vị tính", "Thực hiện kỳ này", "Cùng kỳ năm trước", "So cùng kỳ (%)",
        "Kế hoạch năm 2026", "Đạt % kế hoạch năm",
    ]  # fmt: skip
    connected = row(main, "Số người được kết nối việc làm thành công")
    assert connected[1:5] == ["người", Decimal(3), Decimal(1), Decimal("300.0")]
    assert texts(main, "Số người được kết nối việc làm thành công")[2:7] == ["3", "1", "300,0", NO_VALUE, NO_VALUE]
    assert doc.period_label == "6 tháng đầu năm 2026" and doc.reporting_unit == "Tỉnh Tây Ninh"
    assert "Số người được kết nối việc làm thành công: 3 người, bằng 300,0% so cùng kỳ." in doc.notes
    assert any("Điều 16" in note for note in doc.notes)


def test_a_ratio_over_nothing_shows_a_dash(records):
    doc = report_build(kind=kind_get("tda43_6_thang"), area=area_for(unit(PROVINCE_A)), period=Period.half(2026, 1))
    # Nobody was connected in the first half of 2025 in Phường Bình Minh: "so cùng kỳ" has no value.
    by_commune = doc.tables[1]
    assert texts(by_commune, "Phường Bình Minh")[1:4] == ["1", "0", NO_VALUE]
    assert texts(by_commune, "Phường Tân Ninh")[1:4] == ["2", "1", "200,0"]
    total = by_commune.rows[-1]
    assert by_commune.total_row and total[0] == "Tổng cộng" and total[1] == Decimal(3)


def test_a_commune_report_has_no_commune_table(records):
    doc = report_build(kind=kind_get("tda43_6_thang"), area=area_for(unit(COMMUNE_A)), period=Period.half(2026, 1))
    assert len(doc.tables) == 1
    assert row(doc.tables[0], "Số người được kết nối việc làm thành công")[2] == Decimal(2)


def test_a_report_takes_a_bounded_number_of_queries(records, django_assert_max_num_queries):
    area = area_for(unit(PROVINCE_A))
    with django_assert_max_num_queries(80):  # a few per counting rule and period, never one per commune
        report_build(kind=kind_get("tda43_nam"), area=area, period=Period.year(2026))


@pytest.fixture
def targets(monkeypatch):
    """A stand-in for the targets app (vieclam.targets.selectors): a year's target and a 2026–2030 plan."""
    import sys
    import types
    from types import SimpleNamespace

    from django.apps import apps

    module = types.ModuleType("vieclam.targets.selectors")
    module.target_for = lambda *, indicator, area, year: (
        SimpleNamespace(value=Decimal(4)) if indicator.code == "ket_noi_thanh_cong" and year == 2026 else None
    )
    module.plan_target_for = lambda *, indicator, area, year: (
        SimpleNamespace(year_from=2026, year_to=2030, value=Decimal(20)) if indicator.code == "ket_noi_thanh_cong"
        else None
    )  # fmt: skip
    monkeypatch.setitem(sys.modules, "vieclam.targets", types.ModuleType("vieclam.targets"))
    monkeypatch.setitem(sys.modules, "vieclam.targets.selectors", module)
    real = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name == "vieclam.targets" or real(name))


def test_targets_give_the_achievement_of_the_year_and_of_the_plan(records, targets):
    doc = report_build(kind=kind_get("tda43_6_thang"), area=area_for(unit(PROVINCE_A)), period=Period.half(2026, 1))
    main = doc.tables[0]
    assert [c.header for c in main.columns][7:] == [
        "Kế hoạch 5 năm", "Đạt % kế hoạch 5 năm", "Đạt % so bình quân năm của kế hoạch 5 năm"
    ]  # fmt: skip
    # 3 persons connected against 4 this year (75,0%) and 20 over 2026–2030 (15,0% so far); the plan's average
    # for six months is 20 / 5 / 2 = 2 (150,0%).
    assert texts(main, "Số người được kết nối việc làm thành công")[5:] == ["4", "75,0", "20", "15,0", "150,0"]
    assert texts(main, "Số lao động được giải quyết việc làm")[5:] == [NO_VALUE] * 5


def test_without_a_plan_the_plan_columns_are_left_out(records):
    doc = report_build(kind=kind_get("tda43_6_thang"), area=area_for(unit(PROVINCE_A)), period=Period.half(2026, 1))
    assert len(doc.tables[0].columns) == 7
