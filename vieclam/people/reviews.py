"""Poverty reviews of households: classified by the standard in force on the review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.people.choices import PovertyCause, ReviewKind
from vieclam.people.models import Household, HouseholdReview
from vieclam.poverty.choices import Classification
from vieclam.poverty.selectors import poverty_classify, standard_on

ON_THE_LISTS = {Classification.POOR, Classification.NEAR_POOR}


def _check(kind: str, reviewed_on: dt.date, income, score, causes) -> None:
    errors: dict[str, list[str]] = {}
    if kind not in ReviewKind.values:
        errors["kind"] = [_("Loại rà soát phải là periodic hoặc regular.")]
    if reviewed_on > today():
        errors["reviewed_on"] = [_("Ngày rà soát không thể ở tương lai.")]
    elif kind == ReviewKind.PERIODIC and not (
        dt.date(reviewed_on.year, 9, 1) <= reviewed_on <= dt.date(reviewed_on.year, 12, 14)
    ):
        errors["reviewed_on"] = [_("Rà soát định kỳ chỉ diễn ra từ 01/09 đến 14/12 (QĐ 24/2021/QĐ-TTg).")]
    if (income is None) == (score is None):
        errors["income_per_capita"] = [_("Nhập đúng một trong hai: thu nhập bình quân hoặc điểm phiếu B1.")]
    for field, value in (("income_per_capita", income), ("income_score", score)):
        if value is not None and value < 0:
            errors[field] = [_("Giá trị không được âm.")]
    unknown = [c for c in causes if c not in PovertyCause.values]
    if unknown:
        errors["causes"] = [_("Nguyên nhân không có trong danh mục: {codes}.").format(codes=", ".join(unknown))]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def household_review_record(
    *,
    actor,
    household: Household,
    kind: str,
    reviewed_on: dt.date,
    income_per_capita: int | None = None,
    income_score: Decimal | None = None,
    deprivations: Sequence[str] = (),
    causes: Sequence[str] = (),
    decided_by: str = "",
    decision_number: str = "",
) -> HouseholdReview:
    """Classify and record a review; the same rule as POST /api/v1/poverty/classify."""
    _check(kind, reviewed_on, income_per_capita, income_score, causes)
    result = poverty_classify(
        as_of=reviewed_on,
        commune=household.commune.code,
        income_per_capita=income_per_capita,
        income_score=income_score,
        deprivations=deprivations,
    )
    review = HouseholdReview.objects.create(
        household=household,
        kind=kind,
        reviewed_on=reviewed_on,
        standard=standard_on(as_of=reviewed_on),
        classification=result.classification,
        income_per_capita=income_per_capita,
        income_score=income_score,
        deprivations=list(deprivations),
        causes=list(causes),
        reasons=result.reasons,
        decided_by=decided_by,
        decision_number=decision_number,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    before = (household.poverty_class, household.poverty_exit_on)
    _apply_latest(household)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=household,
        area=household.commune,
        changes={
            "poverty_class": [before[0], household.poverty_class],
            "poverty_exit_on": [_iso(before[1]), _iso(household.poverty_exit_on)],
        },
    )
    return review


def _apply_latest(household: Household) -> None:
    """Keep the household's current class and its exit date in step with its review history."""
    reviews = list(household.reviews.order_by("reviewed_on", "pk"))
    exit_on, previous = None, None
    for review in reviews:
        if previous in ON_THE_LISTS and review.classification not in ON_THE_LISTS:
            exit_on = review.reviewed_on
        elif review.classification in ON_THE_LISTS:
            exit_on = None
        previous = review.classification
    latest = reviews[-1] if reviews else None
    household.poverty_class = latest.classification if latest else ""
    household.poverty_class_on = latest.reviewed_on if latest else None
    household.poverty_exit_on = exit_on
    household.save(update_fields=["poverty_class", "poverty_class_on", "poverty_exit_on", "updated_at"])


def recently_exited(household: Household, *, on: dt.date | None = None) -> bool:
    """ "Hộ mới thoát nghèo": left the poor/near-poor lists within the configured window (default 36 months)."""
    if household.poverty_exit_on is None:
        return False
    on = on or today()
    months = (on.year - household.poverty_exit_on.year) * 12 + on.month - household.poverty_exit_on.month
    return 0 <= months <= settings.VIECLAM_POVERTY_EXIT_MONTHS


def _iso(day):
    return day.isoformat() if day else None
