"""Reads of job-seeker profiles, always through the viewer's scope; opening a full profile is audited."""

from __future__ import annotations

from django.db.models import Case, Q, QuerySet, Value, When

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.codelists.labels import local_name
from vieclam.codelists.models import CodeItem
from vieclam.core.audit import audit_read
from vieclam.core.text import fold
from vieclam.people.models import Person
from vieclam.seekers.choices import ProfileStatus
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.validation import CODED_FIELDS

# Everything a list row, an export row or the API list shows: one query for the whole page.
LIST_RELATED = ("person", "person__residence_commune", "occupation", "workplace_1", "workplace_2")
DETAIL_RELATED = (
    *LIST_RELATED,
    "person__residence_commune__province",
    "workplace_1__province",
    "workplace_2__province",
)
PERSON_MATCHES = 20


def profile_list(*, viewer) -> QuerySet[JobSeekerProfile]:
    """Profiles of the people living in the viewer's areas (all for an administrator), newest first."""
    return scope_queryset(JobSeekerProfile.objects.select_related(*LIST_RELATED), viewer).order_by(
        "-registered_on", "-pk"
    )


def profile_get(*, viewer, pk: int) -> JobSeekerProfile:
    """One profile, or Http404 when it does not exist or its person lives outside the viewer's areas."""
    return get_scoped_or_404(JobSeekerProfile.objects.select_related(*DETAIL_RELATED), viewer, pk=pk)


def profile_open(*, viewer, pk: int) -> JobSeekerProfile:
    """A profile's full record (contact, working-condition tolerances); opening it is logged."""
    profile = profile_get(viewer=viewer, pk=pk)
    audit_read(actor=viewer, instance=profile, area=profile.person.residence_commune)
    return profile


def own_profile(*, viewer) -> JobSeekerProfile | None:
    """The worker's current profile: the active one, else the latest placed or closed one; None without any.

    Read through the scope like any profile: a worker's scope is their own records (owner_path), nobody else's.
    """
    if not getattr(viewer, "is_authenticated", False):
        return None
    first_active = Case(When(status=ProfileStatus.ACTIVE, then=Value(0)), default=Value(1))
    return own_profile_shown(_own_profiles(viewer).order_by(first_active, "-registered_on", "-pk").first())


def own_profile_shown(profile: JobSeekerProfile | None) -> JobSeekerProfile | None:
    """The profile with its person as the worker's own pages show it (applications.selectors.own_record_shown):
    for display only, never saved."""
    from vieclam.applications.selectors import own_record_shown  # applications reads seekers: imported late

    if profile is not None:
        own_record_shown(profile.person)
    return profile


def own_active_profile(*, viewer) -> JobSeekerProfile | None:
    """The worker's active profile, the one they edit; None without one."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    return _own_profiles(viewer).filter(status=ProfileStatus.ACTIVE).first()


def own_person(*, viewer) -> Person | None:
    """The worker's own record (Person.account), read through the scope; None when the account has none."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    from vieclam.applications.selectors import own_record_shown  # applications reads seekers: imported late

    people = scope_queryset(Person.objects.select_related("residence_commune__province"), viewer)
    return own_record_shown(people.filter(account=viewer).first())


def _own_profiles(viewer) -> QuerySet[JobSeekerProfile]:
    rows = scope_queryset(JobSeekerProfile.objects.select_related(*DETAIL_RELATED), viewer)
    return rows.filter(person__account=viewer)


def item_names(*, profile: JobSeekerProfile) -> dict[str, str]:
    """{field: item name} for the coded answers of a profile (position "nhan_vien" -> "Nhân viên"), one query."""
    wanted = {(slug, getattr(profile, field)): field for field, slug in CODED_FIELDS.items() if getattr(profile, field)}
    if not wanted:
        return {}
    condition = Q(pk__in=[])
    for slug, code in wanted:
        condition |= Q(code_list__slug=slug, code=code)
    rows = CodeItem.objects.filter(condition).values_list("code_list__slug", "code", "name_vi", "name_en")
    return {wanted[(slug, code)]: local_name(name_vi, name_en) for slug, code, name_vi, name_en in rows}


def person_candidates(*, viewer, text: str) -> QuerySet[Person]:
    """People in the viewer's areas to open a profile for: by a full CCCD/CMND number, or by name."""
    people = scope_queryset(Person.objects.select_related("residence_commune"), viewer)
    text = (text or "").strip()
    if not text:
        return people.none()
    if text.isdigit():
        people = people.filter(national_id=text)
    else:
        for word in fold(text).split():
            people = people.filter(search_text__contains=" " + word)
    return people.order_by("full_name", "pk")[:PERSON_MATCHES]


def person_in_scope(*, viewer, pk) -> Person | None:
    """The person with this id if they live in the viewer's areas; None otherwise (no hint that they exist)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return scope_queryset(Person.objects.select_related("residence_commune"), viewer).filter(pk=pk).first()


def active_profile_ids(*, person_ids) -> dict[int, int]:
    """{person id: id of their active profile} for the given people."""
    rows = JobSeekerProfile.objects.filter(person_id__in=list(person_ids), status=ProfileStatus.ACTIVE)
    return dict(rows.values_list("person_id", "pk"))
