"""Self-registration pages: a worker or an employer creates its account and its own registry record.

The services are applications.selfservice (account + record in one transaction); these views only parse and route.
Whatever the registry holds, a valid form gets the same answer: a redirect and the same message (the username
given is random, see accounts.services.username_generate). The POSTs count against the public-write budget.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from vieclam.applications import selfservice
from vieclam.applications.forms import EmployerRegisterForm, WorkerRegisterForm
from vieclam.core.throttle import public_write
from vieclam.core.viewkit import call_service


@public_write
def register_worker(request):
    """A worker creates an account and their own labour record, is signed in and lands on "my applications"."""
    if request.user.is_authenticated:
        return redirect("applications:my")
    form = WorkerRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = call_service(
            form,
            lambda: selfservice.worker_register(
                password=data["password1"],
                commune=data["residence_commune"],
                data=form.person_data(),
                email=data["email"],
            ),
        )
        if user is not None:
            message = _(
                "Chào mừng {name}! Tài khoản đã được tạo, tên đăng nhập của bạn là {username}. Nếu số CCCD đã có "
                "trong sổ đăng ký lao động, cán bộ xã, phường sẽ đối chiếu giấy tờ rồi gắn tài khoản với hồ sơ đó."
            )
            return _signed_up(request, user, message.format(name=user, username=user.username))
    return render(request, "portal/register_worker.html", {"form": form, "next": next_url(request)})


@public_write
def register_employer(request):
    """An employer creates an account and its registry entry; vacancies it posts wait for approval."""
    if request.user.is_authenticated:
        return redirect("applications:my")
    form = EmployerRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = call_service(
            form,
            lambda: selfservice.employer_register(
                password=data["password1"], data=form.employer_data(), email=data["email"]
            ),
        )
        if user is not None:
            message = _(
                "Đã đăng ký {name}, tên đăng nhập của bạn là {username}. Hãy đăng tin tuyển dụng: tin mới được cán bộ "
                "duyệt trước khi đăng. Nếu mã số thuế đã có trong sổ đăng ký, cán bộ sẽ đối chiếu giấy tờ rồi gắn "
                "tài khoản với hồ sơ đó."
            )
            return _signed_up(request, user, message.format(name=data["name"], username=user.username))
    return render(request, "portal/register_employer.html", {"form": form, "next": next_url(request)})


def _signed_up(request, user, message: str):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, message)
    return redirect(next_url(request) or reverse("applications:my"))


def next_url(request) -> str:
    """A `next` that stays on this site, or ''."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""
