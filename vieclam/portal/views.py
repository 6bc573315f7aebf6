from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _

from vieclam.core.viewkit import staff_required
from vieclam.portal.filtersets import AuditEventFilterSet
from vieclam.portal.selectors import audit_event_list
from vieclam.portal.stats import home_cards, persons_to_complete


def home(request):
    """The public home (job search box, open jobs) or, signed in, the work waiting for this role in its area."""
    context = {"cards": home_cards(user=request.user), "scope_label": _scope_label(request.user)}
    return render(request, "portal/home.html", context)


@staff_required
def to_complete(request):
    """Self-registered workers of the area whose labour-market status is still to be recorded by an officer."""
    page = Paginator(persons_to_complete(viewer=request.user), 50).get_page(request.GET.get("page"))
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
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "portal/audit_list.html", {"filter": filterset, "page": page})


def favicon(request):
    """Browsers that ask for /favicon.ico get the static icon."""
    return redirect(static("favicon.svg"), permanent=True)
