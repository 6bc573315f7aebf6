from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.core.audit import history_for
from vieclam.core.exports import export_response
from vieclam.core.widgets import picker_query, picker_response
from vieclam.people import cccd, selectors, services
from vieclam.people.filtersets import HouseholdFilterSet, PersonFilterSet
from vieclam.people.forms import HouseholdForm, HouseholdMemberForm, HouseholdReviewForm, PersonForm, PersonSource
from vieclam.people.reviews import household_review_record, recently_exited
from vieclam.people.validation import CODED_FIELDS

EXPORT_COLUMNS = [
    (_("Số CCCD (che)"), lambda p: p.masked_national_id),
    (_("Họ và tên"), lambda p: p.full_name),
    (_("Năm sinh"), lambda p: p.date_of_birth.year),
    (_("Giới tính"), lambda p: p.get_sex_display()),
    (_("Xã/phường"), lambda p: p.residence_commune.name),
    (_("Mã xã"), lambda p: p.residence_commune.code),
    (_("Hộ"), lambda p: p.household.code if p.household else ""),
    (_("Tình trạng hoạt động kinh tế"), lambda p: p.activity_status),
    (_("Trình độ CMKT"), lambda p: p.technical_level),
]


def _staff(request):
    if not request.user.is_staff_role:
        raise PermissionDenied


@login_required
def person_list(request):
    _staff(request)
    filterset = PersonFilterSet(request.GET, queryset=selectors.person_list(viewer=request.user), request=request)
    if request.GET.get("export") in ("csv", "xlsx"):
        return export_response(request.GET["export"], filterset.qs.iterator(chunk_size=2000), EXPORT_COLUMNS,
                               "nguoi-lao-dong")  # fmt: skip
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "people/person_list.html", {"filter": filterset, "page": page})


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

HOUSEHOLD_EXPORT_COLUMNS = [
    (_("Mã hộ"), lambda h: h.code),
    (_("Chủ hộ"), lambda h: h.head_name),
    (_("Địa chỉ"), lambda h: h.address),
    (_("Xã/phường"), lambda h: h.commune.name),
    (_("Mã xã"), lambda h: h.commune.code),
    (_("Số thành viên"), lambda h: h.member_count),
    (_("Phân loại hộ"), lambda h: h.get_poverty_class_display()),
    (_("Ngày phân loại"), lambda h: h.poverty_class_on),
    (_("Ngày thoát nghèo"), lambda h: h.poverty_exit_on),
    (_("Hộ mới thoát nghèo"), lambda h: _("Có") if recently_exited(h) else ""),
]


def _households(request):
    return selectors.household_list(viewer=request.user)


@login_required
def household_list(request):
    _staff(request)
    queryset = _households(request).annotate(member_count=Count("members")).order_by("code")
    filterset = HouseholdFilterSet(request.GET, queryset=queryset, request=request)
    valid = filterset.is_valid()
    rows = filterset.qs if valid else queryset.none()
    if request.GET.get("export") in ("csv", "xlsx"):
        return export_response(request.GET["export"], rows.iterator(chunk_size=2000), HOUSEHOLD_EXPORT_COLUMNS,
                               "ho-gia-dinh")  # fmt: skip
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    for household in page:
        household.exited_recently = recently_exited(household)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    return render(request, "people/household_list.html", context)


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
    context = {
        "household": household,
        "exited_recently": recently_exited(household),
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
