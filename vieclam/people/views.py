from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.core.audit import history_for
from vieclam.core.exports import export_response
from vieclam.people import cccd, selectors, services
from vieclam.people.filtersets import PersonFilterSet
from vieclam.people.forms import PersonForm
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
    filterset = PersonFilterSet(request.GET, queryset=selectors.person_list(viewer=request.user))
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
