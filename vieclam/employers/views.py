"""Staff pages of the employer registry: list (with CSV/Excel export), detail with history, create, edit."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.core.widgets import picker_query, picker_response
from vieclam.employers import selectors, services
from vieclam.employers.exporters import EmployerExporter
from vieclam.employers.filtersets import EmployerFilterSet
from vieclam.employers.forms import EmployerForm, EmployerSource


class EmployerListView(RegistryListView):
    """The employers in the user's areas, filtered; ?export=csv or ?export=xlsx downloads the filtered list."""

    selector = staticmethod(selectors.employer_list)
    filterset_class = EmployerFilterSet
    exporter_class = EmployerExporter
    template_name = "employers/employer_list.html"


employer_list = EmployerListView.as_view()


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
