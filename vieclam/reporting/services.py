"""Writes on reports: drafted inside the actor's areas, submitted (the figures frozen), approved or returned by the
province, each step audited in the same transaction. Nothing is written when a ValidationError (keyed by the
input field, its Vietnamese message) or PermissionDenied is raised.

Who may do what: a commune officer drafts and submits the reports of their own commune; a province officer (or
an administrator) those of the province and its communes, and alone approves or returns a submitted report.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.core.reportdoc import document_to_dict
from vieclam.indicators.periods import Period
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition
from vieclam.reporting.choices import REPORT_TRANSITIONS, ReportStatus
from vieclam.reporting.kinds import kind_get
from vieclam.reporting.models import Report
from vieclam.reporting.selectors import report_current

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = ("can_review", "can_submit", "report_approve", "report_create", "report_return", "report_submit")

REPORTERS = frozenset({Role.ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER})
REVIEWERS = frozenset({Role.ADMIN, Role.PROVINCE_OFFICER})
AUDITED = ("status", "comment", "submitted_at", "reviewed_at")

UNKNOWN_KIND = _("Chọn một loại báo cáo trong danh sách.")
NOT_REPORTING_UNIT = _("Báo cáo được lập cho một tỉnh hoặc một xã, phường đang có hiệu lực.")
OUTSIDE_AREA = _("{name} nằm ngoài địa bàn bạn phụ trách.")
NOT_A_PERIOD = _("Kỳ báo cáo phải là 6 tháng đầu năm, 6 tháng cuối năm hoặc cả năm.")
PERIOD_NOT_FOR_KIND = _("Báo cáo này không lập cho kỳ “{period}”.")
BAD_YEAR = _("Năm báo cáo phải từ {first} đến {last}.")
FIRST_YEAR = 2000
DUPLICATE = _("Đã có báo cáo này cho {area}, {period}.")
NOT_REPORTER = _("Bạn không có quyền lập hoặc nộp báo cáo.")
NOT_REVIEWER = _("Chỉ cán bộ cấp tỉnh được duyệt hoặc trả lại báo cáo.")
BAD_STEP = _("Báo cáo đang ở trạng thái “{status}”, không thể {step}.")
COMMENT_REQUIRED = _("Ghi rõ lý do trả lại để đơn vị lập báo cáo sửa.")
STEP_WORDS = {
    ReportStatus.SUBMITTED: _("nộp"),
    ReportStatus.APPROVED: _("duyệt"),
    ReportStatus.RETURNED: _("trả lại"),
}


@transaction.atomic
def report_create(
    *, actor: User, kind: str, area: AdministrativeUnit | None, period_start: dt.date, period_end: dt.date
) -> Report:
    """A draft report of `kind` for `area` (a province or commune in force) over a half-year or a year."""
    _check_reporter(actor)
    unit, period = _checked(actor, kind, area, period_start, period_end)
    report = Report.objects.create(kind=kind, area=unit, period_start=period.start, period_end=period.end,
                                   period_kind=period.kind, created_by=actor)  # fmt: skip
    # The history shows words: the report's title (its kind has no choices to label a code) and the two days.
    changes = {"kind": [None, report.kind_title], **diff({}, snapshot(report, ("period_start", "period_end")))}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=report, area=unit, changes=changes)
    return report


def _checked(
    actor: User, kind: str, area: AdministrativeUnit | None, start: dt.date, end: dt.date
) -> tuple[AdministrativeUnit, Period]:
    """The area and period of a new report, or a ValidationError naming every wrong field."""
    report_kind = kind_get(kind)
    errors: dict[str, list] = {}
    if report_kind is None:
        errors["kind"] = [UNKNOWN_KIND]
    if area is None or area.level not in (Level.PROVINCE, Level.COMMUNE) or area.edition != Edition.POST_2025:
        errors["area"] = [NOT_REPORTING_UNIT]
    elif not scope_for(actor).covers_unit(area):
        errors["area"] = [OUTSIDE_AREA.format(name=area.name)]
    period = _period(start, end, errors)
    if period is not None and report_kind is not None and period.kind not in report_kind.periods:
        errors["period"] = [PERIOD_NOT_FOR_KIND.format(period=period.label)]
    if errors or area is None or period is None:
        raise ValidationError(errors)
    if Report.objects.filter(kind=kind, area=area, period_start=period.start, period_end=period.end).exists():
        raise ValidationError({"period": [DUPLICATE.format(area=area.name, period=period.label)]})
    return area, period


def _period(start: dt.date, end: dt.date, errors: dict) -> Period | None:
    try:
        Period(start, end)
    except ValidationError as exc:
        errors["period"] = exc.messages
        return None
    last = local_today().year + 1
    if not FIRST_YEAR <= start.year <= last:
        errors["period"] = [BAD_YEAR.format(first=FIRST_YEAR, last=last)]
        return None
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return Period.year(start.year)
    for half in (1, 2):
        if (start, end) == (Period.half(start.year, half).start, Period.half(start.year, half).end):
            return Period.half(start.year, half)
    errors["period"] = [NOT_A_PERIOD]
    return None


@transaction.atomic
def report_submit(*, actor: User, report: Report) -> Report:
    """Submit (or submit again after a return): the figures as calculated now are frozen in the report."""
    report = _lock(report)
    _check_reporter(actor)
    _check_area(actor, report)
    before = _step(report, ReportStatus.SUBMITTED)
    document = report_current(report, official=True)
    report.snapshot = document_to_dict(document)
    report.status, report.submitted_by, report.submitted_at = ReportStatus.SUBMITTED, actor, timezone.now()
    report.reviewed_by, report.reviewed_at = None, None
    report.save()
    _audit(actor, report, before)
    return report


@transaction.atomic
def report_approve(*, actor: User, report: Report, comment: str = "") -> Report:
    report = _lock(report)
    _check_reviewer(actor, report)
    before = _step(report, ReportStatus.APPROVED)
    report.status, report.reviewed_by, report.reviewed_at = ReportStatus.APPROVED, actor, timezone.now()
    report.comment = (comment or "").strip()
    report.save()
    _audit(actor, report, before)
    return report


@transaction.atomic
def report_return(*, actor: User, report: Report, comment: str) -> Report:
    """Send a submitted report back with the reason; its unit corrects the records and submits again."""
    report = _lock(report)
    _check_reviewer(actor, report)
    before = _step(report, ReportStatus.RETURNED)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": [COMMENT_REQUIRED]})
    report.status, report.reviewed_by, report.reviewed_at = ReportStatus.RETURNED, actor, timezone.now()
    report.comment = comment
    report.save()
    _audit(actor, report, before)
    return report


def _lock(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("area").get(pk=report.pk)


def _step(report: Report, to: str) -> dict:
    if to not in REPORT_TRANSITIONS[ReportStatus(report.status)]:
        step = STEP_WORDS[ReportStatus(to)]
        raise ValidationError({"status": [BAD_STEP.format(status=ReportStatus(report.status).label, step=step)]})
    return snapshot(report, AUDITED)


def _audit(actor: User, report: Report, before: dict) -> None:
    changes = diff(before, snapshot(report, AUDITED))
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=report, changes=changes, area=report.area)


def _role(actor: User) -> str:
    return Role.ADMIN if getattr(actor, "is_superuser", False) else getattr(actor, "role", "")


def _check_reporter(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or _role(actor) not in REPORTERS:
        raise PermissionDenied(NOT_REPORTER)


def _check_area(actor: User, report: Report) -> None:
    if not scope_for(actor).covers_unit(report.area):
        raise PermissionDenied(OUTSIDE_AREA.format(name=report.area.name))


def _check_reviewer(actor: User, report: Report) -> None:
    if not getattr(actor, "is_authenticated", False) or _role(actor) not in REVIEWERS:
        raise PermissionDenied(NOT_REVIEWER)
    _check_area(actor, report)


def can_submit(actor: User, report: Report) -> bool:
    """Whether the page offers "Nộp báo cáo" (the service decides again)."""
    return (
        report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)
        and getattr(actor, "is_authenticated", False)
        and _role(actor) in REPORTERS
        and scope_for(actor).covers_unit(report.area)
    )


def can_review(actor: User, report: Report) -> bool:
    """Whether the page offers "Duyệt" and "Trả lại"."""
    return (
        report.status == ReportStatus.SUBMITTED
        and getattr(actor, "is_authenticated", False)
        and _role(actor) in REVIEWERS
        and scope_for(actor).covers_unit(report.area)
    )
