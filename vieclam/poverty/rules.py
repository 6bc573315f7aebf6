"""The poverty classification rules as pure functions: thresholds in, verdict out; no database access.

NĐ 07/2021/NĐ-CP Art. 3.2 (and NĐ 351/2025/NĐ-CP, same structure):
  income ≤ line and deprived in ≥ 3 indicators → poor; income ≤ line and < 3 → near-poor;
  income above the line up to the average band's top → average living standard; above that → not poor.
The TT 07/2021/TT-BLĐTBXH scorecard states the same with points: a LOWER income score (điểm A) is poorer, so
score ≤ line is poor or near-poor, and 10 points per deprivation (điểm B) ≥ 30 is poor.
The numbers come from data (models.PovertyLine); see data/SOURCES.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from vieclam.places.choices import AreaClass
from vieclam.poverty.choices import Classification


@dataclass(frozen=True)
class Line:
    """The thresholds of one standard in one area class; None means 'not defined in the data'."""

    area_class: str
    income_line: int
    average_upper: int | None
    poor_min_deprivations: int
    score_income_line: int | None = None
    score_per_deprivation: int | None = None
    score_poor_deprivation: int | None = None

    @property
    def has_scorecard(self) -> bool:
        return None not in (self.score_income_line, self.score_per_deprivation, self.score_poor_deprivation)


@dataclass(frozen=True)
class Verdict:
    classification: str
    income_line: int
    deprivation_count: int
    reasons: list[str] = field(default_factory=list)


def number(value: int | Decimal) -> str:
    """1500000 → "1.500.000" in Vietnamese, "1,500,000" in English; a score keeps only the decimals it has."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else value.normalize()
    return number_format(value, force_grouping=True)


def _area(line: Line) -> str:
    return str(AreaClass(line.area_class).label).lower()


def classify_by_income(*, line: Line, income_per_capita: int, deprivation_count: int) -> Verdict:
    """Classify from the monthly income per person (VND)."""
    income, limit = number(income_per_capita), number(line.income_line)
    if income_per_capita <= line.income_line:
        reason = _("Thu nhập bình quân {income} đồng/người/tháng không vượt chuẩn nghèo {line} đồng ({area}).")
        reasons = [reason.format(income=income, line=limit, area=_area(line))]
        return _by_deprivations(line, deprivation_count, reasons)
    above = _("Thu nhập bình quân {income} đồng/người/tháng cao hơn chuẩn nghèo {line} đồng ({area}).")
    reasons = [above.format(income=income, line=limit, area=_area(line))]
    if line.average_upper is None:
        reasons.append(_("Khoảng mức sống trung bình của chuẩn này chưa được xác định trong dữ liệu, nên hộ được "
                         "xếp là không nghèo mà không xét mức sống trung bình."))  # fmt: skip
        return Verdict(Classification.NOT_POOR, line.income_line, deprivation_count, reasons)
    upper = number(line.average_upper)
    if income_per_capita <= line.average_upper:
        reasons.append(_("Thu nhập không vượt {upper} đồng: hộ có mức sống trung bình.").format(upper=upper))
        return Verdict(Classification.AVERAGE, line.income_line, deprivation_count, reasons)
    reasons.append(_("Thu nhập cao hơn mức sống trung bình ({upper} đồng): hộ không nghèo.").format(upper=upper))
    return Verdict(Classification.NOT_POOR, line.income_line, deprivation_count, reasons)


def classify_by_score(*, line: Line, income_score: int | Decimal, deprivation_count: int) -> Verdict:
    """Classify from the scorecard income points (điểm A); a lower score is poorer."""
    if not line.has_scorecard:
        raise ValueError("this line has no scorecard thresholds")
    score, limit = number(income_score), number(line.score_income_line)
    if income_score <= line.score_income_line:
        reason = _("Điểm thu nhập (điểm A) {score} không vượt ngưỡng {line} điểm ({area}).")
        reasons = [reason.format(score=score, line=limit, area=_area(line))]
        return _by_deprivation_score(line, deprivation_count, reasons)
    reasons = [
        _("Điểm thu nhập (điểm A) {score} cao hơn ngưỡng {line} điểm ({area}): hộ không nghèo.").format(
            score=score, line=limit, area=_area(line)
        ),
        _("Mức sống trung bình được xác định theo thu nhập bằng tiền, không theo điểm phiếu B."),
    ]
    return Verdict(Classification.NOT_POOR, line.income_line, deprivation_count, reasons)


def _by_deprivations(line: Line, count: int, reasons: list[str]) -> Verdict:
    minimum = line.poor_min_deprivations
    if count >= minimum:
        reason = _("Thiếu hụt {count} chỉ số dịch vụ xã hội cơ bản (từ {minimum} chỉ số trở lên): hộ nghèo.")
        classification = Classification.POOR
    else:
        reason = _("Thiếu hụt {count} chỉ số dịch vụ xã hội cơ bản (dưới {minimum} chỉ số): hộ cận nghèo.")
        classification = Classification.NEAR_POOR
    reasons.append(reason.format(count=count, minimum=minimum))
    return Verdict(classification, line.income_line, count, reasons)


def _by_deprivation_score(line: Line, count: int, reasons: list[str]) -> Verdict:
    points, minimum = count * line.score_per_deprivation, line.score_poor_deprivation
    if points >= minimum:
        reason = _("Điểm thiếu hụt (điểm B) {points} ({count} chỉ số × {each} điểm), từ {minimum} điểm: hộ nghèo.")
        classification = Classification.POOR
    else:
        reason = _("Điểm thiếu hụt (điểm B) {points} ({count} chỉ số × {each} điểm), dưới {minimum} điểm: "
                   "hộ cận nghèo.")  # fmt: skip
        classification = Classification.NEAR_POOR
    reasons.append(reason.format(points=points, count=count, each=line.score_per_deprivation, minimum=minimum))
    return Verdict(classification, line.income_line, count, reasons)


def is_low_income_worker(*, classification: str, income_per_capita: int, income_ceiling: int) -> bool:
    """NĐ 30/2025/NĐ-CP: a member of a household neither poor nor near-poor, with income ≤ the area's ceiling."""
    if classification in (Classification.POOR, Classification.NEAR_POOR):
        return False
    return income_per_capita <= income_ceiling
