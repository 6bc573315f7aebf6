"""Staff pages: the fair list (filters, export), a fair with its booths and registrations, planning a fair, moving
its status, and the outcome report of the fairs chosen by the list's filters."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.forms import style_form
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.fairs import selectors, services
from vieclam.fairs.choices import FAIR_TRANSITIONS, FairKind, FairStatus
from vieclam.fairs.exporters import FairExporter
from vieclam.fairs.filtersets import FairFilterSet
from vieclam.fairs.forms import FairForm
from vieclam.matching.scoring import PRIORITY_LABELS, Priority


class FairListView(RegistryListView):
    """Fairs held in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.fair_list)
    filterset_class = FairFilterSet
    exporter_class = FairExporter
    template_name = "fairs/fair_list.html"


fair_list = FairListView.as_view()


def report_context(report: selectors.FairReport) -> dict:
    """The report's lines in words, in the order of the centres' reports."""
    rows = [(_("Số phiên"), report.fairs)]
    rows += [(_("Phiên đã tổ chức: {kind}").format(kind=FairKind(kind).label), count)
             for kind, count in sorted(report.fairs_held_by_kind.items())]  # fmt: skip
    rows += [
        (_("Doanh nghiệp tham gia (gian hàng)"), report.employers),
        (_("Việc làm đưa lên phiên"), report.vacancies),
        (_("Chỉ tiêu tuyển dụng"), report.positions),
        (_("Lao động đăng ký trực tuyến"), report.registered_online),
        (_("Lao động đăng ký trực tiếp tại phiên"), report.registered_in_person),
        (_("Lao động đến phiên"), report.checked_in),
        (_("Lao động đăng ký tìm việc trực tiếp tại doanh nghiệp"), report.applied),
        (_("Lao động được phỏng vấn trực tiếp"), report.interviewed),
        (_("Lao động hẹn phỏng vấn"), report.interview_appointments),
        (_("Lao động được tuyển tại phiên"), report.hired_at_fair),
        (_("Lao động được tuyển trong 30 ngày"), report.hired_within_30_days),
        (_("Lao động đăng ký xuất khẩu lao động"), report.labour_export),
        (_("Lao động đăng ký học nghề"), report.training),
    ]
    rows += [(_("Đối tượng ưu tiên: {group}").format(group=_(PRIORITY_LABELS[Priority(group)])), count)
             for group, count in sorted(report.priority_groups.items())]  # fmt: skip
    return {"report": report, "report_line": selectors.fair_report_line(report), "report_rows": rows,
            "outcome_days": selectors.OUTCOME_DAYS}  # fmt: skip


@staff_required
def fair_detail(request, pk: int):
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    booths = list(
        selectors.booth_list(viewer=request.user, fair=fair)
        .prefetch_related("vacancies")
        .annotate(interested_count=Count("interested"))
        .order_by("number", "pk")
    )
    registrations = selectors.registration_list(viewer=request.user, fair=fair)
    counts = registrations.aggregate(total=Count("pk"), checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)))
    report = selectors.fair_report(selectors.fair_list(viewer=request.user).filter(pk=fair.pk))
    context = {
        "fair": fair,
        "booths": booths,
        "counts": counts,
        "latest": registrations.select_related("person").order_by("-pk")[:50],
        **report_context(report),
        "next_statuses": [(s, FairStatus(s).label) for s in sorted(FAIR_TRANSITIONS[fair.status])],
        "history": history_for(fair) if request.user.can_view_history else None,
    }
    return render(request, "fairs/fair_detail.html", context)


@staff_required
def fair_status(request, pk: int):
    """POST: move the fair to the next status."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.fair_transition(actor=request.user, fair=fair, to_status=request.POST.get("status", ""))
            messages.success(request, _("Đã chuyển trạng thái phiên."))
        except services.ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    return redirect(fair)


def check_in_lookup(code: str) -> dict:
    """What was typed or scanned at the door: a CCCD (12 digits), a phone number (10 digits from 0) or a QR token."""
    code = "".join(code.split())
    if code.isdigit() and len(code) == 12:
        return {"national_id": code}
    if code.isdigit() and len(code) == 10 and code.startswith("0"):
        return {"phone": code}
    return {"token": code}


@staff_required
def fair_check_in(request, pk: int):
    """POST: record that a registered worker came (QR token, CCCD or phone in one box); twice is harmless."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    if request.method == "POST":
        lookup = check_in_lookup(request.POST.get("code", ""))
        try:
            registration = services.registration_check_in(actor=request.user, fair=fair, **lookup)
            moment = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
            messages.success(request, _("{name} đã đến phiên lúc {time}.").format(
                name=registration.person.full_name, time=moment))  # fmt: skip
        except services.ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    return redirect(fair)


@staff_required
def fair_create(request):
    form = FairForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        fair = call_service(form, lambda: services.fair_create(actor=request.user, data=form.cleaned_data))
        if fair is not None:
            messages.success(request, _("Đã tạo phiên giao dịch việc làm."))
            return redirect(fair)
    return render(request, "fairs/fair_form.html", {"form": form})


@staff_required
def fair_report_page(request):
    """The outcome of the fairs in the user's areas chosen by the list's filters (kind, status, period)."""
    filterset = FairFilterSet(request.GET, queryset=selectors.fair_list(viewer=request.user), request=request)
    style_form(filterset.form)
    fairs = filterset.qs if filterset.is_valid() else selectors.fair_list(viewer=request.user).none()
    context = {"filter": filterset, **report_context(selectors.fair_report(fairs))}
    return render(request, "fairs/fair_report.html", context)
