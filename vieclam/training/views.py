"""Staff pages: classes (list with export, detail with the trainees, open a class), enrolments (list with export),
enrolling a person and moving an enrolment on."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.dates import today
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.training import selectors, services
from vieclam.training.choices import NEXT_STATUSES, EnrolmentStatus
from vieclam.training.exporters import ClassExporter, EnrolmentExporter
from vieclam.training.filtersets import ClassFilterSet, EnrolmentFilterSet
from vieclam.training.forms import (
    ClassForm,
    CourseForm,
    EnrolmentForm,
    InterestForm,
    LicenceForm,
    ProviderForm,
    TransitionForm,
)


class ClassListView(RegistryListView):
    """Classes held in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.class_list)
    filterset_class = ClassFilterSet
    exporter_class = ClassExporter
    template_name = "training/class_list.html"


class_list = ClassListView.as_view()


class EnrolmentListView(RegistryListView):
    """Trainees living in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.enrolment_list)
    filterset_class = EnrolmentFilterSet
    exporter_class = EnrolmentExporter
    template_name = "training/enrolment_list.html"


enrolment_list = EnrolmentListView.as_view()


@staff_required
def class_detail(request, pk: int):
    training_class = selectors.class_get(viewer=request.user, pk=pk)
    form = EnrolmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        saved = call_service(form, lambda: services.enrolment_create(
            actor=request.user, training_class=training_class, person=person, data=form.service_data()))  # fmt: skip
        if saved is not None:
            messages.success(request, _("Đã ghi danh {name}.").format(name=person.full_name))
            return redirect(training_class)
    enrolments = list(selectors.class_enrolments(viewer=request.user, training_class=training_class))
    for row in enrolments:  # each row's menu offers only the statuses that may follow its own
        row.next_choices = [(s.value, s.label) for s in EnrolmentStatus if s in NEXT_STATUSES[row.status]]
    context = {
        "training_class": training_class,
        "enrolments": enrolments,
        "taken": training_class.enrolments.exclude(status="dropped").count(),
        "outcome": selectors.class_outcome(training_class=training_class),
        "form": form,
        "history": history_for(training_class) if request.user.can_view_history else None,
    }
    return render(request, "training/class_detail.html", context)


@staff_required
def class_create(request):
    form = ClassForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = call_service(form, lambda: services.class_create(actor=request.user, data=form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Đã mở lớp đào tạo nghề."))
            return redirect(saved)
    return render(request, "training/class_form.html", {"form": form})


@staff_required
def enrolment_transition(request, pk: int):
    """POST: attending, completed with a certificate, or dropped out; errors shown on the class page."""
    enrolment = selectors.enrolment_get(viewer=request.user, pk=pk)
    form = TransitionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.enrolment_transition(actor=request.user, enrolment=enrolment, **form.cleaned_data)
                messages.success(
                    request, _("Đã cập nhật trạng thái của {name}.").format(name=enrolment.person.full_name)
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
        else:
            for field_errors in form.errors.values():
                for message in field_errors:
                    messages.error(request, message)
    return redirect("training:class_detail", pk=enrolment.training_class_id)


@staff_required
def provider_list(request):
    """The providers and the courses of the province, with forms to add either."""
    context = {"providers": selectors.provider_list().prefetch_related("occupations"),
               "courses": selectors.course_list()}  # fmt: skip
    return render(request, "training/provider_list.html", context)


@staff_required
def provider_create(request):
    form = ProviderForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = call_service(form, lambda: services.provider_create(actor=request.user, data=form.service_data()))
        if saved is not None:
            messages.success(request, _("Đã thêm cơ sở đào tạo."))
            return redirect("training:provider_detail", pk=saved.pk)
    return render(request, "training/simple_form.html", {"form": form, "heading": _("Thêm cơ sở đào tạo nghề")})


@staff_required
def provider_detail(request, pk: int):
    """A provider's licensed occupations; POST adds one."""
    provider = selectors.provider_get(pk=pk)
    form = LicenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        occupation = form.cleaned_data["occupation"]
        saved = call_service(form, lambda: services.provider_add_occupation(
            actor=request.user, provider=provider, occupation=occupation))  # fmt: skip
        if saved is not None:
            messages.success(request, _("Đã thêm nghề được cấp phép."))
            return redirect("training:provider_detail", pk=provider.pk)
    context = {"provider": provider, "occupations": provider.occupations.order_by("code"), "form": form}
    return render(request, "training/provider_detail.html", context)


@staff_required
def course_create(request):
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = call_service(form, lambda: services.course_create(actor=request.user, data=form.service_data()))
        if saved is not None:
            messages.success(request, _("Đã thêm khóa đào tạo."))
            return redirect("training:provider_list")
    return render(request, "training/simple_form.html", {"form": form, "heading": _("Thêm khóa đào tạo nghề")})


@staff_required
def demand(request):
    """Persons who want to learn each occupation, by commune, against the seats of the classes opened in a year;
    POST records one person's wish."""
    form = InterestForm(request.POST or None, user=request.user, initial={"recorded_on": today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person = data.pop("person")
        saved = call_service(form, lambda: services.interest_record(actor=request.user, person=person, data=data))
        if saved is not None:
            messages.success(request, _("Đã ghi nhận nhu cầu học nghề của {name}.").format(name=person.full_name))
            return redirect(f"{request.path}?year={saved.recorded_on.year}")
    try:
        year = int(request.GET.get("year") or today().year)
    except ValueError:
        year = today().year
    year = min(max(year, 2000), 2100)
    rows = selectors.demand_by_occupation_and_commune(
        viewer=request.user, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
    )
    return render(request, "training/demand.html", {"rows": rows, "year": year, "form": form})
