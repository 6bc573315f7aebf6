"""Writes on households and persons: validated as a whole, audited in the same transaction.

Staff register people in their areas (person_create); a worker account registers its own record
(person_register_self). Both share the same field checks, record and audit trail; only who may write where differs.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import EthnicGroup
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.people import cccd
from vieclam.people.choices import ChangeKind, Sex
from vieclam.people.models import LABOUR_AGE, Household, HouseholdCounter, LabourEvent, Person
from vieclam.people.validation import CODED_FIELDS, Errors, check_coded, resolve_commune
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

if TYPE_CHECKING:
    from vieclam.accounts.models import User

PLAIN_FIELDS = (
    "full_name",
    "date_of_birth",
    "sex",
    "social_insurance_code",
    "address",
    "relationship",
    "priority_groups",
    "training_field",
    "phone",
    *CODED_FIELDS,
)
STATUS_FIELDS = (
    "activity_status",
    "employment_status",
    "occupation_id",
    "contract_type",
    "social_insurance",
    "workplace_type",
    "workplace_commune_id",
    "unemployment_duration",
    "residence_commune_id",
)
AUDIT_FIELDS = ("national_id", "ethnicity_id", "household_id", "permanent_commune_id", *PLAIN_FIELDS, *STATUS_FIELDS)
# What a worker states about themself when signing up; everything else is recorded by staff.
SELF_FIELDS = ("full_name", "national_id", "date_of_birth", "sex", "phone")
LABOUR_FIELDS = (
    "activity_status",
    "employment_status",
    "occupation",
    "contract_type",
    "workplace_type",
    "unemployment_duration",
    "technical_level",
)

NOT_WORKER_ACCOUNT = gettext_lazy("Chỉ tài khoản người lao động được tự đăng ký hồ sơ người lao động.")
ACCOUNT_LINKED = gettext_lazy("Tài khoản này đã gắn với một hồ sơ người lao động.")
NATIONAL_ID_TAKEN = gettext_lazy(
    "Số CCCD này đã có trong sổ đăng ký lao động. Hãy liên hệ UBND xã hoặc trung tâm dịch vụ việc làm "
    "để được gắn tài khoản với hồ sơ đã có."
)
REGISTERED_ELSEWHERE = gettext_lazy("Số định danh này đã có hồ sơ ở địa bàn khác, liên hệ cấp tỉnh.")
UNDER_AGE = gettext_lazy("Người lao động đăng ký tài khoản phải đủ {age} tuổi.")
NOT_A_COMMUNE_IN_FORCE = gettext_lazy("Chọn một xã, phường đang có hiệu lực.")
NOT_SELF_FIELD = gettext_lazy("Trường này do cán bộ ghi, không tự khai khi đăng ký.")
REQUIRED = gettext_lazy("Trường này bắt buộc.")
ABROAD_IN_FUTURE = gettext_lazy("Ngày đi làm việc ở nước ngoài không thể ở tương lai.")
ABROAD_UNDER_AGE = gettext_lazy("Người đi làm việc ở nước ngoài phải đủ {age} tuổi vào ngày đi.")
ABROAD_TWICE = gettext_lazy("{name} đã được ghi đi làm việc ở nước ngoài ngày {day}.")
ABROAD_OUTSIDE_AREA = gettext_lazy("{name} không ở trong địa bàn bạn phụ trách.")
EMPLOYED = "co_viec_lam"


def _check_identity(data: dict, errors: Errors, *, viewer=None, exclude_pk=None, check_clash: bool = True) -> None:
    """Birth date, sex and ID agree; an ID already registered is named only to a `viewer` whose areas hold it."""
    dob, sex, nid = data.get("date_of_birth"), data.get("sex"), data.get("national_id")
    if dob and dob > today():
        errors.add("date_of_birth", _("Ngày sinh không thể ở tương lai."))
    if sex and sex not in Sex.values:
        errors.add("sex", _("Giới tính phải là male hoặc female."))
    if not nid:
        return
    for message in cccd.check_against(nid, date_of_birth=dob, sex=sex):
        errors.add("national_id", message)
    clash = Person.objects.filter(national_id=nid).exclude(pk=exclude_pk).first() if check_clash else None
    if clash is not None:
        errors.add("national_id", _clash_message(clash, viewer))


def _clash_message(clash: Person, viewer) -> str:
    """Inside the viewer's areas the record is named so it can be opened; outside them, not even its id (a CCCD
    typed by an officer must not become a way to find out where a citizen lives)."""
    from vieclam.accounts.scoping import scope_queryset

    if viewer is not None and scope_queryset(Person.objects.filter(pk=clash.pk), viewer).exists():
        return _("Số định danh {nid} đã được đăng ký: {name} (hồ sơ #{pk}, {url}).").format(
            nid=clash.national_id,
            name=clash.full_name,
            pk=clash.pk,
            url=reverse("people:person_detail", args=[clash.pk]),
        )
    return str(REGISTERED_ELSEWHERE)


def _check_labour_age(data: dict, errors: Errors) -> None:
    dob = data.get("date_of_birth")
    if dob and Person(date_of_birth=dob).age_on(today()) < LABOUR_AGE:
        for field in LABOUR_FIELDS:
            if data.get(field):
                errors.add(field, _("Người dưới 15 tuổi là thành viên hộ, không có thông tin lao động."))


def _resolve_refs(data: dict, actor: User, errors: Errors, warnings: list[str]) -> dict:
    refs, on = {}, today()
    for field in ("residence_commune", "permanent_commune", "workplace_commune"):
        if data.get(field):
            refs[field] = resolve_commune(
                field=field, code=data[field], actor=actor, errors=errors, warnings=warnings, on=on
            )
    if data.get("ethnicity"):
        refs["ethnicity"] = EthnicGroup.objects.filter(code=data["ethnicity"]).first()
        if refs["ethnicity"] is None:
            errors.add("ethnicity", _("Mã dân tộc '{code}' không có (01–54).").format(code=data["ethnicity"]))
    if data.get("occupation"):
        from vieclam.codelists.models import Occupation

        refs["occupation"] = Occupation.objects.filter(code=data["occupation"]).first()
        if refs["occupation"] is None:
            errors.add("occupation", _("Mã nghề '{code}' không có trong VSCO 2020.").format(code=data["occupation"]))
    if data.get("household"):
        from vieclam.accounts.scoping import scope_queryset

        refs["household"] = scope_queryset(Household.objects.all(), actor).filter(pk=data["household"]).first()
        if refs["household"] is None:
            errors.add("household", _("Không có hộ #{pk} trong địa bàn của bạn.").format(pk=data["household"]))
    return refs


def possible_duplicates(*, full_name: str, date_of_birth: dt.date, commune, exclude_pk=None):
    """Same name (diacritics folded) + date of birth + commune: a warning with links, never a silent twin."""
    return Person.objects.filter(
        search_text=_search_text(full_name), date_of_birth=date_of_birth, residence_commune=commune
    ).exclude(pk=exclude_pk)


def _search_text(full_name: str) -> str:
    return " " + fold(full_name)


@transaction.atomic
def person_create(*, actor: User, data: dict) -> tuple[Person, list[str]]:
    """Register a person; returns (person, warnings). Raises ValidationError naming every bad field."""
    errors, warnings = Errors(), list[str]()
    _check_required(data, errors, ("full_name", "date_of_birth", "sex", "residence_commune"))
    _check_identity(data, errors, viewer=actor)
    _check_labour_age(data, errors)
    check_coded(data, errors)
    refs = _resolve_refs(data, actor, errors, warnings)
    if errors:
        raise ValidationError(errors)
    person = _build(data, refs, warnings)
    _save_new(actor=actor, person=person)
    return person, warnings


def person_register_self_check(*, account, commune: AdministrativeUnit, data: dict) -> Person | None:
    """Every check of person_register_self but one: a CCCD already in the registry is not an error here, its
    record is returned, so sign-up can answer exactly as for a new number and leave the match to staff."""
    if not getattr(account, "is_authenticated", False) or account.role != Role.WORKER:
        raise PermissionDenied(NOT_WORKER_ACCOUNT)
    errors = Errors()
    if Person.objects.filter(account=account).exists():
        errors.add("account", str(ACCOUNT_LINKED))
    for field in data:
        if field not in SELF_FIELDS:
            errors.add(field, str(NOT_SELF_FIELD))
    _check_required(data, errors, ("full_name", "date_of_birth", "sex"))
    _check_identity(data, errors, check_clash=False)
    dob = data.get("date_of_birth")
    if dob and "date_of_birth" not in errors and Person(date_of_birth=dob).age_on(today()) < LABOUR_AGE:
        errors.add("date_of_birth", UNDER_AGE.format(age=LABOUR_AGE))
    if commune is None or commune.level != Level.COMMUNE or not commune.is_valid_on(today()):
        errors.add("residence_commune", str(NOT_A_COMMUNE_IN_FORCE))
    if errors:
        raise ValidationError(errors)
    nid = data.get("national_id")
    return Person.objects.filter(national_id=nid).first() if nid else None


@transaction.atomic
def person_register_self(*, account, commune: AdministrativeUnit, data: dict) -> tuple[Person, list[str]]:
    """A worker account's own record in `commune`, linked by Person.account and audited under the worker's name.

    `data`: full_name, national_id, date_of_birth, sex, phone (SELF_FIELDS). Any commune in force will do: a
    worker lives where they live, not in anybody's scope. A CCCD already in the registry is refused without
    saying whose it is (sign-up itself never gets here with one: see applications.selfservice).
    """
    if person_register_self_check(account=account, commune=commune, data=data) is not None:
        raise ValidationError({"national_id": [str(NATIONAL_ID_TAKEN)]})
    warnings = list[str]()
    # No "possible twin" warnings here: they would show other people's names to whoever signs up.
    person = _build({k: v for k, v in data.items() if v}, {"residence_commune": commune}, warnings, twins=False)
    person.account = account
    _save_new(actor=account, person=person, extra_changes={"account": [None, account.username]})
    return person, warnings


@transaction.atomic
def person_register_self_unverified(*, account, commune: AdministrativeUnit, data: dict) -> Person:
    """The account's own record when the CCCD typed is already another record's (applications.selfservice).

    Made from the same data and in the same way as person_register_self (labour event, audit under the worker's
    name), so the worker's own pages behave as for a new number, but without the CCCD, which belongs to the other
    record until staff of its area confirm the account claim (the two records are then merged) or refuse it."""
    if person_register_self_check(account=account, commune=commune, data=data) is None:
        return person_register_self(account=account, commune=commune, data=data)[0]  # a new number after all
    values = {k: v for k, v in data.items() if v and k != "national_id"}
    person = _build(values, {"residence_commune": commune}, [], twins=False)
    person.id_kind = cccd.decode(data["national_id"]).kind
    person.account = account
    _save_new(actor=account, person=person, extra_changes={"account": [None, account.username]})
    return person


def _check_required(data: dict, errors: Errors, fields: tuple[str, ...]) -> None:
    for field in fields:
        if not data.get(field):
            errors.add(field, str(REQUIRED))


def _build(data: dict, refs: dict, warnings: list[str], *, twins: bool = True) -> Person:
    """An unsaved Person from checked values; notes an old CMND (and possible twins) in `warnings`."""
    person = Person(**{f: data[f] for f in PLAIN_FIELDS if f in data}, **refs)
    person.national_id = data.get("national_id") or None
    person.id_kind = cccd.decode(person.national_id).kind if person.national_id else ""
    person.search_text = _search_text(person.full_name)
    if person.id_kind == cccd.CMND:
        warnings.append(_("CMND 9 số là giấy tờ cũ: hãy cập nhật số CCCD khi có."))
    if twins:
        found = possible_duplicates(
            full_name=person.full_name, date_of_birth=person.date_of_birth, commune=person.residence_commune
        )
        warnings += [_("Có thể trùng với hồ sơ #{pk} ({name}).").format(pk=p.pk, name=p.full_name) for p in found[:5]]
    return person


def labour_event_record(*, actor: User, person: Person, effective: dt.date, kind: str, changes: dict) -> LabourEvent:
    """A dated labour event of the person; the person's state_since moves to its day when it is later (one UPDATE
    in the database, so two events recorded at once keep the later day)."""
    event = LabourEvent.objects.create(
        person=person, effective=effective, kind=kind, changes=changes, recorded_by=_user(actor)
    )
    later = Q(state_since__isnull=True) | Q(state_since__lt=effective)
    Person.objects.filter(later, pk=person.pk).update(state_since=effective)
    if person.state_since is None or person.state_since < effective:
        person.state_since = effective
    return event


def state_since_refresh(*, person_ids: list[int] | None = None) -> int:
    """Set state_since from the labour events (the day of each person's latest; unchanged for a person without any)
    for these persons, or everyone: for writers that add or change events without labour_event_record (bulk
    loads, corrections in the database). Returns the number of persons updated."""
    latest = LabourEvent.objects.filter(person=OuterRef("pk")).order_by("-effective").values("effective")[:1]
    persons = Person.objects.all() if person_ids is None else Person.objects.filter(pk__in=person_ids)
    return persons.update(state_since=Coalesce(Subquery(latest), "state_since"))


def _save_new(*, actor: User, person: Person, extra_changes: dict | None = None) -> None:
    """Save a new person with its "registered" labour event and its audit event (same transaction)."""
    person.state_since = today()
    person.save()
    labour_event_record(
        actor=actor, person=person, effective=today(), kind=ChangeKind.REGISTERED,
        changes=snapshot(person, STATUS_FIELDS),
    )  # fmt: skip
    changes = {k: [None, v] for k, v in snapshot(person, AUDIT_FIELDS).items() if v not in (None, "", [])}
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=person,
        area=person.residence_commune,
        changes={**changes, **(extra_changes or {})},
    )


@transaction.atomic
def person_update(
    *, actor: User, person: Person, data: dict, effective: dt.date | None = None
) -> tuple[Person, list[str]]:
    """Change fields; a change of labour status is also a dated LabourEvent."""
    errors, warnings = Errors(), list[str]()
    merged = {"date_of_birth": person.date_of_birth, "sex": person.sex, "national_id": person.national_id, **data}
    if {"national_id", "date_of_birth", "sex"} & set(data):
        _check_identity(merged, errors, viewer=actor, exclude_pk=person.pk)
    _check_labour_age(merged, errors)
    check_coded(data, errors)
    refs = _resolve_refs(data, actor, errors, warnings)
    if errors:
        raise ValidationError(errors)
    before = snapshot(person, AUDIT_FIELDS)
    for field in PLAIN_FIELDS:
        if field in data:
            setattr(person, field, data[field])
    for field, value in refs.items():
        setattr(person, field, value)
    if "national_id" in data:
        person.national_id = data["national_id"] or None
        person.id_kind = cccd.decode(person.national_id).kind if person.national_id else ""
    person.search_text = _search_text(person.full_name)
    person.save()
    changes = diff(before, snapshot(person, AUDIT_FIELDS))
    status_changes = {k: v for k, v in changes.items() if k in STATUS_FIELDS}
    if status_changes:
        labour_event_record(
            actor=actor, person=person, effective=effective or today(), kind=ChangeKind.STATUS,
            changes={k: v[1] for k, v in status_changes.items()},
        )  # fmt: skip
    if changes:
        audit_record(
            actor=actor, action=AuditAction.UPDATE, instance=person, changes=changes, area=person.residence_commune
        )
    return person, warnings


@transaction.atomic
def person_go_abroad(*, actor: User, person: Person, on: dt.date, country: str, employer: str = "") -> LabourEvent:
    """The person left on `on` to work abroad under contract (Luật 69/2020/QH14, "xuất khẩu lao động").

    Recorded as a dated LabourEvent of kind "abroad" (counted as a start of work by the indicators "giải quyết việc
    làm" and "xuất khẩu lao động"); the person's labour status becomes "có việc làm". Audited in the same transaction.
    """
    errors = Errors()
    if on > today():
        errors.add("on", str(ABROAD_IN_FUTURE))
    elif person.age_on(on) < LABOUR_AGE:
        errors.add("on", ABROAD_UNDER_AGE.format(age=LABOUR_AGE))
    if not (country or "").strip():
        errors.add("country", str(REQUIRED))
    if person.events.filter(kind=ChangeKind.ABROAD, effective=on).exists():
        errors.add("on", ABROAD_TWICE.format(name=person.full_name, day=on.strftime("%d/%m/%Y")))
    _check_in_area(actor, person, errors)
    if errors:
        raise ValidationError(errors)
    details = {"country": country.strip(), **({"employer": employer.strip()} if employer.strip() else {})}
    status = {}
    if person.activity_status != EMPLOYED:
        status = {"activity_status": [person.activity_status or None, EMPLOYED]}
        person.activity_status = EMPLOYED
        person.save(update_fields=["activity_status", "updated_at"])
    event = labour_event_record(
        actor=actor, person=person, effective=on, kind=ChangeKind.ABROAD,
        changes={**details, "activity_status": EMPLOYED},
    )  # fmt: skip
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=person,
        area=person.residence_commune,
        changes={**status, "abroad": [None, {**details, "on": on.isoformat()}]},
    )
    return event


def _check_in_area(actor: User, person: Person, errors: Errors) -> None:
    if person.residence_commune is not None and not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", ABROAD_OUTSIDE_AREA.format(name=person.full_name))


@transaction.atomic
def household_create(*, actor: User, commune: str, address: str = "", head_name: str = "") -> Household:
    errors, warnings = Errors(), list[str]()
    unit = resolve_commune(field="commune", code=commune, actor=actor, errors=errors, warnings=warnings, on=today())
    if errors:
        raise ValidationError(errors)
    household = Household.objects.create(
        code=_household_code_next(unit),
        commune=unit,
        address=address,
        head_name=head_name,
        search_text=" " + fold(head_name),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=household,
        area=unit,
        changes={"code": [None, household.code], "head_name": [None, head_name]},
    )
    return household


def _household_code_next(unit: AdministrativeUnit) -> str:
    """The commune's next household code, from its counter row, locked until the caller's transaction ends.

    A number is never given twice: not to two officers at once (the second waits for the first's commit), not
    after a delete (the counter does not go back). Numbers a bulk loader (the demo, imports) wrote without the
    counter are skipped.
    """
    counter, _created = HouseholdCounter.objects.select_for_update().get_or_create(
        commune=unit, defaults={"last": _household_number_highest(unit)}
    )
    number = counter.last + 1
    while Household.objects.filter(code=_household_code(unit, number)).exists():
        number += 1
    HouseholdCounter.objects.filter(pk=counter.pk).update(last=number)
    return _household_code(unit, number)


def _household_code(unit: AdministrativeUnit, number: int) -> str:
    return f"{unit.code}-{number:05d}"


def _household_number_highest(unit: AdministrativeUnit) -> int:
    """The highest number among the commune's household codes (0 when none), read once, when its counter starts."""
    prefix = f"{unit.code}-"
    codes = Household.objects.filter(commune=unit, code__startswith=prefix).values_list("code", flat=True)
    return max((int(code[len(prefix) :]) for code in codes if code[len(prefix) :].isdigit()), default=0)


@transaction.atomic
def household_add_member(*, actor: User, household: Household, person: Person, relationship: str) -> Person:
    current = person.household
    if current is not None and current.pk != household.pk:
        raise ValidationError(
            {
                "household": _("{name} đã thuộc hộ {code}: một người chỉ thuộc một hộ.").format(
                    name=person.full_name, code=current.code
                )
            }
        )
    person_update(actor=actor, person=person, data={"relationship": relationship, "household": household.pk})
    return person


def _user(actor: User):
    return actor if getattr(actor, "is_authenticated", False) else None
