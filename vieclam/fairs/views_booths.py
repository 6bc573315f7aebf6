"""Booth pages: staff register an employer's booth from the fair page; an employer's account registers its own
booth for an open fair; the booth page (staff of the fair's area and the booth's employer) with the workers
interested in it, the applications to its vacancies and their actions, and its interview slots.

Views parse input, call one service (fairs.services, fairs.booths, fairs.slots, applications, casework) and
redirect; every rule lives in the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.applications import selectors as application_selectors
from vieclam.applications.choices import ApplicationStatus, RefusalReason
from vieclam.applications.services import transitions_for
from vieclam.applications.views import ACTION_LABELS
from vieclam.core.dates import today
from vieclam.core.viewkit import call_service, staff_required
from vieclam.fairs import booths, selectors, services, slots
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.forms_booths import BoothApplyForm, BoothForm, BoothRecordForm, EmployerPickForm, SlotForm
from vieclam.fairs.models import Fair, FairInterviewSlot, FairRegistration

BOOKABLE = (FairStatus.PLANNED, FairStatus.OPEN)


def _errors_to_messages(request, form) -> None:
    for field, field_errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in field_errors:
            messages.error(request, f"{label}: {error}" if label and not str(error).startswith(str(label)) else error)


def _service_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


#
# Registering a booth
#
@staff_required
def booth_new(request, pk: int):
    """Staff: pick the employer (step one), then tick its open vacancies and give the booth's details."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    data = request.POST if request.method == "POST" else request.GET
    pick = EmployerPickForm(data if "employer" in data else None, viewer=request.user)
    if not pick.is_bound or not pick.is_valid():
        return render(request, "fairs/booth_pick.html", {"fair": fair, "pick": pick})
    employer = pick.cleaned_data["employer"]
    form = BoothForm(request.POST if request.method == "POST" else None, employer=employer)
    if request.method == "POST" and form.is_valid():
        booth = call_service(
            form,
            lambda: services.booth_register(actor=request.user, fair=fair, data=form.service_data(employer)),
        )
        if booth is not None:
            messages.success(request, _("Đã đăng ký gian hàng của {name}.").format(name=employer.name))
            return redirect("fairs:booth_detail", booth.pk)
    context = {"fair": fair, "employer": employer, "form": form, "own": False}
    return render(request, "fairs/booth_form.html", context)


def _employer_account(request):
    if request.user.role != Role.EMPLOYER:
        raise PermissionDenied
    return list(application_selectors.own_employers(viewer=request.user))


def _open_fairs():
    """Fairs an employer may still take a booth at: being prepared or taking registrations, not yet passed."""
    rows = Fair.objects.filter(status__in=BOOKABLE, held_on__gte=today()).select_related("commune")
    return rows.order_by("held_on", "pk")


@login_required
def booth_open_fairs(request):
    """The employer portal's fairs: the open ones with "Đăng ký gian hàng", and the employer's own booths."""
    employers = _employer_account(request)
    own = list(
        selectors.booth_list(viewer=request.user).filter(employer__in=employers).order_by("-fair__held_on", "pk")
    )
    taken = {(booth.fair_id, booth.employer_id) for booth in own}
    fairs = list(_open_fairs()[:100]) if employers else []
    for fair in fairs:
        fair.free_for = [e for e in employers if (fair.pk, e.pk) not in taken]
    context = {"employers": employers, "fairs": fairs, "own": own}
    return render(request, "fairs/booth_open_fairs.html", context)


@login_required
def booth_register_own(request):
    """An employer's account registers its own booth: ?fair=<id> (an open fair) and, for an account with several
    employers, &employer=<id>."""
    employers = _employer_account(request)
    data = request.POST if request.method == "POST" else request.GET
    fair_id, employer_id = str(data.get("fair", "")), str(data.get("employer", ""))
    if not fair_id.isdigit() or len(fair_id) > 18 or not employers:
        raise Http404
    fair = get_object_or_404(_open_fairs(), pk=int(fair_id))
    employer = next((e for e in employers if str(e.pk) == employer_id), employers[0])
    form = BoothForm(request.POST if request.method == "POST" else None, employer=employer)
    if request.method == "POST" and form.is_valid():
        booth = call_service(
            form,
            lambda: services.booth_register(actor=request.user, fair=fair, data=form.service_data(employer)),
        )
        if booth is not None:
            messages.success(request, _("Đã đăng ký gian hàng tại “{name}”.").format(name=fair.name))
            return redirect("fairs:booth_detail", booth.pk)
    back = f"{reverse('fairs:booth_register_own')}?fair={fair.pk}&employer={employer.pk}"
    context = {"fair": fair, "employer": employer, "form": form, "own": True, "back": back,
               "new_vacancy": f"{reverse('applications:my_vacancy_create')}?{urlencode({'next': back})}"}  # fmt: skip
    return render(request, "fairs/booth_form.html", context)


#
# The booth page
#
@login_required
def booth_detail(request, pk: int):
    user = request.user
    booth = booths.booth_get(viewer=user, pk=pk)
    staff = bool(user.is_staff_role)
    interested = list(booths.booth_interested(booth=booth))
    applications = list(booths.booth_applications(viewer=user, booth=booth)[:200])
    for application in applications:
        application.actions = [(s, ACTION_LABELS[s]) for s in transitions_for(user, application)]
        allowed = {status for status, _label in application.actions}
        # Scheduled → interviewed, or (not yet scheduled) the two moves at once, as the actor may make them.
        first = (
            ApplicationStatus.INTERVIEWED
            if application.status == ApplicationStatus.INTERVIEW_SCHEDULED
            else ApplicationStatus.INTERVIEW_SCHEDULED
        )
        application.can_interview_now = application.status in booths.INTERVIEW_FROM and first in allowed
    booth_slots = list(booths.booth_slots(booth=booth))
    vacancies = list(booth.vacancies.all())
    free = [r for r in interested if not hasattr(r, "interview_slot")] if staff else []
    context = {
        "booth": booth,
        "fair": booth.fair,
        "staff": staff,
        "vacancies": vacancies,
        "interested": interested,
        "applications": applications,
        "slots": booth_slots,
        "free_registrations": free,
        "slot_form": SlotForm(booth=booth),
        "apply_form": BoothApplyForm(booth=booth, viewer=user) if staff else None,
        "record_form": BoothRecordForm(viewer=user) if staff else None,
        "contract_choices": application_selectors.contract_type_choices(),
        "reasons": RefusalReason.choices,
        "next": request.path,
    }
    return render(request, "fairs/booth_detail.html", context)


@require_POST
@login_required
def booth_interview(request, pk: int):
    """The "Phỏng vấn tại chỗ" button: the application (POST `application`) is interviewed now at the booth."""
    booth = booths.booth_get(viewer=request.user, pk=pk)
    application_pk = str(request.POST.get("application", ""))
    if not application_pk.isdigit() or len(application_pk) > 18:
        raise Http404
    application = application_selectors.application_get(viewer=request.user, pk=int(application_pk))
    try:
        booths.booth_interview_now(actor=request.user, booth=booth, application=application)
        messages.success(request, _("{name}: đã phỏng vấn tại gian hàng.").format(name=application.person.full_name))
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)


@require_POST
@staff_required
def booth_apply(request, pk: int):
    """ "Đăng ký tìm việc tại gian hàng": a registered worker applies to one of the booth's vacancies."""
    booth = booths.booth_get(viewer=request.user, pk=pk)
    form = BoothApplyForm(request.POST, booth=booth, viewer=request.user)
    if not form.is_valid():
        _errors_to_messages(request, form)
        return redirect("fairs:booth_detail", booth.pk)
    person, vacancy = form.cleaned_data["person"], form.cleaned_data["vacancy"]
    try:
        booths.booth_apply(actor=request.user, booth=booth, person=person, vacancy=vacancy,
                           note=form.cleaned_data["note"])  # fmt: skip
        messages.success(request, _("{name} đã đăng ký tìm việc “{title}” tại gian hàng.").format(
            name=person.full_name, title=vacancy.title))  # fmt: skip
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)


@require_POST
@staff_required
def booth_record(request, pk: int):
    """Counselling given at the fair, or an interest in training or labour export, for a registered worker."""
    booth = booths.booth_get(viewer=request.user, pk=pk)
    form = BoothRecordForm(request.POST, viewer=request.user)
    if not form.is_valid():
        _errors_to_messages(request, form)
        return redirect("fairs:booth_detail", booth.pk)
    person, kind = form.cleaned_data["person"], form.cleaned_data["kind"]
    try:
        if kind == "counselling":
            booths.booth_counsel(actor=request.user, fair=booth.fair, person=person,
                                 topics=list(form.cleaned_data["topics"]), note=form.cleaned_data["note"])  # fmt: skip
        else:
            registration = booths.registration_of(fair=booth.fair, person=person)
            services.interest_record(actor=request.user, registration=registration, kind=kind,
                                     note=form.cleaned_data["note"])  # fmt: skip
        label = dict(form.fields["kind"].choices)[kind]
        messages.success(request, _("{name}: {what}.").format(name=person.full_name, what=label))
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)


#
# Interview slots
#
@require_POST
@login_required
def booth_slot_create(request, pk: int):
    booth = booths.booth_get(viewer=request.user, pk=pk)
    form = SlotForm(request.POST, booth=booth)
    if not form.is_valid():
        _errors_to_messages(request, form)
        return redirect("fairs:booth_detail", booth.pk)
    try:
        slot = slots.slot_create(actor=request.user, booth=booth, **form.cleaned_data)
        messages.success(request, _("Đã mở lịch phỏng vấn lúc {time}.").format(time=slots.slot_time(slot.starts_at)))
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)


def _slot(request, pk: int):
    """The slot and its booth, for staff of the fair's area and the booth's employer (404 for anyone else)."""
    slot = get_scoped_or_404(FairInterviewSlot.objects.all(), request.user, pk=pk)
    return booths.booth_get(viewer=request.user, pk=slot.booth_id), slot


@require_POST
@staff_required
def booth_slot_book(request, pk: int):
    """Staff book a slot for a worker registered at the fair (chosen from the booth's interested workers)."""
    booth, slot = _slot(request, pk)
    registration_id = str(request.POST.get("registration", ""))
    registration = (
        FairRegistration.objects.filter(pk=int(registration_id), fair=booth.fair).first()
        if registration_id.isdigit() and len(registration_id) <= 18
        else None
    )
    if registration is None:
        messages.error(request, _("Người lao động: chọn một người đã đăng ký phiên."))
        return redirect("fairs:booth_detail", booth.pk)
    try:
        slots.slot_book(actor=request.user, slot=slot, registration=registration)
        messages.success(request, _("Đã đặt lịch phỏng vấn lúc {time}.").format(time=slots.slot_time(slot.starts_at)))
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)


@require_POST
@login_required
def booth_slot_release(request, pk: int):
    booth, slot = _slot(request, pk)
    try:
        slots.slot_release(actor=request.user, slot=slot)
        messages.success(request, _("Đã hủy đặt lịch lúc {time}.").format(time=slots.slot_time(slot.starts_at)))
    except ValidationError as exc:
        _service_messages(request, exc)
    return redirect("fairs:booth_detail", booth.pk)
