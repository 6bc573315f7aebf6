"""Writes on job-seeker profiles: validated as a whole, scoped to the actor's areas, audited in the same transaction.

`data` holds codes and plain values as the API and the forms receive them (occupation "2411", workplace_1 "80"
or "25459", position "nhan_vien", dates as datetime.date); seekers.validation turns them into stored values.
Every problem is raised as one ValidationError naming its fields, and nothing is written then. An old pre-2025
area code is mapped to the unit that absorbed it; the note is left in `profile.warnings` (not stored).

Staff keep the profiles of the people in their areas (profile_create, profile_update, profile_set_status). A worker
keeps their own (profile_create_self, profile_update_self: the Mẫu 02 fields of the job sought, never the status
or the registration date). A hire recorded by the vacancy's employer marks the profile placed
(profile_place_on_hire). All of them share the field checks, the saving and the audit trail under the real actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.applications.choices import ApplicationStatus
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.people.models import LABOUR_AGE, Person
from vieclam.people.validation import Errors
from vieclam.seekers.choices import STATUS_TRANSITIONS, ProfileStatus
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.validation import PROFILE_FIELDS, clean_fields

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "SELF_FIELDS",
    "profile_create",
    "profile_create_self",
    "profile_place_on_hire",
    "profile_set_status",
    "profile_update",
    "profile_update_self",
    "self_defaults",
)

# Audited as stored values; the foreign keys are audited by their codes (see _audit_values).
FK_FIELDS = ("occupation", "workplace_1", "workplace_2")
PLAIN_AUDITED = ("status", *(f for f in PROFILE_FIELDS if f not in FK_FIELDS))
# What a worker fills in about their own job search: everything but the registration date (set by staff, or today).
SELF_FIELDS = tuple(f for f in PROFILE_FIELDS if f != "registered_on")

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được tạo hoặc sửa hồ sơ người tìm việc.")
OUTSIDE_AREA = _("Hồ sơ này nằm ngoài địa bàn bạn phụ trách.")
REQUIRED = _("Trường này bắt buộc.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
PERSON_FIXED = _("Không đổi được người của hồ sơ: hãy đóng hồ sơ này và lập hồ sơ mới cho người kia.")
STATUS_SEPARATE = _("Trạng thái được đổi bằng thao tác riêng (nút trạng thái, hoặc POST …/status/).")
PERSON_OUTSIDE = _("{name} cư trú ngoài địa bàn bạn phụ trách.")
PERSON_UNDER_AGE = _("{name} mới {age} tuổi: người tìm việc phải đủ {min_age} tuổi trở lên.")
PERSON_ALREADY_ACTIVE = _("{name} đã có hồ sơ tìm việc đang hoạt động (#{pk}): hãy cập nhật hoặc đóng hồ sơ đó.")
WORKPLACE_2_WITHOUT_1 = _("Ghi nơi làm việc ưu tiên 1 trước nơi ưu tiên 2.")
WORKPLACE_TWICE = _("Nơi làm việc ưu tiên 2 trùng nơi ưu tiên 1.")
AVAILABLE_TWICE = _("Chọn “sẵn sàng làm việc ngay” hoặc ngày bắt đầu làm việc, không chọn cả hai.")
BAD_STATUS = _("Trạng thái '{value}' không hợp lệ; chọn một trong: {choices}.")
SAME_STATUS = _("Hồ sơ đã ở trạng thái “{status}”.")
BAD_TRANSITION = _("Không chuyển được từ “{old}” sang “{new}”.")
ONLY_WORKER = _("Chỉ tài khoản người lao động tự lập hồ sơ tìm việc của mình; cán bộ dùng trang Người tìm việc.")
NO_PERSON = _("Tài khoản của bạn chưa gắn với hồ sơ người lao động: hãy liên hệ trung tâm dịch vụ việc làm.")
SELF_UNDER_AGE = _("Bạn mới {age} tuổi: người tìm việc phải đủ {min_age} tuổi trở lên.")
SELF_ALREADY_ACTIVE = _("Bạn đã có hồ sơ tìm việc đang hoạt động (#{pk}): hãy sửa hồ sơ đó.")
SELF_NOT_ACTIVE = _("Hồ sơ này đã chuyển sang “{status}”: hãy lập hồ sơ tìm việc mới.")
SELF_FIELD_FIXED = _("Trường này do cán bộ ghi, bạn không tự sửa được.")
NOT_HIRED = _("Hồ sơ ứng tuyển chưa ở trạng thái “Đã tuyển dụng”.")
NOT_THE_HIRER = _("Chỉ người sử dụng lao động của việc làm này, hoặc cán bộ phụ trách địa bàn, ghi nhận tuyển dụng.")


@transaction.atomic
def profile_create(*, actor: User, person: Person, data: dict) -> JobSeekerProfile:
    """Open an active profile for a person aged 15+ living in the actor's areas; returns the saved profile."""
    _check_actor(actor)
    errors = Errors()
    _check_person(actor, person, errors)
    return _create(actor=actor, person=person, data=data, errors=errors, allowed=PROFILE_FIELDS)


@transaction.atomic
def profile_create_self(*, actor: User, data: dict) -> JobSeekerProfile:
    """A worker opens their own active profile (the Person linked to their account); registered today.

    `data` takes the SELF_FIELDS, as profile_create does. A worker with an active profile edits that one
    (profile_update_self); after a placed or closed one they open a new one here.
    """
    person = _own_person(actor)
    errors = Errors()
    age = person.age_on(today())
    if age < LABOUR_AGE:
        errors.add("person", SELF_UNDER_AGE.format(age=age, min_age=LABOUR_AGE))
    return _create(actor=actor, person=person, data=data, errors=errors, allowed=SELF_FIELDS, own=True)


@transaction.atomic
def profile_update(*, actor: User, profile: JobSeekerProfile, data: dict) -> JobSeekerProfile:
    """Change the fields given in `data`; records old and new values (nothing is written when nothing changed)."""
    _check_actor(actor)
    _check_in_scope(actor, profile)
    if getattr(data.get("person"), "pk", None) == profile.person_id:  # a full object sent back unchanged
        data = {k: v for k, v in data.items() if k != "person"}
    return _update(actor=actor, profile=profile, data=data, allowed=PROFILE_FIELDS)


@transaction.atomic
def profile_update_self(*, actor: User, profile: JobSeekerProfile, data: dict) -> JobSeekerProfile:
    """A worker changes the given SELF_FIELDS of their own active profile; Http404 for anybody else's profile."""
    _check_worker(actor)
    # Through the scope, like every read (a worker's scope is their own records), and under a row lock: the status
    # must still be active when the change is saved.
    own = JobSeekerProfile.objects.select_for_update(of=("self",)).filter(pk=profile.pk, person__account=actor)
    status = scope_queryset(own, actor).values_list("status", flat=True).first()
    if status is None:
        raise Http404
    if status != ProfileStatus.ACTIVE:
        raise ValidationError(SELF_NOT_ACTIVE.format(status=ProfileStatus(status).label))
    return _update(actor=actor, profile=profile, data=data, allowed=SELF_FIELDS)


def self_defaults() -> dict:
    """Each of the SELF_FIELDS as on a new profile, in service input form: what a full replacement (PUT) resets."""
    values = {}
    for name in SELF_FIELDS:
        field = JobSeekerProfile._meta.get_field(name)
        values[name] = field.get_default() if isinstance(field, models.Field) and not field.is_relation else None
    return values


def _create(
    *, actor: User, person: Person, data: dict, errors: Errors, allowed: tuple[str, ...], own: bool = False
) -> JobSeekerProfile:
    """Shared by staff and self-service: clean, check, save and audit a new active profile (errors: found so far)."""
    values, field_errors, notes = clean_fields(data)
    _merge(errors, field_errors)
    _reject_unknown(data, errors, allowed=allowed)
    profile = JobSeekerProfile(person=person, status=ProfileStatus.ACTIVE, registered_on=today())
    for field, value in values.items():
        setattr(profile, field, value)
    if "title" not in data:
        errors.add("title", str(REQUIRED))
    _check_together(profile, errors)
    if "person" not in errors:
        _check_single_active(profile, errors, field="person", own=own)
    if errors:
        raise ValidationError(errors)
    _save(profile, own=own)
    changes = {k: [None, v] for k, v in _audit_values(profile).items() if v not in (None, "", [], False)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=profile, changes=changes, area=_area(profile))
    profile.warnings = notes
    return profile


def _update(*, actor: User, profile: JobSeekerProfile, data: dict, allowed: tuple[str, ...]) -> JobSeekerProfile:
    """Shared by staff and self-service: clean, check, save and audit the changed fields."""
    values, errors, notes = clean_fields(data)
    _reject_unknown(data, errors, allowed=allowed)
    before = _audit_values(profile)
    for field, value in values.items():
        setattr(profile, field, value)
    _check_together(profile, errors)
    if errors:
        raise ValidationError(errors)
    changes = diff(before, _audit_values(profile))
    if changes:
        _save(profile)
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=profile, changes=changes, area=_area(profile))
    profile.warnings = notes
    return profile


@transaction.atomic
def profile_set_status(*, actor: User, profile: JobSeekerProfile, status: str) -> JobSeekerProfile:
    """Mark a profile placed or closed, or reopen it (only if the person has no other active profile)."""
    _check_actor(actor)
    _check_in_scope(actor, profile)
    return _set_status(actor=actor, profile=profile, status=status)


@transaction.atomic
def profile_place_on_hire(*, actor: User, application) -> JobSeekerProfile | None:
    """The person of a hired application found work: their active profile, if any, becomes placed.

    Called by applications.services.application_transition in the same transaction as the hire. `actor` is who
    recorded it: the account of the application's vacancy's employer, or staff of the person's area.
    """
    if application.status != ApplicationStatus.HIRED:
        raise ValidationError({"status": str(NOT_HIRED)})
    person = application.person
    hirer = getattr(actor, "is_authenticated", False) and application.vacancy.employer.account_id == actor.pk
    staff = getattr(actor, "is_staff_role", False) and scope_for(actor).covers_unit(person.residence_commune)
    if not (hirer or staff):
        raise PermissionDenied(NOT_THE_HIRER)
    profile = (
        JobSeekerProfile.objects.select_for_update(of=("self",))
        .select_related("person__residence_commune")
        .filter(person=person, status=ProfileStatus.ACTIVE)
        .first()
    )
    if profile is None:
        return None
    return _set_status(actor=actor, profile=profile, status=ProfileStatus.PLACED)


def _set_status(*, actor: User, profile: JobSeekerProfile, status: str) -> JobSeekerProfile:
    old = profile.status
    if status not in ProfileStatus.values:
        choices = ", ".join(ProfileStatus.values)
        raise ValidationError({"status": BAD_STATUS.format(value=status, choices=choices)})
    if status == old:
        raise ValidationError({"status": SAME_STATUS.format(status=ProfileStatus(old).label)})
    if status not in STATUS_TRANSITIONS[ProfileStatus(old)]:
        labels = {"old": ProfileStatus(old).label, "new": ProfileStatus(status).label}
        raise ValidationError({"status": BAD_TRANSITION.format(**labels)})
    profile.status = status
    errors = Errors()
    _check_single_active(profile, errors, field="status")
    if errors:
        profile.status = old
        raise ValidationError(errors)
    _save(profile, field="status")
    changes = {"status": [old, status]}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=profile, changes=changes, area=_area(profile))
    return profile


#
# Checks
#
def _check_actor(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _check_worker(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or actor.role != Role.WORKER:
        raise PermissionDenied(ONLY_WORKER)


def _own_person(actor: User) -> Person:
    """The worker's own record (Person.account, read through the scope like any record); else refused."""
    _check_worker(actor)
    people = scope_queryset(Person.objects.select_related("residence_commune"), actor)
    person = people.filter(account=actor).first()
    if person is None:
        raise ValidationError({"person": str(NO_PERSON)})
    return person


def _check_in_scope(actor: User, profile: JobSeekerProfile) -> None:
    if not scope_for(actor).covers_unit(profile.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)


def _reject_unknown(data: dict, errors: Errors, *, allowed: tuple[str, ...]) -> None:
    for field in data:
        if field in allowed:
            continue
        if field == "person":
            errors.add(field, str(PERSON_FIXED))
        elif field == "status":
            errors.add(field, str(STATUS_SEPARATE))
        elif field in PROFILE_FIELDS:
            errors.add(field, str(SELF_FIELD_FIXED))
        else:
            errors.add(field, str(UNKNOWN_FIELD))


def _merge(errors: Errors, more: Errors) -> None:
    for field, messages in more.items():
        for message in messages:
            errors.add(field, message)


def _check_person(actor: User, person: Person, errors: Errors) -> None:
    """A job seeker is a resident of the actor's areas of labour age (TT 11/2022: from 15)."""
    if not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
        return
    age = person.age_on(today())
    if age < LABOUR_AGE:
        errors.add("person", PERSON_UNDER_AGE.format(name=person.full_name, age=age, min_age=LABOUR_AGE))


def _check_together(profile: JobSeekerProfile, errors: Errors) -> None:
    """Rules across fields: workplaces in order and distinct; availability now or from a date."""
    if profile.workplace_2_id and not profile.workplace_1_id:
        errors.add("workplace_2", str(WORKPLACE_2_WITHOUT_1))
    elif profile.workplace_2_id and profile.workplace_2_id == profile.workplace_1_id:
        errors.add("workplace_2", str(WORKPLACE_TWICE))
    if profile.available_now and profile.available_from:
        errors.add("available_from", str(AVAILABLE_TWICE))


def _check_single_active(profile: JobSeekerProfile, errors: Errors, *, field: str, own: bool = False) -> None:
    other = _other_active(profile)
    if other is not None:
        errors.add(field, _already_active(profile, other, own=own))


def _already_active(profile: JobSeekerProfile, other: int, *, own: bool) -> str:
    if own:
        return SELF_ALREADY_ACTIVE.format(pk=other)
    return PERSON_ALREADY_ACTIVE.format(name=profile.person.full_name, pk=other)


def _other_active(profile: JobSeekerProfile) -> int | None:
    if profile.status != ProfileStatus.ACTIVE:
        return None
    others = JobSeekerProfile.objects.filter(person_id=profile.person_id, status=ProfileStatus.ACTIVE)
    return others.exclude(pk=profile.pk).values_list("pk", flat=True).first()


#
# Saving and audit
#
def _save(profile: JobSeekerProfile, *, field: str = "person", own: bool = False) -> None:
    """Save; a concurrent second active profile surfaces as the same field error, not a 500."""
    profile.search_text = profile.build_search_text()
    profile.copy_person_facts()
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:
        other = _other_active(profile)
        if other is not None:
            raise ValidationError({field: _already_active(profile, other, own=own)}) from exc
        raise


def _audit_values(profile: JobSeekerProfile) -> dict:
    """Audited fields as JSON-safe values, foreign keys by their codes (occupation 2411, workplace 80)."""
    values = snapshot(profile, PLAIN_AUDITED)
    values["person"] = profile.person_id
    for field in FK_FIELDS:
        related = getattr(profile, field)
        values[field] = related.code if related is not None else None
    return values


def _area(profile: JobSeekerProfile):
    return profile.person.residence_commune
