from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.core.exports import FORMATS
from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import staff_required
from vieclam.indicators.dashboard import dashboard_for, trend_rows
from vieclam.indicators.exporters import AreaTableExporter, TrendExporter
from vieclam.people.consents import consents_in_force, person_consents_set
from vieclam.portal.filtersets import AuditEventFilterSet
from vieclam.portal.forms import ConsentForm
from vieclam.portal.mydata import my_data, my_data_json, my_data_pdf, my_data_xlsx
from vieclam.portal.selectors import audit_event_list
from vieclam.portal.stats import home_cards, persons_to_complete
from vieclam.seekers.views import worker_required


def home(request):
    """The public home (job search box, open jobs) or, signed in, the work waiting for this role in its area and,
    for staff, the area's key indicators against target (?export=csv|xlsx&table=areas|trend downloads a table)."""
    board = dashboard_for(user=request.user) if request.user.is_authenticated and request.user.is_staff_role else None
    export = request.GET.get("export")
    if board is not None and export in FORMATS:
        if request.GET.get("table") == "trend" and board.trend:
            return TrendExporter().response(export, trend_rows(board.trend))
        return AreaTableExporter().response(export, board.areas)
    context = {"cards": home_cards(user=request.user), "scope_label": _scope_label(request.user), "board": board}
    return render(request, "portal/home.html", context)


@staff_required
def to_complete(request):
    """Self-registered workers of the area whose labour-market status is still to be recorded by an officer."""
    page = BoundedPaginator(persons_to_complete(viewer=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "portal/to_complete.html", {"page": page})


def _scope_label(user) -> str:
    if not user.is_authenticated:
        return _("Cả nước")
    if user.is_admin_role:
        return _("Toàn hệ thống")
    return ", ".join(a.name for a in user.areas.all()[:3])


@login_required
def audit_list(request):
    if not request.user.can_view_history:
        raise PermissionDenied
    filterset = AuditEventFilterSet(request.GET, queryset=audit_event_list(viewer=request.user))
    page = BoundedPaginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "portal/audit_list.html", {"filter": filterset, "page": page})


def favicon(request):
    """Browsers that ask for /favicon.ico get the static icon."""
    return redirect(static("favicon.svg"), permanent=True)


#
# "Dữ liệu của tôi": a worker's own data (Luật 91/2025/QH15)
#
@worker_required
def my_data_page(request):
    """Everything the system holds on the worker, who opened and changed it, and their consents."""
    data = my_data(viewer=request.user)
    initial = {"purposes": sorted(consents_in_force(person=data.person))} if data.person else {}
    return render(request, "portal/my_data.html", {"data": data, "consent_form": ConsentForm(initial=initial)})


@worker_required
def my_data_download(request, fmt: str):
    """The same data as a file: JSON, Excel with one sheet per kind of record, or PDF to read and print."""
    if fmt not in ("json", "xlsx", "pdf"):
        raise Http404
    data = my_data(viewer=request.user)
    if fmt == "json":
        response = HttpResponse(my_data_json(data), content_type="application/json; charset=utf-8")
    elif fmt == "pdf":
        response = HttpResponse(my_data_pdf(data), content_type="application/pdf")
    else:
        response = HttpResponse(my_data_xlsx(data), content_type=FORMATS["xlsx"])
    name = f"du-lieu-cua-toi-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@worker_required
def my_consents(request):
    """Give or withdraw consents: the boxes ticked are the purposes agreed to from now on."""
    data = my_data(viewer=request.user)
    form = ConsentForm(request.POST)
    if data.person is None or not form.is_valid():
        messages.error(request, _("Chưa lưu được sự đồng ý: tài khoản chưa gắn với hồ sơ người lao động."))
        return redirect("portal:my_data")
    given, withdrawn = person_consents_set(
        actor=request.user, person=data.person, purposes=form.cleaned_data["purposes"]
    )
    if given or withdrawn:
        messages.success(request, _("Đã lưu sự đồng ý của bạn."))
    else:
        messages.info(request, _("Không có thay đổi."))
    return redirect("portal:my_data")
