"""Writes on the employer registry: validated in full, scoped to the actor's areas, audited in the same transaction.

`data` holds plain values and model instances (employer_type: CodeItem, industry: Industry or None); the commune
is a code or a unit, resolved here (places.resolve: an old pre-2025 code is mapped, the note goes to `warnings`).
Errors are raised as one ValidationError naming every wrong field, so a 400 or a form can show them all at once.
The recipe, as in every service: validate everything, then write, then audit, in one transaction.

Staff register employers in their areas (employer_create); an employer account registers its own company
(employer_register_self). Both run the same checks and audit trail; only the area check differs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import AreaScope, scope_for
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.employers import taxcode
from vieclam.employers.models import Employer
from vieclam.places.choices import Level
from vieclam.places.resolve import areas_resolve_in

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "EMPLOYER_FIELDS",
    "employer_create",
    "employer_register_self",
    "employer_register_self_check",
    "employer_register_self_unverified",
    "employer_update",
)

EMPLOYER_FIELDS = (
    "name", "tax_code", "employer_type", "industry", "commune", "street_address",
    "in_industrial_zone", "zone_name", "size_band", "contact_person", "phone", "email", "publish_contact",
)  # fmt: skip
# Audited as stored values; the three foreign keys are audited by their codes (see _audit_values).
PLAIN_AUDITED = tuple(f for f in EMPLOYER_FIELDS if f not in {"employer_type", "industry", "commune"}) + ("id_kind",)

NOT_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được tạo hoặc sửa người sử dụng lao động.")
NOT_EMPLOYER_ACCOUNT = _("Chỉ tài khoản người sử dụng lao động được tự đăng ký doanh nghiệp.")
OUTSIDE_AREA = _("Người sử dụng lao động này nằm ngoài địa bàn bạn phụ trách.")
UNKNOWN_FIELD = _("Không có hoặc không được sửa trường này.")
DUPLICATE_TAX_CODE = _("Mã số thuế {code} đã có trong sổ đăng ký người sử dụng lao động: {name} (#{pk}).")
TAX_CODE_JUST_TAKEN = _("Mã số thuế {code} vừa được đăng ký cho một người sử dụng lao động khác.")
REGISTERED_ELSEWHERE = _("Mã số thuế này đã có hồ sơ ở địa bàn khác, liên hệ cấp tỉnh.")
COMMUNE_OUT_OF_SCOPE = _("{name} ({code}) nằm ngoài địa bàn bạn phụ trách.")
INDUSTRY_EXPIRED = _("Ngành {code} không còn hiệu lực vào ngày {day}.")


AREA_FIELDS = {"commune": [Level.COMMUNE]}


@transaction.atomic
def employer_create(*, actor: User, data: dict, warnings: list[str] | None = None) -> Employer:
    """Register an employer in a commune of the actor's areas; returns the saved row."""
    _check_actor(actor)
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings)
    employer = Employer()
    _apply(employer, data)
    _validate(scope=scope_for(actor), employer=employer, changed=set(EMPLOYER_FIELDS), errors=errors)
    _save_new(actor=actor, employer=employer)
    return employer


def employer_register_self_check(*, account, data: dict) -> tuple[Employer, Employer | None]:
    """Every check of employer_register_self but one: a tax code already in the registry is not an error here,
    its employer is returned (second item), so sign-up answers as for a new one and leaves the match to staff.
    The first item is the unsaved, checked employer."""
    if not getattr(account, "is_authenticated", False) or account.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER_ACCOUNT)
    data, errors = areas_resolve_in(data, AREA_FIELDS)
    employer = Employer(account=account)
    _apply(employer, data)
    _validate(scope=None, employer=employer, changed=set(EMPLOYER_FIELDS), errors=errors, duplicates=False)
    return employer, Employer.objects.filter(tax_code=employer.tax_code).first()


@transaction.atomic
def employer_register_self(*, account, data: dict, warnings: list[str] | None = None) -> Employer:
    """An employer account registers its own company (Employer.account), audited under the account's name.

    `data` is what employer_create takes. Any commune in force will do: a company is registered where it is,
    not in anybody's scope; the counsellors of its province approve the vacancies it posts.
    """
    if not getattr(account, "is_authenticated", False) or account.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER_ACCOUNT)
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings)
    employer = Employer(account=account)
    _apply(employer, data)
    _validate(scope=None, employer=employer, changed=set(EMPLOYER_FIELDS), errors=errors)
    _save_new(actor=account, employer=employer, extra_changes={"account": [None, account.username]})
    return employer


@transaction.atomic
def employer_register_self_unverified(*, account, data: dict) -> Employer:
    """The account's own employer when the tax code typed is already another employer's (applications.selfservice).

    Made from the same data, with the same checks and audit trail as employer_register_self, so the account's own
    pages behave as for a new tax code, but without the tax code, which belongs to the other employer until staff
    of its area confirm the account claim (the two employers are then merged) or refuse it. `id_kind` is that of
    the code typed, so the rules that depend on it (a personal number is for a household business) still hold."""
    checked, existing = employer_register_self_check(account=account, data=data)
    if existing is None:
        return employer_register_self(account=account, data=data)  # a new tax code after all
    checked.tax_code = None
    _save_new(actor=account, employer=checked, extra_changes={"account": [None, account.username]})
    return checked


SELF_CONTACT_FIELDS = ("contact_person", "phone", "email", "publish_contact")
NOT_YOUR_EMPLOYER = _("Đây không phải người sử dụng lao động của tài khoản bạn.")
NOT_SELF_CONTACT_FIELD = _(
    "Tài khoản doanh nghiệp chỉ tự sửa người liên hệ, điện thoại, thư điện tử và việc công khai."
)


@transaction.atomic
def employer_update_contact_self(*, account, employer: Employer, data: dict) -> Employer:
    """An employer account changes its own company's contacts and whether the job board shows them (consent is
    the company's to give and to withdraw); the rest of the record stays with staff."""
    if not getattr(account, "is_authenticated", False) or account.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER_ACCOUNT)
    if employer.account_id != account.pk:
        raise PermissionDenied(NOT_YOUR_EMPLOYER)
    outside = [field for field in data if field not in SELF_CONTACT_FIELDS]
    if outside:
        raise ValidationError({field: str(NOT_SELF_CONTACT_FIELD) for field in outside})
    before = _audit_values(employer)
    _apply(employer, data)
    _validate(scope=None, employer=employer, changed=set(data))
    changes = diff(before, _audit_values(employer))
    if changes:
        _save(employer)
        area = employer.commune
        audit_record(actor=account, action=AuditAction.UPDATE, instance=employer, changes=changes, area=area)
    return employer


@transaction.atomic
def employer_update(*, actor: User, employer: Employer, data: dict, warnings: list[str] | None = None) -> Employer:
    """Change the fields given in `data`; records old and new values (nothing is written when nothing changed)."""
    _check_actor(actor)
    if not scope_for(actor).covers_unit(employer.commune):
        raise PermissionDenied(OUTSIDE_AREA)
    before = _audit_values(employer)
    changed = set(data)
    data, errors = areas_resolve_in(data, AREA_FIELDS, warnings=warnings)
    _apply(employer, data)
    _validate(scope=scope_for(actor), employer=employer, changed=changed, errors=errors)
    changes = diff(before, _audit_values(employer))
    if changes:
        _save(employer)
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=employer, changes=changes, area=employer.commune)
    return employer


def _check_actor(actor: User) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(NOT_STAFF)


def _apply(employer: Employer, data: dict) -> None:
    unknown = [field for field in data if field not in EMPLOYER_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    for field, value in data.items():
        setattr(employer, field, value.strip() if isinstance(value, str) else value)


def _validate(
    *,
    scope: AreaScope | None,
    employer: Employer,
    changed: set[str],
    errors: dict[str, list[str]] | None = None,
    duplicates: bool = True,
) -> None:
    """Every rule at once, after the area errors already found: identifier (and, unless `duplicates` is False,
    that no other employer has it), commune (inside `scope` unless it is None), industry, then the model's own."""
    errors = dict(errors or {})
    if "tax_code" in changed:
        _check_tax_code(employer, errors, duplicates=duplicates, scope=scope)
    if "commune" in changed and "commune" not in errors and employer.commune_id is not None:
        _check_commune(scope, employer, errors)
    industry = employer.industry if employer.industry_id is not None else None
    if "industry" in changed and industry is not None and not industry.is_valid_on(today()):
        errors["industry"] = [INDUSTRY_EXPIRED.format(code=industry.code, day=_day())]
    exclude = {*errors, "id_kind", "search_text"}
    try:
        employer.full_clean(exclude=exclude, validate_constraints=duplicates)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _check_tax_code(employer: Employer, errors: dict, *, duplicates: bool, scope: AreaScope | None) -> None:
    """A household business's tax code is its owner's CCCD: who already holds one is said only to staff whose
    areas hold that employer."""
    try:
        parsed = taxcode.parse(employer.tax_code)
    except taxcode.TaxCodeError as exc:
        errors["tax_code"] = [str(exc)]
        return
    employer.tax_code, employer.id_kind = parsed.code, parsed.kind
    if not duplicates:
        return
    clash = Employer.objects.filter(tax_code=parsed.code).exclude(pk=employer.pk).select_related("commune").first()
    if clash is None:
        return
    if scope is not None and scope.covers_unit(clash.commune):
        errors["tax_code"] = [DUPLICATE_TAX_CODE.format(code=parsed.code, name=clash.name, pk=clash.pk)]
    else:
        errors["tax_code"] = [str(REGISTERED_ELSEWHERE)]


def _check_commune(scope: AreaScope | None, employer: Employer, errors: dict) -> None:
    """Inside the actor's areas (places.resolve has made it a commune in force)."""
    unit = employer.commune
    if scope is not None and not scope.covers_unit(unit):
        errors["commune"] = [COMMUNE_OUT_OF_SCOPE.format(name=unit.name, code=unit.code)]


def _save_new(*, actor: User, employer: Employer, extra_changes: dict | None = None) -> None:
    _save(employer)
    changes = {k: [None, v] for k, v in _audit_values(employer).items() if v not in (None, "", False)}
    changes.update(extra_changes or {})
    audit_record(actor=actor, action=AuditAction.CREATE, instance=employer, changes=changes, area=employer.commune)


def _save(employer: Employer) -> None:
    """Save; a concurrent registration of the same tax code surfaces as the same field error, not a 500."""
    try:
        with transaction.atomic():
            employer.save()
    except IntegrityError as exc:
        if employer.tax_code and Employer.objects.filter(tax_code=employer.tax_code).exclude(pk=employer.pk).exists():
            raise ValidationError({"tax_code": TAX_CODE_JUST_TAKEN.format(code=employer.tax_code)}) from exc
        raise


def _audit_values(employer: Employer) -> dict:
    """Audited fields as JSON-safe values, foreign keys by their codes (commune 25459, type dn_fdi, industry C)."""
    values = snapshot(employer, PLAIN_AUDITED)
    values["commune"] = employer.commune.code if employer.commune_id else None
    values["employer_type"] = employer.employer_type.code if employer.employer_type_id else None
    values["industry"] = employer.industry.code if employer.industry is not None else None
    return values


def _day() -> str:
    return date_format(today(), "SHORT_DATE_FORMAT")
