"""Staff pages of plan targets: the list (filters, export, achievement), setting a target, a target's page with its
history, allocating a province target to its communes and revising a target with a reason.

Everyone on the staff reads the targets of their areas; only province officers and administrators write."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.core.audit import history_for
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.indicators.formats import achievement_text
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.targets import selectors, services
from vieclam.targets.display import amount_parse, amount_text, value_text
from vieclam.targets.exporters import TargetExporter
from vieclam.targets.filtersets import TargetFilterSet
from vieclam.targets.forms import TargetForm, TargetReviseForm
from vieclam.targets.models import Target


def decorate(targets: list[Target]) -> None:
    """Words for the rows: the value, the figure so far and "đạt 142,1% kế hoạch", computed for all rows at once."""
    found = selectors.target_achievements(targets)
    for target in targets:
        result = found[target.pk]
        target.value_text = value_text(target.value, target.indicator)
        target.original_text = value_text(target.original_value, target.indicator)
        target.figure_text = value_text(result["value"], target.indicator)
        target.achievement = result["achievement"]
        target.achievement_text = achievement_text(result["achievement"]) if result["achievement"] is not None else ""


class TargetListView(RegistryListView):
    """Targets of the user's areas; ?export=csv|xlsx downloads the filtered list."""

    selector = staticmethod(selectors.target_list)
    filterset_class = TargetFilterSet
    exporter_class = TargetExporter
    template_name = "targets/target_list.html"

    def decorate(self, page) -> None:
        decorate(list(page.object_list))

    def get_context_data(self, **context):
        return {**context, "can_manage": services.can_manage_targets(self.request.user)}


target_list = TargetListView.as_view()


def _managers_only(request) -> None:
    if not services.can_manage_targets(request.user):
        raise PermissionDenied


@staff_required
def target_create(request):
    """ "Đặt chỉ tiêu": an indicator by name, an area from the picker, a year (or years for a plan) and the value."""
    _managers_only(request)
    form = TargetForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        target = call_service(form, lambda: services.target_set(actor=request.user, **form.service_arguments()))
        if target is not None:
            messages.success(request, _("Đã đặt chỉ tiêu."))
            return redirect(target)
    return render(request, "targets/target_form.html", {"form": form})


@staff_required
def target_detail(request, pk: int):
    target = selectors.target_get(viewer=request.user, pk=pk)
    shares = list(selectors.target_list(viewer=request.user).filter(parent=target).order_by("area__name"))
    decorate([target, *shares])
    revisions = list(target.revisions.select_related("actor"))
    for revision in revisions:
        revision.old_text = value_text(revision.old_value, target.indicator)
        revision.new_text = value_text(revision.new_value, target.indicator)
    context = {
        "target": target,
        "revisions": revisions,
        "shares": shares,
        "shares_total": value_text(sum((s.value for s in shares), start=Decimal(0)), target.indicator)
        if shares
        else "",
        "can_manage": services.can_manage_targets(request.user),
        "can_allocate": target.area.level == Level.PROVINCE,
        "history": history_for(target) if request.user.can_view_history else None,
    }
    return render(request, "targets/target_detail.html", context)


def allocation_communes(target: Target) -> list[AdministrativeUnit]:
    """The communes of the province that existed during the target's years."""
    communes = AdministrativeUnit.objects.filter(level=Level.COMMUNE, province=target.area).order_by("name")
    return [c for c in communes if services.unit_in_years(c, target.year_from, target.year_to)]


@staff_required
def target_allocate(request, pk: int):
    """ "Phân bổ cho xã": one box per commune of the province (share-<id>), the total against the province value."""
    target = selectors.target_get(viewer=request.user, pk=pk)
    _managers_only(request)
    if target.area.level != Level.PROVINCE:
        messages.error(request, str(services.NOT_A_PROVINCE))
        return redirect(target)
    communes = allocation_communes(target)
    current = dict(target.shares.values_list("area_id", "value"))
    typed = {c.pk: request.POST.get(f"share-{c.pk}", "") for c in communes} if request.method == "POST" else {}
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.target_allocate(
                actor=request.user, target=target, shares={pk: amount_parse(text) for pk, text in typed.items()}
            )
            messages.success(request, _("Đã lưu phân bổ chỉ tiêu cho các xã."))
            return redirect(target)
        except services.ValidationError as exc:
            errors = exc.messages
    rows = [{"unit": c, "name": "share-{}".format(c.pk),
             "value": typed.get(c.pk, _input_text(current.get(c.pk)))} for c in communes]  # fmt: skip
    context = {"target": target, "rows": rows, "errors": errors, "summable": services.summable(target.indicator),
               "value_text": value_text(target.value, target.indicator)}  # fmt: skip
    return render(request, "targets/target_allocate.html", context)


def _input_text(value) -> str:
    return "" if value is None else amount_text(value)


@staff_required
def target_revise(request, pk: int):
    """A new value with the reason; the old value stays in the target's history."""
    target = selectors.target_get(viewer=request.user, pk=pk)
    _managers_only(request)
    form = TargetReviseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form, lambda: services.target_revise(actor=request.user, target=target, **form.cleaned_data)
        )
        if done is not None:
            messages.success(request, _("Đã điều chỉnh chỉ tiêu."))
            return redirect(target)
    context = {"form": form, "target": target, "value_text": value_text(target.value, target.indicator)}
    return render(request, "targets/target_revise.html", context)
