"""Staff pages of the employer registry: list (with CSV/Excel export), detail with history, create, edit."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.viewkit import call_service, staff_required
from vieclam.core.widgets import picker_query, picker_response
from vieclam.employers import selectors, services
from vieclam.employers.exporters import FORMATS, EmployerExporter
from vieclam.employers.filtersets import EmployerFilterSet
from vieclam.employers.forms import EmployerForm, EmployerSource, bootstrap
from vieclam.employers.models import Employer


@staff_required
def employer_list(request):
    """The employers in the user's areas, filtered; ?export=csv or ?export=xlsx downloads the filtered list."""
    filterset = EmployerFilterSet(request.GET, queryset=selectors.employer_list(viewer=request.user), request=request)
    bootstrap(filterset.form)
    valid = filterset.is_valid()
    fmt = request.GET.get("export")
    if fmt in FORMATS and valid:
        filename, content_type, content = EmployerExporter().render(filterset.qs, fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    employers = filterset.qs if valid else Employer.objects.none()
    page = Paginator(employers, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    return render(request, "employers/employer_list.html", context)


@staff_required
def employer_detail(request, pk: int):
    employer = selectors.employer_get(viewer=request.user, pk=pk)
    history = history_for(employer) if request.user.can_view_history else None
    return render(request, "employers/employer_detail.html", {"employer": employer, "history": history})


@staff_required
def employer_create(request):
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        employer = call_service(form, lambda: services.employer_create(actor=request.user, data=form.cleaned_data))
        if employer is not None:
            _saved(request, form, _("Đã đăng ký {name}.").format(name=employer.name))
            return redirect(employer)
    context = {"form": form, "heading": _("Đăng ký người sử dụng lao động")}
    return render(request, "employers/employer_form.html", context)


@staff_required
def employer_update(request, pk: int):
    employer = selectors.employer_get(viewer=request.user, pk=pk)
    context = {"employer": employer, "heading": _("Sửa: {name}").format(name=employer.name)}
    form = EmployerForm(request.POST or None, employer=employer)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        saved = call_service(form, lambda: services.employer_update(actor=request.user, employer=employer, data=data))
        if saved is not None:
            _saved(request, form, _("Đã lưu thay đổi của {name}.").format(name=saved.name))
            return redirect(saved)
    return render(request, "employers/employer_form.html", {**context, "form": form})


def _saved(request, form: EmployerForm, message: str) -> None:
    messages.success(request, message)
    if form.commune_note:
        messages.warning(request, form.commune_note)


# --- Pickers ------------------------------------------------------------------------------------------------------


@staff_required
def employer_picker(request):
    """HTMX options for an employer picker: by name or tax code, in the user's areas."""
    query = picker_query(request)
    return picker_response(request, EmployerSource(viewer=request.user).options(query), query=query)
