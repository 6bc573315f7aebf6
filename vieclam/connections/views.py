"""Staff pages: connections (list with export, detail, record), the follow-up queue and recording a check."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from vieclam.connections import selectors, services
from vieclam.connections.choices import FollowUpResult, FollowUpStatus, FundingSource
from vieclam.connections.exporters import ConnectionExporter, FollowUpExporter
from vieclam.connections.filtersets import ConnectionFilterSet, FollowUpFilterSet
from vieclam.connections.forms import ConnectionForm, FollowUpForm
from vieclam.connections.rules import connection_is_sustained, sustained_rule_on
from vieclam.connections.timeline import short_contract
from vieclam.core.audit import history_for
from vieclam.core.dates import today
from vieclam.core.exports import FORMATS
from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.people.models import Household


class ConnectionListView(RegistryListView):
    """Connections of people in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.connection_list)
    filterset_class = ConnectionFilterSet
    exporter_class = ConnectionExporter
    template_name = "connections/connection_list.html"

    def decorate(self, page) -> None:
        names = selectors.contract_type_names()
        for row in page:
            row.contract_name = short_contract(names.get(row.contract_type, row.contract_type))


connection_list = ConnectionListView.as_view()


class QueuePaginator(BoundedPaginator):
    """A worklist pages through its first 1.000 checks: the count of a province's open checks joins every row to
    its person (the area scope), and a count past what anyone works through in a day is not worth that."""

    max_rows = 1_000


class FollowUpQueueView(RegistryListView):
    """ "Theo dõi sau kết nối": checks due, overdue and missed, priority groups first, then by due date."""

    paginator_class = QueuePaginator
    selector = staticmethod(selectors.followup_list)
    filterset_class = FollowUpFilterSet
    exporter_class = FollowUpExporter
    template_name = "connections/followup_queue.html"

    def get_queryset(self):
        rows = queue_for(self.request)
        if self.request.GET.get("export") in FORMATS:
            return rows
        # The page shows a few columns of five joined records (the person's and the employer's are wide).
        return rows.only(*QUEUE_PAGE_FIELDS)

    def decorate(self, page) -> None:
        """Words and links of each row worked out here, once per page: in the template they cost ~0,4 ms a row."""
        statuses, results = dict(FollowUpStatus.choices), dict(FollowUpResult.choices)
        poverty = dict(Household._meta.get_field("poverty_class").flatchoices)
        for row in page:
            row.detail_url = reverse("connections:connection_detail", args=[row.connection_id])
            row.record_url = reverse("connections:followup_record", args=[row.pk])
            row.due_text, row.start_text = row.due_on.strftime(DAY), row.connection.start_date.strftime(DAY)
            row.status_label = str(statuses.get(row.status, row.status))
            row.result_label = str(results.get(row.result, row.result)) if row.result else ""
            household = row.person.household
            poverty_class = household.poverty_class if household else ""
            row.poverty_label = str(poverty.get(poverty_class, poverty_class)) if poverty_class else ""

    def get_context_data(self, **context):
        back = quote(self.request.get_full_path())  # as the template's urlencode filter writes it
        return {**context, "today": today(), "whole_area": whole_area(self.request), "back": back}


DAY = "%d/%m/%Y"  # the template's date:"d/m/Y"
# What the queue page reads (the export reads whole rows).
QUEUE_PAGE_FIELDS = (
    "connection_id", "person_id", "counsellor_id", "priority", "offset_months", "due_on", "status", "result",
    "person__full_name", "person__household__poverty_class", "connection__start_date", "connection__employer__name",
    "counsellor__first_name", "counsellor__last_name", "counsellor__username",
)  # fmt: skip


def whole_area(request) -> bool:
    return request.GET.get("whole_area") in ("true", "True", "1", "on")


def queue_for(request):
    """The queue the request asks for: open checks unless a status is chosen; a counsellor's own unless
    `whole_area`."""
    open_only = not request.GET.get("status")
    # An explicit `due_before` (filtered by the FilterSet) replaces the queue's two-week horizon.
    horizon = dt.date.max if request.GET.get("due_before") else None
    return selectors.followup_queue(
        viewer=request.user, whole_area=whole_area(request), open_only=open_only, horizon=horizon
    )


followup_queue = FollowUpQueueView.as_view()


@staff_required
def connection_detail(request, pk: int):
    connection = selectors.connection_get(viewer=request.user, pk=pk)
    follow_ups = list(connection.follow_ups.order_by("offset_months"))
    names = selectors.contract_type_names()
    context = {
        "connection": connection,
        "contract_name": names.get(connection.contract_type, connection.contract_type),
        "follow_ups": follow_ups,
        "sustained": connection_is_sustained(connection, follow_ups=follow_ups),
        "rule": sustained_rule_on(connection.start_date),
        "funding_choices": FundingSource.choices,
        "today": today(),
        "history": history_for(connection) if request.user.can_view_history else None,
    }
    return render(request, "connections/connection_detail.html", context)


@staff_required
def connection_funding(request, pk: int):
    """POST: change who pays (norm and double funding worked out again)."""
    connection = selectors.connection_get(viewer=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.connection_set_funding(
                actor=request.user, connection=connection, funding_source=request.POST.get("funding_source", "")
            )
            messages.success(request, _("Đã lưu nguồn kinh phí."))
        except services.ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    return redirect(connection)


@staff_required
def connection_create(request):
    form = ConnectionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        connection = call_service(form, lambda: services.connection_create(actor=request.user, data=form.cleaned_data))
        if connection is not None:
            messages.success(request, _("Đã ghi nhận kết nối việc làm thành công."))
            return redirect(connection)
    return render(request, "connections/connection_form.html", {"form": form})


@staff_required
def followup_record(request, pk: int):
    follow_up = selectors.followup_get(viewer=request.user, pk=pk)
    back = request.GET.get("next") or request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    initial = {"checked_on": follow_up.checked_on or min(today(), follow_up.due_on), "result": follow_up.result,
               "has_contract": follow_up.has_contract, "has_social_insurance": follow_up.has_social_insurance,
               "note": follow_up.note}  # fmt: skip
    form = FollowUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = call_service(form, lambda: services.followup_record(actor=request.user, follow_up=follow_up, data=data))
        if saved is not None:
            messages.success(request, _("Đã ghi kết quả theo dõi."))
            return redirect(back or "connections:followup_queue")
    context = {"form": form, "follow_up": follow_up, "next": back}
    return render(request, "connections/followup_form.html", context)
