from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import scope_for
from vieclam.portal.filtersets import AuditEventFilterSet
from vieclam.portal.selectors import audit_event_list
from vieclam.portal.stats import home_stats


def home(request):
    scope = scope_for(request.user)
    context = {"stats": home_stats(user=request.user, scope=scope), "scope_label": _scope_label(request.user)}
    return render(request, "portal/home.html", context)


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
