"""The organisers' documents of job fairs (staff of the fair's area only, through accounts.scoping):

- Excel (or CSV) lists of one fair: its registrations (`AttendeeExporter`, CCCD masked) and its booths;
- the outcome report as Excel and as a printable A4 page, for one fair and for the fairs the report page's
  filters choose; the numbers are `selectors.fair_report`'s, in the lines of the screen (`views.report_context`);
- badges: a printable A4 grid of one fair's registrations with each one's QR code, and a single ticket.

The attendee list, the badges (they carry the QR codes that check a worker in) and a ticket hold personal data:
each download or print page is written to the audit trail as a read of the fair (of the registration for a
ticket), with the document named.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.core.exports import FORMATS
from vieclam.core.viewkit import staff_required
from vieclam.fairs import selectors
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.exporters import AttendeeExporter, BoothExporter, attendee_name, report_xlsx
from vieclam.fairs.filtersets import FairFilterSet
from vieclam.fairs.models import Fair
from vieclam.fairs.qr import qr_svg
from vieclam.fairs.views import report_context

BADGES_PER_SHEET = 8
BADGES_PER_PAGE = 96  # twelve A4 sheets of eight badges; a QR code takes a few milliseconds to draw
DOCUMENT = "tài liệu"  # the audit event's note naming what was downloaded or printed


def _audited(request, instance, document, area) -> None:
    """A read event naming the document, written in Vietnamese whatever the page's language (the trail's words)."""
    with translation.override(settings.LANGUAGE_CODE):
        changes = {DOCUMENT: [None, str(document)]}
    audit_record(actor=request.user, action=AuditAction.READ, instance=instance, changes=changes, area=area)


def _format(request) -> str:
    fmt = request.GET.get("format", "xlsx")
    return fmt if fmt in FORMATS else "xlsx"


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    return response


#
# Lists of one fair
#
@staff_required
def fair_attendees_export(request, pk: int):
    """The fair's registrations as Excel (?format=csv for CSV), audited."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    rows = selectors.registration_list(viewer=request.user, fair=fair).order_by("pk")
    _audited(request, fair, gettext_lazy("Danh sách người lao động đăng ký"), fair.commune)
    exporter = AttendeeExporter()
    exporter.filename = f"nguoi-dang-ky-phien-ngay-{fair.held_on:%d-%m-%Y}"
    return exporter.response(_format(request), rows)


@staff_required
def fair_booths_export(request, pk: int):
    """The fair's booths with their vacancies as Excel (?format=csv for CSV)."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    rows = selectors.booth_list(viewer=request.user, fair=fair).order_by("number", "pk")
    exporter = BoothExporter()
    exporter.filename = f"gian-hang-phien-ngay-{fair.held_on:%d-%m-%Y}"
    return exporter.response(_format(request), rows)


#
# The outcome report
#
def _fair_heading(fair: Fair) -> list[tuple[str, str]]:
    place = ", ".join(part for part in (fair.address, fair.commune.name) if part)
    hours = f"{fair.held_on:%d/%m/%Y}, {fair.starts_at:%H:%M}–{fair.ends_at:%H:%M}"
    return [
        (_("Phiên"), fair.name),
        (_("Loại phiên"), str(FairKind(fair.kind).label)),
        (_("Thời gian"), hours),
        (_("Địa điểm"), place),
        (_("Trạng thái"), str(FairStatus(fair.status).label)),
    ]


def _filter_heading(filterset: FairFilterSet) -> list[tuple[str, str]]:
    """What the report page's filters chose, in words."""
    data = filterset.form.cleaned_data
    heading = [(_("Phạm vi"), _("Các phiên tổ chức tại địa bàn của người lập báo cáo"))]
    if data.get("kind"):
        heading.append((_("Loại phiên"), str(FairKind(data["kind"]).label)))
    if data.get("status"):
        heading.append((_("Trạng thái"), str(FairStatus(data["status"]).label)))
    start, end = data.get("held_after"), data.get("held_before")
    if start or end:
        period = "{} – {}".format(f"{start:%d/%m/%Y}" if start else "…", f"{end:%d/%m/%Y}" if end else "…")
        heading.append((_("Tổ chức trong thời gian"), period))
    return heading


def _one_fair_report(request, pk: int) -> tuple[Fair, dict]:
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    report = selectors.fair_report(selectors.fair_list(viewer=request.user).filter(pk=fair.pk))
    return fair, report_context(report)


@staff_required
def fair_report_export(request, pk: int):
    fair, context = _one_fair_report(request, pk)
    content = report_xlsx(heading=_fair_heading(fair), rows=context["report_rows"], line=context["report_line"])
    return _download(content, f"bao-cao-phien-ngay-{fair.held_on:%d-%m-%Y}")


@staff_required
def fair_report_print(request, pk: int):
    fair, context = _one_fair_report(request, pk)
    context |= {"heading": _fair_heading(fair), "fair": fair, "back": fair.get_absolute_url()}
    return render(request, "fairs/print_report.html", _printed(context))


def _chosen_fairs(request) -> tuple[FairFilterSet, bool]:
    filterset = FairFilterSet(request.GET, queryset=selectors.fair_list(viewer=request.user), request=request)
    return filterset, filterset.is_valid()


def _report_page(request):
    """Back to the report page with the same filters (it shows what a filter rejects)."""
    query = request.GET.urlencode()
    return redirect(reverse("fairs:fair_report") + (f"?{query}" if query else ""))


@staff_required
def report_export(request):
    """The report of the fairs the report page's filters choose, as Excel."""
    filterset, valid = _chosen_fairs(request)
    if not valid:
        return _report_page(request)
    context = report_context(selectors.fair_report(filterset.qs))
    content = report_xlsx(heading=_filter_heading(filterset), rows=context["report_rows"],
                          line=context["report_line"])  # fmt: skip
    return _download(content, "bao-cao-phien-giao-dich-viec-lam")


@staff_required
def report_print(request):
    """The printable report of the fairs the report page's filters choose, with the list of those fairs."""
    filterset, valid = _chosen_fairs(request)
    if not valid:
        return _report_page(request)
    fairs = filterset.qs
    context = report_context(selectors.fair_report(fairs))
    query = request.GET.urlencode()
    context |= {"heading": _filter_heading(filterset), "fairs": fairs.order_by("held_on", "pk"),
                "back": reverse("fairs:fair_report") + (f"?{query}" if query else "")}  # fmt: skip
    return render(request, "fairs/print_report.html", _printed(context))


def _printed(context: dict) -> dict:
    return {**context, "printed_on": timezone.localdate()}


#
# Badges and tickets
#
def _badge(registration, fair: Fair) -> dict:
    name = attendee_name(registration)
    return {"registration": registration, "name": name, "qr": qr_svg(registration.token, scale=3, title=name)}


def _sheets(badges: list[dict]) -> list[list[dict]]:
    """Badges in A4 sheets of BADGES_PER_SHEET (two columns of four)."""
    return [badges[start : start + BADGES_PER_SHEET] for start in range(0, len(badges), BADGES_PER_SHEET)]


@staff_required
def fair_badges(request, pk: int):
    """A printable A4 grid of the fair's badges (name, fair, date, QR code), a batch of BADGES_PER_PAGE at a time;
    ?waiting=1: only those not yet checked in."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    rows = selectors.registration_list(viewer=request.user, fair=fair).order_by("pk")
    waiting = request.GET.get("waiting") == "1"
    if waiting:
        rows = rows.filter(checked_in_at__isnull=True)
    page = Paginator(rows, BADGES_PER_PAGE).get_page(request.GET.get("page"))
    document = format_lazy(gettext_lazy("Thẻ đeo, vé tham gia phiên (trang {page})"), page=page.number)
    _audited(request, fair, document, fair.commune)
    context = {"fair": fair, "page": page, "sheets": _sheets([_badge(r, fair) for r in page]), "waiting": waiting,
               "back": fair.get_absolute_url()}  # fmt: skip
    return render(request, "fairs/badges.html", context)


@staff_required
def registration_ticket(request, pk: int):
    """One registration's ticket, to print for a worker who has no phone with them."""
    registration = get_object_or_404(selectors.registration_list(viewer=request.user), pk=pk)
    fair = registration.fair
    _audited(request, registration, gettext_lazy("Vé tham gia phiên"), fair.commune)
    context = {"fair": fair, "badge": _badge(registration, fair), "back": reverse("fairs:fair_badges", args=[fair.pk])}
    return render(request, "fairs/badges_ticket.html", context)
