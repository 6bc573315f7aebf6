from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts import selectors, services
from vieclam.accounts.filtersets import UserFilterSet
from vieclam.accounts.forms import AuditedSetPasswordForm, SelfServiceResetForm, UserForm
from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.core.audit import history_for
from vieclam.core.paging import BoundedPaginator
from vieclam.core.throttle import public_write
from vieclam.core.viewkit import call_service


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


#
# Forgotten password: workers and employers by email (the same answer whether the address is known or not)
#
@method_decorator(public_write, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = SelfServiceResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(public_write, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = AuditedSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def user_list(request):
    if not request.user.is_staff_role:
        raise PermissionDenied
    filterset = UserFilterSet(request.GET, queryset=selectors.user_list(viewer=request.user))
    page = BoundedPaginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"filter": filterset, "page": page})


@login_required
def user_detail(request, pk: int):
    user = get_scoped_or_404(selectors.user_list(viewer=request.user), request.user, pk=pk)
    history = history_for(user) if request.user.can_view_history else None
    return render(request, "accounts/user_detail.html", {"account": user, "history": history})


#
# The administrator manages accounts: create, role and areas, deactivate (every change audited by the services)
#
def admin_required(view):
    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_admin_role:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@admin_required
def user_create(request):
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account = call_service(
            form,
            lambda: services.user_create(
                actor=request.user,
                username=data["username"],
                password=data["password"],
                area_codes=form.area_codes(),
                **form.profile_data(),
            ),
        )
        if account is not None:
            messages.success(request, _("Đã tạo tài khoản {name}.").format(name=account.username))
            return redirect("accounts:user_detail", pk=account.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@admin_required
def user_edit(request, pk: int):
    account = get_scoped_or_404(selectors.user_list(viewer=request.user), request.user, pk=pk)
    form = UserForm(request.POST or None, account=account)
    if request.method == "POST" and form.is_valid():
        saved = call_service(
            form,
            lambda: services.user_update(
                actor=request.user, user=account, data=form.profile_data(), area_codes=form.area_codes()
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã lưu tài khoản {name}.").format(name=saved.username))
            return redirect("accounts:user_detail", pk=saved.pk)
    return render(request, "accounts/user_form.html", {"form": form, "account": account})


@admin_required
def user_password(request, pk: int):
    """The administrator gives an account a new password (officers have no email reset); audited."""
    account = get_scoped_or_404(selectors.user_list(viewer=request.user), request.user, pk=pk)
    form = AuditedSetPasswordForm(account, request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid() and call_service(form, form.save) is not None:
        messages.success(request, _("Đã đặt mật khẩu mới cho {name}.").format(name=account.username))
        return redirect("accounts:user_detail", pk=account.pk)
    return render(request, "accounts/user_password.html", {"form": form, "account": account})


@require_POST
@admin_required
def user_set_active(request, pk: int):
    """POST active=0 deactivates the account (it can no longer sign in), active=1 reactivates it."""
    account = get_scoped_or_404(selectors.user_list(viewer=request.user), request.user, pk=pk)
    active = request.POST.get("active") == "1"
    if account == request.user and not active:
        messages.error(request, _("Không thể tự khóa tài khoản của mình."))
    else:
        services.user_update(actor=request.user, user=account, data={"is_active": active})
        done = _("Đã mở lại tài khoản {name}.") if active else _("Đã khóa tài khoản {name}.")
        messages.success(request, done.format(name=account.username))
    return redirect("accounts:user_detail", pk=account.pk)
