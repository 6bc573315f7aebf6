"""Writes on job-creation loans: validated in full, scoped to the actor's areas, audited in the same transaction;
nothing is written when a ValidationError (keyed by the input field, in Vietnamese) is raised.

`loan_create` records an application (the ceiling in force on the day of application for the borrower's kind is
checked at once); `loan_event_record` records a dated step, in order: appraisal → approval (amount, term, rate)
→ disbursement(s) → the check of the jobs created → overdue / repaid / written off.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.core.money import format_amount
from vieclam.loans.choices import (
    BUSINESS_KINDS,
    EMPLOYER_TYPES_FOR,
    TRANSITIONS,
    AppliesTo,
    BorrowerKind,
    EventKind,
    LoanStatus,
)
from vieclam.loans.models import Loan, LoanEvent, LoanJobPerson, LoanPolicy
from vieclam.people.validation import Errors

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = ("EVENT_FIELDS", "LOAN_FIELDS", "loan_create", "loan_event_record", "policy_on")

LOAN_FIELDS = ("borrower_kind", "person", "employer", "purpose", "amount_requested", "jobs_new", "jobs_kept",
               "priority_group", "applied_on", "commune_confirmed_on", "note")  # fmt: skip
EVENT_FIELDS = ("kind", "on", "amount", "term_months", "interest_rate", "workers", "persons", "note")
AUDITED = ("borrower_kind", "person_id", "employer_id", "commune_id", "purpose", "amount_requested", "jobs_new",
           "jobs_kept", "priority_group_id", "applied_on", "commune_confirmed_on", "policy_id", "status",
           "status_on", "approved_amount", "term_months", "interest_rate", "disbursed_amount", "disbursed_on",
           "jobs_created", "note")  # fmt: skip
TEXT_MAX = 1000
MAX_RATE = Decimal(100)

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được ghi nhận hồ sơ vay vốn.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("Trường này bắt buộc.")
BAD_KIND = _("Không có đối tượng vay “{value}”: chọn một trong {choices}.")
PERSON_NEEDED = _("Chọn người lao động vay vốn.")
EMPLOYER_NEEDED = _("Chọn cơ sở sản xuất, kinh doanh vay vốn (trong danh sách người sử dụng lao động).")
WRONG_TYPE = _(
    "{name} có loại hình “{type}” trong danh sách người sử dụng lao động, không vay được với đối tượng {kind}."
)
NO_EMPLOYER_FOR_PERSON = _("Người lao động vay cho mình: không chọn cơ sở sản xuất, kinh doanh.")
OUTSIDE = _("{name} ở ngoài địa bàn bạn phụ trách.")
OUTSIDE_AREA = _("Khoản vay này thuộc địa bàn bạn không phụ trách.")
BAD_DATE = _("Ngày không hợp lệ (dd/mm/yyyy).")
IN_FUTURE = _("Ngày {day} ở tương lai.")
BAD_AMOUNT = _("Số tiền phải lớn hơn 0 đồng.")
NO_POLICY = _("Không có mức vay cho {kind} có hiệu lực ngày {day}.")
ABOVE_CEILING = _("Số tiền {amount} đồng vượt mức vay tối đa {ceiling} đồng cho {kind} ({source}).")
ABOVE_PER_JOB = _(
    "Số tiền {amount} đồng vượt mức {per_job} đồng cho mỗi lao động × {jobs} lao động = {ceiling} đồng ({source})."
)
NO_JOBS = _("Ghi số lao động được tạo việc làm hoặc duy trì, mở rộng việc làm (ít nhất 1).")
NEGATIVE = _("Không được âm.")
BAD_GROUP = _("Đối tượng ưu tiên “{name}” không áp dụng cho {kind} vào ngày {day}.")
CONFIRMED_BEFORE = _("Ngày UBND xã xác nhận {day} trước ngày nộp hồ sơ {applied}.")
TOO_LONG = _("Tối đa {max} ký tự.")
BAD_EVENT = _("Không có bước “{value}”: chọn một trong {choices}.")
OUT_OF_ORDER = _("Không ghi được “{event}” khi khoản vay đang ở trạng thái “{status}”.")
CHECK_BEFORE_DISBURSEMENT = _("Chưa giải ngân: chưa kiểm tra được việc làm do khoản vay tạo ra.")
DISBURSE_BEFORE_APPROVAL = _("Chưa phê duyệt: chưa giải ngân được.")
BEFORE_LAST = _("Ngày {day} trước bước trước đó ({last}, ngày {last_day}).")
DISBURSED_BEFORE_APPROVED = _("Ngày giải ngân {day} trước ngày phê duyệt {approved}.")
CHECK_BEFORE_DISBURSED = _("Ngày kiểm tra {day} trước ngày giải ngân {disbursed}.")
ABOVE_REQUESTED = _("Số tiền duyệt {amount} đồng lớn hơn số tiền đề nghị vay {requested} đồng.")
ABOVE_APPROVED = _(
    "Giải ngân {amount} đồng làm tổng đã giải ngân {total} đồng vượt số tiền được duyệt {approved} đồng."
)
BAD_TERM = _("Thời hạn vay từ 1 đến {max} tháng ({source}).")
BAD_RATE = _("Lãi suất phải lớn hơn 0 và nhỏ hơn 100 (%/năm).")
TOO_MANY_PERSONS = _("Đã chọn {count} người nhưng chỉ ghi {workers} lao động.")
TWICE = _("Đã có lần kiểm tra việc làm của khoản vay này.")
NOT_ALLOWED_FOR = _("Bước “{event}” không ghi trường này.")


def _check_staff(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _day(value: dt.date) -> str:
    return date_format(value, "d/m/Y")


def policy_on(kind: str, day: dt.date) -> LoanPolicy | None:
    """The ceilings and rates for `kind` in force on `day` (the latest starting one when windows overlap)."""
    rows = LoanPolicy.objects.filter(borrower_kind=kind).order_by("-valid_from")
    return next((row for row in rows if row.is_valid_on(day)), None)


def _date(value, field: str, errors: Errors, *, required: bool = True) -> dt.date | None:
    if value in (None, ""):
        if required:
            errors.add(field, str(REQUIRED))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        errors.add(field, str(BAD_DATE))
        return None
    if value > local_today():
        errors.add(field, IN_FUTURE.format(day=_day(value)))
        return None
    return value


def _count(value, field: str, errors: Errors) -> int:
    if value in (None, ""):
        return 0
    if not isinstance(value, int) or isinstance(value, bool):
        errors.add(field, str(REQUIRED))
        return 0
    if value < 0:
        errors.add(field, str(NEGATIVE))
        return 0
    return value


def ceiling_problem(*, policy: LoanPolicy, kind: str, amount: int, jobs: int) -> str | None:
    """Why `amount` is above the ceiling of `policy` for a loan creating or keeping `jobs` jobs, or None."""
    kind_label = str(BorrowerKind(kind).label).lower()
    if amount > policy.max_amount:
        return ABOVE_CEILING.format(amount=format_amount(amount), ceiling=format_amount(policy.max_amount),
                                    kind=kind_label, source=policy.legal_source)  # fmt: skip
    if policy.max_per_job and kind in BUSINESS_KINDS and amount > policy.max_per_job * jobs:
        return ABOVE_PER_JOB.format(amount=format_amount(amount), per_job=format_amount(policy.max_per_job),
                                    jobs=jobs, ceiling=format_amount(policy.max_per_job * jobs),
                                    source=policy.legal_source)  # fmt: skip
    return None


#
# Applications
#
@transaction.atomic
def loan_create(*, actor: User, data: dict) -> Loan:
    """Record an application confirmed (or to be confirmed) by the commune; its status is "đã nộp hồ sơ"."""
    _check_staff(actor)
    unknown = [field for field in data if field not in LOAN_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    errors = Errors()
    kind = (data.get("borrower_kind") or "").strip()
    person, employer = data.get("person"), data.get("employer")
    commune = None
    if kind not in BorrowerKind.values:
        choices = ", ".join(str(label) for label in BorrowerKind.labels)
        errors.add("borrower_kind", BAD_KIND.format(value=kind, choices=choices) if kind else str(REQUIRED))
    elif kind == BorrowerKind.PERSON:
        if employer is not None:
            errors.add("employer", str(NO_EMPLOYER_FOR_PERSON))
        if person is None:
            errors.add("person", str(PERSON_NEEDED))
        else:
            commune = person.residence_commune
            if not scope_for(actor).covers_unit(commune):
                errors.add("person", OUTSIDE.format(name=person.full_name))
    else:
        if employer is None:
            errors.add("employer", str(EMPLOYER_NEEDED))
        else:
            commune = employer.commune
            if not scope_for(actor).covers_unit(commune):
                errors.add("employer", OUTSIDE.format(name=employer.name))
            elif employer.employer_type.code not in EMPLOYER_TYPES_FOR[kind]:
                kind_label = str(BorrowerKind(kind).label).lower()
                errors.add("employer", WRONG_TYPE.format(name=employer.name, type=employer.employer_type.name_vi,
                                                         kind=kind_label))  # fmt: skip
    applied_on = _date(data.get("applied_on"), "applied_on", errors)
    confirmed = _date(data.get("commune_confirmed_on"), "commune_confirmed_on", errors, required=False)
    if confirmed and applied_on and confirmed < applied_on:
        errors.add("commune_confirmed_on", CONFIRMED_BEFORE.format(day=_day(confirmed), applied=_day(applied_on)))
    purpose = (data.get("purpose") or "").strip()
    if not purpose:
        errors.add("purpose", str(REQUIRED))
    elif len(purpose) > 400:
        errors.add("purpose", TOO_LONG.format(max=400))
    if len(data.get("note") or "") > TEXT_MAX:
        errors.add("note", TOO_LONG.format(max=TEXT_MAX))
    jobs_new = _count(data.get("jobs_new"), "jobs_new", errors)
    jobs_kept = _count(data.get("jobs_kept"), "jobs_kept", errors)
    if kind in BUSINESS_KINDS and "jobs_new" not in errors and "jobs_kept" not in errors and not jobs_new + jobs_kept:
        errors.add("jobs_new", str(NO_JOBS))
    amount = data.get("amount_requested")
    policy = None
    if amount in (None, ""):
        errors.add("amount_requested", str(REQUIRED))
    elif not isinstance(amount, int) or amount <= 0:
        errors.add("amount_requested", str(BAD_AMOUNT))
    elif kind in BorrowerKind.values and applied_on is not None:
        policy = policy_on(kind, applied_on)
        if policy is None:
            label = str(BorrowerKind(kind).label).lower()
            errors.add("applied_on", NO_POLICY.format(kind=label, day=_day(applied_on)))
        elif problem := ceiling_problem(policy=policy, kind=kind, amount=amount, jobs=max(jobs_new + jobs_kept, 1)):
            errors.add("amount_requested", problem)
    group = data.get("priority_group")
    if group is not None and kind in BorrowerKind.values and applied_on is not None:
        wanted = AppliesTo.PERSON if kind == BorrowerKind.PERSON else AppliesTo.BUSINESS
        if group.applies_to != wanted or not group.is_valid_on(applied_on):
            label = str(BorrowerKind(kind).label).lower()
            errors.add("priority_group", BAD_GROUP.format(name=group.name_vi, kind=label, day=_day(applied_on)))
    if errors:
        raise ValidationError(errors)
    assert applied_on is not None and policy is not None and commune is not None and isinstance(amount, int)
    loan = Loan.objects.create(
        borrower_kind=kind,
        person=person,
        employer=employer if kind != BorrowerKind.PERSON else None,
        commune=commune,
        purpose=purpose,
        amount_requested=amount,
        jobs_new=jobs_new,
        jobs_kept=jobs_kept,
        priority_group=group,
        applied_on=applied_on,
        commune_confirmed_on=confirmed,
        policy=policy,
        status=LoanStatus.APPLIED,
        status_on=applied_on,
        note=(data.get("note") or "").strip(),
        recorded_by=actor,
    )
    values = snapshot(loan, AUDITED)
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "", False, 0)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=loan, changes=changes, area=commune)
    return loan


#
# Steps
#
# The fields each step takes, besides its date and note.
STEP_FIELDS: dict[str, frozenset[str]] = {
    EventKind.APPROVAL: frozenset({"amount", "term_months", "interest_rate"}),
    EventKind.DISBURSEMENT: frozenset({"amount"}),
    EventKind.JOBS_CHECK: frozenset({"workers", "persons"}),
}


@transaction.atomic
def loan_event_record(*, actor: User, loan: Loan, data: dict) -> LoanEvent:
    """Record one dated step of `loan`; the loan's state moves with it (TRANSITIONS) in the same transaction."""
    _check_staff(actor)
    loan = Loan.objects.select_for_update().select_related("policy", "commune").get(pk=loan.pk)
    if not scope_for(actor).covers_unit(loan.commune):
        raise PermissionDenied(OUTSIDE_AREA)
    unknown = [field for field in data if field not in EVENT_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    errors = Errors()
    kind = (data.get("kind") or "").strip()
    if kind not in EventKind.values:
        choices = ", ".join(str(label) for label in EventKind.labels)
        raise ValidationError({"kind": BAD_EVENT.format(value=kind, choices=choices) if kind else str(REQUIRED)})
    event_label = str(EventKind(kind).label)
    for field in ("amount", "term_months", "interest_rate", "workers", "persons"):
        if data.get(field) not in (None, "", []) and field not in STEP_FIELDS.get(kind, frozenset()):
            errors.add(field, NOT_ALLOWED_FOR.format(event=event_label))
    allowed, _to = TRANSITIONS[kind]
    if loan.status not in allowed:
        if kind == EventKind.JOBS_CHECK and loan.disbursed_on is None:
            errors.add("kind", str(CHECK_BEFORE_DISBURSEMENT))
        elif kind == EventKind.DISBURSEMENT and loan.approved_amount is None:
            errors.add("kind", str(DISBURSE_BEFORE_APPROVAL))
        else:
            errors.add("kind", OUT_OF_ORDER.format(event=event_label, status=loan.get_status_display()))
    on = _date(data.get("on"), "on", errors)
    if on is not None and "kind" not in errors:
        _check_order(loan, kind, on, errors)
    if len(data.get("note") or "") > TEXT_MAX:
        errors.add("note", TOO_LONG.format(max=TEXT_MAX))
    note = (data.get("note") or "").strip()
    event = LoanEvent(loan=loan, kind=kind, on=on or local_today(), note=note, recorded_by=actor,
                      recorded_at=timezone.now())  # fmt: skip
    persons = []
    if kind == EventKind.APPROVAL:
        _approval(loan, event, data, errors)
    elif kind == EventKind.DISBURSEMENT:
        _disbursement(loan, event, data, errors)
    elif kind == EventKind.JOBS_CHECK:
        persons = _jobs_check(loan, event, data, errors)
    if errors:
        raise ValidationError(errors)
    before = snapshot(loan, AUDITED)
    _apply(loan, event)
    loan.save()
    event.save()
    if persons:
        LoanJobPerson.objects.bulk_create([LoanJobPerson(jobs_check=event, person=p) for p in persons])
    values = snapshot(event, ("kind", "on", "amount", "term_months", "interest_rate", "workers", "note"))
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "")}
    if persons:
        changes["persons"] = [None, [p.pk for p in persons]]
    audit_record(actor=actor, action=AuditAction.CREATE, instance=event, changes=changes, area=loan.commune)
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=loan, changes=diff(before, snapshot(loan, AUDITED)),
                 area=loan.commune)  # fmt: skip
    return event


def _check_order(loan: Loan, kind: str, on: dt.date, errors: Errors) -> None:
    if kind == EventKind.DISBURSEMENT and loan.status_on and loan.status == LoanStatus.APPROVED and on < loan.status_on:
        errors.add("on", DISBURSED_BEFORE_APPROVED.format(day=_day(on), approved=_day(loan.status_on)))
        return
    if kind == EventKind.JOBS_CHECK and loan.disbursed_on and on < loan.disbursed_on:
        errors.add("on", CHECK_BEFORE_DISBURSED.format(day=_day(on), disbursed=_day(loan.disbursed_on)))
        return
    last = loan.events.exclude(kind=EventKind.JOBS_CHECK).order_by("-on", "-pk").first()
    last_day, last_label = (last.on, last.get_kind_display()) if last else (loan.applied_on, _("nộp hồ sơ"))
    if on < last_day:
        errors.add("on", BEFORE_LAST.format(day=_day(on), last=str(last_label).lower(), last_day=_day(last_day)))


def _amount(value, errors: Errors) -> int | None:
    if value in (None, ""):
        errors.add("amount", str(REQUIRED))
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        errors.add("amount", str(BAD_AMOUNT))
        return None
    return value


def _approval(loan: Loan, event: LoanEvent, data: dict, errors: Errors) -> None:
    amount = _amount(data.get("amount"), errors)
    policy = loan.policy
    if amount is not None:
        if amount > loan.amount_requested:
            errors.add("amount", ABOVE_REQUESTED.format(amount=format_amount(amount),
                                                        requested=format_amount(loan.amount_requested)))  # fmt: skip
        elif problem := ceiling_problem(policy=policy, kind=loan.borrower_kind, amount=amount,
                                        jobs=max(loan.jobs_new + loan.jobs_kept, 1)):  # fmt: skip
            errors.add("amount", problem)
    term = data.get("term_months")
    if term in (None, ""):
        errors.add("term_months", str(REQUIRED))
    elif not isinstance(term, int) or not 1 <= term <= policy.max_term_months:
        errors.add("term_months", BAD_TERM.format(max=policy.max_term_months, source=policy.legal_source))
    rate = data.get("interest_rate")
    if rate in (None, ""):
        rate = policy.priority_rate if loan.priority_group_id else policy.annual_rate
    else:
        try:
            rate = Decimal(str(rate))
        except InvalidOperation:
            rate = Decimal(-1)
        if not Decimal(0) < rate < MAX_RATE:
            errors.add("interest_rate", str(BAD_RATE))
    event.amount, event.term_months, event.interest_rate = amount, term, rate


def _disbursement(loan: Loan, event: LoanEvent, data: dict, errors: Errors) -> None:
    amount = _amount(data.get("amount"), errors)
    if (
        amount is not None
        and loan.approved_amount is not None
        and loan.disbursed_amount + amount > loan.approved_amount
    ):
        errors.add("amount", ABOVE_APPROVED.format(amount=format_amount(amount),
                                                   total=format_amount(loan.disbursed_amount + amount),
                                                   approved=format_amount(loan.approved_amount)))  # fmt: skip
    event.amount = amount


def _jobs_check(loan: Loan, event: LoanEvent, data: dict, errors: Errors) -> list:
    workers = data.get("workers")
    if workers in (None, ""):
        errors.add("workers", str(REQUIRED))
    elif not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        errors.add("workers", str(NEGATIVE))
        workers = None
    if loan.events.filter(kind=EventKind.JOBS_CHECK).exists():
        errors.add("kind", str(TWICE))
    persons = list(dict.fromkeys(data.get("persons") or []))
    if isinstance(workers, int) and len(persons) > workers:
        errors.add("persons", TOO_MANY_PERSONS.format(count=len(persons), workers=workers))
    event.workers = workers if isinstance(workers, int) else None
    return persons


def _apply(loan: Loan, event: LoanEvent) -> None:
    """The loan's state after `event`."""
    _allowed, to = TRANSITIONS[event.kind]
    if to is not None:
        loan.status, loan.status_on = to, event.on
    if event.kind == EventKind.APPROVAL:
        loan.approved_amount, loan.term_months, loan.interest_rate = (
            event.amount,
            event.term_months,
            event.interest_rate,
        )
    elif event.kind == EventKind.DISBURSEMENT:
        loan.disbursed_amount += event.amount or 0
        loan.disbursed_on = loan.disbursed_on or event.on
    elif event.kind == EventKind.JOBS_CHECK:
        loan.jobs_created = event.workers
