"""Writes on vocational training: providers, courses, classes and enrolments with their status events. Each is
validated in full, scoped to the actor's areas and audited in the same transaction; a ValidationError (keyed by the
input field, a Vietnamese message naming it) means nothing was written.

A class roster may be enrolled at once (`enrolments_create`): every person is checked first, then all are written
in bulk with one audit event each; one bad person stops the whole roster. `enrolment_create` is the roster of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import Occupation
from vieclam.core.audit import audit_record, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.context import current_channel
from vieclam.core.models import AuditEvent
from vieclam.core.money import format_amount
from vieclam.people.models import Person
from vieclam.people.validation import Errors
from vieclam.training.choices import (
    NEXT_STATUSES,
    ClassFunding,
    DemandSource,
    EnrolmentStatus,
    ProviderKind,
    TrainingField,
    TrainingLevel,
)
from vieclam.training.models import (
    Course,
    Enrolment,
    EnrolmentEvent,
    PriorityGroup,
    Provider,
    TrainingClass,
    TrainingInterest,
)
from vieclam.training.rules import Book, best_group, book_on, employment_check_until, norm_for

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "MIN_AGE",
    "class_create",
    "course_create",
    "enrolment_create",
    "enrolment_transition",
    "enrolments_create",
    "interest_record",
    "provider_add_occupation",
    "provider_create",
)

MIN_AGE = 15  # Luật GDNN 2014: sơ cấp and regular training are for people from 15
MAX_AMOUNT = 1_000_000_000
CLASS_FIELDS = ("code", "course", "provider", "venue_commune", "start_date", "end_date", "capacity", "funding")
ENROL_FIELDS = ("priority_group", "funding", "support_amount", "enrolled_on")
CLASS_AUDITED = ("code", "course_id", "provider_id", "venue_commune_id", "start_date", "end_date", "capacity",
                 "funding")  # fmt: skip
ENROL_AUDITED = ("training_class_id", "person_id", "priority_group_id", "funding", "support_norm_id",
                 "support_amount", "status", "enrolled_on")  # fmt: skip

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được ghi nhận đào tạo nghề.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
REQUIRED = _("{field}: trường này bắt buộc.")
BAD_DATE = _("{field}: ngày không hợp lệ (dd/mm/yyyy).")
BAD_CHOICE = _("{field}: không có giá trị “{value}”; chọn một trong {choices}.")
TOO_LONG = _("{field}: tối đa {max} ký tự.")
OUTSIDE = _("{field}: {name} nằm ngoài địa bàn bạn phụ trách.")
NOT_LICENSED = _("Cơ sở đào tạo: {provider} không được cấp phép đào tạo nghề “{occupation}”.")
END_BEFORE_START = _("Ngày kết thúc {end} trước ngày khai giảng {start}.")
BAD_CAPACITY = _("Số chỗ: phải từ 1 đến {max}.")
BAD_NUMBER = _("{field}: phải là số nguyên từ {min} đến {max}.")
PERSON_OUTSIDE = _("Học viên: {name} cư trú ngoài địa bàn bạn phụ trách.")
TOO_YOUNG = _("Học viên: {name} chưa đủ {age} tuổi vào ngày khai giảng {day}.")
TWICE = _("Học viên: {name} đã có tên trong lớp này.")
TWICE_IN_INPUT = _("Học viên: {name} có tên hai lần trong danh sách.")
FULL = _("Số chỗ: lớp chỉ có {capacity} chỗ, đã có {taken} học viên; không thể ghi danh thêm {more} người.")
ENROL_AFTER_END = _("Ngày ghi danh {day} sau ngày kết thúc lớp {end}.")
SELF_FUNDED_CLASS = _("Nguồn kinh phí: lớp tự học không có học viên được chương trình hỗ trợ.")
SUPPORT_SELF_FUNDED = _("Tiền hỗ trợ: học viên tự học không được hỗ trợ chi phí đào tạo.")
SUPPORT_NO_NORM = _("Tiền hỗ trợ: {group} không có định mức hỗ trợ cho trình độ “{level}” vào ngày {day}.")
SUPPORT_NO_GROUP = _("Tiền hỗ trợ: {name} không thuộc nhóm ưu tiên nào nên không được hỗ trợ.")
SUPPORT_ABOVE_NORM = _("Tiền hỗ trợ: {amount} đồng vượt định mức {norm} đồng/người/khóa ({source}).")
SUPPORT_ABOVE_COST = _("Tiền hỗ trợ: {amount} đồng vượt chi phí đào tạo của khóa {cost} đồng.")
NOT_A_GROUP = _("Nhóm ưu tiên: không có nhóm “{value}” có hiệu lực ngày {day}.")
BAD_STEP = _("Trạng thái: không chuyển được từ “{old}” sang “{new}”.")
COMPLETED_BEFORE_START = _("Ngày hoàn thành {day} trước ngày khai giảng {start}.")
STEP_BEFORE_ENROLLED = _("Ngày: {day} trước ngày ghi danh {enrolled}.")
NO_CERTIFICATE = _("Số chứng chỉ: ghi số chứng chỉ khi học viên hoàn thành khóa học.")
OUTSIDE_AREA = _("Học viên này cư trú ngoài địa bàn bạn phụ trách.")
ALREADY_LICENSED = _("Nghề được cấp phép: cơ sở đã được cấp phép đào tạo nghề “{occupation}”.")


def _day(value: dt.date) -> str:
    return date_format(value, "d/m/Y")


def _check_staff(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _unknown(data: dict, allowed: Sequence[str]) -> None:
    unknown = [field for field in data if field not in allowed]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})


def _date(data: dict, key: str, label, errors: Errors, *, required: bool = True) -> dt.date | None:
    value = data.get(key)
    if value in (None, ""):
        if required:
            errors.add(key, REQUIRED.format(field=label))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        errors.add(key, BAD_DATE.format(field=label))
        return None
    return value


def _choice(data: dict, key: str, label, choices, errors: Errors) -> str:
    value = (data.get(key) or "").strip()
    if not value:
        errors.add(key, REQUIRED.format(field=label))
    elif value not in choices.values:
        errors.add(key, BAD_CHOICE.format(field=label, value=value, choices=", ".join(map(str, choices.labels))))
    return value


def _number(data: dict, key: str, label, errors: Errors, *, low: int, high: int, default: int | None = None) -> int:
    value = data.get(key, default)
    if value is None or isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors.add(key, BAD_NUMBER.format(field=label, min=format_amount(low), max=format_amount(high)))
        return 0
    return value


def _text(data: dict, key: str, label, limit: int, errors: Errors) -> str:
    text = (data.get(key) or "").strip()
    if len(text) > limit:
        errors.add(key, TOO_LONG.format(field=label, max=limit))
    return text


def _audit_create(actor, instance, fields: Sequence[str], area) -> None:
    values = snapshot(instance, fields)
    changes = {k: [None, v] for k, v in values.items() if v not in (None, "", False)}
    audit_record(actor=actor, action=AuditAction.CREATE, instance=instance, changes=changes, area=area)


#
# Providers and courses (the province's lists)
#
@transaction.atomic
def provider_create(*, actor: User, data: dict) -> Provider:
    """A training provider in a commune of the actor's areas, with the occupations it is licensed to train."""
    _check_staff(actor)
    _unknown(data, ("name", "kind", "commune", "licence_number", "occupations"))
    errors = Errors()
    name = _text(data, "name", _("Tên cơ sở đào tạo"), 200, errors)
    if not name:
        errors.add("name", REQUIRED.format(field=_("Tên cơ sở đào tạo")))
    kind = _choice(data, "kind", _("Loại cơ sở"), ProviderKind, errors)
    commune = data.get("commune")
    if commune is None:
        errors.add("commune", REQUIRED.format(field=_("Xã, phường")))
    elif not scope_for(actor).covers_unit(commune):
        errors.add("commune", OUTSIDE.format(field=_("Xã, phường"), name=commune.name))
    licence = _text(data, "licence_number", _("Số giấy chứng nhận"), 50, errors)
    occupations = list(data.get("occupations") or [])
    if any(not isinstance(o, Occupation) for o in occupations):
        errors.add("occupations", REQUIRED.format(field=_("Nghề được cấp phép")))
    if name and commune is not None and Provider.objects.filter(name=name, commune=commune).exists():
        errors.add("name", _("Tên cơ sở đào tạo: đã có “{name}” ở {commune}.").format(name=name, commune=commune.name))
    if errors:
        raise ValidationError(errors)
    assert commune is not None  # for mypy: checked above
    provider = Provider.objects.create(name=name, kind=kind, commune=commune, licence_number=licence)
    provider.occupations.set(occupations)
    _audit_create(actor, provider, ("name", "kind", "commune_id", "licence_number"), commune)
    return provider


@transaction.atomic
def provider_add_occupation(*, actor: User, provider: Provider, occupation: Occupation | None) -> Provider:
    """Add an occupation to those the provider is licensed to train (a level-4 VSCO 2020 occupation)."""
    _check_staff(actor)
    if not scope_for(actor).covers_unit(provider.commune):
        raise PermissionDenied(OUTSIDE.format(field=_("Cơ sở đào tạo"), name=provider.name))
    if not isinstance(occupation, Occupation):
        raise ValidationError({"occupation": REQUIRED.format(field=_("Nghề được cấp phép"))})
    if provider.occupations.filter(pk=occupation.pk).exists():
        raise ValidationError({"occupation": ALREADY_LICENSED.format(occupation=occupation.name_vi)})
    provider.occupations.add(occupation)
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=provider,
                 changes={"occupations": [None, occupation.code]}, area=provider.commune)  # fmt: skip
    return provider


@transaction.atomic
def course_create(*, actor: User, data: dict) -> Course:
    """A training programme: occupation, level, field, duration (days) and cost norm (đồng per trainee)."""
    _check_staff(actor)
    _unknown(data, ("name", "occupation", "level", "field", "duration_days", "cost_norm"))
    errors = Errors()
    name = _text(data, "name", _("Tên khóa đào tạo"), 200, errors)
    if not name:
        errors.add("name", REQUIRED.format(field=_("Tên khóa đào tạo")))
    if not isinstance(data.get("occupation"), Occupation):
        errors.add("occupation", REQUIRED.format(field=_("Nghề đào tạo")))
    level = _choice(data, "level", _("Trình độ"), TrainingLevel, errors)
    field = _choice(data, "field", _("Lĩnh vực"), TrainingField, errors)
    days = _number(data, "duration_days", _("Thời gian đào tạo (ngày)"), errors, low=1, high=1500)
    cost = _number(data, "cost_norm", _("Định mức chi phí đào tạo"), errors, low=0, high=MAX_AMOUNT, default=0)
    if errors:
        raise ValidationError(errors)
    course = Course.objects.create(name=name, occupation=data["occupation"], level=level, field=field,
                                   duration_days=days, cost_norm=cost)  # fmt: skip
    fields = ("name", "occupation_id", "level", "field", "duration_days", "cost_norm")
    _audit_create(actor, course, fields, None)
    return course


#
# Classes
#
@transaction.atomic
def class_create(*, actor: User, data: dict) -> TrainingClass:
    """Open a class of a course at a provider licensed for its occupation, in a commune of the actor's areas."""
    _check_staff(actor)
    _unknown(data, CLASS_FIELDS)
    errors = Errors()
    course, provider, venue = data.get("course"), data.get("provider"), data.get("venue_commune")
    if not isinstance(course, Course):
        errors.add("course", REQUIRED.format(field=_("Khóa đào tạo")))
    if not isinstance(provider, Provider):
        errors.add("provider", REQUIRED.format(field=_("Cơ sở đào tạo")))
    elif isinstance(course, Course) and not provider.occupations.filter(pk=course.occupation_id).exists():
        errors.add("provider", NOT_LICENSED.format(provider=provider.name, occupation=course.occupation.name_vi))
    if venue is None:
        errors.add("venue_commune", REQUIRED.format(field=_("Nơi mở lớp")))
    elif not scope_for(actor).covers_unit(venue):
        errors.add("venue_commune", OUTSIDE.format(field=_("Nơi mở lớp"), name=venue.name))
    start = _date(data, "start_date", _("Ngày khai giảng"), errors)
    end = _date(data, "end_date", _("Ngày kết thúc"), errors)
    if start and end and end < start:
        errors.add("end_date", END_BEFORE_START.format(end=_day(end), start=_day(start)))
    capacity = data.get("capacity")
    if not isinstance(capacity, int) or isinstance(capacity, bool) or not 1 <= capacity <= 500:
        errors.add("capacity", BAD_CAPACITY.format(max=500))
    funding = _choice(data, "funding", _("Nguồn kinh phí"), ClassFunding, errors)
    code = _text(data, "code", _("Số hiệu lớp"), 40, errors)
    if errors:
        raise ValidationError(errors)
    assert start is not None and end is not None and venue is not None  # for mypy: checked above
    assert isinstance(course, Course) and isinstance(provider, Provider) and isinstance(capacity, int)
    row = TrainingClass.objects.create(code=code, course=course, provider=provider, venue_commune=venue,
                                       start_date=start, end_date=end, capacity=capacity, funding=funding,
                                       recorded_by=actor)  # fmt: skip
    _audit_create(actor, row, CLASS_AUDITED, venue)
    return row


#
# Enrolments
#
def enrolment_create(*, actor: User, training_class: TrainingClass, person: Person, data: dict) -> Enrolment:
    """Enrol one person (see enrolments_create)."""
    return enrolments_create(actor=actor, training_class=training_class, rows=[(person, data)])[0]


@transaction.atomic
def enrolments_create(
    *, actor: User, training_class: TrainingClass, rows: Sequence[tuple[Person, dict]]
) -> list[Enrolment]:
    """Enrol people in a class: each (person, data) with data keys priority_group (a PriorityGroup or its code;
    empty: found from the person's record), funding (default the class's), support_amount (đồng, default 0),
    enrolled_on (default the class start). All are checked (area, age 15 at the start, twice, seats, norm) before
    anything is written; the class row is locked so two rosters cannot both take the last seats."""
    _check_staff(actor)
    for _person, data in rows:
        _unknown(data, ENROL_FIELDS)
    klass = TrainingClass.objects.select_for_update().select_related("course").get(pk=training_class.pk)
    ids = [person.pk for person, _data in rows]
    persons = Person.objects.select_related("household", "ethnicity", "residence_commune").in_bulk(ids)
    errors = Errors()
    taken = klass.enrolments.exclude(status=EnrolmentStatus.DROPPED).count()
    if taken + len(rows) > klass.capacity:
        errors.add("person", FULL.format(capacity=klass.capacity, taken=taken, more=len(rows)))
    already = set(klass.enrolments.filter(person_id__in=ids).values_list("person_id", flat=True))
    scope, seen, built, book = scope_for(actor), set(), [], book_on(klass.start_date)
    for person, data in rows:
        person = persons[person.pk]
        if person.pk in already:
            errors.add("person", TWICE.format(name=person.full_name))
        elif person.pk in seen:
            errors.add("person", TWICE_IN_INPUT.format(name=person.full_name))
        seen.add(person.pk)
        built.append(_enrolment(actor, scope, book, klass, person, data, errors))
    if errors:
        raise ValidationError(errors)
    created = Enrolment.objects.bulk_create(built, batch_size=500)
    if not all(row.pk for row in created):  # a backend that does not return ids (not SQLite ≥ 3.35 nor PostgreSQL)
        by_person = dict(klass.enrolments.filter(person_id__in=ids).values_list("person_id", "pk"))
        for row in created:
            row.pk = by_person[row.person_id]
    EnrolmentEvent.objects.bulk_create(
        [EnrolmentEvent(enrolment_id=row.pk, status=row.status, on=row.enrolled_on, recorded_by=actor)
         for row in created], batch_size=500,
    )  # fmt: skip
    _audit_many(actor, created, {row.person_id: persons[row.person_id].residence_commune for row in created})
    return created


def _enrolment(actor, scope, book: Book, klass: TrainingClass, person: Person, data: dict, errors: Errors) -> Enrolment:
    start, level = klass.start_date, klass.course.level
    if not scope.covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
    if _age(person.date_of_birth, start) < MIN_AGE:
        errors.add("person", TOO_YOUNG.format(name=person.full_name, age=MIN_AGE, day=_day(start)))
    enrolled_on = _date(data, "enrolled_on", _("Ngày ghi danh"), errors, required=False) or start
    if enrolled_on > klass.end_date:
        errors.add("enrolled_on", ENROL_AFTER_END.format(day=_day(enrolled_on), end=_day(klass.end_date)))
    group, norm = _group(data.get("priority_group"), person, level=level, book=book, errors=errors)
    funding = (data.get("funding") or klass.funding).strip()
    if funding not in ClassFunding.values:
        choices = ", ".join(map(str, ClassFunding.labels))
        errors.add("funding", BAD_CHOICE.format(field=_("Nguồn kinh phí"), value=funding, choices=choices))
    elif klass.funding == ClassFunding.SELF_FUNDED and funding != ClassFunding.SELF_FUNDED:
        errors.add("funding", str(SELF_FUNDED_CLASS))
    amount = data.get("support_amount") or 0
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT:
        errors.add("support_amount", BAD_NUMBER.format(field=_("Tiền hỗ trợ"), min=0, max=format_amount(MAX_AMOUNT)))
        amount = 0
    if amount:
        _check_support(amount, funding, group, norm, person, klass, errors)
    return Enrolment(
        training_class=klass, person=person, priority_group=group, funding=funding,
        support_norm=norm if funding == ClassFunding.SUPPORTED else None, support_amount=amount,
        status=EnrolmentStatus.ENROLLED, enrolled_on=enrolled_on, recorded_by=actor,
    )  # fmt: skip


def _group(value, person: Person, *, level: str, book: Book, errors: Errors):
    """The named group (a PriorityGroup or its code) and its norm, or the person's best group when none is named."""
    if value in (None, ""):
        return best_group(person, level=level, book=book)
    code = value.code if isinstance(value, PriorityGroup) else str(value)
    group = next((g for g in book.groups if g.code == code), None)
    if group is None:
        errors.add("priority_group", NOT_A_GROUP.format(value=getattr(value, "name_vi", value), day=_day(book.on)))
        return None, None
    return group, norm_for(group, level=level, book=book)


def _check_support(amount: int, funding: str, group, norm, person: Person, klass: TrainingClass, errors) -> None:
    shown = format_amount(amount)
    if funding == ClassFunding.SELF_FUNDED:
        errors.add("support_amount", str(SUPPORT_SELF_FUNDED))
    elif group is None:
        errors.add("support_amount", SUPPORT_NO_GROUP.format(name=person.full_name))
    elif norm is None:
        level = TrainingLevel(klass.course.level).label
        errors.add("support_amount", SUPPORT_NO_NORM.format(group=group.name_vi, level=level,
                                                            day=_day(klass.start_date)))  # fmt: skip
    elif amount > norm.amount:
        errors.add("support_amount", SUPPORT_ABOVE_NORM.format(amount=shown, norm=format_amount(norm.amount),
                                                               source=norm.legal_source))  # fmt: skip
    elif klass.course.cost_norm and amount > klass.course.cost_norm:
        errors.add(
            "support_amount", SUPPORT_ABOVE_COST.format(amount=shown, cost=format_amount(klass.course.cost_norm))
        )


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _audit_many(actor, rows: Sequence[Enrolment], areas: dict) -> None:
    """One CREATE event per enrolment, written together (as core.audit.audit_record writes one)."""
    content_type = ContentType.objects.get_for_model(Enrolment)
    user = actor if getattr(actor, "is_authenticated", False) else None
    events = []
    for row in rows:
        values = snapshot(row, ENROL_AUDITED)
        events.append(AuditEvent(
            actor=user, actor_username=getattr(actor, "username", "") or "", action=AuditAction.CREATE,
            channel=current_channel(), content_type=content_type, object_id=str(row.pk),
            object_repr=str(row)[:200], changes={k: [None, v] for k, v in values.items() if v not in (None, "")},
            area=areas.get(row.person_id),
        ))  # fmt: skip
    AuditEvent.objects.bulk_create(events, batch_size=500)


@transaction.atomic
def enrolment_transition(
    *, actor: User, enrolment: Enrolment, status: str, on: dt.date | None, certificate_number: str = "",
    note: str = "",
) -> Enrolment:  # fmt: skip
    """Move an enrolment on: attending, completed (with its certificate; not before the class start) or dropped out.
    A completion sets the last day a job counts as found after training."""
    _check_staff(actor)
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("person__residence_commune", "training_class")
        .get(pk=enrolment.pk)
    )
    if not scope_for(actor).covers_unit(enrolment.person.residence_commune):
        raise PermissionDenied(OUTSIDE_AREA)
    errors = Errors()
    old = EnrolmentStatus(enrolment.status)
    if status not in EnrolmentStatus.values:
        choices = ", ".join(map(str, EnrolmentStatus.labels))
        errors.add("status", BAD_CHOICE.format(field=_("Trạng thái"), value=status, choices=choices))
    elif status not in NEXT_STATUSES[old]:
        errors.add("status", BAD_STEP.format(old=old.label, new=EnrolmentStatus(status).label))
    day = _date({"on": on}, "on", _("Ngày"), errors)
    start = enrolment.training_class.start_date
    if day and status == EnrolmentStatus.COMPLETED and day < start:
        errors.add("on", COMPLETED_BEFORE_START.format(day=_day(day), start=_day(start)))
    elif day and day < enrolment.enrolled_on:
        errors.add("on", STEP_BEFORE_ENROLLED.format(day=_day(day), enrolled=_day(enrolment.enrolled_on)))
    certificate = _text({"c": certificate_number}, "c", _("Số chứng chỉ"), 50, errors)
    if status == EnrolmentStatus.COMPLETED and not certificate:
        errors.add("certificate_number", str(NO_CERTIFICATE))
    note = _text({"note": note}, "note", _("Ghi chú"), 400, errors)
    if errors:
        raise ValidationError(errors)
    assert day is not None  # for mypy: checked above
    before = snapshot(enrolment, ("status", "completed_on", "certificate_number", "dropped_on", "drop_reason"))
    enrolment.status = status
    if status == EnrolmentStatus.COMPLETED:
        enrolment.completed_on, enrolment.certificate_number = day, certificate
        enrolment.employment_check_until = employment_check_until(day)
    elif status == EnrolmentStatus.DROPPED:
        enrolment.dropped_on, enrolment.drop_reason = day, note
    enrolment.save()
    EnrolmentEvent.objects.create(enrolment=enrolment, status=status, on=day, note=note, recorded_by=actor)
    after = snapshot(enrolment, ("status", "completed_on", "certificate_number", "dropped_on", "drop_reason"))
    changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=enrolment, changes=changes,
                 area=enrolment.person.residence_commune)  # fmt: skip
    return enrolment


@transaction.atomic
def interest_record(*, actor: User, person: Person, data: dict) -> TrainingInterest:
    """Record a person's wish to learn an occupation (data: occupation, source, recorded_on)."""
    _check_staff(actor)
    _unknown(data, ("occupation", "source", "recorded_on"))
    errors = Errors()
    if not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
    occupation = data.get("occupation")
    if not isinstance(occupation, Occupation):
        errors.add("occupation", REQUIRED.format(field=_("Nghề muốn học")))
    source = _choice(data, "source", _("Nguồn ghi nhận"), DemandSource, errors)
    day = _date(data, "recorded_on", _("Ngày ghi nhận"), errors)
    if errors:
        raise ValidationError(errors)
    assert isinstance(occupation, Occupation) and day is not None  # for mypy: checked above
    row = TrainingInterest.objects.create(person=person, occupation=occupation, source=source, recorded_on=day,
                                          recorded_by=actor)  # fmt: skip
    _audit_create(actor, row, ("person_id", "occupation_id", "source", "recorded_on"), person.residence_commune)
    return row
