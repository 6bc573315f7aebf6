"""Interview slots at a booth: the booth's employer (or staff of the fair's area) offers times on the fair's day, a
worker books one for their own registration (or staff book it for a registration), and either frees it again.

A slot holds one worker and a registration holds one slot (both are database constraints); a booking locks the
slot and the registration, so two people pressing "book" on the last free time are served one after the other and
the second is told the time is taken. Every write is audited in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot, FairRegistration
from vieclam.people.validation import Errors

if TYPE_CHECKING:
    from vieclam.accounts.models import User
    from vieclam.vacancies.models import Vacancy

__all__ = ("slot_book", "slot_create", "slot_release", "slot_time")

MINUTES_MIN, MINUTES_MAX = 5, 240

SLOT_NOT_ALLOWED = _("Chỉ đơn vị có gian hàng hoặc cán bộ phụ trách địa bàn của phiên được mở lịch phỏng vấn.")
BOOK_NOT_ALLOWED = _("Chỉ người lao động đã đăng ký phiên hoặc cán bộ phụ trách địa bàn của phiên được đặt lịch.")
RELEASE_NOT_ALLOWED = _("Chỉ người đã đặt lịch, đơn vị có gian hàng hoặc cán bộ phụ trách địa bàn được hủy lịch.")
FAIR_FINISHED = _("Phiên: phiên “{name}” đang ở trạng thái “{status}”, không nhận lịch phỏng vấn.")
STARTS_REQUIRED = _("Bắt đầu: trường này bắt buộc (dd/mm/yyyy hh:mm).")
NOT_FAIR_DAY = _("Bắt đầu: lịch phỏng vấn phải trong ngày tổ chức phiên ({day}).")
OUTSIDE_HOURS = _("Bắt đầu: phiên diễn ra từ {start} đến {end}; lịch phỏng vấn phải nằm trong khoảng giờ đó.")
BAD_MINUTES = _("Số phút: phải là số nguyên từ {min} đến {max}.")
VACANCY_NOT_AT_BOOTH = _("Việc làm: “{title}” không được đưa lên gian hàng này.")
LINK_MISSING = _(
    "Đường dẫn phỏng vấn trực tuyến: gian hàng của phiên trực tuyến cần đường dẫn https:// trước khi mở lịch."
)
TIME_EXISTS = _("Bắt đầu: gian hàng đã có lịch phỏng vấn lúc {time}.")
SLOT_TAKEN = _("Lịch phỏng vấn lúc {time} đã có người đặt.")
ALREADY_BOOKED = _("Người lao động: {name} đã đặt lịch phỏng vấn lúc {time} tại gian hàng của {employer}.")
OTHER_FAIR = _("Người lao động: đăng ký này thuộc phiên khác, không đặt được lịch ở gian hàng này.")
NOT_BOOKED = _("Lịch phỏng vấn lúc {time} chưa có ai đặt.")
NO_PERSON = _("Người lao động: đăng ký chưa gắn với hồ sơ người lao động; hãy ghi nhận tại cửa trước.")


def slot_time(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def _staff_of(actor, fair: Fair) -> bool:
    return bool(
        getattr(actor, "is_authenticated", False) and actor.is_staff_role and scope_for(actor).covers_unit(fair.commune)
    )


def _owner_of(actor, booth: FairBooth) -> bool:
    return bool(
        getattr(actor, "is_authenticated", False)
        and actor.role == Role.EMPLOYER
        and booth.employer.account_id == actor.pk
    )


def _booth(pk: int) -> FairBooth:
    return FairBooth.objects.select_related("fair__commune", "employer").get(pk=pk)


@transaction.atomic
def slot_create(
    *,
    actor: User,
    booth: FairBooth,
    starts_at: dt.datetime | None,
    minutes: int = 15,
    vacancy: Vacancy | None = None,
) -> FairInterviewSlot:
    """A time on the fair's day, within its hours, for one interview at the booth (optionally for one vacancy)."""
    booth = _booth(booth.pk)
    fair = booth.fair
    if not (_staff_of(actor, fair) or _owner_of(actor, booth)):
        raise PermissionDenied(SLOT_NOT_ALLOWED)
    errors = Errors()
    if fair.status == FairStatus.CLOSED:
        errors.add("booth", FAIR_FINISHED.format(name=fair.name, status=FairStatus(fair.status).label))
    if fair.kind == FairKind.ONLINE and not booth.meeting_link.lower().startswith("https://"):
        errors.add("booth", str(LINK_MISSING))
    if not isinstance(starts_at, dt.datetime):
        errors.add("starts_at", str(STARTS_REQUIRED))
    else:
        try:
            if timezone.is_naive(starts_at):
                starts_at = timezone.make_aware(starts_at)
            local: dt.datetime | None = timezone.localtime(starts_at)
        except (OverflowError, ValueError):  # a time at the edge of the calendar: not the fair's day anyway
            local = None
        if local is None or local.date() != fair.held_on:
            errors.add("starts_at", NOT_FAIR_DAY.format(day=fair.held_on.strftime("%d/%m/%Y")))
        elif not (fair.starts_at <= local.time() < fair.ends_at):
            start, end = fair.starts_at.strftime("%H:%M"), fair.ends_at.strftime("%H:%M")
            errors.add("starts_at", OUTSIDE_HOURS.format(start=start, end=end))
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not MINUTES_MIN <= minutes <= MINUTES_MAX:
        errors.add("minutes", BAD_MINUTES.format(min=MINUTES_MIN, max=MINUTES_MAX))
    if vacancy is not None and not booth.vacancies.filter(pk=vacancy.pk).exists():
        errors.add("vacancy", VACANCY_NOT_AT_BOOTH.format(title=vacancy.title))
    if errors:
        raise ValidationError(errors)
    assert isinstance(starts_at, dt.datetime)  # for mypy: checked above
    if FairInterviewSlot.objects.filter(booth=booth, starts_at=starts_at).exists():
        raise ValidationError({"starts_at": TIME_EXISTS.format(time=slot_time(starts_at))})
    slot = FairInterviewSlot(booth=booth, starts_at=starts_at, minutes=minutes, vacancy=vacancy)
    try:
        with transaction.atomic():
            slot.save()
    except IntegrityError as exc:  # the same time added by two people at once
        raise ValidationError({"starts_at": TIME_EXISTS.format(time=slot_time(starts_at))}) from exc
    changes = {"booth": [None, booth.pk], "starts_at": [None, starts_at.isoformat()], "minutes": [None, minutes],
               "vacancy": [None, vacancy.pk if vacancy else None]}  # fmt: skip
    audit_record(actor=actor, action=AuditAction.CREATE, instance=slot, changes=changes, area=fair.commune)
    return slot


@transaction.atomic
def slot_book(*, actor: User, slot: FairInterviewSlot, registration: FairRegistration) -> FairInterviewSlot:
    """Book the slot for a registration of the same fair: the worker's own, or any of the area for staff."""
    # Lock the registration first, then the slot: one worker's two clicks on two slots are served in turn, and
    # two workers on one slot too; the second is told what the first took.
    registration = (
        FairRegistration.objects.select_for_update(of=("self",)).select_related("person").get(pk=registration.pk)
    )
    slot = FairInterviewSlot.objects.select_for_update().get(pk=slot.pk)
    booth = _booth(slot.booth_id)
    fair = booth.fair
    own = bool(
        getattr(actor, "is_authenticated", False)
        and actor.role == Role.WORKER
        and registration.person is not None
        and registration.person.account_id == actor.pk
    )
    if not (own or _staff_of(actor, fair)):
        raise PermissionDenied(BOOK_NOT_ALLOWED)
    if registration.fair_id != fair.pk:
        raise ValidationError({"registration": str(OTHER_FAIR)})
    if registration.person is None:
        raise ValidationError({"registration": str(NO_PERSON)})
    if fair.status == FairStatus.CLOSED:
        raise ValidationError({"slot": FAIR_FINISHED.format(name=fair.name, status=FairStatus(fair.status).label)})
    if slot.registration_id == registration.pk:
        return slot  # booked already by the same person: a second click changes nothing
    if slot.registration_id is not None:
        raise ValidationError({"slot": SLOT_TAKEN.format(time=slot_time(slot.starts_at))})
    other = FairInterviewSlot.objects.filter(registration=registration).select_related("booth__employer").first()
    if other is not None:
        name, employer = registration.person.full_name, other.booth.employer.name
        message = ALREADY_BOOKED.format(name=name, time=slot_time(other.starts_at), employer=employer)
        raise ValidationError({"registration": message})
    slot.registration, slot.booked_at = registration, timezone.now()
    slot.save(update_fields=["registration", "booked_at", "updated_at"])
    changes = {"registration": [None, registration.pk]}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=slot, changes=changes, area=fair.commune)
    return slot


@transaction.atomic
def slot_release(*, actor: User, slot: FairInterviewSlot) -> FairInterviewSlot:
    """Free a booked slot (the worker who booked it, the booth's employer or staff of the fair's area)."""
    slot = FairInterviewSlot.objects.select_for_update().get(pk=slot.pk)
    booth = _booth(slot.booth_id)
    registration = (
        FairRegistration.objects.select_related("person").filter(pk=slot.registration_id).first()
        if slot.registration_id
        else None
    )
    booker = bool(
        registration is not None
        and registration.person is not None
        and getattr(actor, "is_authenticated", False)
        and registration.person.account_id == actor.pk
    )
    if not (booker or _owner_of(actor, booth) or _staff_of(actor, booth.fair)):
        raise PermissionDenied(RELEASE_NOT_ALLOWED)
    if registration is None:
        raise ValidationError({"slot": NOT_BOOKED.format(time=slot_time(slot.starts_at))})
    changes = {"registration": [registration.pk, None]}
    slot.registration, slot.booked_at = None, None
    slot.save(update_fields=["registration", "booked_at", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=slot, changes=changes, area=booth.fair.commune)
    return slot
