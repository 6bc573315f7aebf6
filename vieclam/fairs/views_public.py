"""Public pages of job fairs (/job-fairs/): the fairs to come, a fair with its employers and their jobs, and
pre-registration from a phone; the ticket with the QR code; a worker's own registrations.

Anyone may read these pages; nothing personal is shown but on the ticket (reached only by its secret token): a
first name and a masked CCCD. A visitor's answer never depends on what the person registry holds (see
services.registration_apply). The POSTs count against the public-write budget (core.throttle).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from vieclam.accounts.choices import Role
from vieclam.core.dates import today
from vieclam.core.throttle import public_write
from vieclam.core.viewkit import call_service
from vieclam.fairs import public, selectors, services
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.forms_public import ApplyForm, BoothsForm
from vieclam.fairs.models import FairRegistration
from vieclam.fairs.qr import qr_svg
from vieclam.fairs.views_mine import slots_by_registration
from vieclam.seekers.views import worker_required


@require_GET
def fair_list(request):
    fairs = list(public.public_fair_list()[:100])
    for fair in fairs:
        fair.places_left = public.places_left(fair)  # type: ignore[attr-defined]
    return render(request, "fairs/public_list.html", {"fairs": fairs})


def _closed_reason(fair) -> str:
    """Why the fair takes no registration now, or ''."""
    if fair.status != FairStatus.OPEN:
        return _("Phiên không nhận đăng ký ({status}).").format(status=fair.get_status_display())
    if fair.held_on < today():
        return _("Phiên đã diễn ra, không nhận đăng ký nữa.")
    if public.places_left(fair) <= 0:
        return _("Phiên đã đủ người đăng ký.")
    return ""


def _is_worker(user) -> bool:
    return user.is_authenticated and user.role == Role.WORKER


@public_write
def fair_page(request, pk: int):
    """GET: the fair. POST: register (a worker with one click, a visitor with the details on their card)."""
    fair = public.public_fair_get(pk)
    booths = public.public_booths(fair)
    user = request.user
    mine = None
    if _is_worker(user):
        mine = FairRegistration.objects.filter(fair=fair, person__account=user).only("token").first()
    form: BoothsForm | None = None
    posted = request.POST if request.method == "POST" else None  # a worker's click may send no booth at all
    if _is_worker(user):
        form = BoothsForm(posted, fair=fair, booths=booths, prefix="w")
    elif not user.is_authenticated:
        form = ApplyForm(posted, fair=fair, booths=booths)
    if request.method == "POST" and form is not None and form.is_valid():
        if isinstance(form, ApplyForm):
            data = form.applicant_data()
            registration = call_service(form, lambda: services.registration_apply(fair=fair, data=data))
        else:
            data = {"booths": list(form.cleaned_data["booths"])}
            registration = call_service(form, lambda: services.registration_create(actor=user, fair=fair, data=data))
        if registration is not None:
            messages.success(request, _("Đã đăng ký tham gia phiên. Hãy lưu hoặc chụp lại mã QR này để vào phiên."))
            return redirect("fairpub:ticket", token=registration.token)
    context = {
        "fair": fair,
        "booths": booths,
        "places_left": public.places_left(fair),
        "closed_reason": _closed_reason(fair),
        "form": form,
        "mine": mine,
        "staff_url": reverse("fairs:fair_detail", args=[fair.pk]) if user.is_authenticated and user.is_staff_role
        else "",
    }  # fmt: skip
    return render(request, "fairs/public_detail.html", context)


@never_cache
@require_GET
def ticket(request, token: str):
    """The registration's QR code and the fair's details: what the worker shows at the door."""
    found = public.ticket_get(token)
    fair = found.registration.fair
    context = {"ticket": found, "fair": fair, "qr": qr_svg(found.registration.token, title=_("Mã QR vào phiên"))}
    response = render(request, "fairs/public_ticket.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@worker_required
def my_registrations(request):
    """The worker's own registrations, newest fair first, each with its QR code; for a fair still to come, the free
    interview slots of the booths chosen and the slot booked (views_mine)."""
    rows = (
        selectors.registration_list(viewer=request.user)
        .select_related("fair__commune")
        .order_by("-fair__held_on", "-pk")[:20]
    )
    rows = list(rows)
    free, booked = slots_by_registration(rows)
    items = [
        {"registration": row, "qr": qr_svg(row.token, scale=3), "free": free.get(row.pk), "booked": booked.get(row.pk)}
        for row in rows
    ]
    return render(request, "fairs/public_mine.html", {"items": items})
