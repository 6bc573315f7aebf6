"""Writes of plan targets: set, allocate a province target to its communes, revise with a reason.

Each service is keyword-only, runs in one transaction, validates everything before it writes (bad input writes
nothing) and records an AuditEvent with the change in the same transaction. Messages are module constants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.indicators.formats import number_text
from vieclam.indicators.models import Indicator
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession
from vieclam.targets.choices import TargetKind
from vieclam.targets.models import Target, TargetRevision

__all__ = (
    "ValidationError",
    "can_manage_targets",
    "summable",
    "target_allocate",
    "target_revise",
    "target_set",
    "unit_in_years",
)

UNKNOWN_INDICATOR = _lazy("Không có chỉ tiêu “{code}” trong danh mục.")
YEARS_MISSING = _lazy("Nhập năm của chỉ tiêu.")
YEARS_REVERSED = _lazy("Năm bắt đầu ({start}) sau năm kết thúc ({end}).")
YEAR_OUT_OF_RANGE = _lazy("Năm {year} không hợp lệ (từ 2000 đến 2100).")
VALUE_MISSING = _lazy("Nhập giá trị chỉ tiêu.")
VALUE_NOT_NUMBER = _lazy("Giá trị “{value}” không phải là số.")
VALUE_NEGATIVE = _lazy("Giá trị chỉ tiêu không được âm ({value}).")
UNIT_NOT_IN_YEARS = _lazy("{unit} không tồn tại trong {years} (hiệu lực {window}).")
DUPLICATE = _lazy("{unit} đã có chỉ tiêu “{indicator}” cho {years}; hãy điều chỉnh chỉ tiêu đó.")
NOT_ALLOWED = _lazy("Chỉ cán bộ cấp tỉnh (hoặc quản trị) được đặt, phân bổ và điều chỉnh chỉ tiêu.")
OUTSIDE_AREA = _lazy("{unit} nằm ngoài địa bàn của bạn.")
NOT_A_PROVINCE = _lazy("Chỉ phân bổ được chỉ tiêu của tỉnh cho các xã.")
NOT_A_COMMUNE_OF = _lazy("{unit} không phải là xã, phường của {province}.")
OVER_TOTAL = _lazy("Tổng phân bổ {total} vượt chỉ tiêu của tỉnh {value}.")
SHARES_OVER_NEW_VALUE = _lazy("Đã phân bổ cho các xã {total}, lớn hơn giá trị mới {value}.")
REASON_MISSING = _lazy("Nhập lý do điều chỉnh chỉ tiêu.")
VALUE_UNCHANGED = _lazy("Giá trị mới bằng giá trị hiện tại ({value}).")
REASON_KEY = "lý do"  # not a field of Target: the history shows the key itself as the label ("Lý do")
REALLOCATED = _lazy("Phân bổ lại từ chỉ tiêu của tỉnh")


def summable(indicator: Indicator) -> bool:
    """Counts add up over communes (their shares may not exceed the province's); ratios and percentages do not."""
    return not (indicator.is_ratio or indicator.unit == "percent")


def can_manage_targets(user) -> bool:
    """Administrators and province officers set, allocate and revise targets; everyone else reads."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.role in (Role.ADMIN, Role.PROVINCE_OFFICER))


#
# Set
#
@transaction.atomic
def target_set(
    *,
    actor,
    indicator: Indicator | str,
    area: AdministrativeUnit,
    year: int | None = None,
    years: tuple[int, int] | None = None,
    value: Any,
    note: str = "",
    parent: Target | None = None,
) -> Target:
    """A new target of `area` for `year` (a year target) or `years` = (from, to) (a plan); refuses a duplicate."""
    indicator = _indicator(indicator)
    year_from, year_to = _years(year, years)
    amount = _amount(value)
    _check_unit_in_years(area, year_from, year_to)
    _check_actor(actor, area)
    if Target.objects.filter(indicator=indicator, area=area, year_from=year_from, year_to=year_to).exists():
        raise ValidationError(
            str(DUPLICATE).format(unit=area.name, indicator=indicator.name_vi, years=_years_text(year_from, year_to))
        )
    target = Target.objects.create(
        indicator=indicator, area=area, scope_area=_scope_area(area), year_from=year_from, year_to=year_to,
        kind=TargetKind.YEAR if year_from == year_to else TargetKind.PLAN, value=amount, original_value=amount,
        parent=parent, note=(note or "").strip()[:500], created_by=actor if _is_user(actor) else None,
    )  # fmt: skip
    audit_record(actor=actor, action=AuditAction.CREATE, instance=target, changes=_created(target))
    return target


def _indicator(indicator: Indicator | str) -> Indicator:
    if isinstance(indicator, Indicator):
        return indicator
    found = Indicator.objects.filter(code=str(indicator or "")).first()
    if found is None:
        raise ValidationError({"indicator": str(UNKNOWN_INDICATOR).format(code=indicator)})
    return found


def _years(year: int | None, years: tuple[int, int] | None) -> tuple[int, int]:
    if years is not None:
        start, end = (int(y) for y in years)
    elif year is not None:
        start = end = int(year)
    else:
        raise ValidationError({"year_from": str(YEARS_MISSING)})
    for y in (start, end):
        if not 2000 <= y <= 2100:
            raise ValidationError({"year_from": str(YEAR_OUT_OF_RANGE).format(year=y)})
    if start > end:
        raise ValidationError({"year_to": str(YEARS_REVERSED).format(start=start, end=end)})
    return start, end


def _amount(value: Any) -> Decimal:
    if value is None or str(value).strip() == "":
        raise ValidationError({"value": str(VALUE_MISSING)})
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"value": str(VALUE_NOT_NUMBER).format(value=value)}) from exc
    if not amount.is_finite():
        raise ValidationError({"value": str(VALUE_NOT_NUMBER).format(value=value)})
    if amount < 0:
        raise ValidationError({"value": str(VALUE_NEGATIVE).format(value=number_text(amount, _places(amount)))})
    return amount.quantize(Decimal("0.01"))


def _check_actor(actor, area: AdministrativeUnit) -> None:
    """A person must be allowed and work in the area; the system (actor None: loaders, demo) may write anywhere."""
    if not _is_user(actor):
        return
    if not can_manage_targets(actor):
        raise ValidationError(str(NOT_ALLOWED))
    if not scope_for(actor).covers_unit(_scope_area(area)):
        raise ValidationError({"area": str(OUTSIDE_AREA).format(unit=area.name)})


def unit_in_years(unit: AdministrativeUnit, year_from: int, year_to: int) -> bool:
    """Whether the unit existed at some time in the years (a pre-2025 unit until 30/06/2025, a 2025 unit from
    01/07/2025: both exist in 2025)."""
    start, end = dt.date(year_from, 1, 1), dt.date(year_to, 12, 31)
    return not ((unit.valid_from and unit.valid_from > end) or (unit.valid_to and unit.valid_to < start))


def _check_unit_in_years(unit: AdministrativeUnit, year_from: int, year_to: int) -> None:
    if not unit_in_years(unit, year_from, year_to):
        window = "{} – {}".format(
            unit.valid_from.strftime("%d/%m/%Y") if unit.valid_from else "…",
            unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else "…",
        )
        raise ValidationError(
            {
                "area": str(UNIT_NOT_IN_YEARS).format(
                    unit=unit.name, years=_years_text(year_from, year_to), window=window
                )
            }
        )


def _scope_area(area: AdministrativeUnit) -> AdministrativeUnit:
    """The unit in force whose officers see the target: the area, or for a pre-2025 unit the province in force
    that its communes went to (the successor of its first commune)."""
    if area.edition != Edition.PRE_2025:
        return area
    if area.level == Level.COMMUNE:
        old_communes = [area.pk]
    else:
        field = "parent" if area.level == Level.DISTRICT else "province"
        old_communes = list(
            AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, level=Level.COMMUNE, **{field: area})
            .order_by("code")
            .values_list("pk", flat=True)[:1]
        )
    row = (
        Succession.objects.filter(predecessor_id__in=old_communes, level=Level.COMMUNE)
        .select_related("successor__province")
        .order_by("kind", "successor__code")
        .first()
    )
    if row is None:
        return area
    return row.successor if area.level == Level.COMMUNE else (row.successor.province or row.successor)


#
# Allocate
#
@transaction.atomic
def target_allocate(*, actor, target: Target, shares: Mapping[AdministrativeUnit | int, Any]) -> list[Target]:
    """Share a province target among its communes: creates or changes each commune's target (an empty value leaves
    a commune as it is). For a count the shares together may not exceed the province's value; a ratio (percent)
    is a value per commune, with no sum. A changed share keeps its old value as a revision."""
    # Locked: two officers allocating at once must not both pass the sum check against the same shares.
    target = Target.objects.select_for_update(of=("self",)).select_related("indicator", "area").get(pk=target.pk)
    _check_actor(actor, target.area)
    if target.area.level != Level.PROVINCE:
        raise ValidationError(str(NOT_A_PROVINCE))
    wanted = _shares(target, shares)
    existing = {t.area_id: t for t in target.shares.select_for_update()}
    if summable(target.indicator):
        after = {pk: t.value for pk, t in existing.items()} | {unit.pk: amount for unit, amount in wanted}
        total = sum(after.values(), Decimal(0))
        if total > target.value:
            raise ValidationError(str(OVER_TOTAL).format(total=_text(total), value=_text(target.value)))
    changed = [_share_write(actor, target, unit, amount, existing.get(unit.pk)) for unit, amount in wanted]
    changes = {t.area.name: [str(old) if old is not None else None, str(t.value)] for t, old in changed if t}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=target, changes=changes)
    return [t for t, _old in changed if t]


def _shares(target: Target, shares: Mapping[AdministrativeUnit | int, Any]) -> list[tuple[AdministrativeUnit, Decimal]]:
    ids = [unit.pk if isinstance(unit, AdministrativeUnit) else int(unit) for unit in shares]
    units = AdministrativeUnit.objects.in_bulk(ids)
    out, errors = [], []
    for key, raw in shares.items():
        if raw is None or str(raw).strip() == "":
            continue
        pk = key.pk if isinstance(key, AdministrativeUnit) else int(key)
        unit = units.get(pk)
        if unit is None or unit.level != Level.COMMUNE or unit.province_id != target.area_id:
            name = unit.name if unit is not None else str(key)
            errors.append(str(NOT_A_COMMUNE_OF).format(unit=name, province=target.area.name))
            continue
        try:
            amount = _amount(raw)
            _check_unit_in_years(unit, target.year_from, target.year_to)
        except ValidationError as exc:
            errors.extend(f"{unit.name}: {m}" for m in exc.messages)
            continue
        out.append((unit, amount))
    if errors:
        raise ValidationError(errors)
    return out


def _share_write(actor, parent: Target, unit, amount: Decimal, current: Target | None):
    """(target, old value) for a share created or changed; (None, None) when it stays the same."""
    if current is None:
        share = Target.objects.create(
            indicator=parent.indicator, area=unit, scope_area=unit, kind=parent.kind, year_from=parent.year_from,
            year_to=parent.year_to, value=amount, original_value=amount, parent=parent,
            created_by=actor if _is_user(actor) else None,
        )  # fmt: skip
        audit_record(actor=actor, action=AuditAction.CREATE, instance=share, changes=_created(share))
        return share, None
    if current.value == amount:
        return None, None
    old = current.value
    _revision_write(actor, current, amount, str(REALLOCATED))
    return current, old


#
# Revise
#
@transaction.atomic
def target_revise(*, actor, target: Target, value: Any, reason: str) -> Target:
    """A new value for the target, with the reason; the old value stays as a revision (and as `original_value`)."""
    # Locked, the province's target first (the order target_allocate takes them in, so the two never deadlock): a
    # revision and an allocation under the same province check their sums one after the other.
    if target.parent_id is not None:
        Target.objects.select_for_update().filter(pk=target.parent_id).first()
    target = Target.objects.select_for_update(of=("self",)).select_related("indicator", "area").get(pk=target.pk)
    reason = (reason or "").strip()
    amount = _amount(value)
    if not reason:
        raise ValidationError({"reason": str(REASON_MISSING)})
    _check_actor(actor, target.area)
    if amount == target.value:
        raise ValidationError({"value": str(VALUE_UNCHANGED).format(value=_text(amount))})
    if summable(target.indicator):
        _check_sums_after_revision(target, amount)
    _revision_write(actor, target, amount, reason)
    return target


def _check_sums_after_revision(target: Target, amount: Decimal) -> None:
    shares_total = sum(target.shares.values_list("value", flat=True), Decimal(0))
    if shares_total > amount:
        raise ValidationError(
            {"value": str(SHARES_OVER_NEW_VALUE).format(total=_text(shares_total), value=_text(amount))}
        )
    if target.parent_id is not None:
        parent = Target.objects.get(pk=target.parent_id)  # locked above
        siblings = parent.shares.exclude(pk=target.pk).values_list("value", flat=True)
        total = sum(siblings, Decimal(0)) + amount
        if total > parent.value:
            raise ValidationError({"value": str(OVER_TOTAL).format(total=_text(total), value=_text(parent.value))})


def _revision_write(actor, target: Target, amount: Decimal, reason: str) -> TargetRevision:
    old = target.value
    revision = TargetRevision.objects.create(
        target=target, old_value=old, new_value=amount, reason=reason[:500], actor=actor if _is_user(actor) else None
    )
    target.value = amount
    target.save(update_fields=["value", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=target,
        changes={"value": [str(old), str(amount)], REASON_KEY: reason},
    )  # fmt: skip
    return revision


#
# Helpers
#
def _is_user(actor) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def _created(target: Target) -> dict:
    return {
        "indicator": [None, target.indicator_id],
        "area": [None, target.area_id],
        "year_from": [None, target.year_from],
        "year_to": [None, target.year_to],
        "value": [None, str(target.value)],
    }


def _places(amount: Decimal) -> int:
    return 0 if amount == amount.to_integral_value() else 2


def _text(amount: Decimal) -> str:
    """7.125 or 7.125,5: Vietnamese grouping, decimals only when there are some."""
    return number_text(amount.normalize() if amount == amount.to_integral_value() else amount, _places(amount))


def _years_text(year_from: int, year_to: int) -> str:
    if year_from == year_to:
        return _("năm {year}").format(year=year_from)
    return _("giai đoạn {start}–{end}").format(start=year_from, end=year_to)
