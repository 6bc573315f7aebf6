"""Reads of the poverty standards, and classification of a household against the standard in force on a date.

`poverty_classify` only reads: it picks the data, then hands the numbers to the pure rules in rules.py.
Bad input raises django.core.exceptions.ValidationError keyed by the input field (the API turns it into a 400).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.places.choices import AreaClass, Level, UnitType
from vieclam.places.selectors import AreaCodeError, area_resolve
from vieclam.poverty import rules
from vieclam.poverty.models import LowIncomeThreshold, PovertyLine, PovertyStandard
from vieclam.poverty.querysets import DatedQuerySet


@dataclass(frozen=True)
class ClassificationResult:
    classification: str
    standard: str
    income_line: int
    deprivation_count: int
    reasons: list[str] = field(default_factory=list)
    low_income_worker: bool | None = None  # None: not decidable (income given as a score, or no criterion in force)


def standard_list() -> DatedQuerySet:
    return PovertyStandard.objects.prefetch_related("lines", "indicators").order_by("valid_from", "code")


def standard_on(*, as_of: dt.date) -> PovertyStandard | None:
    """The standard in force on `as_of` (the latest-starting one, should two overlap), with lines and indicators."""
    return standard_list().valid_on(as_of).order_by("-valid_from").first()


def low_income_threshold_on(*, as_of: dt.date, area_class: str) -> LowIncomeThreshold | None:
    return LowIncomeThreshold.objects.valid_on(as_of).filter(area_class=area_class).order_by("-valid_from").first()


def line_of(line: PovertyLine) -> rules.Line:
    return rules.Line(
        area_class=line.area_class,
        income_line=line.income_line,
        average_upper=line.average_upper,
        poor_min_deprivations=line.poor_min_deprivations,
        score_income_line=line.score_income_line,
        score_per_deprivation=line.score_per_deprivation,
        score_poor_deprivation=line.score_poor_deprivation,
    )


def poverty_classify(
    *,
    as_of: dt.date,
    area_type: str | None = None,
    commune: str | None = None,
    income_per_capita: int | None = None,
    income_score: int | Decimal | None = None,
    deprivations: Sequence[str] = (),
) -> ClassificationResult:
    """Classify a household as poor / near_poor / average / not_poor under the standard in force on `as_of`.

    Give exactly one of `area_type` ("rural"|"urban") and `commune` (a commune code, read on `as_of`), and
    exactly one of `income_per_capita` (VND/person/month) and `income_score` (scorecard points).
    """
    standard = _standard_or_error(as_of)
    errors: dict[str, list[str]] = {}
    area_class, reasons = _area_class(as_of=as_of, area_type=area_type, commune=commune, errors=errors)
    labels = _deprivation_labels(standard, as_of, deprivations, errors)
    line = next((ln for ln in standard.lines.all() if ln.area_class == area_class), None)
    if area_class and line is None:
        errors.setdefault("area_type" if area_type else "commune", []).append(
            _("Chuẩn nghèo {standard} không có chuẩn thu nhập cho khu vực {area}.").format(
                standard=standard.code, area=AreaClass(area_class).label
            )
        )
    if line is not None and income_score is not None and not line_of(line).has_scorecard:
        errors.setdefault("income_score", []).append(
            _("Chuẩn nghèo {standard} chưa có ngưỡng điểm phiếu B trong dữ liệu: hãy nhập thu nhập bình quân "
              "(income_per_capita).").format(standard=standard.code)
        )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    return _verdict(standard, as_of, line, income_per_capita, income_score, labels, reasons)


def _verdict(standard, as_of, line, income_per_capita, income_score, labels, reasons) -> ClassificationResult:
    rule_line = line_of(line)
    reasons = [
        _("Áp dụng {name} ({source}).").format(name=standard.name_vi, source=standard.legal_source),
        *reasons,
    ]
    if income_score is not None:
        verdict = rules.classify_by_score(line=rule_line, income_score=income_score, deprivation_count=len(labels))
    else:
        verdict = rules.classify_by_income(
            line=rule_line, income_per_capita=income_per_capita, deprivation_count=len(labels)
        )
    reasons += verdict.reasons
    if labels:
        reasons.append(_("Các chỉ số thiếu hụt: {names}.").format(names="; ".join(labels)))
    low_income = None
    if income_per_capita is not None:
        low_income = _low_income(as_of, line.area_class, verdict.classification, income_per_capita, reasons)
    return ClassificationResult(
        classification=verdict.classification,
        standard=standard.code,
        income_line=verdict.income_line,
        deprivation_count=verdict.deprivation_count,
        reasons=reasons,
        low_income_worker=low_income,
    )


def _low_income(as_of, area_class, classification, income_per_capita, reasons) -> bool | None:
    threshold = low_income_threshold_on(as_of=as_of, area_class=area_class)
    if threshold is None:
        return None
    found = rules.is_low_income_worker(
        classification=classification, income_per_capita=income_per_capita, income_ceiling=threshold.income_ceiling
    )
    if found:
        reasons.append(
            _("Thành viên hộ thuộc diện người lao động có thu nhập thấp (thu nhập không vượt {ceiling} đồng; "
              "{source}).").format(ceiling=rules.number(threshold.income_ceiling), source=threshold.legal_source)
        )  # fmt: skip
    return found


def _standard_or_error(as_of: dt.date) -> PovertyStandard:
    standard = standard_on(as_of=as_of)
    if standard is not None:
        return standard
    periods = "; ".join(
        "{code} ({start} – {end})".format(code=s.code, start=_day(s.valid_from), end=_day(s.valid_to))
        for s in PovertyStandard.objects.order_by("valid_from")
    )
    message = _("Không có chuẩn nghèo nào có hiệu lực vào ngày {day}. Dữ liệu có: {periods}.")
    raise ValidationError({"as_of": [message.format(day=_day(as_of), periods=periods or "—")]})


def _day(day: dt.date | None) -> str:
    return date_format(day, "SHORT_DATE_FORMAT") if day else "…"


def _area_class(*, as_of, area_type, commune, errors) -> tuple[str | None, list[str]]:
    """(area class, reasons): from `area_type`, or from the type of the commune on `as_of`."""
    if area_type:
        return area_type, [_("Khu vực: {area} (theo dữ liệu nhập).").format(area=AreaClass(area_type).label)]
    try:
        unit, note = area_resolve(code=commune, on=as_of)
    except AreaCodeError as exc:
        errors["commune"] = [str(exc)]
        return None, []
    if unit.level != Level.COMMUNE:
        errors["commune"] = [_("Mã {code} là {name}, không phải đơn vị cấp xã.").format(code=unit.code, name=unit.name)]
        return None, []
    version = unit.version_on(as_of)
    name, unit_type, area_class = (
        (version.name, version.unit_type, version.area_class)
        if version
        else (unit.name, unit.unit_type, unit.area_class)
    )
    if not area_class:
        errors["commune"] = [_("Chưa xác định {name} thuộc thành thị hay nông thôn.").format(name=name)]
        return None, []
    reason = _("{name} ({code}) là {unit_type} vào ngày {day}, thuộc khu vực {area}.").format(
        name=name, code=unit.code, unit_type=str(UnitType(unit_type).label).lower(), day=_day(as_of),
        area=str(AreaClass(area_class).label).lower(),
    )  # fmt: skip
    return area_class, [note, reason] if note else [reason]


def _deprivation_labels(standard, as_of, deprivations, errors) -> list[str]:
    """The Vietnamese labels of the named deprivations; unknown or repeated names are errors."""
    indicators = {i.code: i for i in standard.indicators.all() if i.is_valid_on(as_of)}
    unknown = [name for name in deprivations if name not in indicators]
    repeated = sorted({name for name in deprivations if list(deprivations).count(name) > 1})
    if unknown:
        message = _("Chỉ số thiếu hụt không hợp lệ: {unknown}. Chuẩn nghèo {standard} có các chỉ số: {valid}.")
        errors["deprivations"] = [
            message.format(unknown=", ".join(unknown), standard=standard.code, valid=", ".join(indicators))
        ]
    elif repeated:
        errors["deprivations"] = [_("Chỉ số thiếu hụt bị lặp: {names}.").format(names=", ".join(repeated))]
    return [indicators[name].name_vi for name in deprivations if name in indicators]
