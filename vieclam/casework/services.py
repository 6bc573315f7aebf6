"""Writes of case work: validated in full, inside the actor's areas, audited in the same transaction.

`data` holds plain values and rows: person (people.Person), topics (CodeItems of "counselling-topics"), channel
and unit_kind (CodeItems), counsellor / organiser (User, default: the actor), attendees (Persons), commune (a code
or a unit, resolved by places.resolve). Every wrong field is named in one ValidationError and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.casework.choices import CHANNELS_LIST, TOPICS_LIST, UNIT_KINDS_LIST
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupAttendance, GroupSession
from vieclam.casework.selectors import CASE_ROLES
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.people.validation import Errors
from vieclam.places.choices import Level
from vieclam.places.resolve import areas_resolve_in

if TYPE_CHECKING:
    from vieclam.accounts.models import User
    from vieclam.codelists.models import CodeItem
    from vieclam.people.models import Person

__all__ = (
    "case_assign",
    "case_update",
    "group_attendee_add",
    "group_attendee_remove",
    "group_session_create",
    "group_session_update",
    "session_create",
    "session_update",
)

SESSION_FIELDS = ("person", "held_on", "topics", "channel", "counsellor", "outcome", "next_step", "next_action_on",
                  "note")  # fmt: skip
GROUP_FIELDS = ("held_on", "commune", "unit_kind", "unit_name", "topics", "headcount", "attendees", "organiser",
                "note")  # fmt: skip
CASE_FIELDS = ("person", "counsellor", "assigned_on", "next_action_on", "next_action")
SHORT_TEXT = {"outcome": 300, "next_step": 300, "unit_name": 255, "next_action": 300}
NOTE_MAX = 5000

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được ghi hoạt động tư vấn.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("{field}: trường này bắt buộc.")
PERSON_OUTSIDE = _(
    "Người lao động: {name} cư trú ngoài địa bàn bạn phụ trách; chỉ ghi được cho người trong địa bàn của bạn."
)
COMMUNE_OUTSIDE = _("Xã, phường: {name} nằm ngoài địa bàn bạn phụ trách.")
IN_FUTURE = _("{field}: ngày {day} sau hôm nay.")
NEXT_BEFORE = _("Ngày hẹn tiếp theo ({next}) phải từ {field} ({day}) trở đi.")
NO_TOPIC = _("Nội dung tư vấn: chọn ít nhất một nội dung.")
NOT_IN_LIST = _("{field}: “{value}” không có trong danh mục {list}.")
NOT_IN_FORCE = _("{field}: “{value}” không còn hiệu lực vào ngày {day}.")
HEADCOUNT_NEGATIVE = _("Số lượt tham dự không được âm.")
HEADCOUNT_BELOW = _("Số lượt tham dự ({headcount}) ít hơn số người có tên ({named}).")
ALREADY_ATTENDING = _("Người tham dự: {name} đã có trong danh sách.")
ATTENDEE_OUTSIDE = _("Người tham dự: {name} cư trú ngoài địa bàn bạn phụ trách.")
COUNSELLOR_ROLE = _("Tư vấn viên: {name} không phải tư vấn viên hay cán bộ phụ trách địa bàn.")
COUNSELLOR_OUTSIDE = _("Tư vấn viên: {name} không phụ trách địa bàn nơi {person} cư trú.")
TOO_LONG = _("{field}: dài quá {max} ký tự.")
ALREADY_ASSIGNED = _("Người lao động: {name} đã được giao cho {counsellor}; hãy sửa phân công đó.")
OUTSIDE_AREA = _("Bản ghi này nằm ngoài địa bàn bạn phụ trách.")

LIST_NAMES = {TOPICS_LIST: _("nội dung tư vấn"), CHANNELS_LIST: _("hình thức tư vấn"),
              UNIT_KINDS_LIST: _("nơi tổ chức hội nghị")}  # fmt: skip


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


#
# Individual counselling
#
@transaction.atomic
def session_create(*, actor: User, data: dict) -> CounsellingSession:
    """Record a counselling session with a person living in the actor's areas."""
    _check_actor(actor)
    _known(data, SESSION_FIELDS)
    data = {"counsellor": actor, **data}
    errors = Errors()
    for field in ("person", "held_on", "channel"):
        if not data.get(field):
            errors.add(field, str(REQUIRED).format(field=_label(CounsellingSession, field)))
    session = CounsellingSession()
    topics = _check_session(actor, session, data, errors, changed=set(SESSION_FIELDS))
    session.save()
    session.topics.set(topics)
    changes = {k: [None, v] for k, v in _session_values(session).items() if v not in (None, "", [])}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=session, changes=changes, area=_area(session))
    return session


@transaction.atomic
def session_update(*, actor: User, session: CounsellingSession, data: dict) -> CounsellingSession:
    """Change the given fields of a session (the person stays: a session with someone else is another session)."""
    _check_actor(actor)
    _known(data, tuple(f for f in SESSION_FIELDS if f != "person"))
    if not scope_for(actor).covers_unit(session.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    before = _session_values(session)
    errors = Errors()
    topics = _check_session(actor, session, data, errors, changed=set(data))
    session.save()
    if topics is not None and "topics" in data:
        session.topics.set(topics)
    changes = diff(before, _session_values(session))
    if changes:
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=session, changes=changes, area=_area(session))
    return session


def _check_session(actor, session: CounsellingSession, data: dict, errors: Errors, *, changed: set[str]):
    for field in ("person", "held_on", "channel", "counsellor", "outcome", "next_step", "next_action_on", "note"):
        if field in data:
            value = data[field]
            setattr(session, field, value.strip() if isinstance(value, str) else value)
    person = session.person if session.person_id else None
    if person is not None and "person" in changed and not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", str(PERSON_OUTSIDE).format(name=person.full_name))
    day = session.held_on
    _check_day(errors, "held_on", _label(CounsellingSession, "held_on"), day)
    if session.channel_id:
        _check_item(errors, "channel", session.channel, CHANNELS_LIST, day, _label(CounsellingSession, "channel"))
    topics = None
    if "topics" in changed:
        topics = list(data.get("topics") or [])
        _check_topics(errors, topics, day)
    if session.counsellor_id and person is not None and "counsellor" in changed:
        _check_counsellor(errors, session.counsellor, person, actor, own_work=True)
    _check_next(errors, session.next_action_on, day, _label(CounsellingSession, "held_on"))
    _check_texts(errors, session, ("outcome", "next_step"))
    if len(session.note or "") > NOTE_MAX:
        errors.add("note", str(TOO_LONG).format(field=_label(CounsellingSession, "note"), max=NOTE_MAX))
    if errors:
        raise ValidationError(dict(errors))
    return topics


def _session_values(session: CounsellingSession) -> dict:
    values = snapshot(session, ("held_on", "outcome", "next_step", "next_action_on", "note"))
    values["person"] = session.person_id
    values["counsellor"] = session.counsellor_id
    values["channel"] = session.channel.code if session.channel_id else None
    values["topics"] = _codes(session) if session.pk else []
    return values


#
# Group sessions
#
@transaction.atomic
def group_session_create(*, actor: User, data: dict, warnings: list[str] | None = None) -> GroupSession:
    """Record a group session (hội nghị tư vấn) held in a commune of the actor's areas."""
    _check_actor(actor)
    _known(data, GROUP_FIELDS)
    data = {"organiser": actor, **data}
    group = GroupSession()
    errors = Errors()
    for field in ("held_on", "commune", "unit_kind"):
        if not data.get(field):
            errors.add(field, str(REQUIRED).format(field=_label(GroupSession, field)))
    topics, attendees = _check_group(actor, group, data, errors, changed=set(GROUP_FIELDS), warnings=warnings)
    group.save()
    group.topics.set(topics or [])
    _set_attendees(group, attendees or [])
    changes = {k: [None, v] for k, v in _group_values(group).items() if v not in (None, "", [], 0)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=group, changes=changes, area=group.commune)
    return group


@transaction.atomic
def group_session_update(
    *, actor: User, group: GroupSession, data: dict, warnings: list[str] | None = None
) -> GroupSession:
    _check_actor(actor)
    _known(data, GROUP_FIELDS)
    if not scope_for(actor).covers_unit(group.commune):
        raise PermissionDenied(OUTSIDE_AREA)
    before = _group_values(group)
    errors = Errors()
    topics, attendees = _check_group(actor, group, data, errors, changed=set(data), warnings=warnings)
    group.save()
    if "topics" in data:
        group.topics.set(topics or [])
    if "attendees" in data:
        _set_attendees(group, attendees or [])
    elif "held_on" in data:
        group.attendance.update(held_on=group.held_on)
    changes = diff(before, _group_values(group))
    if changes:
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=group, changes=changes, area=group.commune)
    return group


def _check_group(actor, group: GroupSession, data: dict, errors: Errors, *, changed: set[str], warnings):
    data, area_errors = areas_resolve_in(data, {"commune": [Level.COMMUNE]}, warnings=warnings)
    for field, messages in area_errors.items():
        for message in messages:
            errors.add(field, message)
    for field in ("held_on", "commune", "unit_kind", "unit_name", "headcount", "organiser", "note"):
        if field in data:
            value = data[field]
            setattr(group, field, value.strip() if isinstance(value, str) else value)
    scope = scope_for(actor)
    in_scope = not group.commune_id or scope.covers_unit(group.commune)
    if "commune" in changed and "commune" not in errors and not in_scope:
        errors.add("commune", str(COMMUNE_OUTSIDE).format(name=group.commune.name))
    day = group.held_on
    _check_day(errors, "held_on", _label(GroupSession, "held_on"), day)
    if group.unit_kind_id:
        _check_item(errors, "unit_kind", group.unit_kind, UNIT_KINDS_LIST, day, _label(GroupSession, "unit_kind"))
    topics = None
    if "topics" in changed:
        topics = list(data.get("topics") or [])
        _check_topics(errors, topics, day)
    attendees = None
    if "attendees" in changed:
        attendees = list({p.pk: p for p in data.get("attendees") or []}.values())
        for person in attendees:
            if not scope.covers_unit(person.residence_commune):
                errors.add("attendees", str(ATTENDEE_OUTSIDE).format(name=person.full_name))
    named = len(attendees) if attendees is not None else (group.attendance.count() if group.pk else 0)
    if group.headcount is None or group.headcount < 0:
        errors.add("headcount", str(HEADCOUNT_NEGATIVE))
    elif group.headcount < named:
        errors.add("headcount", str(HEADCOUNT_BELOW).format(headcount=group.headcount, named=named))
    _check_texts(errors, group, ("unit_name",))
    if len(group.note or "") > NOTE_MAX:
        errors.add("note", str(TOO_LONG).format(field=_label(GroupSession, "note"), max=NOTE_MAX))
    if errors:
        raise ValidationError(dict(errors))
    return topics, attendees


@transaction.atomic
def group_attendee_add(*, actor: User, group: GroupSession, person: Person) -> GroupAttendance:
    """Name one more attendee of a group session: a person of the actor's areas, within the head count."""
    _check_actor(actor)
    if not scope_for(actor).covers_unit(group.commune):
        raise PermissionDenied(OUTSIDE_AREA)
    group = GroupSession.objects.select_for_update().get(pk=group.pk)  # two officers adding at once: one count
    errors = Errors()
    if not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", str(ATTENDEE_OUTSIDE).format(name=person.full_name))
    if group.attendance.filter(person=person).exists():
        errors.add("person", str(ALREADY_ATTENDING).format(name=person.full_name))
    named = group.attendance.count() + 1
    if group.headcount < named:
        errors.add("person", str(HEADCOUNT_BELOW).format(headcount=group.headcount, named=named))
    if errors:
        raise ValidationError(dict(errors))
    before = _group_values(group)
    row = GroupAttendance.objects.create(session=group, person=person, held_on=group.held_on)
    changes = diff(before, _group_values(group))
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=group, changes=changes, area=group.commune)
    return row


@transaction.atomic
def group_attendee_remove(*, actor: User, group: GroupSession, person: Person) -> None:
    _check_actor(actor)
    if not scope_for(actor).covers_unit(group.commune):
        raise PermissionDenied(OUTSIDE_AREA)
    before = _group_values(group)
    group.attendance.filter(person=person).delete()
    changes = diff(before, _group_values(group))
    if changes:
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=group, changes=changes, area=group.commune)


def _set_attendees(group: GroupSession, attendees: list[Person]) -> None:
    group.attendance.all().delete()
    GroupAttendance.objects.bulk_create(
        GroupAttendance(session=group, person=person, held_on=group.held_on) for person in attendees
    )


def _group_values(group: GroupSession) -> dict:
    values = snapshot(group, ("held_on", "unit_name", "headcount", "note"))
    values["commune"] = group.commune.code if group.commune_id else None
    values["unit_kind"] = group.unit_kind.code if group.unit_kind_id else None
    values["organiser"] = group.organiser_id
    values["topics"] = _codes(group) if group.pk else []
    values["attendees"] = sorted(group.attendance.values_list("person_id", flat=True)) if group.pk else []
    return values


#
# Caseloads
#
@transaction.atomic
def case_assign(*, actor: User, data: dict) -> CaseAssignment:
    """Put a person of the actor's areas in the caseload of a counsellor (or officer) who works where they live."""
    _check_actor(actor)
    _known(data, CASE_FIELDS)
    data = {"assigned_on": today(), **data}
    errors = Errors()
    for field in ("person", "counsellor"):
        if not data.get(field):
            errors.add(field, str(REQUIRED).format(field=_label(CaseAssignment, field)))
    person = data.get("person")
    if person is not None:
        existing = CaseAssignment.objects.select_related("counsellor").filter(person=person).first()
        if existing is not None:
            errors.add("person", str(ALREADY_ASSIGNED).format(name=person.full_name, counsellor=existing.counsellor))
    case = CaseAssignment()
    _check_case(actor, case, data, errors, changed=set(CASE_FIELDS))
    case.save()
    changes = {k: [None, v] for k, v in _case_values(case).items() if v not in (None, "")}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=case, changes=changes, area=_area(case))
    return case


@transaction.atomic
def case_update(*, actor: User, case: CaseAssignment, data: dict) -> CaseAssignment:
    """Change the counsellor, the next action or its date (the person stays)."""
    _check_actor(actor)
    _known(data, tuple(f for f in CASE_FIELDS if f != "person"))
    if not scope_for(actor).covers_unit(case.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    before = _case_values(case)
    _check_case(actor, case, data, Errors(), changed=set(data))
    changes = diff(before, _case_values(case))
    if changes:
        case.save()
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=case, changes=changes, area=_area(case))
    return case


def _check_case(actor, case: CaseAssignment, data: dict, errors: Errors, *, changed: set[str]) -> None:
    for field in CASE_FIELDS:
        if field in data:
            value = data[field]
            setattr(case, field, value.strip() if isinstance(value, str) else value)
    person = case.person if case.person_id else None
    if person is not None and "person" in changed and not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", str(PERSON_OUTSIDE).format(name=person.full_name))
    if person is not None and case.counsellor_id and "counsellor" in changed and "person" not in errors:
        _check_counsellor(errors, case.counsellor, person, actor)
    if case.assigned_on is None:
        errors.add("assigned_on", str(REQUIRED).format(field=_label(CaseAssignment, "assigned_on")))
    else:
        _check_day(errors, "assigned_on", _label(CaseAssignment, "assigned_on"), case.assigned_on)
    _check_texts(errors, case, ("next_action",))
    if errors:
        raise ValidationError(dict(errors))


def _case_values(case: CaseAssignment) -> dict:
    values = snapshot(case, ("assigned_on", "next_action_on", "next_action"))
    values["person"] = case.person_id
    values["counsellor"] = case.counsellor_id
    return values


#
# Shared checks
#
def _check_actor(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _known(data: dict, fields: tuple[str, ...]) -> None:
    unknown = [field for field in data if field not in fields]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})


def _check_day(errors: Errors, field: str, label: str, day: dt.date | None) -> None:
    if day is not None and day > today():
        errors.add(field, str(IN_FUTURE).format(field=label, day=_day(day)))


def _check_next(errors: Errors, next_on: dt.date | None, day: dt.date | None, label: str) -> None:
    if next_on is not None and day is not None and next_on < day:
        errors.add("next_action_on", str(NEXT_BEFORE).format(next=_day(next_on), field=label.lower(), day=_day(day)))


def _check_item(errors: Errors, field: str, item: CodeItem, slug: str, day: dt.date | None, label: str) -> None:
    if item.code_list.slug != slug:
        errors.add(field, str(NOT_IN_LIST).format(field=label, value=item.name, list=LIST_NAMES[slug]))
    elif day is not None and not item.is_valid_on(day):
        errors.add(field, str(NOT_IN_FORCE).format(field=label, value=item.name, day=_day(day)))


def _check_topics(errors: Errors, topics: list, day: dt.date | None) -> None:
    if not topics:
        errors.add("topics", str(NO_TOPIC))
    label = _label(CounsellingSession, "topics")
    for item in topics:
        _check_item(errors, "topics", item, TOPICS_LIST, day, label)


def _check_counsellor(errors: Errors, counsellor, person: Person, actor, *, own_work: bool = False) -> None:
    """A caseload (and a session recorded for someone else) goes to a counsellor or officer working where the
    person lives; an administrator may record their own session (they cover every area) but holds no caseload."""
    if own_work and counsellor.pk == getattr(actor, "pk", None) and counsellor.is_admin_role:
        return
    if counsellor.role not in CASE_ROLES or not counsellor.is_active:
        errors.add("counsellor", str(COUNSELLOR_ROLE).format(name=counsellor))
    elif not scope_for(counsellor).covers_unit(person.residence_commune):
        errors.add("counsellor", str(COUNSELLOR_OUTSIDE).format(name=counsellor, person=person.full_name))


def _check_texts(errors: Errors, record, fields: tuple[str, ...]) -> None:
    for field in fields:
        if len(getattr(record, field) or "") > SHORT_TEXT[field]:
            label = _label(type(record), field)
            errors.add(field, str(TOO_LONG).format(field=label, max=SHORT_TEXT[field]))


def _codes(record) -> list[str]:
    return sorted(record.topics.values_list("code", flat=True))


def _area(record):
    return record.person.residence_commune


def _day(day: dt.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")
