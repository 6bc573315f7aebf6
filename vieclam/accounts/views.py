from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from vieclam.accounts import selectors
from vieclam.accounts.filtersets import UserFilterSet
from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.core.audit import history_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def user_list(request):
    if not request.user.is_staff_role:
        raise PermissionDenied
    filterset = UserFilterSet(request.GET, queryset=selectors.user_list(viewer=request.user))
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"filter": filterset, "page": page})


@login_required
def user_detail(request, pk: int):
    user = get_scoped_or_404(selectors.user_list(viewer=request.user), request.user, pk=pk)
    history = history_for(user) if request.user.can_view_history else None
    return render(request, "accounts/user_detail.html", {"account": user, "history": history})
