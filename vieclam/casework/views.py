"""Staff pages of case work: counselling sessions, group sessions, caseloads, a person's service record."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts.choices import Role
from vieclam.casework import selectors, services
from vieclam.casework.exporters import CaseExporter, GroupSessionExporter, SessionExporter
from vieclam.casework.filtersets import CaseFilterSet, GroupSessionFilterSet, SessionFilterSet
from vieclam.casework.forms import AttendeeForm, CaseForm, CountsForm, GroupSessionForm, SessionForm
from vieclam.core.audit import history_for
from vieclam.core.dates import today
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.people import selectors as people_selectors


def _history(request, record):
    return history_for(record) if request.user.can_view_history else None


#
# Counselling sessions
#
class SessionListView(RegistryListView):
    selector = staticmethod(selectors.session_list)
    filterset_class = SessionFilterSet
    exporter_class = SessionExporter
    template_name = "casework/session_list.html"


session_list = SessionListView.as_view()


@staff_required
def session_detail(request, pk: int):
    session = selectors.session_get(viewer=request.user, pk=pk)
    context = {"session": session, "history": _history(request, session)}
    return render(request, "casework/session_detail.html", context)


@staff_required
def session_create(request):
    initial = {"held_on": today()}
    person = _person_from_query(request)
    if person is not None:
        initial["person"] = person.pk
    form = SessionForm(request.POST or None, viewer=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        session = call_service(form, lambda: services.session_create(actor=request.user, data=form.service_data()))
        if session is not None:
            messages.success(request, _("Đã ghi buổi tư vấn với {name}.").format(name=session.person.full_name))
            return redirect(session)
    context = {"form": form, "heading": _("Ghi buổi tư vấn"), "back": reverse("casework:session_list")}
    return render(request, "casework/form.html", context)


@staff_required
def session_update(request, pk: int):
    session = selectors.session_get(viewer=request.user, pk=pk)
    form = SessionForm(request.POST or None, viewer=request.user, session=session)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        if "counsellor" in data and not data["counsellor"]:
            data.pop("counsellor")
        saved = call_service(form, lambda: services.session_update(actor=request.user, session=session, data=data))
        if saved is not None:
            messages.success(request, _("Đã lưu buổi tư vấn."))
            return redirect(saved)
    heading = _("Sửa buổi tư vấn: {name}").format(name=session.person.full_name)
    return render(request, "casework/form.html", {"form": form, "heading": heading, "cancel": session})


def _person_from_query(request):
    value = request.GET.get("person", "")
    return people_selectors.person_pick_get(viewer=request.user, pk=value) if value.isdigit() else None


#
# Group sessions
#
class GroupSessionListView(RegistryListView):
    selector = staticmethod(selectors.group_list)
    filterset_class = GroupSessionFilterSet
    exporter_class = GroupSessionExporter
    template_name = "casework/group_list.html"


group_list = GroupSessionListView.as_view()


@staff_required
def group_detail(request, pk: int):
    group = selectors.group_get(viewer=request.user, pk=pk)
    context = {"group": group, "history": _history(request, group), "attendee_form": AttendeeForm(viewer=request.user)}
    return render(request, "casework/group_detail.html", context)


@staff_required
def group_create(request):
    form = GroupSessionForm(request.POST or None, viewer=request.user, initial={"held_on": today()})
    if request.method == "POST" and form.is_valid():
        warnings: list[str] = []
        group = call_service(
            form,
            lambda: services.group_session_create(actor=request.user, data=form.cleaned_data, warnings=warnings),
        )
        if group is not None:
            messages.success(request, _("Đã ghi hội nghị tư vấn."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect(group)
    context = {"form": form, "heading": _("Ghi hội nghị tư vấn"), "back": reverse("casework:group_list")}
    return render(request, "casework/form.html", context)


@staff_required
def group_update(request, pk: int):
    group = selectors.group_get(viewer=request.user, pk=pk)
    form = GroupSessionForm(request.POST or None, viewer=request.user, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        saved = call_service(form, lambda: services.group_session_update(actor=request.user, group=group, data=data))
        if saved is not None:
            messages.success(request, _("Đã lưu hội nghị tư vấn."))
            return redirect(saved)
    heading = _("Sửa hội nghị tư vấn ngày {day}").format(day=group.held_on.strftime("%d/%m/%Y"))
    return render(request, "casework/form.html", {"form": form, "heading": heading, "cancel": group})


@require_POST
@staff_required
def group_attendee_add(request, pk: int):
    group = selectors.group_get(viewer=request.user, pk=pk)
    form = AttendeeForm(request.POST, viewer=request.user)
    if form.is_valid():
        person = form.cleaned_data["person"]
        added = call_service(form, lambda: services.group_attendee_add(actor=request.user, group=group, person=person))
        if added is not None:
            messages.success(request, _("Đã thêm {name}.").format(name=person.full_name))
            return redirect(group)
    group = selectors.group_get(viewer=request.user, pk=pk)
    context = {"group": group, "history": _history(request, group), "attendee_form": form}
    return render(request, "casework/group_detail.html", context, status=400)


@require_POST
@staff_required
def group_attendee_remove(request, pk: int):
    group = selectors.group_get(viewer=request.user, pk=pk)
    person_pk = request.POST.get("person", "")
    person = get_object_or_404(group.attendees.all(), pk=person_pk if person_pk.isdigit() else None)
    services.group_attendee_remove(actor=request.user, group=group, person=person)
    messages.success(request, _("Đã bỏ {name} khỏi danh sách người tham dự.").format(name=person.full_name))
    return redirect(group)


#
# Caseloads
#
class CaseListView(RegistryListView):
    selector = staticmethod(selectors.case_list)
    filterset_class = CaseFilterSet
    exporter_class = CaseExporter
    template_name = "casework/case_list.html"

    def get_context_data(self, **context):
        return {**context, "today": today()}


case_list = CaseListView.as_view()


@staff_required
def case_detail(request, pk: int):
    case = selectors.case_get(viewer=request.user, pk=pk)
    context = {"case": case, "history": _history(request, case), "today": today()}
    return render(request, "casework/case_detail.html", context)


@staff_required
def case_create(request):
    initial = {}
    person = _person_from_query(request)
    if person is not None:
        initial["person"] = person.pk
    if request.user.role == Role.COUNSELLOR:
        initial["counsellor"] = request.user.username
    form = CaseForm(request.POST or None, viewer=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        case = call_service(form, lambda: services.case_assign(actor=request.user, data=form.service_data()))
        if case is not None:
            messages.success(
                request,
                _("Đã giao {name} cho {counsellor}.").format(name=case.person.full_name, counsellor=case.counsellor),
            )
            return redirect(case)
    context = {"form": form, "heading": _("Giao người lao động cho tư vấn viên"), "back": reverse("casework:case_list")}
    return render(request, "casework/form.html", context)


@staff_required
def case_update(request, pk: int):
    case = selectors.case_get(viewer=request.user, pk=pk)
    form = CaseForm(request.POST or None, viewer=request.user, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.changed_values()
        if "assigned_on" in data and not data["assigned_on"]:
            data.pop("assigned_on")
        saved = call_service(form, lambda: services.case_update(actor=request.user, case=case, data=data))
        if saved is not None:
            messages.success(request, _("Đã lưu phân công."))
            return redirect(saved)
    heading = _("Sửa phân công: {name}").format(name=case.person.full_name)
    return render(request, "casework/form.html", {"form": form, "heading": heading, "cancel": case})


@staff_required
def my_caseload(request):
    """A counsellor's own caseload (overdue first); province officers and administrators also see the caseload
    of each counsellor of their areas (counts)."""
    cases = list(selectors.my_caseload(viewer=request.user)[:500])
    per_counsellor = None
    if request.user.role in (Role.PROVINCE_OFFICER, Role.ADMIN) or request.user.is_superuser:
        per_counsellor = selectors.caseload_by_counsellor(viewer=request.user)
    context = {"cases": cases, "per_counsellor": per_counsellor, "today": today()}
    return render(request, "casework/my_caseload.html", context)


#
# A person's service record, and the counts
#
@staff_required
def person_services(request, pk: int):
    person = people_selectors.person_open(viewer=request.user, pk=pk)
    entries = selectors.service_record(viewer=request.user, person=person)
    case = selectors.case_list(viewer=request.user).filter(person=person).first()
    context = {"person": person, "entries": entries, "case": case}
    return render(request, "casework/person_services.html", context)


@staff_required
def counts(request):
    """lượt and người of counselling in the user's areas over a period (this year by default)."""
    day = today()
    form = CountsForm(request.GET or None, initial={"date_from": dt.date(day.year, 1, 1), "date_to": day})
    result = None
    if form.is_bound and form.is_valid():
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    elif not form.is_bound:
        date_from, date_to = dt.date(day.year, 1, 1), day
    else:
        date_from = date_to = None
    if date_from and date_to:
        result = selectors.counselling_counts(viewer=request.user, date_from=date_from, date_to=date_to)
    context = {"form": form, "result": result, "date_from": date_from, "date_to": date_to}
    return render(request, "casework/counts.html", context)
