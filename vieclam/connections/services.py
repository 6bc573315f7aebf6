"""Writes on connections and their follow-ups: validated in full, scoped to the actor's areas, audited in the same
transaction; nothing is written when a ValidationError (keyed by the input field, in Vietnamese) is raised.

A connection is created by the hire of an application with a labour contract (connection_create_from_hire, called
by applications.services.application_transition in its transaction) or recorded by staff when the centre confirms
a job found outside the board (connection_create). Either way its follow-ups are scheduled at once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem
from vieclam.codelists.selectors import occupation_level_problem
from vieclam.connections.choices import (
    CONTRACT_TYPES_LIST,
    ConnectionSource,
    FollowUpResult,
    FollowUpStatus,
    FundingSource,
)
from vieclam.connections.models import Connection, FollowUp
from vieclam.connections.rules import add_months, followup_offsets, funding_for
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.core.money import format_amount
from vieclam.people.models import Person
from vieclam.people.validation import Errors
from vieclam.vacancies.choices import OBSOLETE_CONTRACT_TYPES

if TYPE_CHECKING:
    from vieclam.accounts.models import User
    from vieclam.applications.models import Application

__all__ = (
    "CONNECTION_FIELDS",
    "FOLLOWUP_FIELDS",
    "connection_create",
    "connection_create_from_hire",
    "connection_set_funding",
    "followup_record",
    "followups_mark_missed",
)

CONNECTION_FIELDS = (
    "person", "employer", "occupation", "contract_type", "contract_number", "start_date", "monthly_pay",
    "social_insurance", "evidence_note", "funding_source", "counsellor",
)  # fmt: skip
FOLLOWUP_FIELDS = ("result", "checked_on", "has_contract", "has_social_insurance", "note")
AUDITED = ("person_id", "employer_id", "application_id", "occupation_id", "contract_type", "contract_number",
           "start_date", "monthly_pay", "social_insurance", "evidence_note", "source", "funding_source", "norm_id",
           "norm_amount", "double_funding_flag", "double_funding_reason", "counsellor_id")  # fmt: skip
TEXT_MAX = 1000

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được ghi nhận kết nối việc làm.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("Trường này bắt buộc.")
NO_CONTRACT = _("Chưa chọn loại hợp đồng lao động.")
BAD_CONTRACT = _("Không có loại hợp đồng “{code}” trong danh mục đang có hiệu lực.")
OBSOLETE_CONTRACT = _(
    "Bộ luật Lao động 2019 không còn hợp đồng mùa vụ: chọn hợp đồng xác định hoặc không xác định thời hạn."
)
PERSON_OUTSIDE = _("{name} cư trú ngoài địa bàn bạn phụ trách.")
DUPLICATE = _("Đã có kết nối của người này với đơn vị này từ ngày {day}.")
BAD_DATE = _("Ngày không hợp lệ (dd/mm/yyyy).")
START_TOO_LATE = _("Ngày bắt đầu làm việc {day} còn quá xa (sau hôm nay hơn 90 ngày).")
BAD_FUNDING = _("Không có nguồn kinh phí “{value}”: chọn một trong {choices}.")
NEGATIVE_PAY = _("Tiền lương không được âm.")
COUNSELLOR_NOT_STAFF = _("{name} không phải cán bộ nên không theo dõi được kết nối.")
COUNSELLOR_OUTSIDE = _("{name} không phụ trách địa bàn nơi người lao động cư trú.")
TOO_LONG = _("Tối đa {max} ký tự.")
OUTSIDE_AREA = _("Người lao động này cư trú ngoài địa bàn bạn phụ trách.")
BAD_RESULT = _("Không có kết quả “{value}”: chọn một trong {choices}.")
RESULT_WITHOUT_DAY = _("Ghi ngày kiểm tra cho kết quả theo dõi.")
CHECK_BEFORE_START = _("Ngày kiểm tra {day} trước ngày bắt đầu làm việc {start}.")
CHECK_IN_FUTURE = _("Ngày kiểm tra {day} ở tương lai.")
MAX_START_AHEAD_DAYS = 90
MAX_PAY = 1_000_000_000  # a month's pay above a billion đồng is a typo (and the column holds 2^31)
PAY_TOO_LARGE = _("Tiền lương quá lớn (tối đa {max} đồng/tháng); hãy kiểm tra lại số chữ số 0.")


def _check_staff(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _area(person: Person):
    return person.residence_commune


#
# Connections
#
@transaction.atomic
def connection_create(*, actor: User, data: dict) -> Connection:
    """Staff record a job the centre confirmed outside the board (source "centre"); follow-ups are scheduled."""
    _check_staff(actor)
    unknown = [field for field in data if field not in CONNECTION_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    errors = Errors()
    person = data.get("person")
    if person is None:
        errors.add("person", str(REQUIRED))
    elif not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
    if data.get("employer") is None:
        errors.add("employer", str(REQUIRED))
    if problem := occupation_level_problem(data.get("occupation")):
        errors.add("occupation", problem)
    contract_type = _contract_type(data.get("contract_type"), errors)
    start_date = _start_date(data.get("start_date"), errors)
    funding_source = _funding_source(data.get("funding_source") or FundingSource.NONE, errors)
    pay = data.get("monthly_pay")
    if pay is not None and pay < 0:
        errors.add("monthly_pay", str(NEGATIVE_PAY))
    elif pay is not None and pay > MAX_PAY:
        errors.add("monthly_pay", PAY_TOO_LARGE.format(max=format_amount(MAX_PAY)))
    for field, limit in (("evidence_note", TEXT_MAX), ("contract_number", 50)):
        if len(data.get(field) or "") > limit:
            errors.add(field, TOO_LONG.format(max=limit))
    counsellor = data.get("counsellor")
    if counsellor is not None and person is not None:
        _check_counsellor(counsellor, person, errors)
    if errors:
        raise ValidationError(errors)
    assert person is not None and start_date is not None  # for mypy: checked above
    connection = Connection(
        person=person,
        employer=data["employer"],
        occupation=data.get("occupation"),
        contract_type=contract_type,
        contract_number=(data.get("contract_number") or "").strip(),
        start_date=start_date,
        monthly_pay=pay,
        social_insurance=bool(data.get("social_insurance")),
        evidence_note=(data.get("evidence_note") or "").strip(),
        source=ConnectionSource.CENTRE,
        funding_source=funding_source,
        counsellor=counsellor,
        recorded_by=actor,
    )
    return _save_new(actor=actor, connection=connection)


def connection_create_from_hire(*, actor: User | None, application: Application) -> Connection | None:
    """The connection of an application just hired with a labour contract (TT 11/2022 Art. 3.4), in the caller's
    transaction. The referring officer (or the acting staff member) follows it up. A connection the centre already
    recorded for the same person, employer and start day is linked to the application instead of doubled."""
    if not application.contract_type or application.start_date is None:
        return None
    vacancy = application.vacancy
    existing = Connection.objects.filter(
        person_id=application.person_id, employer_id=vacancy.employer_id, start_date=application.start_date
    ).first()
    if existing is not None:
        if existing.application_id is None:
            existing.application = application
            existing.save(update_fields=["application", "updated_at"])
            changes = {"application_id": [None, application.pk]}
            audit_record(actor=actor, action=AuditAction.UPDATE, instance=existing, changes=changes,
                         area=_area(application.person))  # fmt: skip
        return existing
    staff = actor if getattr(actor, "is_staff_role", False) else None
    connection = Connection(
        person=application.person,
        employer=vacancy.employer,
        application=application,
        occupation=vacancy.occupation,
        contract_type=application.contract_type,
        start_date=application.start_date,
        monthly_pay=vacancy.pay_min,
        source=ConnectionSource.BOARD,
        funding_source=settings.VIECLAM_CONNECTION_HIRE_FUNDING,
        counsellor=application.referred_by or staff,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        evidence_note=str(_("Tuyển dụng qua sàn việc làm: hồ sơ ứng tuyển số {pk}.")).format(pk=application.pk),
    )
    return _save_new(actor=actor, connection=connection)


@transaction.atomic
def connection_set_funding(*, actor: User, connection: Connection, funding_source: str) -> Connection:
    """Change who pays; the norm, the amount and the double-funding flag are worked out again."""
    _check_staff(actor)
    if not scope_for(actor).covers_unit(connection.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    errors = Errors()
    _funding_source(funding_source, errors)
    if errors:
        raise ValidationError(errors)
    Person.objects.select_for_update().filter(pk=connection.person_id).first()
    before = snapshot(connection, AUDITED)
    connection.funding_source = funding_source
    _apply_funding(connection, exclude_pk=connection.pk)
    changes = diff(before, snapshot(connection, AUDITED))
    if changes:
        connection.save()
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=connection, changes=changes,
                     area=_area(connection.person))  # fmt: skip
    return connection


def _apply_funding(connection: Connection, *, exclude_pk: int | None = None) -> None:
    norm, amount, flagged, reason = funding_for(
        person_id=connection.person_id,
        start_date=connection.start_date,
        funding_source=connection.funding_source,
        exclude_pk=exclude_pk,
    )
    connection.norm, connection.norm_amount = norm, amount
    connection.double_funding_flag, connection.double_funding_reason = flagged, reason


def _save_new(*, actor, connection: Connection) -> Connection:
    # Lock the person so two connections of one person cannot both pass the double-funding check.
    Person.objects.select_for_update().filter(pk=connection.person_id).first()
    _apply_funding(connection)
    try:
        with transaction.atomic():
            connection.save()
    except IntegrityError as exc:
        day = date_format(connection.start_date, "d/m/Y")
        raise ValidationError({"start_date": DUPLICATE.format(day=day)}) from exc
    _schedule(connection)
    values = snapshot(connection, AUDITED)
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "", False)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=connection, changes=changes,
                 area=_area(connection.person))  # fmt: skip
    return connection


def _schedule(connection: Connection) -> list[FollowUp]:
    """A follow-up per configured offset; priority groups (matching.facts) are read once, as of scheduling."""
    from vieclam.matching.facts import priority_groups

    person = Person.objects.select_related("household", "ethnicity").get(pk=connection.person_id)
    priority = 0 if priority_groups(person) else 1
    rows = [
        FollowUp(connection=connection, person_id=connection.person_id, counsellor_id=connection.counsellor_id,
                 priority=priority, offset_months=months, due_on=add_months(connection.start_date, months))
        for months in followup_offsets()
    ]  # fmt: skip
    return FollowUp.objects.bulk_create(rows)


def _contract_type(code, errors: Errors) -> str:
    code = (code or "").strip()
    if not code:
        errors.add("contract_type", str(NO_CONTRACT))
    elif code in OBSOLETE_CONTRACT_TYPES:
        errors.add("contract_type", str(OBSOLETE_CONTRACT))
    elif not CodeItem.objects.valid_on(local_today()).filter(code_list__slug=CONTRACT_TYPES_LIST, code=code).exists():
        errors.add("contract_type", BAD_CONTRACT.format(code=code))
    return code


def _start_date(value, errors: Errors) -> dt.date | None:
    if value in (None, ""):
        errors.add("start_date", str(REQUIRED))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        errors.add("start_date", str(BAD_DATE))
        return None
    if value > local_today() + dt.timedelta(days=MAX_START_AHEAD_DAYS):
        errors.add("start_date", START_TOO_LATE.format(day=date_format(value, "d/m/Y")))
    return value


def _funding_source(value: str, errors: Errors) -> str:
    if value not in FundingSource.values:
        choices = ", ".join(str(label) for label in FundingSource.labels)
        errors.add("funding_source", BAD_FUNDING.format(value=value, choices=choices))
    return value


def _check_counsellor(counsellor, person: Person, errors: Errors) -> None:
    name = counsellor.get_full_name() or counsellor.username
    if not counsellor.is_staff_role:
        errors.add("counsellor", COUNSELLOR_NOT_STAFF.format(name=name))
    elif not scope_for(counsellor).covers_unit(person.residence_commune):
        errors.add("counsellor", COUNSELLOR_OUTSIDE.format(name=name))


#
# Follow-ups
#
@transaction.atomic
def followup_record(*, actor: User, follow_up: FollowUp, data: dict) -> FollowUp:
    """Record (or correct) what a check found; a missed check may still be recorded late."""
    _check_staff(actor)
    follow_up = FollowUp.objects.select_for_update().select_related("connection", "person").get(pk=follow_up.pk)
    if not scope_for(actor).covers_unit(follow_up.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    unknown = [field for field in data if field not in FOLLOWUP_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    errors = Errors()
    result = (data.get("result") or "").strip()
    if not result:
        errors.add("result", str(REQUIRED))
    elif result not in FollowUpResult.values:
        choices = ", ".join(str(label) for label in FollowUpResult.labels)
        errors.add("result", BAD_RESULT.format(value=result, choices=choices))
    checked_on = data.get("checked_on")
    if checked_on in (None, ""):
        errors.add("checked_on", str(RESULT_WITHOUT_DAY))
        checked_on = None
    elif isinstance(checked_on, dt.datetime) or not isinstance(checked_on, dt.date):
        errors.add("checked_on", str(BAD_DATE))
        checked_on = None
    else:
        start = follow_up.connection.start_date
        if checked_on < start:
            day, start_day = date_format(checked_on, "d/m/Y"), date_format(start, "d/m/Y")
            errors.add("checked_on", CHECK_BEFORE_START.format(day=day, start=start_day))
        elif checked_on > local_today():
            errors.add("checked_on", CHECK_IN_FUTURE.format(day=date_format(checked_on, "d/m/Y")))
    if len(data.get("note") or "") > TEXT_MAX:
        errors.add("note", TOO_LONG.format(max=TEXT_MAX))
    if errors:
        raise ValidationError(errors)
    before = snapshot(follow_up, FOLLOWUP_FIELDS + ("status",))
    follow_up.result, follow_up.checked_on = result, checked_on
    follow_up.has_contract, follow_up.has_social_insurance = _evidence(result, data)
    follow_up.note = (data.get("note") or "").strip()
    follow_up.status = FollowUpStatus.DONE
    follow_up.recorded_by, follow_up.recorded_at = actor, timezone.now()
    follow_up.save()
    changes = diff(before, snapshot(follow_up, FOLLOWUP_FIELDS + ("status",)))
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=follow_up, changes=changes,
                 area=_area(follow_up.person))  # fmt: skip
    return follow_up


def _evidence(result: str, data: dict) -> tuple[bool | None, bool | None]:
    """Contract and insurance as found: none when out of work, unknown when the person could not be reached."""
    if result == FollowUpResult.NOT_WORKING:
        return False, False
    if result == FollowUpResult.UNREACHABLE:
        return None, None
    return bool(data.get("has_contract")), bool(data.get("has_social_insurance"))


@transaction.atomic
def followups_mark_missed(today: dt.date | None = None) -> int:
    """Mark missed the checks still not recorded VIECLAM_FOLLOWUP_MISSED_DAYS after they fell due; returns how
    many. Each gets an audit event (actor None: the system). Daily command `vieclam mark_missed_followups`."""
    day = today or local_today()
    cutoff = day - dt.timedelta(days=settings.VIECLAM_FOLLOWUP_MISSED_DAYS)
    rows = list(
        FollowUp.objects.select_for_update(of=("self",))
        .filter(status=FollowUpStatus.DUE, due_on__lt=cutoff)
        .select_related("person")
    )
    for follow_up in rows:
        follow_up.status = FollowUpStatus.MISSED
    FollowUp.objects.bulk_update(rows, ["status"], batch_size=500)
    for follow_up in rows:
        changes = {"status": [FollowUpStatus.DUE.value, FollowUpStatus.MISSED.value]}
        audit_record(actor=None, action=AuditAction.UPDATE, instance=follow_up, changes=changes,
                     area=_area(follow_up.person))  # fmt: skip
    return len(rows)
