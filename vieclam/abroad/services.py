"""Writes on service enterprises, programmes, journeys and their support: validated in full, scoped to the actor's
areas, audited in the same transaction; nothing is written when a ValidationError (keyed by the input field, in
Vietnamese) is raised.

A journey is registered (journey_register) and then moves one step at a time (journey_advance), each step a dated
JourneyEvent: a departure needs a signed contract before it, a return a departure before it, and a worker must be
old enough (the dated eligibility rule) on the day of registration and of departure.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.abroad.choices import PRE_DEPARTURE, JourneyState, ReturnKind
from vieclam.abroad.models import (
    Country,
    Journey,
    JourneyEvent,
    JourneySupport,
    Programme,
    ServiceEnterprise,
    SupportNorm,
)
from vieclam.abroad.rules import CLOSED, NEXT, contract_end, min_age_on, norm_applies_to, support_cap
from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.codelists.selectors import occupation_level_problem
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.core.money import format_amount
from vieclam.people.models import Person
from vieclam.people.validation import Errors

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "ENTERPRISE_FIELDS",
    "JOURNEY_FIELDS",
    "PROGRAMME_FIELDS",
    "enterprise_create",
    "journey_advance",
    "journey_register",
    "journey_support_add",
    "programme_create",
)

ENTERPRISE_FIELDS = ("name", "tax_code", "licence_number", "licence_date", "licence_revoked_on", "employer", "address",
                     "phone")  # fmt: skip
PROGRAMME_FIELDS = ("name", "enterprise", "country", "occupation", "foreign_employer", "contract_months", "worker_cost",
                    "service_fee", "positions", "opened_on", "closed_on")  # fmt: skip
JOURNEY_FIELDS = ("person", "programme", "enterprise", "country", "occupation", "foreign_employer", "contract_months",
                  "registered_on", "note")  # fmt: skip
ADVANCE_FIELDS = ("country", "foreign_employer", "contract_months", "return_reason", "note")
JOURNEY_AUDITED = ("person_id", "programme_id", "enterprise_id", "country_id", "occupation_id", "foreign_employer",
                   "contract_months", "state", "registered_on", "contract_signed_on", "departed_on",
                   "expected_return_on", "returned_on", "return_kind", "return_reason", "back_in_work_on",
                   "note")  # fmt: skip
REGISTRY_ROLES = frozenset({Role.ADMIN, Role.PROVINCE_OFFICER, Role.COUNSELLOR})
MAX_MONTHS = 120  # a contract term over ten years is a typo
MAX_AMOUNT = 10_000_000_000  # ten billion đồng

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được ghi nhận người đi làm việc ở nước ngoài.")
NOT_REGISTRY = _("Chỉ quản trị, cán bộ cấp tỉnh và tư vấn viên được sửa danh mục doanh nghiệp dịch vụ và đơn hàng.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("Trường này bắt buộc.")
BAD_DATE = _("Ngày không hợp lệ (dd/mm/yyyy).")
IN_FUTURE = _("{field} {day} ở tương lai.")
TOO_LONG = _("Tối đa {max} ký tự.")
TAX_CODE_FORMAT = _("Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, dấu gạch ngang và 3 chữ số).")
TAX_CODE_TAKEN = _("Đã có doanh nghiệp dịch vụ mã số thuế {code}.")
REVOKED_BEFORE = _("Ngày thu hồi giấy phép {day} trước ngày cấp {issued}.")
MONTHS_RANGE = _("Thời hạn hợp đồng từ 1 đến {max} tháng.")
AMOUNT_RANGE = _("{field} từ 0 đến {max} đồng.")
CLOSED_BEFORE = _("Ngày kết thúc tuyển {day} trước ngày bắt đầu tuyển {opened}.")
NOT_LICENSED = _("{name} không có giấy phép còn hiệu lực vào ngày {day}.")
PERSON_OUTSIDE = _("{name} cư trú ngoài địa bàn bạn phụ trách.")
OUTSIDE_AREA = _("Người lao động này cư trú ngoài địa bàn bạn phụ trách.")
UNDER_AGE = _("{name} chưa đủ {age} tuổi vào {field} {day} (Luật 69/2020/QH14, Điều 44).")
NO_AGE_RULE = _("Chưa có điều kiện về tuổi có hiệu lực vào ngày {day}: nạp dữ liệu tham chiếu.")
OPEN_JOURNEY = _("{name} đang có hành trình đi làm việc ở nước ngoài chưa kết thúc (đăng ký ngày {day}).")
BEFORE_PROGRAMME = _("Ngày đăng ký {day} trước ngày đơn hàng bắt đầu tuyển {opened}.")
BAD_STATE = _("Không có bước “{value}”.")
OUT_OF_ORDER = _("Không chuyển được từ bước “{current}” sang “{target}”: các bước phải theo thứ tự ({allowed}).")
NOTHING_NEXT = _("Hành trình đã ở bước “{current}”: không còn bước nào sau.")
BEFORE_LAST_STEP = _("Ngày {day} trước ngày của bước trước “{step}” ({last}).")
NO_CONTRACT = _("Chưa ký hợp đồng: chưa ghi được ngày xuất cảnh.")
DEPART_BEFORE_CONTRACT = _("Ngày xuất cảnh {day} trước ngày ký hợp đồng {signed}.")
RETURN_BEFORE_DEPARTURE = _("Ngày về nước {day} phải sau ngày xuất cảnh {departed}.")
NO_DEPARTURE = _("Chưa xuất cảnh: chưa ghi được ngày về nước.")
EARLY_NEEDS_REASON = _("Về nước trước hạn hợp đồng ({end}): ghi lý do về trước hạn.")
NORM_NOT_IN_FORCE = _("Định mức “{name}” không có hiệu lực vào ngày hỗ trợ {day}.")
NORM_NOT_FOR = _("{name} không thuộc đối tượng của định mức “{norm}” ({group}).")
ABOVE_NORM = _("Số tiền {amount} đồng vượt mức tối đa {cap} đồng của định mức “{norm}” vào ngày {day}.")
NO_CAP = _("Định mức “{norm}” tính theo chi phí đơn hàng: chọn đơn hàng có chi phí cho hành trình trước.")
SUPPORT_TWICE = _("Người lao động đã nhận hỗ trợ “{norm}” trong hành trình này.")
SUPPORT_WITHDRAWN = _("Hành trình đã dừng: không ghi hỗ trợ.")
TEXT_MAX = 1000

DAY = "d/m/Y"


def _check_staff(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _check_registry(actor: User) -> None:
    _check_staff(actor)
    if actor.role not in REGISTRY_ROLES and not actor.is_superuser:
        raise PermissionDenied(NOT_REGISTRY)


def _unknown(data: dict, allowed) -> None:
    unknown = [field for field in data if field not in allowed]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})


def _day(value, field: str, label, errors: Errors, *, required: bool = True, past: bool = True) -> dt.date | None:
    if value in (None, ""):
        if required:
            errors.add(field, str(REQUIRED))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        errors.add(field, str(BAD_DATE))
        return None
    if past and value > local_today():
        errors.add(field, IN_FUTURE.format(field=label, day=date_format(value, DAY)))
    return value


def _text(data: dict, field: str, limit: int, errors: Errors) -> str:
    text = (data.get(field) or "").strip()
    if len(text) > limit:
        errors.add(field, TOO_LONG.format(max=limit))
    return text


def _months(value, field: str, errors: Errors, *, required: bool) -> int | None:
    if value in (None, ""):
        if required:
            errors.add(field, str(REQUIRED))
        return None
    if not isinstance(value, int) or not 1 <= value <= MAX_MONTHS:
        errors.add(field, MONTHS_RANGE.format(max=MAX_MONTHS))
        return None
    return value


def _amount(value, field: str, label, errors: Errors) -> int:
    if value in (None, ""):
        return 0
    if not isinstance(value, int) or not 0 <= value <= MAX_AMOUNT:
        errors.add(field, AMOUNT_RANGE.format(field=label, max=format_amount(MAX_AMOUNT)))
        return 0
    return value


def _created(actor, instance, fields, area=None) -> None:
    values = snapshot(instance, fields)
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "", False)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=instance, changes=changes, area=area)


#
# Enterprises and programmes (province-wide registries)
#
@transaction.atomic
def enterprise_create(*, actor: User, data: dict) -> ServiceEnterprise:
    """Add a licensed service enterprise (Luật 69/2020/QH14, Điều 10)."""
    _check_registry(actor)
    _unknown(data, ENTERPRISE_FIELDS)
    errors = Errors()
    name = _text(data, "name", 255, errors)
    if not name:
        errors.add("name", str(REQUIRED))
    tax_code = (data.get("tax_code") or "").strip()
    digits = tax_code.replace("-", "")
    if not tax_code:
        errors.add("tax_code", str(REQUIRED))
    elif not digits.isdigit() or len(digits) not in (10, 13) or (len(digits) == 13 and tax_code[10] != "-"):
        errors.add("tax_code", str(TAX_CODE_FORMAT))
    elif ServiceEnterprise.objects.filter(tax_code=tax_code).exists():
        errors.add("tax_code", TAX_CODE_TAKEN.format(code=tax_code))
    licence_number = _text(data, "licence_number", 50, errors)
    if not licence_number:
        errors.add("licence_number", str(REQUIRED))
    issued = _day(data.get("licence_date"), "licence_date", _("Ngày cấp giấy phép"), errors)
    revoked = _day(data.get("licence_revoked_on"), "licence_revoked_on", _("Ngày thu hồi giấy phép"), errors,
                   required=False, past=False)  # fmt: skip
    if issued and revoked and revoked < issued:
        errors.add("licence_revoked_on", REVOKED_BEFORE.format(day=date_format(revoked, DAY),
                                                               issued=date_format(issued, DAY)))  # fmt: skip
    address, phone = _text(data, "address", 255, errors), _text(data, "phone", 20, errors)
    if errors:
        raise ValidationError(errors)
    assert issued is not None  # for mypy: checked above
    enterprise = ServiceEnterprise.objects.create(
        name=name, tax_code=tax_code, licence_number=licence_number, licence_date=issued, licence_revoked_on=revoked,
        employer=data.get("employer"), address=address, phone=phone,
    )  # fmt: skip
    _created(actor, enterprise, [f if f not in ("employer",) else "employer_id" for f in ENTERPRISE_FIELDS])
    return enterprise


@transaction.atomic
def programme_create(*, actor: User, data: dict) -> Programme:
    """Add a programme (đơn hàng) of a licensed enterprise."""
    _check_registry(actor)
    _unknown(data, PROGRAMME_FIELDS)
    errors = Errors()
    name = _text(data, "name", 255, errors)
    if not name:
        errors.add("name", str(REQUIRED))
    enterprise, country = data.get("enterprise"), data.get("country")
    if enterprise is None:
        errors.add("enterprise", str(REQUIRED))
    if country is None:
        errors.add("country", str(REQUIRED))
    if problem := occupation_level_problem(data.get("occupation")):
        errors.add("occupation", problem)
    months = _months(data.get("contract_months"), "contract_months", errors, required=True)
    worker_cost = _amount(data.get("worker_cost"), "worker_cost", _("Chi phí người lao động trả"), errors)
    service_fee = _amount(data.get("service_fee"), "service_fee", _("Tiền dịch vụ"), errors)
    positions = data.get("positions")
    opened = _day(data.get("opened_on"), "opened_on", _("Ngày bắt đầu tuyển"), errors, past=False)
    closed = _day(data.get("closed_on"), "closed_on", _("Ngày kết thúc tuyển"), errors, required=False, past=False)
    if opened and closed and closed < opened:
        errors.add("closed_on", CLOSED_BEFORE.format(day=date_format(closed, DAY), opened=date_format(opened, DAY)))
    if enterprise is not None and opened and not enterprise.licensed_on(opened):
        errors.add("enterprise", NOT_LICENSED.format(name=enterprise.name, day=date_format(opened, DAY)))
    foreign_employer = _text(data, "foreign_employer", 255, errors)
    if errors:
        raise ValidationError(errors)
    assert enterprise is not None and country is not None and months is not None and opened is not None  # for mypy
    programme = Programme.objects.create(
        name=name, enterprise=enterprise, country=country, occupation=data.get("occupation"),
        foreign_employer=foreign_employer, contract_months=months, worker_cost=worker_cost, service_fee=service_fee,
        positions=positions, opened_on=opened, closed_on=closed,
    )  # fmt: skip
    fields = ["name", "enterprise_id", "country_id", "occupation_id", "foreign_employer", "contract_months",
              "worker_cost", "service_fee", "positions", "opened_on", "closed_on"]  # fmt: skip
    _created(actor, programme, fields)
    return programme


#
# Journeys
#
def _check_age(person: Person, day: dt.date, field: str, label, errors: Errors) -> None:
    age = min_age_on(day)
    if age is None:
        errors.add(field, NO_AGE_RULE.format(day=date_format(day, DAY)))
    elif person.age_on(day) < age:
        errors.add(field, UNDER_AGE.format(name=person.full_name, age=age, field=str(label).lower(),
                                           day=date_format(day, DAY)))  # fmt: skip


@transaction.atomic
def journey_register(*, actor: User, data: dict) -> Journey:
    """A person registers to work abroad: the first step of a journey, dated `registered_on`. The programme, when
    chosen, gives the enterprise, country, occupation, foreign employer and term unless they are given."""
    _check_staff(actor)
    _unknown(data, JOURNEY_FIELDS)
    errors = Errors()
    person = data.get("person")
    if person is None:
        errors.add("person", str(REQUIRED))
    elif not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
    registered_on = _day(data.get("registered_on"), "registered_on", _("Ngày đăng ký"), errors)
    programme: Programme | None = data.get("programme")
    if programme is not None and registered_on and registered_on < programme.opened_on:
        errors.add("registered_on", BEFORE_PROGRAMME.format(day=date_format(registered_on, DAY),
                                                            opened=date_format(programme.opened_on, DAY)))  # fmt: skip
    if problem := occupation_level_problem(data.get("occupation")):
        errors.add("occupation", problem)
    months = _months(data.get("contract_months"), "contract_months", errors, required=False)
    foreign_employer = _text(data, "foreign_employer", 255, errors)
    note = _text(data, "note", TEXT_MAX, errors)
    if person is not None and registered_on and "person" not in errors:
        _check_age(person, registered_on, "registered_on", _("Ngày đăng ký"), errors)
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one open journey at a time
        open_journey = Journey.objects.filter(person=person).exclude(state__in=CLOSED).first()
        if open_journey is not None:
            errors.add("person", OPEN_JOURNEY.format(name=person.full_name,
                                                     day=date_format(open_journey.registered_on, DAY)))  # fmt: skip
    if errors:
        raise ValidationError(errors)
    assert person is not None and registered_on is not None  # for mypy: checked above
    journey = Journey.objects.create(
        person=person,
        programme=programme,
        enterprise=data.get("enterprise") or (programme.enterprise if programme else None),
        country=data.get("country") or (programme.country if programme else None),
        occupation=data.get("occupation") or (programme.occupation if programme else None),
        foreign_employer=foreign_employer or (programme.foreign_employer if programme else ""),
        contract_months=months or (programme.contract_months if programme else None),
        registered_on=registered_on,
        note=note,
        recorded_by=actor,
    )
    JourneyEvent.objects.create(journey=journey, person=person, state=JourneyState.REGISTERED, on=registered_on,
                                note=note, recorded_by=actor)  # fmt: skip
    _created(actor, journey, JOURNEY_AUDITED, area=person.residence_commune)
    return journey


@transaction.atomic
def journey_advance(*, actor: User, journey: Journey, state: str, on: dt.date, data: dict | None = None) -> Journey:
    """Move the journey to the next step, dated `on`.

    data: for "contract" and "departed", the country, foreign employer and contract term (kept from the programme
    when not given; a departure needs all three); for "returned", the reason when it is before the contract's end;
    a note for any step."""
    _check_staff(actor)
    data = dict(data or {})
    _unknown(data, ADVANCE_FIELDS)
    journey = (
        Journey.objects.select_for_update(of=("self",))
        .select_related("person", "person__residence_commune")
        .get(pk=journey.pk)
    )
    person = journey.person
    if not scope_for(actor).covers_unit(person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    errors = Errors()
    labels = dict(JourneyState.choices)
    target = state if state in JourneyState.values else None
    if target is None:
        errors.add("state", BAD_STATE.format(value=state))
    allowed = NEXT[journey.state]
    day = _day(on, "on", _("Ngày"), errors)
    if target is not None and target not in allowed:
        if target == JourneyState.DEPARTED and journey.contract_signed_on is None and journey.state in PRE_DEPARTURE:
            errors.add("on", str(NO_CONTRACT))
        elif target == JourneyState.RETURNED and journey.departed_on is None:
            errors.add("on", str(NO_DEPARTURE))
        elif not allowed:
            errors.add("state", NOTHING_NEXT.format(current=labels[journey.state]))
        else:
            names = ", ".join(str(labels[s]) for s in sorted(allowed))
            errors.add(
                "state", OUT_OF_ORDER.format(current=labels[journey.state], target=labels[target], allowed=names)
            )
        target = None
    last = journey.events.order_by("-on", "-pk").first()
    if day and last is not None and day < last.on:
        errors.add("on", BEFORE_LAST_STEP.format(day=date_format(day, DAY), step=labels[last.state],
                                                 last=date_format(last.on, DAY)))  # fmt: skip
    note = _text(data, "note", TEXT_MAX, errors)
    before = snapshot(journey, JOURNEY_AUDITED)
    if target in (JourneyState.CONTRACT, JourneyState.DEPARTED):
        _contract_terms(journey, data, errors, required=target == JourneyState.DEPARTED)
    if target == JourneyState.DEPARTED and day:
        signed = journey.contract_signed_on
        if signed is not None and day < signed:
            errors.add("on", DEPART_BEFORE_CONTRACT.format(day=date_format(day, DAY), signed=date_format(signed, DAY)))
        _check_age(person, day, "on", _("Ngày xuất cảnh"), errors)
    if target == JourneyState.RETURNED and day:
        departed = journey.departed_on
        assert departed is not None  # the step before a return is a departure
        if day <= departed:
            errors.add("on", RETURN_BEFORE_DEPARTURE.format(day=date_format(day, DAY),
                                                            departed=date_format(departed, DAY)))  # fmt: skip
        reason = _text(data, "return_reason", 400, errors)
        end = journey.expected_return_on
        early = end is not None and day < end
        if end is not None and early and not reason:
            errors.add("return_reason", EARLY_NEEDS_REASON.format(end=date_format(end, DAY)))
        journey.return_kind = ReturnKind.EARLY if early else ReturnKind.ON_TIME
        journey.return_reason = reason if early else ""
    if errors:
        raise ValidationError(errors)
    assert target is not None and day is not None  # for mypy: checked above
    journey.state = target
    if target == JourneyState.CONTRACT:
        journey.contract_signed_on = day
    elif target == JourneyState.DEPARTED:
        journey.departed_on = day
        journey.expected_return_on = contract_end(day, journey.contract_months)
    elif target == JourneyState.RETURNED:
        journey.returned_on = day
    elif target == JourneyState.BACK_IN_WORK:
        journey.back_in_work_on = day
    journey.save()
    try:
        with transaction.atomic():
            JourneyEvent.objects.create(journey=journey, person=person, state=target, on=day, note=note,
                                        recorded_by=actor, recorded_at=timezone.now())  # fmt: skip
    except IntegrityError as exc:  # two officers recording the same step at once
        raise ValidationError({"state": OUT_OF_ORDER.format(current=labels[target], target=labels[target],
                                                            allowed="—")}) from exc  # fmt: skip
    changes = diff(before, snapshot(journey, JOURNEY_AUDITED))
    if note:
        changes["event_note"] = [None, note]
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=journey, changes=changes,
                 area=person.residence_commune)  # fmt: skip
    return journey


def _contract_terms(journey: Journey, data: dict, errors: Errors, *, required: bool) -> None:
    """Country, foreign employer and term of the contract: given now, or kept from the registration."""
    country: Country | None = data.get("country") or journey.country
    employer = _text(data, "foreign_employer", 255, errors) or journey.foreign_employer
    months = _months(data.get("contract_months"), "contract_months", errors, required=False) or journey.contract_months
    if required:
        if country is None:
            errors.add("country", str(REQUIRED))
        if not employer:
            errors.add("foreign_employer", str(REQUIRED))
        if months is None and "contract_months" not in errors:
            errors.add("contract_months", str(REQUIRED))
    journey.country, journey.foreign_employer, journey.contract_months = country, employer, months


#
# Support
#
@transaction.atomic
def journey_support_add(
    *,
    actor: User,
    journey: Journey,
    norm: SupportNorm | None,
    amount: int | None,
    granted_on: dt.date | None,
    note: str = "",
) -> JourneySupport:
    """Record a support the worker received, within the norm in force on `granted_on` and for the norm's group."""
    from vieclam.matching.facts import priority_groups

    _check_staff(actor)
    journey = Journey.objects.select_for_update(of=("self",)).select_related("programme").get(pk=journey.pk)
    person = Person.objects.select_related("household", "ethnicity", "residence_commune").get(pk=journey.person_id)
    if not scope_for(actor).covers_unit(person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    errors = Errors()
    day = _day(granted_on, "granted_on", _("Ngày hỗ trợ"), errors)
    if journey.state == JourneyState.WITHDRAWN:
        errors.add("journey", str(SUPPORT_WITHDRAWN))
    if amount is None:
        errors.add("amount", str(REQUIRED))
    elif not isinstance(amount, int) or not 0 < amount <= MAX_AMOUNT:
        errors.add("amount", AMOUNT_RANGE.format(field=_("Số tiền"), max=format_amount(MAX_AMOUNT)))
    if len(note or "") > TEXT_MAX:
        errors.add("note", TOO_LONG.format(max=TEXT_MAX))
    if norm is None:
        errors.add("norm", str(REQUIRED))
    elif day:
        if not norm.is_valid_on(day):
            errors.add("norm", NORM_NOT_IN_FORCE.format(name=norm.name_vi, day=date_format(day, DAY)))
        elif not norm_applies_to(norm, tuple(str(g) for g in priority_groups(person))):
            errors.add("norm", NORM_NOT_FOR.format(name=person.full_name, norm=norm.name_vi,
                                                   group=norm.get_group_display()))  # fmt: skip
        elif JourneySupport.objects.filter(journey=journey, norm=norm).exists():
            errors.add("norm", SUPPORT_TWICE.format(norm=norm.name_vi))
        elif isinstance(amount, int) and "amount" not in errors:
            cap = support_cap(norm, journey.programme)
            if cap is None:
                errors.add("norm", NO_CAP.format(norm=norm.name_vi))
            elif amount > cap:
                errors.add("amount", ABOVE_NORM.format(amount=format_amount(amount), cap=format_amount(cap),
                                                       norm=norm.name_vi, day=date_format(day, DAY)))  # fmt: skip
    if errors:
        raise ValidationError(errors)
    assert norm is not None and amount is not None and day is not None
    support = JourneySupport.objects.create(journey=journey, norm=norm, amount=amount, granted_on=day,
                                            note=(note or "").strip(), recorded_by=actor)  # fmt: skip
    _created(actor, support, ["journey_id", "norm_id", "amount", "granted_on", "note"], area=person.residence_commune)
    return support
