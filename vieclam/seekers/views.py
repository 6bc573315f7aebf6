"""Staff pages of the job-seeker registry: list (with CSV/Excel export), audited detail with history and status
buttons, create (pick a person in scope, then Mẫu 02) and edit. And a worker's own profile: see it, open and edit it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vieclam.accounts.choices import Role
from vieclam.core.audit import history_for
from vieclam.core.viewkit import RegistryListView, call_service, staff_required
from vieclam.people.choices import ConsentPurpose
from vieclam.people.consents import consents_in_force, person_consents_set
from vieclam.seekers import selectors, services
from vieclam.seekers.choices import STATUS_TRANSITIONS, LanguageLevel, ProfileStatus, RecruitmentMode
from vieclam.seekers.exporters import JobSeekerExporter
from vieclam.seekers.filtersets import JobSeekerFilterSet
from vieclam.seekers.forms import OwnProfileForm, PersonPickForm, ProfileForm
from vieclam.seekers.forms import experience_row as experience_row_html
from vieclam.seekers.models import JobSeekerProfile


class ProfileListView(RegistryListView):
    """Profiles in the user's areas, filtered; ?export=csv or ?export=xlsx downloads the filtered list."""

    selector = staticmethod(selectors.profile_list)
    filterset_class = JobSeekerFilterSet
    exporter_class = JobSeekerExporter
    template_name = "seekers/profile_list.html"


profile_list = ProfileListView.as_view()


@staff_required
def profile_detail(request, pk: int):
    profile = selectors.profile_open(viewer=request.user, pk=pk)
    transitions = [(s, ProfileStatus(s).label) for s in ProfileStatus.values if s in STATUS_TRANSITIONS[profile.status]]
    context = {
        **_shown(profile),
        "person": profile.person,
        "transitions": transitions,
        "history": history_for(profile) if request.user.can_view_history else None,
    }
    return render(request, "seekers/profile_detail.html", context)


@staff_required
def profile_create(request):
    """Step 1: find a person in the user's areas (CCCD, name or record number). Step 2: fill in Mẫu 02."""
    if "find" in request.POST:  # the search is posted so that a CCCD number stays out of URLs and access logs
        return _pick_person(request, not_found=False)
    chosen = request.POST.get("person") or request.GET.get("person")
    person = selectors.person_in_scope(viewer=request.user, pk=chosen) if chosen else None
    if person is None:
        return _pick_person(request, not_found=bool(chosen))
    form = ProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.service_data(changed_only=False)
        profile = call_service(form, lambda: services.profile_create(actor=request.user, person=person, data=data))
        if profile is not None:
            _saved(request, profile, _("Đã lập hồ sơ tìm việc cho {name}.").format(name=person.full_name))
            return redirect(profile)
    context = {"form": form, "person": person, "heading": _("Hồ sơ người tìm việc mới")}
    return render(request, "seekers/profile_form.html", context)


@staff_required
def profile_edit(request, pk: int):
    profile = selectors.profile_get(viewer=request.user, pk=pk)
    form = ProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        data = form.service_data(changed_only=True)
        saved = call_service(form, lambda: services.profile_update(actor=request.user, profile=profile, data=data))
        if saved is not None:
            _saved(request, saved, _("Đã lưu thay đổi."))
            return redirect(saved)
    heading = _("Sửa: {name} – {title}").format(name=profile.person.full_name, title=profile.title)
    context = {"form": form, "person": profile.person, "profile": profile, "heading": heading}
    return render(request, "seekers/profile_form.html", context)


@staff_required
@require_POST
def profile_status(request, pk: int):
    """The status buttons of the detail page: placed, closed, or reopened."""
    profile = selectors.profile_get(viewer=request.user, pk=pk)
    try:
        services.profile_set_status(actor=request.user, profile=profile, status=request.POST.get("status", ""))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Trạng thái mới: {status}.").format(status=profile.get_status_display()))
    return redirect(profile)


#
# A worker's own profile
#
def worker_required(view: Callable) -> Callable:
    """Signed-in worker accounts only; anonymous visitors sign in first, every other role gets 403."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if request.user.role != Role.WORKER:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@worker_required
def own_profile(request):
    """Page "Hồ sơ tìm việc của tôi" (my job-seeker profile): the active one, else the latest, or an invitation."""
    profile = selectors.own_profile(viewer=request.user)
    context = {"person": selectors.own_person(viewer=request.user), **(_shown(profile) if profile else {})}
    return render(request, "seekers/own_profile.html", context)


@worker_required
def own_profile_edit(request):
    """Edit the active profile; without one, open a new one (prefilled from the latest placed or closed one)."""
    person = selectors.own_person(viewer=request.user)
    if person is None:
        messages.error(request, services.NO_PERSON)
        return redirect("seekers:own_profile")
    current = selectors.own_profile(viewer=request.user)
    active = current if current is not None and current.status == ProfileStatus.ACTIVE else None
    in_force = consents_in_force(person=person)
    published = ConsentPurpose.PUBLISH_CONTACT in in_force
    form = OwnProfileForm(request.POST or None, profile=current, contact_published=published)
    if request.method == "POST" and form.is_valid():
        saved = call_service(form, lambda: _save_own(request.user, person, active, form, in_force))
        if saved is not None:
            done = _("Đã lưu hồ sơ tìm việc của bạn.") if active else _("Đã lập hồ sơ tìm việc của bạn.")
            _saved(request, saved, done)
            return redirect("seekers:own_profile")
    context = {"form": form, "person": person, "profile": active}
    return render(request, "seekers/own_profile_form.html", context)


@transaction.atomic
def _save_own(user, person, active: JobSeekerProfile | None, form: OwnProfileForm, in_force: set[str]):
    """The profile, and the consent to show contact details as ticked (dated only when it changes)."""
    if active is None:
        saved = services.profile_create_self(actor=user, data=form.service_data(changed_only=False))
    else:
        saved = services.profile_update_self(actor=user, profile=active, data=form.service_data(changed_only=True))
    wanted = in_force - {ConsentPurpose.PUBLISH_CONTACT}
    if form.cleaned_data.get("publish_contact"):
        wanted.add(ConsentPurpose.PUBLISH_CONTACT)
    person_consents_set(actor=user, person=person, purposes=wanted)
    return saved


#
# Helpers
#
def _shown(profile: JobSeekerProfile) -> dict:
    """What a profile page shows besides the profile: coded answers by name, recruitment modes, languages."""
    return {
        "profile": profile,
        "items": selectors.item_names(profile=profile),
        "modes": [RecruitmentMode(mode).label for mode in profile.recruitment_modes],
        "language_rows": [
            {"language": lang["language"], "level": LanguageLevel(lang["level"]).label if lang["level"] else ""}
            for lang in profile.languages
        ],
    }


def _pick_person(request, *, not_found: bool):
    """Search people in the user's areas (posted); a number typed in `person` opens the form for that record."""
    pick = PersonPickForm(request.POST if "find" in request.POST else None)
    people, active = [], {}
    if pick.is_valid() and pick.cleaned_data["person"]:
        return redirect(f"{request.path}?person={pick.cleaned_data['person']}")
    if pick.is_valid() and pick.cleaned_data["find"]:
        people = list(selectors.person_candidates(viewer=request.user, text=pick.cleaned_data["find"]))
        active = selectors.active_profile_ids(person_ids=[p.pk for p in people])
    rows = [(person, active.get(person.pk)) for person in people]
    context = {
        "pick": pick,
        "rows": rows,
        "searched": bool(pick.is_bound and pick.data.get("find")),
        "not_found": not_found,
    }
    return render(request, "seekers/profile_pick.html", context)


def _saved(request, profile: JobSeekerProfile, message: str) -> None:
    messages.success(request, message)
    for warning in getattr(profile, "warnings", []):
        messages.warning(request, warning)


# --- Form rows ----------------------------------------------------------------------------------------------------


@login_required
def experience_row(request):
    """HTMX: one more blank row of work-history boxes for the profile forms ("Thêm dòng")."""
    name = request.GET.get("name", "experience")
    name = name if name.isidentifier() else "experience"
    return HttpResponse(experience_row_html(name, {}))
