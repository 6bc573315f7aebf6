"""indicator_values: an indicator for an area of the user's and a period, whole or by a group, in words."""

from __future__ import annotations

import datetime as dt
import sys
import types
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from vieclam.indicators import selectors
from vieclam.indicators.selectors import indicator_values

pytestmark = pytest.mark.django_db
D = dt.date


def add(events, unit, day: dt.date, n: int = 1, sex: str = "male") -> None:
    events.extend([(day, unit.pk, sex)] * n)


def test_a_commune_officer_gets_the_own_commune_by_default(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 3, 1), 3)
    add(events, units["other_a"], D(2023, 3, 1), 7)
    values = indicator_values(user=cast["commune_a"], code="test_starts", area=None, period="2023")
    assert values.area.label == units["commune_a"].name
    assert values.total.value == 3 and values.total.display == "3"


@pytest.mark.parametrize("area", ["80", "25480", "00004"])
def test_a_commune_officer_asking_for_the_province_or_another_commune_is_refused(cast, events, units, starts, area):
    with pytest.raises(Http404, match="nằm ngoài địa bàn bạn phụ trách"):
        indicator_values(user=cast["commune_a"], code="test_starts", area=area, period="2023")


def test_a_province_officer_gets_one_row_per_commune_in_words(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 3, 1), 3)
    add(events, units["other_a"], D(2023, 5, 1), 1234)
    values = indicator_values(user=cast["province_a"], code="test_starts", area="80", period="2023", by="commune")
    rows = {row.label: row for row in values.rows}
    assert rows[units["commune_a"].name].value == 3
    assert rows[units["other_a"].name].display == "1.234"
    assert sum(row.value for row in values.rows) == values.total.value == 1237
    assert len(values.rows) > 50  # every commune of Tây Ninh, the empty ones with 0


def test_rows_by_sex_read_words_and_the_same_period_last_year(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 2, 1), 6, "female")
    add(events, units["commune_a"], D(2022, 2, 1), 4, "female")
    add(events, units["commune_a"], D(2023, 2, 1), 2, "")
    values = indicator_values(user=cast["commune_a"], code="test_starts", area="25459", period="2023-Q1", by="sex")
    rows = {row.label: row for row in values.rows}
    assert set(rows) == {"Nữ", "Không rõ"}
    assert rows["Nữ"].last_value == 4 and rows["Nữ"].change == Decimal("150.0")
    assert values.last_period.label == "Quý 1 năm 2022"


def test_a_rate_reads_with_its_decimals_and_keeps_numerator_and_denominator(cast, events, units, rate):
    add(events, units["commune_a"], D(2023, 1, 5), 1)
    values = indicator_values(user=cast["commune_a"], code="test_rate", area=None, period="2023")
    assert (values.total.numerator, values.total.denominator, values.total.display) == (1, 10, "10,00%")


def test_figures_as_they_stood_on_a_day_reach_the_rules(cast, events, units, starts, monkeypatch):
    seen = []
    original = selectors.Calculator

    class Spy(original):
        def __init__(self, **kwargs):
            seen.append(kwargs["as_of"])
            super().__init__(**kwargs)

    monkeypatch.setattr(selectors, "Calculator", Spy)
    indicator_values(user=cast["commune_a"], code="test_starts", area=None, period="2023", as_of=D(2024, 1, 15))
    assert seen[0].date() == D(2024, 1, 15)


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"period": "2023-13"}, "period", "Kỳ báo cáo không hợp lệ"),
        ({"period": "01/05/2023-01/01/2023"}, "period", "kết thúc (01/01/2023) trước khi bắt đầu (01/05/2023)"),
        ({"by": "colour"}, "by", "không phân tổ theo “colour”"),
        ({"area": "99999"}, "area", "Không có đơn vị hành chính “99999”"),
        ({"boundary": "1990"}, "boundary", "Địa giới không hợp lệ"),
    ],
)
def test_bad_input_names_the_field_in_vietnamese(cast, starts, kwargs, field, message):
    query = {"area": None, "period": "2023", **kwargs}
    with pytest.raises(ValidationError) as error:
        indicator_values(user=cast["province_a"], code="test_starts", **query)
    assert message in " ".join(error.value.message_dict[field])


def test_an_unknown_indicator_is_a_404_naming_the_code(cast):
    with pytest.raises(Http404, match="Không có chỉ tiêu mã “khong_co”"):
        indicator_values(user=cast["admin"], code="khong_co", area=None, period="2023")


def test_public_figures_hide_small_cells(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 3, 1), 3, "female")
    add(events, units["commune_a"], D(2023, 3, 1), 9, "male")
    public = indicator_values(user=None, code="test_starts", area="25459", period="2023", by="sex", public=True)
    rows = {row.label: row for row in public.rows}
    assert rows["Nữ"].display == "<5" and rows["Nữ"].value is None and rows["Nữ"].numerator is None
    assert rows["Nam"].value == 9
    staff = indicator_values(user=cast["commune_a"], code="test_starts", area="25459", period="2023", by="sex")
    assert {row.label: row.value for row in staff.rows}["Nữ"] == 3


def test_the_small_cell_threshold_is_a_setting(cast, events, units, starts, settings):
    settings.VIECLAM_SMALL_CELL = 10
    add(events, units["commune_a"], D(2023, 3, 1), 9, "male")
    public = indicator_values(user=None, code="test_starts", area="25459", period="2023", by="sex", public=True)
    assert public.rows[0].display == "<5" and public.rows[0].suppressed


def test_targets_and_achievement_come_from_the_targets_app_when_installed(cast, events, units, starts, monkeypatch):
    add(events, units["commune_a"], D(2023, 3, 1), 7)
    module = types.ModuleType("vieclam.targets.selectors")
    module.targets_by_unit = lambda *, indicator, units, year: {u: Decimal(5) for u in units}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vieclam.targets.selectors", module)
    monkeypatch.setattr(selectors.apps, "is_installed", lambda name: True)
    values = indicator_values(user=cast["province_a"], code="test_starts", area="80", period="2023", by="commune")
    assert values.total.target == 5 and values.total.achievement == Decimal("140.0")
    row = next(row for row in values.rows if row.label == units["commune_a"].name)
    assert row.target == 5 and row.achievement == Decimal("140.0")


def test_without_the_targets_app_there_is_no_target(cast, starts):
    values = indicator_values(user=cast["province_a"], code="test_starts", area="80", period="2023")
    assert values.total.target is None and values.total.achievement is None


def _old_units_of(commune):
    from vieclam.indicators.areas import _main_predecessor
    from vieclam.places.models import Succession

    main = _main_predecessor(list(Succession.objects.filter(successor=commune, level="commune")))
    return main.predecessor, main.predecessor.parent


def test_an_old_district_is_asked_by_its_code_and_broken_down_into_its_old_communes(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 3, 1), 5)
    old_commune, old_district = _old_units_of(units["commune_a"])
    values = indicator_values(user=cast["province_a"], code="test_starts", area=old_district.code, period="2023",
                              by="commune", boundary="pre2025")  # fmt: skip
    assert values.area.label == old_district.name and values.boundary == "pre2025"
    assert {row.label: row.value for row in values.rows}[old_commune.name] == 5
    assert values.total.value == 5


def test_the_province_by_commune_on_the_old_boundary_groups_communes_into_old_districts(cast, events, units, starts):
    add(events, units["commune_a"], D(2023, 3, 1), 5)
    _old_commune, old_district = _old_units_of(units["commune_a"])
    values = indicator_values(user=cast["province_a"], code="test_starts", area=units["province_a"],
                              period="2023", by="commune", boundary="pre2025")  # fmt: skip
    rows = {row.label: row.value for row in values.rows}
    assert rows[old_district.name] == 5
    assert len(rows) < 40  # old districts, not the ~100 communes


def test_a_commune_officer_cannot_reach_an_old_district_around_the_commune(cast, units, starts):
    _old_commune, old_district = _old_units_of(units["commune_a"])
    with pytest.raises(Http404):
        indicator_values(user=cast["commune_a"], code="test_starts", area=old_district.code, period="2023",
                         boundary="pre2025")  # fmt: skip
