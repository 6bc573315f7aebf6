"""Staff pages of loans: the list (with export), an application, its detail with its steps, recording a step."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.loans import selectors, services
from vieclam.loans.exporters import LoanExporter
from vieclam.loans.filtersets import LoanFilterSet
from vieclam.loans.forms import LoanEventForm, LoanForm


class LoanListView(RegistryListView):
    """Loans of borrowers in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.loan_list)
    filterset_class = LoanFilterSet
    exporter_class = LoanExporter
    template_name = "loans/loan_list.html"


loan_list = LoanListView.as_view()


@staff_required
def loan_detail(request, pk: int):
    loan = selectors.loan_get(viewer=request.user, pk=pk)
    context = {
        "loan": loan,
        "events": selectors.loan_events(loan),
        "form": LoanEventForm(user=request.user),
        "history": history_for(loan) if request.user.can_view_history else None,
    }
    return render(request, "loans/loan_detail.html", context)


@staff_required
def loan_create(request):
    form = LoanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        loan = call_service(form, lambda: services.loan_create(actor=request.user, data=form.cleaned_data))
        if loan is not None:
            messages.success(request, _("Đã ghi nhận hồ sơ vay vốn."))
            return redirect(loan)
    return render(request, "loans/loan_form.html", {"form": form})


@staff_required
def loan_event(request, pk: int):
    loan = selectors.loan_get(viewer=request.user, pk=pk)
    form = LoanEventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = call_service(
            form, lambda: services.loan_event_record(actor=request.user, loan=loan, data=form.service_data())
        )
        if saved is not None:
            messages.success(request, _("Đã ghi bước “{step}”.").format(step=saved.get_kind_display()))
            return redirect(loan)
    return render(request, "loans/loan_event_form.html", {"form": form, "loan": loan})
