"""Staff pages of the vacancy registry: list (with CSV/Excel export), detail with history, create, edit, status."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vieclam.core.audit import history_for
from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.core.widgets import picker_query, picker_response
from vieclam.vacancies import selectors, services
from vieclam.vacancies.choices import CODED_FIELDS, VacancyStatus
from vieclam.vacancies.exporters import VacancyExporter
from vieclam.vacancies.filtersets import VacancyFilterSet
from vieclam.vacancies.forms import VacancyForm, VacancySource

# The labels of the status buttons on the detail page.
STATUS_ACTIONS = {
    VacancyStatus.OPEN: gettext_lazy("Mở tuyển"),
    VacancyStatus.FILLED: gettext_lazy("Đã tuyển đủ"),
    VacancyStatus.CLOSED: gettext_lazy("Đóng"),
    VacancyStatus.EXPIRED: gettext_lazy("Đánh dấu hết hạn"),
}


class VacancyListView(RegistryListView):
    """The vacancies of the user's exchanges, filtered; ?export=csv or ?export=xlsx downloads the filtered list."""

    selector = staticmethod(selectors.vacancy_list)
    filterset_class = VacancyFilterSet
    exporter_class = VacancyExporter
    template_name = "vacancies/vacancy_list.html"


vacancy_list = VacancyListView.as_view()


@staff_required
def vacancy_detail(request, pk: int):
    vacancy = selectors.vacancy_get(viewer=request.user, pk=pk)
    names = selectors.item_names()
    context = {
        "vacancy": vacancy,
        "items": {field: names.get((field, getattr(vacancy, field)), "") for field in CODED_FIELDS},
        "actions": [(status, STATUS_ACTIONS[status]) for status in vacancy.allowed_statuses],
        "history": history_for(vacancy) if request.user.can_view_history else None,
    }
    return render(request, "vacancies/vacancy_detail.html", context)


@staff_required
def vacancy_create(request):
    initial = {"employer": request.GET.get("employer")} if request.GET.get("employer") else None
    form = VacancyForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        vacancy = call_service(form, lambda: services.vacancy_create(actor=request.user, data=form.service_data()))
        if vacancy is not None:
            _saved(request, form, _("Đã ghi nhận việc tìm người “{title}”.").format(title=vacancy.title))
            return redirect(vacancy)
    context = {"form": form, "heading": _("Ghi nhận việc tìm người")}
    return render(request, "vacancies/vacancy_form.html", context)


@staff_required
def vacancy_update(request, pk: int):
    vacancy = selectors.vacancy_get(viewer=request.user, pk=pk)
    context = {"vacancy": vacancy, "heading": _("Sửa: {title}").format(title=vacancy.title)}
    form = VacancyForm(request.POST or None, user=request.user, vacancy=vacancy)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        saved = call_service(form, lambda: services.vacancy_update(actor=request.user, vacancy=vacancy, data=data))
        if saved is not None:
            _saved(request, form, _("Đã lưu thay đổi của “{title}”.").format(title=saved.title))
            return redirect(saved)
    return render(request, "vacancies/vacancy_form.html", {**context, "form": form})


@require_POST
@staff_required
def vacancy_status(request, pk: int):
    """A status button: POST status=open|filled|closed|expired; errors come back as a message on the detail page."""
    vacancy = selectors.vacancy_get(viewer=request.user, pk=pk)
    status = request.POST.get("status", "")
    try:
        services.vacancy_set_status(actor=request.user, vacancy=vacancy, status=status)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        label = VacancyStatus(status).label
        messages.success(request, _("Đã chuyển “{title}” sang {status}.").format(title=vacancy.title, status=label))
    return redirect(vacancy)


def _saved(request, form: VacancyForm, message: str) -> None:
    messages.success(request, message)
    for note in form.notes:
        messages.warning(request, note)


#
# Approval of vacancies posted by employers themselves (moved here from applications)
#
# The approval buttons: decision → vacancy status.
DECISIONS = {"approve": VacancyStatus.OPEN, "reject": VacancyStatus.CLOSED}


@staff_required
def approvals(request):
    page = BoundedPaginator(selectors.approval_list(viewer=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "vacancies/approvals.html", {"page": page})


@require_POST
@staff_required
def approval_decide(request, pk: int):
    """approve: draft → open (published); reject: draft → closed. Errors come back as messages."""
    vacancy = selectors.vacancy_get(viewer=request.user, pk=pk)
    status = DECISIONS.get(request.POST.get("decision", ""))
    if status is None or vacancy.status != VacancyStatus.DRAFT:
        messages.error(request, _("Tin “{title}” không còn chờ duyệt.").format(title=vacancy.title))
        return redirect("vacancies:approvals")
    try:
        services.vacancy_set_status(actor=request.user, vacancy=vacancy, status=status)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        done = _("Đã duyệt và đăng “{title}”.") if status == VacancyStatus.OPEN else _("Đã từ chối “{title}”.")
        messages.success(request, done.format(title=vacancy.title))
    return redirect("vacancies:approvals")


# --- Pickers ------------------------------------------------------------------------------------------------------


@staff_required
def vacancy_picker(request):
    """HTMX options for a vacancy picker: words of the title, employer or occupation, in the user's areas."""
    query = picker_query(request)
    return picker_response(request, VacancySource(viewer=request.user).options(query), query=query)
