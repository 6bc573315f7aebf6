import datetime as dt

import pytest
from django.core.management import call_command

from vieclam.poverty.loader import load_poverty_rules
from vieclam.poverty.models import DeprivationIndicator, LowIncomeThreshold, PovertyLine, PovertyStandard

pytestmark = pytest.mark.django_db

INDICATORS = [
    "employment", "dependent_person", "nutrition", "health_insurance", "adult_education", "child_school_attendance",
    "housing_quality", "housing_area", "clean_water", "hygienic_toilet", "telecommunication",
    "information_access_assets",
]  # fmt: skip


def test_second_load_changes_nothing():
    changes = load_poverty_rules()
    assert set(changes) == {
        "poverty_standards", "poverty_lines", "poverty_indicators", "poverty_low_income_thresholds"
    }  # fmt: skip
    assert set(changes.values()) == {0}, changes


def test_load_reference_command_reports_zero_poverty_changes(capsys):
    call_command("load_reference")
    lines = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("poverty_")]
    assert lines == [
        "poverty_standards: 0", "poverty_lines: 0", "poverty_indicators: 0", "poverty_low_income_thresholds: 0"
    ]  # fmt: skip


def test_a_line_edited_in_the_database_is_put_back():
    PovertyLine.objects.filter(standard__code="nd07_2021", area_class="rural").update(income_line=1)
    assert load_poverty_rules()["poverty_lines"] == 1
    assert PovertyLine.objects.get(standard__code="nd07_2021", area_class="rural").income_line == 1_500_000


def test_standards_are_dated_and_back_to_back():
    old, new = PovertyStandard.objects.order_by("valid_from")
    assert (old.code, old.valid_from, old.valid_to) == ("nd07_2021", dt.date(2022, 1, 1), dt.date(2026, 12, 31))
    assert (new.code, new.valid_from) == ("nd351_2025", dt.date(2027, 1, 1))
    assert old.legal_source.startswith("NĐ 07/2021/NĐ-CP")
    assert new.legal_source == "NĐ 351/2025/NĐ-CP"


def test_lines_per_standard_and_area():
    lines = {
        (ln.standard.code, ln.area_class): (ln.income_line, ln.average_upper, ln.poor_min_deprivations,
                                            ln.score_income_line, ln.score_per_deprivation, ln.score_poor_deprivation)
        for ln in PovertyLine.objects.select_related("standard")
    }  # fmt: skip
    assert lines == {
        ("nd07_2021", "rural"): (1_500_000, 2_250_000, 3, 140, 10, 30),
        ("nd07_2021", "urban"): (2_000_000, 3_000_000, 3, 175, 10, 30),
        ("nd351_2025", "rural"): (2_200_000, None, 3, None, None, None),
        ("nd351_2025", "urban"): (2_800_000, None, 3, None, None, None),
    }


def test_both_standards_have_the_twelve_indicators_with_labels_and_dates():
    for standard in PovertyStandard.objects.all():
        indicators = list(DeprivationIndicator.objects.filter(standard=standard).order_by("order"))
        assert [i.code for i in indicators] == INDICATORS
        assert all(i.name_vi and i.dimension for i in indicators)
        assert {(i.valid_from, i.valid_to) for i in indicators} == {(standard.valid_from, standard.valid_to)}
    assert DeprivationIndicator.objects.get(standard__code="nd07_2021", code="health_insurance").name_vi == (
        "Bảo hiểm y tế"
    )


def test_low_income_thresholds():
    ceilings = dict(LowIncomeThreshold.objects.filter(code="nd30_2025").values_list("area_class", "income_ceiling"))
    assert ceilings == {"rural": 2_250_000, "urban": 3_000_000}
