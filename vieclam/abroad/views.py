"""Staff pages: journeys (list with export, detail with its steps and support, register, record a step, record a
support), and the registries of programmes and licensed service enterprises."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.abroad import selectors, services
from vieclam.abroad.exporters import EnterpriseExporter, JourneyExporter, ProgrammeExporter
from vieclam.abroad.filtersets import EnterpriseFilterSet, JourneyFilterSet, ProgrammeFilterSet
from vieclam.abroad.forms import EnterpriseForm, JourneyForm, ProgrammeForm, StepForm, SupportForm
from vieclam.abroad.rules import NEXT
from vieclam.core.audit import history_for
from vieclam.core.dates import today
from vieclam.core.paging import BoundedPaginator
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.people import selectors as people_selectors


class JourneyListView(RegistryListView):
    """Journeys of people in the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.journey_list)
    filterset_class = JourneyFilterSet
    exporter_class = JourneyExporter
    template_name = "abroad/journey_list.html"


class ProgrammeListView(RegistryListView):
    selector = staticmethod(selectors.programme_list)
    filterset_class = ProgrammeFilterSet
    exporter_class = ProgrammeExporter
    template_name = "abroad/programme_list.html"


class EnterpriseListView(RegistryListView):
    selector = staticmethod(selectors.enterprise_list)
    filterset_class = EnterpriseFilterSet
    exporter_class = EnterpriseExporter
    template_name = "abroad/enterprise_list.html"


journey_list = JourneyListView.as_view()
programme_list = ProgrammeListView.as_view()
enterprise_list = EnterpriseListView.as_view()


@staff_required
def journey_detail(request, pk: int):
    journey = selectors.journey_get(viewer=request.user, pk=pk)
    allowed = sorted(NEXT[journey.state])
    context = {
        "journey": journey,
        "events": list(selectors.journey_events(journey)),
        "supports": list(journey.supports.select_related("norm").order_by("granted_on", "pk")),
        "step_form": StepForm(allowed=allowed) if allowed else None,
        "support_form": SupportForm(),
        "history": history_for(journey) if request.user.can_view_history else None,
    }
    return render(request, "abroad/journey_detail.html", context)


@staff_required
def lead_list(request):
    """ "Người quan tâm đi làm việc ở nước ngoài": the persons of the user's areas who asked at a fair or in
    counselling and have no journey registered since, each with a button opening the registration with them."""
    paginator = BoundedPaginator(selectors.lead_list(viewer=request.user), 50)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "abroad/lead_list.html", {"page": page})


@staff_required
def journey_create(request):
    initial: dict = {"registered_on": today()}
    person = people_selectors.person_pick_get(viewer=request.user, pk=request.GET.get("person", ""))
    if person is not None:  # from the list of persons interested (a person outside the user's areas is not shown)
        initial["person"] = person.pk
    form = JourneyForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        journey = call_service(form, lambda: services.journey_register(actor=request.user, data=data))
        if journey is not None:
            messages.success(request, _("Đã ghi nhận người lao động đăng ký đi làm việc ở nước ngoài."))
            return redirect(journey)
    return render(request, "abroad/journey_form.html", {"form": form})


@staff_required
def journey_step(request, pk: int):
    journey = selectors.journey_get(viewer=request.user, pk=pk)
    allowed = sorted(NEXT[journey.state])
    form = StepForm(request.POST or None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        extra = form.service_data()
        saved = call_service(form, lambda: services.journey_advance(
            actor=request.user, journey=journey, state=data["state"], on=data["on"], data=extra))  # fmt: skip
        if saved is not None:
            messages.success(request, _("Đã ghi bước của hành trình."))
            return redirect(journey)
    return render(request, "abroad/step_form.html", {"form": form, "journey": journey})


@staff_required
def journey_support(request, pk: int):
    journey = selectors.journey_get(viewer=request.user, pk=pk)
    form = SupportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = call_service(form, lambda: services.journey_support_add(
            actor=request.user, journey=journey, norm=data["norm"], amount=data["amount"],
            granted_on=data["granted_on"], note=data.get("note") or ""))  # fmt: skip
        if saved is not None:
            messages.success(request, _("Đã ghi hỗ trợ."))
            return redirect(journey)
    return render(request, "abroad/support_form.html", {"form": form, "journey": journey})


def _registry_only(request) -> None:
    if request.user.role not in services.REGISTRY_ROLES and not request.user.is_superuser:
        raise PermissionDenied(services.NOT_REGISTRY)


@staff_required
def enterprise_create(request):
    _registry_only(request)
    form = EnterpriseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        saved = call_service(form, lambda: services.enterprise_create(actor=request.user, data=data))
        if saved is not None:
            messages.success(request, _("Đã thêm doanh nghiệp dịch vụ."))
            return redirect("abroad:enterprise_list")
    return render(request, "abroad/registry_form.html", {"form": form, "title": _("Thêm doanh nghiệp dịch vụ"),
                                                         "back": "abroad:enterprise_list"})  # fmt: skip


@staff_required
def programme_create(request):
    _registry_only(request)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        saved = call_service(form, lambda: services.programme_create(actor=request.user, data=data))
        if saved is not None:
            messages.success(request, _("Đã thêm đơn hàng."))
            return redirect("abroad:programme_list")
    return render(request, "abroad/registry_form.html", {"form": form, "title": _("Thêm đơn hàng"),
                                                         "back": "abroad:programme_list"})  # fmt: skip
