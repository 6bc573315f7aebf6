"""A worker books an interview slot from their own registrations page (/job-fairs/mine/): for each registration
of a fair still to come, the free slots of the booths they chose, and the slot they booked with a way to free it.

The writes go through fairs.slots (slot_book, slot_release); their refusals are shown as messages on the page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.core.dates import today
from vieclam.fairs import slots
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.models import FairInterviewSlot, FairRegistration
from vieclam.seekers.views import worker_required


def slots_by_registration(rows) -> tuple[dict[int, list[FairInterviewSlot]], dict[int, FairInterviewSlot]]:
    """For the registrations of fairs not yet passed (nor closed): the free slots still to come at the booths each
    chose, by registration; and the slot each booked. Three queries whatever the number of slots."""
    current = [row.pk for row in rows if row.fair.held_on >= today() and row.fair.status != FairStatus.CLOSED]
    if not current:
        return {}, {}
    chosen: dict[int, list[int]] = defaultdict(list)
    through = FairRegistration.booths.through.objects.filter(fairregistration_id__in=current)
    for registration_id, booth_id in through.values_list("fairregistration_id", "fairbooth_id"):
        chosen[registration_id].append(booth_id)
    related = ("booth__employer", "vacancy")
    booth_ids = {booth_id for ids in chosen.values() for booth_id in ids}
    free_rows = FairInterviewSlot.objects.filter(booth_id__in=booth_ids, registration__isnull=True,
                                                 starts_at__gte=timezone.now() - dt.timedelta(minutes=5))  # fmt: skip
    by_booth: dict[int, list[FairInterviewSlot]] = defaultdict(list)
    for slot in free_rows.select_related(*related).order_by("starts_at", "pk"):
        by_booth[slot.booth_id].append(slot)
    free = {
        pk: sorted((slot for booth_id in chosen[pk] for slot in by_booth[booth_id]), key=lambda s: s.starts_at)
        for pk in current
    }
    booked_rows = FairInterviewSlot.objects.filter(registration_id__in=current).select_related(*related)
    booked = {slot.registration_id: slot for slot in booked_rows if slot.registration_id is not None}
    return free, booked


def _refused(request, exc: ValidationError | PermissionDenied) -> None:
    for message in exc.messages if isinstance(exc, ValidationError) else [str(exc)]:
        messages.error(request, message)


@require_POST
@worker_required
def slot_book(request, pk: int):
    """Book the slot for the worker's own registration named in the form (of the slot's fair). A slot of a fair the
    worker is not registered at is not theirs to see: 404, as for any record outside one's reach."""
    mine = FairRegistration.objects.filter(person__account=request.user).values("fair_id")
    slot = get_object_or_404(FairInterviewSlot, pk=pk, booth__fair_id__in=mine)
    wanted = str(request.POST.get("registration", ""))
    registration = (
        FairRegistration.objects.filter(pk=int(wanted), person__account=request.user).first()
        if wanted.isdigit() and len(wanted) <= 18
        else None
    )
    if registration is None:
        messages.error(request, _("Người lao động: chọn một phiên bạn đã đăng ký."))
        return redirect("fairpub:mine")
    try:
        booked = slots.slot_book(actor=request.user, slot=slot, registration=registration)
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Đã đặt lịch phỏng vấn lúc {time}.").format(time=slots.slot_time(booked.starts_at)))
    return redirect("fairpub:mine")


@require_POST
@worker_required
def slot_release(request, pk: int):
    """Free the worker's own booking; a slot booked by someone else (or by no one) answers 404."""
    slot = get_object_or_404(FairInterviewSlot, pk=pk, registration__person__account=request.user)
    try:
        slots.slot_release(actor=request.user, slot=slot)
    except (ValidationError, PermissionDenied) as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Đã hủy đặt lịch lúc {time}.").format(time=slots.slot_time(slot.starts_at)))
    return redirect("fairpub:mine")
