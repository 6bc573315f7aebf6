"""Pages of applications: apply, "my applications", and the staff list/referral.

Sign-up lives in portal.signup, vacancy approval in vacancies.views.

Views parse input, call one service or selector, then render or redirect; every rule lives in the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vieclam.accounts.choices import Role
from vieclam.applications import selectors, selfservice, services
from vieclam.applications.choices import ApplicationStatus, RefusalReason
from vieclam.applications.exporters import ApplicationExporter
from vieclam.applications.filtersets import ApplicationFilterSet
from vieclam.applications.forms import (
    EmployerContactForm,
    EmployerVacancyForm,
    ReferForm,
    TransitionForm,
)
from vieclam.core.audit import history_for
from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.employers.services import employer_update_contact_self
from vieclam.matching import selectors as matching_selectors
from vieclam.people.consents import matching_refused
from vieclam.seekers import selectors as seeker_selectors
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.services import (
    OWN_FIXED_FIELDS,
    vacancy_close,
    vacancy_submit_for_approval,
    vacancy_update_own,
)

# The label of each status button.
ACTION_LABELS = {
    ApplicationStatus.SEEN: gettext_lazy("Đánh dấu đã xem"),
    ApplicationStatus.INTERVIEW_SCHEDULED: gettext_lazy("Hẹn phỏng vấn"),
    ApplicationStatus.INTERVIEWED: gettext_lazy("Đã phỏng vấn"),
    ApplicationStatus.OFFERED: gettext_lazy("Mời nhận việc"),
    ApplicationStatus.HIRED: gettext_lazy("Tuyển dụng"),
    ApplicationStatus.REFUSED: gettext_lazy("Không tuyển"),
    ApplicationStatus.WITHDRAWN: gettext_lazy("Rút hồ sơ"),
}


def _next_url(request) -> str:
    """A `next` that stays on this site, or ''."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""


#
# Apply (worker)
#
def apply(request, vacancy_id: int):
    """Confirm, then apply. Anonymous visitors are sent to sign in (the page links to sign-up) and come back."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    vacancy = selectors.vacancy_for_application(viewer=request.user, pk=vacancy_id)
    person = selectors.own_person(viewer=request.user) if request.user.role == Role.WORKER else None
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.application_submit(actor=request.user, vacancy=vacancy, person=person)
        except PermissionDenied as exc:
            errors = [str(exc) or str(services.ONLY_WORKER)]
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Đã nộp hồ sơ ứng tuyển “{title}”.").format(title=vacancy.title))
            return redirect("applications:my")
    context = {
        "vacancy": vacancy,
        "person": person,
        "errors": errors,
        "is_worker": request.user.role == Role.WORKER,
        "existing": selectors.open_application(vacancy=vacancy, person=person) if person else None,
    }
    return render(request, "applications/apply.html", context)


#
# My applications (worker) / my vacancies (employer)
#
@login_required
def my(request):
    user = request.user
    if user.role == Role.WORKER:
        rows = list(selectors.worker_applications(viewer=user))
        _attach_actions(user, rows)
        context = {
            "applications": rows,
            "person": selectors.own_person(viewer=user),
            "job_seeker_profile": seeker_selectors.own_active_profile(viewer=user),
            **_action_context(),
        }
        return render(request, "applications/my_worker.html", context)
    if user.role == Role.EMPLOYER:
        vacancies = list(selectors.employer_vacancies(viewer=user))
        _attach_actions(user, [a for v in vacancies for a in v.applications.all()])
        context = {"vacancies": vacancies, "employers": list(selectors.own_employers(viewer=user)), **_action_context()}
        return render(request, "applications/my_employer.html", context)
    return redirect("applications:application_list")


@login_required
def my_matches(request):
    """A worker's "Việc làm phù hợp": open vacancies ranked for them by matching, each with a one-tap apply."""
    if request.user.role != Role.WORKER:
        raise PermissionDenied
    person = selectors.own_person(viewer=request.user)
    ranked = matching_selectors.recommendations_for_person(person=person, limit=30) if person else []
    applied = set(selectors.worker_applications(viewer=request.user).values_list("vacancy_id", flat=True))
    refused = person is not None and matching_refused(person=person)
    context = {"person": person, "ranked": ranked, "applied": applied, "matching_refused": refused}
    return render(request, "applications/my_matches.html", context)


@login_required
def my_vacancy_create(request):
    """An employer posts a vacancy; it is saved as a draft that a counsellor approves."""
    if request.user.role != Role.EMPLOYER:
        raise PermissionDenied
    form = EmployerVacancyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        employer = form.cleaned_data["employer"]
        vacancy = call_service(
            form,
            lambda: vacancy_submit_for_approval(actor=request.user, employer=employer, data=form.service_data()),
        )
        if vacancy is not None:
            messages.success(
                request, _("Đã gửi tin “{title}”: tin sẽ được đăng sau khi cán bộ duyệt.").format(title=vacancy.title)
            )
            for note in form.notes:
                messages.warning(request, note)
            return redirect(_next_url(request) or "applications:my")  # e.g. back to a fair's booth form
    return render(request, "applications/vacancy_form.html", {"form": form})


@login_required
def my_vacancy_detail(request, pk: int):
    """An employer opens one of its postings: the posting, its applicants with their status buttons."""
    vacancy = _own_vacancy(request, pk)
    _attach_actions(request.user, list(vacancy.applications.all()))
    context = {"vacancy": vacancy, "can_close": VacancyStatus.CLOSED in vacancy.allowed_statuses, **_action_context()}
    return render(request, "applications/my_vacancy_detail.html", context)


REAPPROVAL = gettext_lazy("Tin đã sửa chờ trung tâm dịch vụ việc làm duyệt lại trước khi hiện trên sàn.")


@login_required
def my_vacancy_edit(request, pk: int):
    """An employer edits the content of its own posting (status, employer and exchange stay as they are)."""
    vacancy = _own_vacancy(request, pk)
    form = EmployerVacancyForm(request.POST or None, user=request.user, vacancy=vacancy)
    was_open = vacancy.status == VacancyStatus.OPEN
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.changed_values().items() if k not in OWN_FIXED_FIELDS}
        saved = call_service(form, lambda: vacancy_update_own(actor=request.user, vacancy=vacancy, data=data))
        if saved is not None:
            messages.success(request, _("Đã lưu thay đổi của “{title}”.").format(title=saved.title))
            if was_open and saved.status == VacancyStatus.DRAFT:
                messages.info(
                    request, _("Tin đã sửa chờ trung tâm dịch vụ việc làm duyệt lại trước khi hiện trên sàn.")
                )
            return redirect("applications:my_vacancy_detail", pk=saved.pk)
    return render(request, "applications/vacancy_form.html", {"form": form, "vacancy": vacancy})


@require_POST
@login_required
def my_vacancy_close(request, pk: int):
    """An employer closes its own posting: it leaves the job board and takes no more applications."""
    vacancy = _own_vacancy(request, pk)
    try:
        vacancy_close(actor=request.user, vacancy=vacancy)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã đóng tin “{title}”.").format(title=vacancy.title))
    return redirect("applications:my_vacancy_detail", pk=vacancy.pk)


def _own_vacancy(request, pk: int):
    if request.user.role != Role.EMPLOYER:
        raise PermissionDenied
    return get_object_or_404(selectors.employer_vacancies(viewer=request.user), pk=pk)


@login_required
def my_employer_contact(request, pk: int):
    """An employer account edits its company's contacts and gives or withdraws consent to publish them."""
    if request.user.role != Role.EMPLOYER:
        raise PermissionDenied
    employer = get_object_or_404(selectors.own_employers(viewer=request.user), pk=pk)
    form = EmployerContactForm(request.POST or None, employer=employer)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        done = call_service(
            form, lambda: employer_update_contact_self(account=request.user, employer=employer, data=data)
        )
        if done is not None:
            messages.success(request, _("Đã lưu thông tin liên hệ của {name}.").format(name=employer.name))
            return redirect("applications:my")
    return render(request, "applications/employer_contact.html", {"form": form, "employer": employer})


#
# Staff list, detail, transitions, referral
#
class ApplicationListView(RegistryListView):
    """Applications in the user's areas, filtered; ?export=csv or ?export=xlsx downloads the filtered list."""

    selector = staticmethod(selectors.application_list)
    filterset_class = ApplicationFilterSet
    exporter_class = ApplicationExporter
    template_name = "applications/application_list.html"


application_list = ApplicationListView.as_view()


@login_required
def application_detail(request, pk: int):
    application = selectors.application_get(viewer=request.user, pk=pk)
    _attach_actions(request.user, [application])
    context = {
        "application": application,
        "history": history_for(application) if request.user.can_view_history else None,
        **_action_context(),
    }
    context["contract_name"] = context["contract_names"].get(application.contract_type, application.contract_type)
    return render(request, "applications/application_detail.html", context)


@require_POST
@login_required
def application_transition(request, pk: int):
    """A status button: POST to_status (+ interview_at, contract_type, start_date, reason, note)."""
    application = selectors.application_get(viewer=request.user, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for field, field_errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}: {' '.join(field_errors)}")
    else:
        status = form.cleaned_data["to_status"]
        try:
            services.application_transition(
                actor=request.user, application=application, to_status=status, **form.service_data()
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            label = ApplicationStatus(status).label
            messages.success(request, _("Hồ sơ #{pk}: {status}.").format(pk=application.pk, status=label))
    return redirect(_next_url(request) or application.get_absolute_url())


@staff_required
def application_refer(request):
    """Refer a person to a vacancy: GET ?vacancy=<id>&person=<id> shows both, POST records the referral.

    The matching candidate list links here; keep the URL and its two parameters.
    """
    params = request.POST if request.method == "POST" else request.GET
    vacancy = selectors.vacancy_for_application(viewer=request.user, pk=params.get("vacancy"))
    person = selectors.person_for_referral(viewer=request.user, pk=params.get("person"))
    form = ReferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application = call_service(
            form,
            lambda: services.application_refer(
                actor=request.user, vacancy=vacancy, person=person, note=form.cleaned_data["note"]
            ),
        )
        if application is not None:
            message = _("Đã giới thiệu {name} tới “{title}”.").format(name=person.full_name, title=vacancy.title)
            messages.success(request, message)
            return redirect(application)
    context = {
        "form": form,
        "vacancy": vacancy,
        "person": person,
        "existing": selectors.open_application(vacancy=vacancy, person=person),
    }
    return render(request, "applications/refer.html", context)


#
# Helpers
#
def _attach_actions(user, applications) -> None:
    """Each application gets `actions`: the (status, label) buttons this user may press."""
    for application in applications:
        application.actions = [
            (status, ACTION_LABELS[status]) for status in services.transitions_for(user, application)
        ]


def _action_context() -> dict:
    """What the status buttons and the timeline need: contract types (to choose and to name) and reasons."""
    return {
        "contract_choices": selectors.contract_type_choices(),
        "contract_names": selectors.contract_type_names(),
        "reasons": RefusalReason.choices,
    }


#
# Account claims: a sign-up whose CCCD or tax code was already registered waits here for staff of the area
#
CLAIM_DECISIONS = {"confirm": selfservice.account_claim_confirm, "reject": selfservice.account_claim_reject}


@staff_required
def claim_list(request):
    page = BoundedPaginator(selectors.claim_list(viewer=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "applications/claim_list.html", {"page": page})


@require_POST
@staff_required
def claim_decide(request, pk: int):
    """confirm: the account is linked to the record; reject: it is not. Errors come back as messages."""
    claim = selectors.claim_get(viewer=request.user, pk=pk)
    decide = CLAIM_DECISIONS.get(request.POST.get("decision", ""))
    if decide is None:
        messages.error(request, _("Chọn gắn tài khoản hoặc từ chối."))
        return redirect("applications:claim_list")
    try:
        decide(actor=request.user, claim=claim)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        done = _("Đã gắn tài khoản {username} với hồ sơ.") if decide is selfservice.account_claim_confirm else None
        done = done or _("Đã từ chối yêu cầu của tài khoản {username} và khoá tài khoản đó.")
        messages.success(request, done.format(username=claim.account.username))
    return redirect("applications:claim_list")
