"""Writes on job fairs: validated in full, inside the actor's areas, audited in the same transaction; nothing is
written when a ValidationError (keyed by the input field, its Vietnamese message naming the field) is raised.

Who may do what: staff of the fair's commune (or its province) create and run a fair, register booths, register
and check in workers and record interests; an employer's account registers a booth for its own employer; a
worker's account registers itself online. Area checks use accounts.scoping, as every registry does.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.core.privacy import mask_identifier
from vieclam.fairs.choices import (
    FAIR_TRANSITIONS,
    FairKind,
    FairStatus,
    InterestKind,
    RegistrationChannel,
)
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairInterviewSlot, FairRegistration
from vieclam.people.models import Person
from vieclam.people.validation import Errors
from vieclam.places.choices import Level
from vieclam.places.resolve import areas_resolve_in
from vieclam.vacancies.choices import VacancyStatus

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "booth_register",
    "fair_create",
    "fair_transition",
    "interest_record",
    "registration_apply",
    "registration_check_in",
    "registration_create",
)

FAIR_FIELDS = ("name", "kind", "held_on", "starts_at", "ends_at", "commune", "address", "organiser", "capacity",
               "target_groups", "note")  # fmt: skip
BOOTH_FIELDS = ("employer", "number", "contact_name", "contact_phone", "vacancies", "meeting_link")
PERSON_FIELDS = ("full_name", "national_id", "date_of_birth", "sex", "phone", "residence_commune")
REGISTRATION_FIELDS = ("person", "channel", "booths", "client_key", "check_in", *PERSON_FIELDS)
AUDITED_FAIR = ("name", "kind", "held_on", "starts_at", "ends_at", "commune_id", "address", "organiser_id",
                "capacity", "target_groups", "status", "note")  # fmt: skip
TEXT_MAX = {"name": 255, "address": 255, "target_groups": 500, "number": 10, "contact_name": 200,
            "contact_phone": 20, "meeting_link": 500, "client_key": 64}  # fmt: skip
NOTE_MAX = 5000

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được tổ chức phiên giao dịch việc làm.")
OUTSIDE_AREA = _("Phiên này tổ chức ngoài địa bàn bạn phụ trách.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("{field}: trường này bắt buộc.")
TOO_LONG = _("{field}: dài quá {max} ký tự.")
COMMUNE_OUTSIDE = _("Xã, phường: {name} nằm ngoài địa bàn bạn phụ trách.")
BAD_CHOICE = _("{field}: không có giá trị “{value}”; chọn một trong {choices}.")
BAD_DATE = _("{field}: ngày không hợp lệ (dd/mm/yyyy).")
BAD_TIME = _("{field}: giờ không hợp lệ (hh:mm).")
ENDS_BEFORE = _("Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}).")
CAPACITY_MIN = _("Số người lao động tối đa: phải là số nguyên từ 1 trở lên.")
ORGANISER_OUTSIDE = _("Người tổ chức: {name} không phải cán bộ phụ trách địa bàn nơi tổ chức phiên.")
BAD_TRANSITION = _("Trạng thái: không chuyển được phiên từ “{old}” sang “{new}”.")
NOT_YET_HELD = _("Trạng thái: phiên diễn ra ngày {day}; chưa thể ghi “Đã tổ chức” trước ngày đó.")

BOOTH_NOT_ALLOWED = _("Chỉ cán bộ phụ trách địa bàn của phiên hoặc chính đơn vị tuyển dụng được đăng ký gian hàng.")
BOOTH_FAIR_PAST = _("Phiên: phiên “{name}” đang ở trạng thái “{status}”, không nhận đăng ký gian hàng.")
BOOTH_TAKEN = _("Người sử dụng lao động: {employer} đã có gian hàng tại phiên này.")
NUMBER_TAKEN = _("Số gian hàng: số {number} đã có đơn vị khác dùng tại phiên này.")
VACANCY_OTHER_EMPLOYER = _("Việc làm: “{title}” không phải việc làm của {employer}.")
VACANCY_NOT_OPEN = _("Việc làm: “{title}” đang ở trạng thái “{status}”; chỉ đưa lên gian hàng việc làm đang tuyển.")
LINK_REQUIRED = _("Đường dẫn phỏng vấn trực tuyến: bắt buộc với phiên trực tuyến.")
LINK_NOT_HTTPS = _("Đường dẫn phỏng vấn trực tuyến: phải bắt đầu bằng https:// (kết nối bảo mật).")

REGISTRATION_NOT_ALLOWED = _("Chỉ cán bộ phụ trách địa bàn của phiên hoặc chính người lao động được đăng ký tham gia.")
NO_OWN_RECORD = _("Người lao động: tài khoản này chưa có hồ sơ người lao động; hãy tạo hồ sơ trước khi đăng ký.")
FAIR_NOT_OPEN = _("Phiên: phiên “{name}” đang ở trạng thái “{status}”, không nhận đăng ký.")
FAIR_PASSED = _("Phiên: phiên “{name}” đã diễn ra ngày {day}, không nhận đăng ký nữa.")
FAIR_FULL = _("Phiên: đã đủ {capacity} người đăng ký, không nhận thêm.")
ALREADY_REGISTERED = _("Người lao động: {name} đã đăng ký phiên này.")
BOOTH_OTHER_FAIR = _("Gian hàng quan tâm: gian hàng của {employer} không thuộc phiên này.")
ELSEWHERE_MISMATCH = _(
    "Số CCCD: số này đã có hồ sơ ở địa bàn khác; nhập họ tên và ngày sinh đúng như trên thẻ để dùng hồ sơ đó."
)
WORKER_ONLINE_ONLY = _("Hình thức đăng ký: người lao động tự đăng ký trực tuyến.")

CHECK_IN_NOTHING = _("Nhập mã QR, số CCCD hoặc số điện thoại của người lao động.")
CHECK_IN_NOT_RUNNING = _("Phiên: phiên “{name}” đang ở trạng thái “{status}”, không ghi nhận người đến.")
CHECK_IN_TOO_EARLY = _("Phiên: phiên diễn ra ngày {day}, chưa ghi nhận người đến được.")
TOKEN_UNKNOWN = _("Mã QR: mã không hợp lệ, không có đăng ký nào với mã này.")
TOKEN_OTHER_FAIR = _("Mã QR: mã này là của phiên “{name}” ngày {day}, không phải phiên này.")
NATIONAL_ID_NOT_REGISTERED = _("Số CCCD: {number} chưa đăng ký phiên này; hãy đăng ký trực tiếp tại phiên.")
PHONE_NOT_REGISTERED = _("Số điện thoại: {phone} chưa đăng ký phiên này.")
PHONE_SHARED = _("Số điện thoại: {count} người đăng ký cùng số {phone}; hãy tìm theo số CCCD.")

APPLY_FIELDS = ("full_name", "national_id", "phone", "date_of_birth", "booths")
APPLY_REQUIRED = _("{field}: trường này bắt buộc.")
APPLY_NAME_MAX = 100
APPLY_BAD_NATIONAL_ID = _("Số CCCD: nhập đủ 12 chữ số trên thẻ căn cước (đã nhập {n} ký tự).")
APPLY_BAD_PHONE = _("Số điện thoại: nhập 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).")
APPLY_BAD_DATE = _("Ngày sinh: “{value}” không phải một ngày; nhập dạng dd/mm/yyyy, ví dụ 29/05/1990.")
APPLY_FUTURE_DATE = _("Ngày sinh: không thể ở tương lai.")
APPLY_UNDER_AGE = _("Ngày sinh: người lao động đăng ký tham gia phiên phải đủ {age} tuổi.")
APPLY_ALREADY = _(
    "Số CCCD: số này đã đăng ký phiên này rồi. Mã QR được cấp ở lần đăng ký đầu; nếu mất mã, cứ mang thẻ CCCD "
    "đến phiên, cán bộ tìm theo số CCCD."
)
APPLY_LABELS = {"full_name": _("Họ và tên"), "national_id": _("Số CCCD"), "phone": _("Số điện thoại"),
                "date_of_birth": _("Ngày sinh")}  # fmt: skip
DOOR_MISMATCH = _(
    "Số CCCD {number}: họ tên hoặc ngày sinh đã khai khi đăng ký không khớp với hồ sơ có số CCCD này. Hãy xem lại "
    "thẻ CCCD của người lao động; chưa ghi nhận gì."
)

INTEREST_NOT_ALLOWED = _("Chỉ cán bộ phụ trách địa bàn của phiên được ghi nhu cầu tại phiên.")

LABELS = {
    "name": _("Tên phiên"), "kind": _("Loại phiên"), "held_on": _("Ngày tổ chức"), "starts_at": _("Giờ bắt đầu"),
    "ends_at": _("Giờ kết thúc"), "commune": _("Xã, phường"), "capacity": _("Số người lao động tối đa"),
    "address": _("Địa điểm"), "target_groups": _("Đối tượng tham gia"), "number": _("Số gian hàng"),
    "contact_name": _("Người liên hệ"), "contact_phone": _("Điện thoại liên hệ"),
    "employer": _("Người sử dụng lao động"),
    "meeting_link": _("Đường dẫn phỏng vấn trực tuyến"), "client_key": _("Mã ghi nhận ngoại tuyến"),
    "kind_interest": _("Nhu cầu"), "channel": _("Hình thức đăng ký"), "note": _("Ghi chú"),
}  # fmt: skip


def _day(value: dt.date) -> str:
    return date_format(value, "d/m/Y")


def _known(data: dict, allowed: tuple[str, ...]) -> None:
    unknown = [field for field in data if field not in allowed]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})


def _is_staff(actor) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and actor.is_staff_role)


def _check_staff_of(actor, fair: Fair, message=NOT_STAFF) -> None:
    if not _is_staff(actor):
        raise PermissionDenied(message)
    if not scope_for(actor).covers_unit(fair.commune):
        raise PermissionDenied(OUTSIDE_AREA)


def _check_texts(data: dict, errors: Errors, fields) -> None:
    for field in fields:
        if len(data.get(field) or "") > TEXT_MAX[field]:
            errors.add(field, TOO_LONG.format(field=LABELS[field], max=TEXT_MAX[field]))


def _lock(fair: Fair) -> Fair:
    """The fair's row, locked to the end of the transaction: registrations of one fair are counted one at a time,
    so two people cannot both take its last place."""
    return Fair.objects.select_for_update().select_related("commune").get(pk=fair.pk)


#
# Fairs
#
@transaction.atomic
def fair_create(*, actor: User, data: dict, warnings: list[str] | None = None) -> Fair:
    """Plan a fair held in a commune of the actor's areas (status "Đang chuẩn bị")."""
    if not _is_staff(actor):
        raise PermissionDenied(NOT_STAFF)
    _known(data, FAIR_FIELDS)
    data, area_errors = areas_resolve_in(data, {"commune": [Level.COMMUNE]}, warnings=warnings)
    errors = Errors()
    for field, messages in area_errors.items():
        for message in messages:
            errors.add(field, f"{LABELS[field]}: {message}")
    for field in ("name", "kind", "held_on", "starts_at", "ends_at", "commune", "capacity"):
        if data.get(field) in (None, "") and field not in errors:
            errors.add(field, REQUIRED.format(field=LABELS[field]))
    commune = data.get("commune")
    if commune is not None and not scope_for(actor).covers_unit(commune):
        errors.add("commune", COMMUNE_OUTSIDE.format(name=commune.name))
    kind = data.get("kind")
    if kind and kind not in FairKind.values:
        choices = ", ".join(str(label) for label in FairKind.labels)
        errors.add("kind", BAD_CHOICE.format(field=LABELS["kind"], value=kind, choices=choices))
    held_on = data.get("held_on")
    if held_on not in (None, "") and (isinstance(held_on, dt.datetime) or not isinstance(held_on, dt.date)):
        errors.add("held_on", BAD_DATE.format(field=LABELS["held_on"]))
    start, end = data.get("starts_at"), data.get("ends_at")
    for field, value in (("starts_at", start), ("ends_at", end)):
        if value not in (None, "") and not isinstance(value, dt.time):
            errors.add(field, BAD_TIME.format(field=LABELS[field]))
    if isinstance(start, dt.time) and isinstance(end, dt.time) and end <= start:
        errors.add("ends_at", ENDS_BEFORE.format(start=start.strftime("%H:%M"), end=end.strftime("%H:%M")))
    capacity = data.get("capacity")
    if capacity not in (None, "") and (not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1):
        errors.add("capacity", str(CAPACITY_MIN))
    organiser = data.get("organiser") or actor
    if commune is not None and (not organiser.is_staff_role or not scope_for(organiser).covers_unit(commune)):
        errors.add("organiser", ORGANISER_OUTSIDE.format(name=organiser.get_full_name() or organiser.username))
    _check_texts(data, errors, ("name", "address", "target_groups"))
    if len(data.get("note") or "") > NOTE_MAX:
        errors.add("note", TOO_LONG.format(field=LABELS["note"], max=NOTE_MAX))
    if errors:
        raise ValidationError(errors)
    assert commune is not None and isinstance(capacity, int)  # for mypy: checked above
    fair = Fair(
        name=data["name"].strip(),
        kind=kind,
        held_on=held_on,
        starts_at=start,
        ends_at=end,  # type: ignore[misc]  # checked above to be a time
        commune=commune,
        address=(data.get("address") or "").strip(),
        organiser=organiser,
        capacity=capacity,
        target_groups=(data.get("target_groups") or "").strip(),
        note=(data.get("note") or "").strip(),
    )
    fair.save()
    values = snapshot(fair, AUDITED_FAIR)
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "")}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=fair, changes=changes, area=fair.commune)
    return fair


@transaction.atomic
def fair_transition(*, actor: User, fair: Fair, to_status: str) -> Fair:
    """Move a fair along planned → open for registration → held → closed (choices.FAIR_TRANSITIONS)."""
    fair = _lock(fair)
    _check_staff_of(actor, fair)
    old = fair.status
    if to_status not in FAIR_TRANSITIONS.get(old, frozenset()):
        new = FairStatus(to_status).label if to_status in FairStatus.values else to_status
        raise ValidationError({"status": BAD_TRANSITION.format(old=FairStatus(old).label, new=new)})
    if to_status == FairStatus.HELD and fair.held_on > local_today():
        raise ValidationError({"status": NOT_YET_HELD.format(day=_day(fair.held_on))})
    before = snapshot(fair, AUDITED_FAIR)
    fair.status = to_status
    fair.save(update_fields=["status", "updated_at"])
    changes = diff(before, snapshot(fair, AUDITED_FAIR))
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=fair, changes=changes, area=fair.commune)
    return fair


#
# Booths
#
@transaction.atomic
def booth_register(*, actor: User, fair: Fair, data: dict) -> FairBooth:
    """An employer's booth at a fair with the open vacancies it recruits for there. Staff of the fair's area
    register any employer; an employer's account registers only its own."""
    _known(data, BOOTH_FIELDS)
    fair = _lock(fair)
    employer = data.get("employer")
    staff = _is_staff(actor) and scope_for(actor).covers_unit(fair.commune)
    own = (
        getattr(actor, "is_authenticated", False)
        and actor.role == Role.EMPLOYER
        and employer is not None
        and employer.account_id == actor.pk
    )
    if not (staff or own):
        raise PermissionDenied(BOOTH_NOT_ALLOWED)
    errors = Errors()
    if fair.status not in (FairStatus.PLANNED, FairStatus.OPEN):
        errors.add("fair", BOOTH_FAIR_PAST.format(name=fair.name, status=FairStatus(fair.status).label))
    if employer is None:
        errors.add("employer", REQUIRED.format(field=LABELS["employer"]))
    elif FairBooth.objects.filter(fair=fair, employer=employer).exists():
        errors.add("employer", BOOTH_TAKEN.format(employer=employer.name))
    number = (data.get("number") or "").strip()
    if number and FairBooth.objects.filter(fair=fair, number=number).exists():
        errors.add("number", NUMBER_TAKEN.format(number=number))
    vacancies = list(data.get("vacancies") or [])
    for vacancy in vacancies:
        if employer is not None and vacancy.employer_id != employer.pk:
            errors.add("vacancies", VACANCY_OTHER_EMPLOYER.format(title=vacancy.title, employer=employer.name))
        elif vacancy.status != VacancyStatus.OPEN:
            status = VacancyStatus(vacancy.status).label
            errors.add("vacancies", VACANCY_NOT_OPEN.format(title=vacancy.title, status=status))
    link = (data.get("meeting_link") or "").strip()
    # Any link must be https (a video interview carries personal data); an online-only fair cannot meet without one,
    # a combined fair may have booths that meet only in person.
    if link and not link.lower().startswith("https://"):
        errors.add("meeting_link", str(LINK_NOT_HTTPS))
    elif not link and fair.kind == FairKind.ONLINE:
        errors.add("meeting_link", str(LINK_REQUIRED))
    _check_texts(data, errors, ("number", "contact_name", "contact_phone", "meeting_link"))
    if errors:
        raise ValidationError(errors)
    assert employer is not None  # for mypy: checked above
    booth = FairBooth(
        fair=fair,
        employer=employer,
        number=number,
        contact_name=(data.get("contact_name") or "").strip(),
        contact_phone=(data.get("contact_phone") or "").strip(),
        meeting_link=link,
        registered_by=actor,
    )
    try:
        with transaction.atomic():
            booth.save()
    except IntegrityError as exc:  # another booth took the employer or the number meanwhile
        if number and FairBooth.objects.filter(fair=fair, number=number).exists():
            raise ValidationError({"number": NUMBER_TAKEN.format(number=number)}) from exc
        raise ValidationError({"employer": BOOTH_TAKEN.format(employer=employer.name)}) from exc
    booth.vacancies.set(vacancies)
    changes = {
        "fair": [None, fair.pk],
        "employer": [None, employer.pk],
        "number": [None, number],
        "vacancies": [None, sorted(v.pk for v in vacancies)],
        "meeting_link": [None, link],
    }
    audit_record(actor=actor, action=AuditAction.CREATE, instance=booth, changes=changes, area=fair.commune)
    return booth


#
# Registrations and check-in
#
@transaction.atomic
def registration_create(*, actor: User, fair: Fair, data: dict) -> FairRegistration:
    """A worker's registration for an open fair that has not yet passed and still has places.

    `data`: `person` (a Person), or the person's details (`national_id`, `full_name`, `date_of_birth`, `sex`,
    `phone`, `residence_commune`): an existing record with that CCCD is used, otherwise one is created through
    people.services.person_create (so its checks and audit apply). `channel` (staff: default walk-in), `booths`
    of interest, `check_in` (a walk-in checked in at once) and `client_key` (an offline page's key: sending the
    same key again returns the first registration and writes nothing).
    """
    _known(data, REGISTRATION_FIELDS)
    fair = _lock(fair)
    staff = _is_staff(actor) and scope_for(actor).covers_unit(fair.commune)
    worker = getattr(actor, "is_authenticated", False) and actor.role == Role.WORKER
    if not (staff or worker):
        raise PermissionDenied(REGISTRATION_NOT_ALLOWED)
    client_key = (data.get("client_key") or "").strip()
    if client_key:
        already = FairRegistration.objects.filter(fair=fair, client_key=client_key).first()
        if already is not None:
            return already
    errors = Errors()
    _check_texts(data, errors, ("client_key",))
    if fair.status != FairStatus.OPEN:
        errors.add("fair", FAIR_NOT_OPEN.format(name=fair.name, status=FairStatus(fair.status).label))
    elif local_today() > fair.held_on:
        errors.add("fair", FAIR_PASSED.format(name=fair.name, day=_day(fair.held_on)))
    elif FairRegistration.objects.filter(fair=fair).count() >= fair.capacity:
        errors.add("fair", FAIR_FULL.format(capacity=number_format(fair.capacity, force_grouping=True)))
    channel = data.get("channel") or (RegistrationChannel.WALK_IN if staff else RegistrationChannel.ONLINE)
    if channel not in RegistrationChannel.values:
        choices = ", ".join(str(label) for label in RegistrationChannel.labels)
        errors.add("channel", BAD_CHOICE.format(field=LABELS["channel"], value=channel, choices=choices))
    elif not staff and channel != RegistrationChannel.ONLINE:
        errors.add("channel", str(WORKER_ONLINE_ONLY))
    booths = list(data.get("booths") or [])
    for booth in booths:
        if booth.fair_id != fair.pk:
            errors.add("booths", BOOTH_OTHER_FAIR.format(employer=booth.employer.name))
    if errors:
        raise ValidationError(errors)  # before any person is created: nothing half-way
    person = _person_for(actor, data, staff=staff)
    if FairRegistration.objects.filter(fair=fair, person=person).exists():
        raise ValidationError({"person": ALREADY_REGISTERED.format(name=person.full_name)})
    now = timezone.now()
    check_in = bool(data.get("check_in")) and staff
    registration = FairRegistration(
        fair=fair,
        person=person,
        channel=channel,
        token=secrets.token_urlsafe(32),
        client_key=client_key,
        checked_in_at=now if check_in else None,
        checked_in_by=actor if check_in else None,
        registered_by=actor,
    )
    registration.save()
    registration.booths.set(booths)
    changes = {"fair": [None, fair.pk], "person": [None, person.pk], "channel": [None, channel]}
    if booths:
        changes["booths"] = [None, sorted(b.pk for b in booths)]
    if check_in:
        changes["checked_in_at"] = [None, now.isoformat()]
    audit_record(actor=actor, action=AuditAction.CREATE, instance=registration, changes=changes, area=fair.commune)
    return registration


def _person_for(actor, data: dict, *, staff: bool) -> Person:
    """The registering person: the worker's own record; for staff the given one, the record with the CCCD typed,
    or a new record made by the people services."""
    from vieclam.people.services import person_create

    if not staff:
        own = Person.objects.filter(account=actor).first()
        if own is None:
            raise ValidationError({"person": str(NO_OWN_RECORD)})
        return own
    if data.get("person") is not None:
        return data["person"]
    national_id = (data.get("national_id") or "").strip()
    if national_id:
        found = Person.objects.select_related("residence_commune").filter(national_id=national_id).first()
        if found is not None:
            if not scope_for(actor).covers_unit(found.residence_commune) and not _same_person(found, data):
                # A record outside the actor's areas is used only when the name and birth date typed (from the
                # card in hand) agree with it: a CCCD alone must not reveal whose it is.
                raise ValidationError({"national_id": str(ELSEWHERE_MISMATCH)})
            return found
    details = {field: data[field] for field in PERSON_FIELDS if data.get(field) not in (None, "")}
    return person_create(actor=actor, data=details)[0]


def _same_person(person: Person, data: dict) -> bool:
    from vieclam.core.text import fold

    name = fold(data.get("full_name") or "").split()
    return bool(name) and name == fold(person.full_name).split() and data.get("date_of_birth") == person.date_of_birth


def normalise_phone(value: str) -> str:
    """'0912 345 678', '0912.345.678', '+84 912345678' -> '0912345678'; anything else as typed, stripped."""
    digits = "".join(ch for ch in (value or "") if ch not in " .-()")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits


def _parse_birth_date(value, errors: Errors) -> dt.date | None:
    from vieclam.core.fields import DATE_FORMATS

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    from django import forms

    text = (value or "").strip()
    try:
        return forms.DateField(input_formats=DATE_FORMATS).to_python(text)
    except ValidationError:
        pass
    errors.add("date_of_birth", APPLY_BAD_DATE.format(value=text[:20]))
    return None


def _applicant_checked(data: dict, errors: Errors) -> dict:
    """The typed details, normalised and checked one field at a time (each message names its field)."""
    from vieclam.people import cccd
    from vieclam.people.models import LABOUR_AGE

    values: dict[str, Any] = {
        "full_name": " ".join((data.get("full_name") or "").split()),
        "national_id": "".join((data.get("national_id") or "").split()),
        "phone": normalise_phone(data.get("phone") or ""),
    }
    for field in ("full_name", "national_id", "phone", "date_of_birth"):
        if data.get(field) in (None, "") or values.get(field) == "":
            errors.add(field, APPLY_REQUIRED.format(field=APPLY_LABELS[field]))
    if len(values["full_name"]) > APPLY_NAME_MAX:
        errors.add("full_name", TOO_LONG.format(field=APPLY_LABELS["full_name"], max=APPLY_NAME_MAX))
    dob = _parse_birth_date(data["date_of_birth"], errors) if data.get("date_of_birth") not in (None, "") else None
    if dob is not None:
        if dob > local_today():
            errors.add("date_of_birth", str(APPLY_FUTURE_DATE))
        elif Person(date_of_birth=dob).age_on(local_today()) < LABOUR_AGE:
            errors.add("date_of_birth", APPLY_UNDER_AGE.format(age=LABOUR_AGE))
    nid = values["national_id"]
    if nid and not (nid.isdigit() and nid.isascii() and len(nid) == 12):
        errors.add("national_id", APPLY_BAD_NATIONAL_ID.format(n=len(nid)))
    elif nid:
        for message in cccd.check_against(nid, date_of_birth=dob, sex=None):
            errors.add("national_id", f"{APPLY_LABELS['national_id']}: {message}")
    phone = values["phone"]
    if phone and not (phone.isdigit() and phone.isascii() and len(phone) == 10 and phone.startswith("0")):
        errors.add("phone", str(APPLY_BAD_PHONE))
    values["date_of_birth"] = dob
    return values


@transaction.atomic
def registration_apply(*, fair: Fair, data: dict) -> FairRegistration:
    """A visitor's pre-registration on the public fair page, without an account: the details typed (`full_name`,
    `national_id` (CCCD, 12 digits), `phone`, `date_of_birth` (a date or dd/mm/yyyy)) and the `booths` of interest
    are stored on the registration with no person; an officer ties it to a person record at the door, card in hand
    (registration_check_in).

    No enumeration: nothing here reads the person registry, so the answer is the same whatever it holds. Only a
    second pre-registration of the same CCCD for the same fair is refused (it would take a second place). The
    fair's row is locked as in registration_create, so the last place goes to one visitor only. Audited with no
    actor (self-service, as at sign-up)."""
    _known(data, APPLY_FIELDS)
    fair = _lock(fair)
    errors = Errors()
    if fair.status != FairStatus.OPEN:
        errors.add("fair", FAIR_NOT_OPEN.format(name=fair.name, status=FairStatus(fair.status).label))
    elif local_today() > fair.held_on:
        errors.add("fair", FAIR_PASSED.format(name=fair.name, day=_day(fair.held_on)))
    elif FairRegistration.objects.filter(fair=fair).count() >= fair.capacity:
        errors.add("fair", FAIR_FULL.format(capacity=number_format(fair.capacity, force_grouping=True)))
    values = _applicant_checked(data, errors)
    booths = list(data.get("booths") or [])
    for booth in booths:
        if booth.fair_id != fair.pk:
            errors.add("booths", BOOTH_OTHER_FAIR.format(employer=booth.employer.name))
    nid = values["national_id"]
    if "national_id" not in errors and FairRegistration.objects.filter(fair=fair, applicant_national_id=nid).exists():
        errors.add("national_id", str(APPLY_ALREADY))
    if errors:
        raise ValidationError(errors)
    registration = FairRegistration(
        fair=fair,
        person=None,
        applicant_name=values["full_name"],
        applicant_national_id=nid,
        applicant_phone=values["phone"],
        applicant_birth_date=values["date_of_birth"],
        channel=RegistrationChannel.ONLINE,
        token=secrets.token_urlsafe(32),
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # the same CCCD sent twice at once: the constraint keeps one
        raise ValidationError({"national_id": str(APPLY_ALREADY)}) from exc
    registration.booths.set(booths)
    changes = {
        "fair": [None, fair.pk],
        "applicant_name": [None, registration.applicant_name],
        "applicant_national_id": [None, mask_identifier(nid)],
        "channel": [None, registration.channel],
    }
    if booths:
        changes["booths"] = [None, sorted(b.pk for b in booths)]
    audit_record(actor=None, action=AuditAction.CREATE, instance=registration, changes=changes, area=fair.commune)
    return registration


@transaction.atomic
def registration_check_in(
    *,
    actor: User,
    fair: Fair,
    token: str = "",
    national_id: str = "",
    phone: str = "",
    client_key: str = "",
) -> FairRegistration:
    """Record that a registered worker came, found by the QR token, the CCCD or the phone number.

    Idempotent: a worker already checked in (by another volunteer, or by the same record sent twice from an
    offline page) returns the first check-in unchanged and is counted once."""
    fair = Fair.objects.select_related("commune").get(pk=fair.pk)
    _check_staff_of(actor, fair)
    client_key = (client_key or "").strip()
    if client_key:
        already = FairRegistration.objects.filter(fair=fair, client_key=client_key).first()
        if already is not None:
            return already
    errors = Errors()
    if fair.status not in (FairStatus.OPEN, FairStatus.HELD):
        errors.add("fair", CHECK_IN_NOT_RUNNING.format(name=fair.name, status=FairStatus(fair.status).label))
    elif local_today() < fair.held_on:
        errors.add("fair", CHECK_IN_TOO_EARLY.format(day=_day(fair.held_on)))
    if len(client_key) > TEXT_MAX["client_key"]:
        errors.add("client_key", TOO_LONG.format(field=LABELS["client_key"], max=TEXT_MAX["client_key"]))
    if errors:
        raise ValidationError(errors)
    pk = _find_registration(fair, token=(token or "").strip(), national_id=(national_id or "").strip(),
                            phone=(phone or "").strip())  # fmt: skip
    # Locked: two phones scanning the same person at once are served one after the other; the second sees the
    # first check-in and returns it. Only the registration's row ("self"): its person may be none, an outer join.
    registration = FairRegistration.objects.select_for_update(of=("self",)).select_related("person").get(pk=pk)
    if registration.checked_in_at is not None:
        return registration
    changes: dict = {}
    if registration.person_id is None:  # pre-registered on the public page: tied to a person now, card in hand
        person = _person_at_door(actor, fair, registration)
        twin = FairRegistration.objects.select_for_update().filter(fair=fair, person=person).first()
        if twin is not None:  # the same worker also registered with their account: keep that one
            return _merge_at_door(actor, fair, applicant=registration, registration=twin, client_key=client_key)
        registration.person = person
        changes["person"] = [None, person.pk]
    registration.checked_in_at, registration.checked_in_by = timezone.now(), actor
    fields = ["checked_in_at", "checked_in_by", "updated_at", *(["person"] if "person" in changes else [])]
    if client_key and not registration.client_key:
        registration.client_key = client_key
        fields.append("client_key")
    registration.save(update_fields=fields)
    changes["checked_in_at"] = [None, registration.checked_in_at.isoformat()]
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=registration, changes=changes, area=fair.commune)
    return registration


def _person_at_door(actor, fair: Fair, registration: FairRegistration) -> Person:
    """The person of a registration typed on the public page: the record with that CCCD when the name and birth
    date typed agree with it, else a new record (people services, the fair's commune as residence). A CCCD whose
    record disagrees is refused: the officer checks the card; nothing is written."""
    from vieclam.people import cccd
    from vieclam.people.services import person_create

    data = {"full_name": registration.applicant_name, "date_of_birth": registration.applicant_birth_date}
    nid = registration.applicant_national_id
    found = Person.objects.select_related("residence_commune").filter(national_id=nid).first()
    if found is not None:
        if not _same_person(found, data):
            raise ValidationError({"national_id": DOOR_MISMATCH.format(number=mask_identifier(nid))})
        return found
    details = {
        **data,
        "national_id": nid,
        "sex": cccd.decode(nid).sex,
        "phone": registration.applicant_phone,
        "residence_commune": fair.commune.code,
    }
    try:
        with transaction.atomic():  # a savepoint: a clash below leaves the check-in's transaction usable
            return person_create(actor=actor, data={k: v for k, v in details.items() if v not in (None, "")})[0]
    except (IntegrityError, ValidationError):
        # Another door made the record of this CCCD at the same instant (the same person pre-registered at two
        # fairs): read it back and apply the same rule; any other refusal stands as it was.
        found = Person.objects.select_related("residence_commune").filter(national_id=nid).first()
        if found is None:
            raise
    if not _same_person(found, data):
        raise ValidationError({"national_id": DOOR_MISMATCH.format(number=mask_identifier(nid))})
    return found


def _merge_at_door(
    actor, fair: Fair, *, applicant: FairRegistration, registration: FairRegistration, client_key: str
) -> FairRegistration:
    """A worker pre-registered on the public page and also with their account: the account's registration is
    checked in (with the booths chosen on both) and the typed one removed, freeing its place."""
    booths = set(applicant.booths.values_list("pk", flat=True))
    if booths:
        registration.booths.add(*booths)
    if not FairInterviewSlot.objects.filter(registration=registration).exists():  # a slot booked keeps its worker
        FairInterviewSlot.objects.filter(registration=applicant).update(registration=registration)
    removed = {"applicant_name": [applicant.applicant_name, None], "merged_into": [None, registration.pk]}
    audit_record(actor=actor, action=AuditAction.DELETE, instance=applicant, changes=removed, area=fair.commune)
    applicant.delete()
    if registration.checked_in_at is not None:
        return registration
    registration.checked_in_at, registration.checked_in_by = timezone.now(), actor
    fields = ["checked_in_at", "checked_in_by", "updated_at"]
    if client_key and not registration.client_key:
        registration.client_key = client_key
        fields.append("client_key")
    registration.save(update_fields=fields)
    changes = {"checked_in_at": [None, registration.checked_in_at.isoformat()]}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=registration, changes=changes, area=fair.commune)
    return registration


def _find_registration(fair: Fair, *, token: str, national_id: str, phone: str) -> int:
    if token:
        row = FairRegistration.objects.filter(token=token).select_related("fair").first()
        if row is None:
            raise ValidationError({"token": str(TOKEN_UNKNOWN)})
        if row.fair_id != fair.pk:
            other = row.fair
            raise ValidationError({"token": TOKEN_OTHER_FAIR.format(name=other.name, day=_day(other.held_on))})
        return row.pk
    if national_id:
        typed = Q(person__isnull=True, applicant_national_id=national_id)  # pre-registered on the public page
        pk = FairRegistration.objects.filter(Q(person__national_id=national_id) | typed, fair=fair).values_list(
            "pk", flat=True
        )
        found = list(pk[:1])
        if not found:
            raise ValidationError({"national_id": NATIONAL_ID_NOT_REGISTERED.format(
                number=mask_identifier(national_id))})  # fmt: skip
        return found[0]
    if phone:
        typed = Q(person__isnull=True, applicant_phone=phone)
        rows = FairRegistration.objects.filter(Q(person__phone=phone) | typed, fair=fair)
        found = list(rows.values_list("pk", flat=True)[:5])
        if not found:
            raise ValidationError({"phone": PHONE_NOT_REGISTERED.format(phone=phone)})
        if len(found) > 1:
            raise ValidationError({"phone": PHONE_SHARED.format(count=len(found), phone=phone)})
        return found[0]
    raise ValidationError({"token": str(CHECK_IN_NOTHING)})


#
# Interests
#
@transaction.atomic
def interest_record(*, actor: User, registration: FairRegistration, kind: str, note: str = "") -> FairInterest:
    """A wish to train or to work abroad, recorded at the fair (once per kind: recording it again keeps the first
    and updates its note)."""
    fair = Fair.objects.select_related("commune").get(pk=registration.fair_id)
    _check_staff_of(actor, fair, message=INTEREST_NOT_ALLOWED)
    errors = Errors()
    if kind not in InterestKind.values:
        choices = ", ".join(str(label) for label in InterestKind.labels)
        errors.add("kind", BAD_CHOICE.format(field=LABELS["kind_interest"], value=kind, choices=choices))
    note = (note or "").strip()
    if len(note) > 500:
        errors.add("note", TOO_LONG.format(field=LABELS["note"], max=500))
    if errors:
        raise ValidationError(errors)
    interest, created = FairInterest.objects.get_or_create(
        registration=registration, kind=kind, defaults={"note": note, "recorded_by": actor}
    )
    if created:
        changes = {"kind": [None, kind], "note": [None, note]}
        audit_record(actor=actor, action=AuditAction.CREATE, instance=interest, changes=changes, area=fair.commune)
    elif note and note != interest.note:
        changes = {"note": [interest.note, note]}
        interest.note = note
        interest.save(update_fields=["note", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=interest, changes=changes, area=fair.commune)
    return interest
