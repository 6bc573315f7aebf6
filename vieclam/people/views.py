from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.codelists.selectors import code_item_names
from vieclam.core.audit import history_for
from vieclam.core.timeline import timeline_kinds
from vieclam.core.viewkit import RegistryListView
from vieclam.core.widgets import picker_query, picker_response
from vieclam.people import cccd, selectors, services
from vieclam.people.exporters import HouseholdExporter, PersonExporter
from vieclam.people.filtersets import HouseholdFilterSet, PersonFilterSet
from vieclam.people.forms import HouseholdForm, HouseholdMemberForm, HouseholdReviewForm, PersonForm, PersonSource
from vieclam.people.models import Person
from vieclam.people.reviews import household_review_record, recently_exited
from vieclam.people.validation import CODED_FIELDS


def _staff(request):
    if not request.user.is_staff_role:
        raise PermissionDenied


class PersonListView(RegistryListView):
    selector = staticmethod(selectors.person_list)
    filterset_class = PersonFilterSet
    exporter_class = PersonExporter
    template_name = "people/person_list.html"

    def decorate(self, page) -> None:
        names = code_item_names(slugs=[CODED_FIELDS["activity_status"]])[CODED_FIELDS["activity_status"]]
        for person in page:
            person.activity_label = names.get(person.activity_status, person.activity_status)


person_list = PersonListView.as_view()


@login_required
def person_detail(request, pk: int):
    _staff(request)
    person = selectors.person_open(viewer=request.user, pk=pk)
    decoded = None
    if person.national_id:
        decoded = cccd.decode(person.national_id)
    context = {
        "person": person,
        "decoded": decoded,
        "events": person.events.all(),
        "history": history_for(person) if request.user.can_view_history else None,
    }
    return render(request, "people/person_detail.html", context)


@login_required
def person_timeline(request, pk: int):
    _staff(request)
    kinds = dict(timeline_kinds())
    chosen = [kind for kind in request.GET.getlist("kind") if kind in kinds]
    person, entries = selectors.person_timeline(viewer=request.user, pk=pk, kinds=chosen or None)
    # The day in words here, once per entry: the template's date filter cost ≈ 20 µs an entry (64 in a long history).
    rows = [(entry, kinds.get(entry.kind, ""), _day(entry)) for entry in entries]
    context = {"person": person, "rows": rows, "kinds": kinds, "chosen": chosen}
    return render(request, "people/person_timeline.html", context)


def _day(entry) -> str:
    return date_format(localtime(entry.moment), "SHORT_DATE_FORMAT")


@login_required
def person_create(request):
    _staff(request)
    form = PersonForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            person, warnings = services.person_create(actor=request.user, data=_clean(form))
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            for warning in warnings:
                messages.warning(request, warning)
            messages.success(request, _("Đã đăng ký {name}.").format(name=person.full_name))
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "title": _("Đăng ký người lao động")})


@login_required
def person_edit(request, pk: int):
    _staff(request)
    person = get_scoped_or_404(selectors.person_list(viewer=request.user), request.user, pk=pk)
    initial = {f: getattr(person, f) for f in [*PersonForm.base_fields, *CODED_FIELDS] if hasattr(person, f)}
    initial.update(residence_commune=person.residence_commune.code, national_id=person.national_id or "",
                   ethnicity=person.ethnicity.code if person.ethnicity else "",
                   occupation=person.occupation.code if person.occupation else "")  # fmt: skip
    form = PersonForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = {k: v for k, v in _clean(form).items() if k in form.changed_data}
        try:
            services.person_update(actor=request.user, person=person, data=changed)
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "title": person.full_name, "person": person})


def _clean(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if v not in (None,)}


# --- Households -------------------------------------------------------------------------------------------------


def _households(request):
    return selectors.household_list(viewer=request.user)


class HouseholdListView(RegistryListView):
    selector = staticmethod(selectors.household_list)
    filterset_class = HouseholdFilterSet
    exporter_class = HouseholdExporter
    template_name = "people/household_list.html"

    def get_queryset(self):
        # A count per shown row (a correlated subquery), not a GROUP BY over every household before the LIMIT.
        members = Person.objects.filter(household=OuterRef("pk")).order_by().values("household")
        member_count = Coalesce(Subquery(members.annotate(n=Count("pk")).values("n")), 0)
        return super().get_queryset().annotate(member_count=member_count).order_by("code")

    def decorate(self, page) -> None:
        for household in page:
            household.exited_recently = recently_exited(household)


household_list = HouseholdListView.as_view()


@login_required
def household_create(request):
    _staff(request)
    form = HouseholdForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            household = services.household_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            messages.success(request, _("Đã tạo hộ {code}.").format(code=household.code))
            return redirect("people:household_detail", pk=household.pk)
    return render(request, "people/household_form.html", {"form": form, "title": _("Tạo hộ gia đình")})


def _household_page(request, household, *, member_form=None, review_form=None):
    # Connections sit above people; the programme's household target is read from there, not copied here.
    from vieclam.connections.selectors import household_has_sustained_member

    context = {
        "household": household,
        "exited_recently": recently_exited(household),
        "sustained_member": household_has_sustained_member(household),
        "members": household.members.all(),
        "reviews": household.reviews.select_related("standard"),
        "history": history_for(household) if request.user.can_view_history else None,
        "member_form": member_form or HouseholdMemberForm(viewer=request.user),
        "review_form": review_form or HouseholdReviewForm(),
    }
    return render(request, "people/household_detail.html", context)


@login_required
def household_detail(request, pk: int):
    _staff(request)
    household = get_scoped_or_404(_households(request), request.user, pk=pk)
    return _household_page(request, household)


@login_required
@require_POST
def household_member_add(request, pk: int):
    _staff(request)
    household = get_scoped_or_404(_households(request), request.user, pk=pk)
    form = HouseholdMemberForm(request.POST, viewer=request.user)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services.household_add_member(actor=request.user, household=household, person=person,
                                          relationship=form.cleaned_data["relationship"])  # fmt: skip
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            messages.success(request, _("Đã thêm {name} vào hộ {code}.").format(name=person.full_name,
                                                                               code=household.code))  # fmt: skip
            return redirect("people:household_detail", pk=household.pk)
    return _household_page(request, household, member_form=form)


@login_required
@require_POST
def household_review_add(request, pk: int):
    _staff(request)
    household = get_scoped_or_404(_households(request), request.user, pk=pk)
    form = HouseholdReviewForm(request.POST)
    if form.is_valid():
        try:
            review = household_review_record(actor=request.user, household=household, **form.cleaned_data)
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            messages.success(request, _("Đã ghi kết quả rà soát: {result}.").format(
                result=review.get_classification_display()))  # fmt: skip
            return redirect("people:household_detail", pk=household.pk)
    return _household_page(request, household, review_form=form)


# --- Pickers ------------------------------------------------------------------------------------------------------


@login_required
def person_picker(request):
    """HTMX options for a person picker: by CCCD/CMND or the start of the name, in the user's areas."""
    _staff(request)
    query = picker_query(request)
    return picker_response(request, PersonSource(viewer=request.user).options(query), query=query)
