"""The pure rules, with the thresholds passed in: no database."""

from decimal import Decimal

import pytest

from vieclam.poverty.rules import Line, classify_by_income, classify_by_score, is_low_income_worker

RURAL_2022 = Line("rural", 1_500_000, 2_250_000, 3, 140, 10, 30)
URBAN_2027 = Line("urban", 2_800_000, None, 3)


@pytest.mark.parametrize(
    ("income", "deprivations", "expected"),
    [
        (1_400_000, 3, "poor"),
        (1_500_000, 3, "poor"),  # exactly the line is still at or below it
        (1_500_000, 2, "near_poor"),
        (0, 0, "near_poor"),
        (1_500_001, 12, "average"),  # above the line deprivations no longer matter
        (2_250_000, 0, "average"),
        (2_250_001, 0, "not_poor"),
    ],
)
def test_income_rule(income, deprivations, expected):
    verdict = classify_by_income(line=RURAL_2022, income_per_capita=income, deprivation_count=deprivations)
    assert verdict.classification == expected
    assert (verdict.income_line, verdict.deprivation_count) == (1_500_000, deprivations)


def test_without_an_average_band_above_the_line_is_not_poor_and_says_why():
    verdict = classify_by_income(line=URBAN_2027, income_per_capita=2_800_001, deprivation_count=5)
    assert verdict.classification == "not_poor"
    assert any("chưa được xác định trong dữ liệu" in reason for reason in verdict.reasons)


@pytest.mark.parametrize(
    ("score", "deprivations", "expected"),
    [(100, 3, "poor"), (140, 3, "poor"), (Decimal("140.0"), 2, "near_poor"), (Decimal("140.5"), 5, "not_poor")],
)
def test_score_rule_lower_score_is_poorer(score, deprivations, expected):
    verdict = classify_by_score(line=RURAL_2022, income_score=score, deprivation_count=deprivations)
    assert verdict.classification == expected


def test_score_rule_needs_scorecard_thresholds():
    with pytest.raises(ValueError):
        classify_by_score(line=URBAN_2027, income_score=100, deprivation_count=0)


@pytest.mark.parametrize(
    ("classification", "income", "expected"),
    [
        ("average", 2_250_000, True),
        ("average", 1_600_000, True),
        ("not_poor", 2_250_001, False),
        ("near_poor", 1_400_000, False),  # poor and near-poor households are covered by their own policies
        ("poor", 1_000_000, False),
    ],
)
def test_low_income_worker(classification, income, expected):
    assert is_low_income_worker(classification=classification, income_per_capita=income, income_ceiling=2_250_000) is (
        expected
    )
