"""Writes on the vacancy registry: validated in full, scoped to the actor's provinces, audited in the same transaction.

`data` holds plain values and model instances (employer: Employer, occupation: Occupation); workplace_commune and
exchange_province are codes or units, resolved here (places.resolve: an old pre-2025 code is mapped, the note goes
to `warnings`). Errors are raised as one ValidationError naming every wrong field; nothing is written when there
is one. The recipe, as in every service: validate everything, then write, then audit, in one transaction.

Staff record vacancies at the exchanges of their provinces (vacancy_create); an employer account submits its own
for approval (vacancy_submit_for_approval). Both run the same checks and audit trail; only who may write where
differs.

A writer of many vacancies in one transaction (vieclam.imports) wraps its vacancy_create calls in
`vacancy_batch()`: the same checks, but what they read of the other registries is read once per distinct value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import CheckConstraint, Field, Q, UniqueConstraint
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.codelists.models import CodeItem, Occupation
from vieclam.codelists.selectors import occupation_level_problem
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.employers.models import Employer
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.places.resolve import areas_resolve_in
from vieclam.vacancies.choices import CODED_FIELDS, OBSOLETE_CONTRACT_TYPES, TRANSITIONS, VacancyStatus
from vieclam.vacancies.models import Vacancy

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "VACANCY_FIELDS",
    "vacancy_batch",
    "vacancy_close",
    "vacancy_create",
    "vacancy_expire_overdue",
    "vacancy_set_status",
    "vacancy_submit_for_approval",
    "vacancy_update",
    "vacancy_update_own",
)

VACANCY_FIELDS = (
    "employer", "title", "occupation", "position", "positions_count", "description",
    "education_level", "technical_level", "experience", "languages", "skills",
    "age_min", "age_max", "sex_required", "restriction_reason",
    "workplace_commune", "contract_type", "working_time",
    "pay_min", "pay_max", "pay_band", "pay_negotiable", "benefits", "deadline", "exchange_province",
    "demands_outdoor", "demands_lifting", "demands_standing", "demands_hearing", "demands_vision",
    "demands_fine_hands", "demands_both_hands",
)  # fmt: skip
FK_FIELDS = {"employer", "occupation", "workplace_commune", "exchange_province"}
# Audited as stored values; the foreign keys are audited by their codes (see _audit_values).
PLAIN_AUDITED = tuple(f for f in VACANCY_FIELDS if f not in FK_FIELDS) + ("status",)
CREATE_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.OPEN)

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên) được tạo hoặc sửa việc tìm người.")
NOT_EMPLOYER = _("Chỉ tài khoản người sử dụng lao động được đăng tin tuyển dụng.")
NOT_YOUR_EMPLOYER = _("Chọn một doanh nghiệp của tài khoản bạn.")
NOT_YOUR_VACANCY = _("Tin tuyển dụng này không thuộc doanh nghiệp của tài khoản bạn.")
OWN_FIXED_FIELDS = ("employer", "status", "exchange_province")
SET_ON_SUBMIT = _(
    "Tin của doanh nghiệp luôn được gửi ở trạng thái chờ duyệt, tại sàn việc làm của tỉnh nơi doanh nghiệp đặt trụ sở."
)
OUTSIDE_AREA = _("Việc tìm người này thuộc sàn việc làm ngoài địa bàn bạn phụ trách.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
STATUS_BY_SERVICE = _("Trạng thái được đổi bằng nút chuyển trạng thái (POST …/status/), không sửa trực tiếp.")
CREATE_STATUS = _("Việc tìm người mới chỉ có thể ở trạng thái Nháp hoặc Đang tuyển.")
UNKNOWN_STATUS = _("Không có trạng thái “{status}”: dùng draft, open, filled, closed hoặc expired.")
SAME_STATUS = _("Việc tìm người đã ở trạng thái {status}.")
BAD_TRANSITION = _("Không chuyển được từ “{old}” sang “{new}”. {allowed}")
ALLOWED_TRANSITIONS = _("Chỉ được chuyển sang: {statuses}.")
FINAL_STATUS = _("Trạng thái này là cuối cùng; nhu cầu mới hãy ghi thành việc tìm người mới.")
DEADLINE_PASSED = _("Hạn nộp hồ sơ {day} đã qua: việc đang tuyển cần hạn từ hôm nay ({today}) trở đi.")
EMPLOYER_OUT_OF_SCOPE = _("Không có người sử dụng lao động số {id} trong địa bàn bạn phụ trách.")
EXCHANGE_OUT_OF_SCOPE = _(
    "Sàn việc làm {name} nằm ngoài địa bàn bạn phụ trách: việc tìm người do cán bộ cấp tỉnh, "
    "tư vấn viên của tỉnh giữ sàn ghi nhận."
)
OCCUPATION_EXPIRED = _("Mã nghề {code} không còn hiệu lực vào ngày {day}.")
UNKNOWN_ITEM = _("Không có mã “{code}” trong danh mục “{slug}” đang có hiệu lực.")
OBSOLETE_CONTRACT = _(
    "Bộ luật Lao động 2019 không còn hợp đồng mùa vụ: chọn hợp đồng xác định hoặc không xác định thời hạn."
)


# The area fields, each a code or a unit (resolved by places.resolve), and the levels they accept.
AREA_FIELDS = {"workplace_commune": [Level.COMMUNE], "exchange_province": [Level.PROVINCE]}


@transaction.atomic
def vacancy_create(*, actor: User, data: dict, warnings: list[str] | None = None) -> Vacancy:
    """Record a vacancy at an exchange of the actor's provinces (draft unless data['status'] is 'open')."""
    _check_actor(actor)
    data = dict(data)
    status = data.pop("status", None) or VacancyStatus.DRAFT
    if status not in CREATE_STATUSES:
        raise ValidationError({"status": CREATE_STATUS})
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings, on=_today())
    vacancy = Vacancy(status=status)
    _apply(vacancy, data)
    if vacancy.exchange_province_id is None and "exchange_province" not in errors:
        commune = vacancy.workplace_commune if vacancy.workplace_commune_id else None
        vacancy.exchange_province = _default_exchange(actor, commune)
    _validate(staff=actor, vacancy=vacancy, changed={*VACANCY_FIELDS, "status"}, errors=errors)
    _save_new(actor=actor, vacancy=vacancy)
    return vacancy


@dataclasses.dataclass
class _Batch:
    """What a vacancy_batch() block has read of the other registries: whether an employer lies within an actor's
    areas, the (foreign key, value) pairs full_clean accepted, the default exchange of an actor and commune."""

    employers_in_scope: dict[tuple[int, int], bool] = dataclasses.field(default_factory=dict)
    references: set[tuple[str, object]] = dataclasses.field(default_factory=set)
    exchanges: dict[tuple[int, int | None], AdministrativeUnit | None] = dataclasses.field(default_factory=dict)


_batch: ContextVar[_Batch | None] = ContextVar("vacancy_batch", default=None)


@contextmanager
def vacancy_batch() -> Iterator[None]:
    """Many vacancy_create calls in one transaction (an import of thousands of rows): the same rules and messages,
    but what they read of the other registries is read once per distinct value for the whole block.

    Without it each vacancy asks again whether its employer lies within the actor's areas, whether its employer,
    occupation, commune and exchange exist (Model.full_clean, a query for each), and which province is the
    actor's exchange. Inside the transaction those answers stay true for the block: it reads no row that it
    deletes. A row created in the block and then rolled back to a savepoint must not be used again (it no longer
    exists; the database's foreign keys would refuse it at commit). Nested blocks join the outermost; the cache is
    per thread (a context variable) and ends with the block.
    """
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError("vacancy_batch() belongs inside the transaction that writes the vacancies.")
    if _batch.get() is not None:
        yield
        return
    token = _batch.set(_Batch())
    try:
        yield
    finally:
        _batch.reset(token)


@transaction.atomic
def vacancy_submit_for_approval(
    *, actor: User, employer: Employer, data: dict, warnings: list[str] | None = None
) -> Vacancy:
    """An employer's own account posts a vacancy: always a draft, waiting for a counsellor's approval.

    It is held by the exchange of the employer's province, whose counsellors approve it (vacancy_set_status to
    open). `data` is what vacancy_create takes, without employer, status and exchange_province.
    """
    if not getattr(actor, "is_authenticated", False) or actor.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER)
    if employer.account_id != actor.pk:
        raise ValidationError({"employer": str(NOT_YOUR_EMPLOYER)})
    fixed = {field: str(SET_ON_SUBMIT) for field in ("employer", "status", "exchange_province") if field in data}
    if fixed:
        raise ValidationError(fixed)
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings, on=_today())
    vacancy = Vacancy(status=VacancyStatus.DRAFT, employer=employer, exchange_province=employer.commune.province)
    _apply(vacancy, data)
    _validate(staff=None, vacancy=vacancy, changed={*VACANCY_FIELDS, "status"}, errors=errors)
    _save_new(actor=actor, vacancy=vacancy)
    return vacancy


@transaction.atomic
def vacancy_update(*, actor: User, vacancy: Vacancy, data: dict, warnings: list[str] | None = None) -> Vacancy:
    """Change the fields given in `data` (not the status); records old and new values, nothing if nothing changed."""
    _check_scope(actor, vacancy)
    return _update_fields(actor=actor, staff=actor, vacancy=vacancy, data=data, warnings=warnings)


def _update_fields(
    *, actor: User, staff: User | None, vacancy: Vacancy, data: dict, warnings: list[str] | None = None
) -> Vacancy:
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings, on=_today())
    before = _audit_values(vacancy)
    stored = {field: _stored(vacancy, field) for field in data if field in VACANCY_FIELDS}
    _apply(vacancy, data)
    # Only values that really change are checked against today's rules: re-sending an unchanged employer or
    # deadline must not fail because the employer moved out of the area or the deadline has since passed.
    changed = {field for field, value in stored.items() if _stored(vacancy, field) != value}
    _validate(staff=staff, vacancy=vacancy, changed=changed, errors=errors)
    changes = diff(before, _audit_values(vacancy))
    if changes:
        vacancy.save()
        audit_record(
            actor=actor, action=AuditAction.UPDATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
        )
    return vacancy


@transaction.atomic
def vacancy_set_status(*, actor: User, vacancy: Vacancy, status: str) -> Vacancy:
    """Move a vacancy along TRANSITIONS (draft → open → filled/closed/expired; expired → open once re-dated)."""
    _check_scope(actor, vacancy)
    return _move_status(actor=actor, vacancy=vacancy, status=status)


def _move_status(*, actor, vacancy: Vacancy, status: str) -> Vacancy:
    if status not in VacancyStatus.values:
        raise ValidationError({"status": UNKNOWN_STATUS.format(status=status)})
    # Re-read the status under a row lock: two officers clicking at once must not both pass the check.
    vacancy.status = Vacancy.objects.select_for_update().values_list("status", flat=True).get(pk=vacancy.pk)
    old = vacancy.status
    _check_transition(old, status)
    if status == VacancyStatus.OPEN:
        _check_deadline(vacancy)
    vacancy.status = status
    vacancy.save(update_fields=["status", "updated_at", "search_text"])
    changes = {"status": [old, status]}
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
    )
    return vacancy


@transaction.atomic
def vacancy_expire_overdue(today: dt.date | None = None, *, actor: User | None = None) -> int:
    """Mark expired every open vacancy whose deadline is before `today`; returns how many (for a daily command).

    Each change gets its own audit event (actor None: the system), committed with the status change.
    """
    day = today or local_today()
    overdue = list(
        Vacancy.objects.select_for_update(of=("self",))
        .filter(status=VacancyStatus.OPEN, deadline__lt=day)
        .select_related("workplace_commune")
        .order_by("pk")
    )
    if not overdue:
        return 0
    Vacancy.objects.filter(pk__in=[v.pk for v in overdue]).update(
        status=VacancyStatus.EXPIRED, updated_at=timezone.now()
    )
    for vacancy in overdue:
        vacancy.status = VacancyStatus.EXPIRED
        changes = {"status": [VacancyStatus.OPEN, VacancyStatus.EXPIRED]}
        audit_record(
            actor=actor, action=AuditAction.UPDATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
        )
    return len(overdue)


def default_exchange_province(*, actor: User, commune: AdministrativeUnit | None) -> AdministrativeUnit | None:
    """The province of the actor's scope when there is exactly one, else the province of the workplace commune."""
    scope = scope_for(actor)
    province_ids = set(scope.province_ids)
    if scope.commune_ids:
        province_ids |= set(
            AdministrativeUnit.objects.filter(pk__in=scope.commune_ids).values_list("province_id", flat=True)
        )
    if not scope.unrestricted and len(province_ids) == 1:
        return AdministrativeUnit.objects.get(pk=province_ids.pop())
    return commune.province if commune is not None else None


def _check_actor(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _check_scope(actor: User, vacancy: Vacancy) -> None:
    _check_actor(actor)
    if not scope_for(actor).covers_unit(vacancy.exchange_province):
        raise PermissionDenied(OUTSIDE_AREA)


def _check_transition(old: str, new: str) -> None:
    if old == new:
        raise ValidationError({"status": SAME_STATUS.format(status=VacancyStatus(old).label)})
    allowed = TRANSITIONS[old]
    if new not in allowed:
        hint = (
            ALLOWED_TRANSITIONS.format(statuses=", ".join(str(VacancyStatus(s).label) for s in sorted(allowed)))
            if allowed
            else FINAL_STATUS
        )
        old_label, new_label = VacancyStatus(old).label, VacancyStatus(new).label
        raise ValidationError({"status": BAD_TRANSITION.format(old=old_label, new=new_label, allowed=hint)})


def _apply(vacancy: Vacancy, data: dict) -> None:
    unknown = {field: str(UNKNOWN_FIELD) for field in data if field not in VACANCY_FIELDS}
    if "status" in unknown:
        unknown["status"] = str(STATUS_BY_SERVICE)
    if unknown:
        raise ValidationError(unknown)
    for field, value in data.items():
        if isinstance(value, str):
            value = value.strip()
        elif value is None and field in {*CODED_FIELDS, "sex_required", "restriction_reason", "description"}:
            value = ""
        elif value is None and field in {"languages", "skills", "benefits"}:
            value = []
        setattr(vacancy, field, value)


def _validate(*, staff, vacancy: Vacancy, changed: set[str], errors: dict[str, list[str]] | None = None) -> None:
    """Every rule at once, after the area errors already found: references in force and in the areas of `staff`,
    item codes, deadline, then the model's.

    `staff` is None for an employer's own submission: its employer was checked by ownership and its exchange is
    the employer's province, so no area check applies.
    """
    errors = dict(errors or {})
    if "employer" in changed and vacancy.employer_id is not None and staff is not None:
        _check_employer(staff, vacancy, errors)
    if "occupation" in changed and vacancy.occupation_id is not None:
        _check_occupation(vacancy.occupation, errors)
    if "exchange_province" in changed and "exchange_province" not in errors and vacancy.exchange_province_id:
        _check_exchange(staff, vacancy.exchange_province, errors)
    _check_coded(vacancy, changed, errors)
    if "deadline" in changed and vacancy.status == VacancyStatus.OPEN:
        _collect(errors, _check_deadline, vacancy)
    _normalise_lists(vacancy)
    exclude = {*errors, "search_text"}
    if vacancy.exchange_province_id is None and vacancy.workplace_commune_id is None:
        exclude.add("exchange_province")  # it defaults from the commune, whose own error says what is missing
    accepted = _references_accepted(vacancy, exclude)
    try:
        # clean_fields, clean and validate_unique; the constraints just below
        vacancy.full_clean(exclude=exclude | accepted, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
        exclude |= {name for name in exc.message_dict if name != NON_FIELD_ERRORS}  # as full_clean does
    _references_remember(vacancy, exclude)
    _collect(errors, _check_constraints, vacancy, exclude)
    if errors:
        raise ValidationError(errors)


def _references_accepted(vacancy: Vacancy, exclude: set[str]) -> set[str]:
    """The foreign keys whose value full_clean already accepted in this vacancy_batch() (it would ask the database
    again whether the row exists): left out of full_clean, with the same outcome."""
    batch = _batch.get()
    if batch is None:
        return set()
    return {name for name in FK_FIELDS - exclude if (name, getattr(vacancy, _attname(name))) in batch.references}


def _attname(name: str) -> str:
    """The column attribute of a Vacancy field (employer_id for employer)."""
    field = Vacancy._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(name)
    return field.attname


def _references_remember(vacancy: Vacancy, failed: set[str]) -> None:
    batch = _batch.get()
    if batch is None:
        return
    for name in FK_FIELDS - failed:
        value = getattr(vacancy, _attname(name))
        if value is not None:
            batch.references.add((name, value))


# Verdicts of check constraints, by constraint and the values it reads: see _check_constraints.
_CHECK_VERDICTS: dict[tuple, bool] = {}
_CHECK_VERDICTS_MAX = 10_000
_CHECK_FIELDS: dict[tuple[str, str], frozenset[str]] = {}  # (model, constraint) → the fields its condition reads


def _check_constraints(vacancy: Vacancy, exclude: set[str]) -> None:
    """Model.validate_constraints (the last step of full_clean), asking the database once per distinct set of
    values a check constraint reads.

    Django checks each CheckConstraint with a query of its own (a savepoint and every field of the vacancy as a
    parameter): five per vacancy, most of the time of an import. Its verdict depends only on the values of the
    fields its condition names, so it is kept by those values; the first vacancy with them asks the database as
    Django does, and a failed check raises the same error as CheckConstraint.validate.
    """
    using = router.db_for_write(Vacancy, instance=vacancy)
    errors: dict = {}
    for model_class, constraints in vacancy.get_constraints():
        for constraint in constraints:
            key = _check_key(constraint, vacancy, exclude, using)
            if key is None:
                try:
                    constraint.validate(model_class, vacancy, exclude=exclude, using=using)
                except ValidationError as exc:  # as Model.validate_constraints files it
                    fields = constraint.fields if isinstance(constraint, UniqueConstraint) else ()
                    if getattr(exc, "code", None) == "unique" and len(fields) == 1:
                        errors.setdefault(fields[0], []).append(exc)
                    else:
                        errors = exc.update_error_dict(errors)
                continue
            passed = _CHECK_VERDICTS.get(key)
            if passed is None:
                try:
                    constraint.validate(model_class, vacancy, exclude=exclude, using=using)
                    passed = True
                except ValidationError:
                    passed = False
                if len(_CHECK_VERDICTS) >= _CHECK_VERDICTS_MAX:
                    _CHECK_VERDICTS.clear()
                _CHECK_VERDICTS[key] = passed
            if not passed:  # the error CheckConstraint.validate raises, in today's language
                error = ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
                errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _check_key(constraint, vacancy: Vacancy, exclude: set[str], using: str) -> tuple | None:
    """(database, constraint, the values its condition reads) for a CheckConstraint whose fields are all plain
    and checked; None when the verdict is not to be kept (then Django is asked as usual)."""
    if not isinstance(constraint, CheckConstraint):
        return None
    label = vacancy._meta.label
    names = _CHECK_FIELDS.get((label, constraint.name))
    if names is None:
        names = _CHECK_FIELDS[label, constraint.name] = frozenset(Q(constraint.condition).referenced_base_fields)
    if not names or names & exclude:
        return None  # a field left out: Django skips the constraint
    values = []
    for name in sorted(names):
        if name == "pk":
            value = vacancy.pk
        else:
            try:
                field = vacancy._meta.get_field(name)
            except FieldDoesNotExist:
                return None
            if not isinstance(field, Field) or not field.concrete or field.generated:
                return None
            value = getattr(vacancy, field.attname)
        values.append((name, type(value), value))
    key = (using, label, constraint.name, tuple(values))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _save_new(*, actor: User, vacancy: Vacancy) -> None:
    vacancy.save()
    changes = {k: [None, v] for k, v in _audit_values(vacancy).items() if v not in (None, "", False, [])}
    audit_record(
        actor=actor, action=AuditAction.CREATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
    )


def _check_employer(actor: User, vacancy: Vacancy, errors: dict) -> None:
    batch, key = _batch.get(), (actor.pk, vacancy.employer_id)
    inside = batch.employers_in_scope.get(key) if batch is not None else None
    if inside is None:
        inside = scope_queryset(Employer.objects.filter(pk=vacancy.employer_id), actor).exists()
        if batch is not None:
            batch.employers_in_scope[key] = inside
    if not inside:
        errors["employer"] = [EMPLOYER_OUT_OF_SCOPE.format(id=vacancy.employer_id)]


def _default_exchange(actor: User, commune: AdministrativeUnit | None) -> AdministrativeUnit | None:
    """default_exchange_province, once per actor and commune in a vacancy_batch()."""
    batch = _batch.get()
    if batch is None:
        return default_exchange_province(actor=actor, commune=commune)
    key = (actor.pk, commune.pk if commune is not None else None)
    if key not in batch.exchanges:
        batch.exchanges[key] = default_exchange_province(actor=actor, commune=commune)
    return batch.exchanges[key]


def _check_occupation(occupation: Occupation, errors: dict) -> None:
    """In force today and at level 4 of VSCO 2020, as Mẫu 01 codes it."""
    if not occupation.is_valid_on(_today()):
        errors["occupation"] = [OCCUPATION_EXPIRED.format(code=occupation.code, day=_day())]
    elif problem := occupation_level_problem(occupation):
        errors["occupation"] = [problem]


def _check_exchange(staff, province: AdministrativeUnit, errors: dict) -> None:
    """Inside the areas of `staff` (places.resolve has made it a province in force)."""
    if staff is not None and not scope_for(staff).covers_unit(province):
        errors["exchange_province"] = [EXCHANGE_OUT_OF_SCOPE.format(name=province.name)]


def _check_coded(vacancy: Vacancy, changed: set[str], errors: dict) -> None:
    """Each given item code must be in force in its TT 11/2022 list (one query for all of them)."""
    wanted = {f: getattr(vacancy, f) for f in CODED_FIELDS if f in changed and getattr(vacancy, f)}
    if not wanted:
        return
    known = set(
        CodeItem.objects.valid_on(_today())
        .filter(code_list__slug__in={CODED_FIELDS[f] for f in wanted}, code__in=set(wanted.values()))
        .values_list("code_list__slug", "code")
    )
    for field, code in wanted.items():
        if (CODED_FIELDS[field], code) not in known:
            errors[field] = [UNKNOWN_ITEM.format(code=code, slug=CODED_FIELDS[field])]
        elif field == "contract_type" and code in OBSOLETE_CONTRACT_TYPES:
            errors[field] = [OBSOLETE_CONTRACT]


def _check_deadline(vacancy: Vacancy) -> None:
    if vacancy.deadline is not None and vacancy.deadline < _today():
        day = date_format(vacancy.deadline, "SHORT_DATE_FORMAT")
        raise ValidationError({"deadline": DEADLINE_PASSED.format(day=day, today=_day())})


def _collect(errors: dict, check, *args) -> None:
    try:
        check(*args)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)


def _normalise_lists(vacancy: Vacancy) -> None:
    """Strip list entries and drop empty ones; a language's level is stored as its code."""
    for field in ("skills", "benefits"):
        value = getattr(vacancy, field)
        if isinstance(value, list):
            setattr(vacancy, field, [v.strip() if isinstance(v, str) else v for v in value if v != ""])
    if isinstance(vacancy.languages, list):
        vacancy.languages = [
            {**item, "language": item["language"].strip()}
            if isinstance(item, dict) and isinstance(item.get("language"), str)
            else item
            for item in vacancy.languages
        ]


def _stored(vacancy: Vacancy, field: str):
    """The value as stored: a foreign key by its id."""
    return getattr(vacancy, f"{field}_id" if field in FK_FIELDS else field)


def _audit_values(vacancy: Vacancy) -> dict:
    """Audited fields as JSON-safe values, foreign keys by their codes (employer by tax code, commune 25459…)."""
    values = snapshot(vacancy, PLAIN_AUDITED)
    values["employer"] = (vacancy.employer.tax_code or vacancy.employer.name) if vacancy.employer_id else None
    values["occupation"] = vacancy.occupation.code if vacancy.occupation_id else None
    values["workplace_commune"] = vacancy.workplace_commune.code if vacancy.workplace_commune_id else None
    values["exchange_province"] = vacancy.exchange_province.code if vacancy.exchange_province_id else None
    return values


def _today() -> dt.date:
    return local_today()


def _day() -> str:
    return date_format(_today(), "SHORT_DATE_FORMAT")


#
# An employer's own postings
#
@transaction.atomic
def vacancy_update_own(*, actor: User, vacancy: Vacancy, data: dict) -> Vacancy:
    """The employer account that owns the vacancy edits its content (not its employer, status or exchange).

    The same checks as a staff edit, as for a posting submitted for approval; the change is audited under the
    employer's account, so the counsellors of the exchange see it in the vacancy's history. A change to an open
    posting sends it back to approval.
    """
    _check_owner(actor, vacancy)
    fixed = {field: str(SET_ON_SUBMIT) for field in OWN_FIXED_FIELDS if field in data}
    if fixed:
        raise ValidationError(fixed)
    live = vacancy.status == VacancyStatus.OPEN
    before = _audit_values(vacancy)
    vacancy = _update_fields(actor=actor, staff=None, vacancy=vacancy, data=data)
    if live and diff(before, _audit_values(vacancy)):
        _back_to_approval(actor=actor, vacancy=vacancy)
    return vacancy


def _back_to_approval(*, actor: User, vacancy: Vacancy) -> None:
    # A posting the exchange approved goes public as the employer words it: an edit by the employer leaves the board
    # until a counsellor approves the new wording (the approvals list shows it again).
    vacancy.status = VacancyStatus.DRAFT
    vacancy.save(update_fields=["status", "updated_at", "search_text"])
    changes = {"status": [VacancyStatus.OPEN, VacancyStatus.DRAFT]}
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
    )


@transaction.atomic
def vacancy_close(*, actor: User, vacancy: Vacancy) -> Vacancy:
    """Close a vacancy (no more applications): its owning employer account, or staff of its exchange. Audited."""
    if getattr(actor, "role", None) == Role.EMPLOYER:
        _check_owner(actor, vacancy)
    else:
        _check_scope(actor, vacancy)
    return _move_status(actor=actor, vacancy=vacancy, status=VacancyStatus.CLOSED)


def _check_owner(actor: User, vacancy: Vacancy) -> None:
    if not getattr(actor, "is_authenticated", False) or actor.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER)
    if vacancy.employer.account_id != actor.pk:
        raise PermissionDenied(NOT_YOUR_VACANCY)
