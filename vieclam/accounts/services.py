"""Writes on user accounts: each one audited in the same transaction."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.places.choices import Level
from vieclam.places.selectors import AreaCodeError, area_resolve

AUDITED_FIELDS = ("username", "first_name", "last_name", "email", "role", "is_active", "phone")
AREA_ROLES = {Role.PROVINCE_OFFICER, Role.COUNSELLOR, Role.COMMUNE_OFFICER}
# Who may reset their own password by email. Officers' accounts open many citizens' records, so a mailbox must
# not be the key to them: an administrator resets those (user_set_password with the administrator as actor).
SELF_RESET_ROLES = frozenset({Role.WORKER, Role.EMPLOYER})
PASSWORD_RESET = "đặt lại"  # what the audit trail shows for a new password (never the password or its hash)


def areas_resolve(*, codes: Sequence[str], role: str) -> tuple[list, list[str]]:
    """Area codes → units in force today; old codes are mapped and reported in the notes."""
    units, notes, errors = [], [], []
    for code in codes:
        try:
            unit, note = area_resolve(code=code, on=today())
        except AreaCodeError as exc:
            errors.append(str(exc))
            continue
        if role == Role.COMMUNE_OFFICER and unit.level != Level.COMMUNE:
            errors.append(_("Cán bộ cấp xã chỉ được giao xã/phường/đặc khu, không phải {name}.").format(name=unit.name))
        units.append(unit)
        if note:
            notes.append(note)
    if errors:
        raise ValidationError({"areas": errors})
    return units, notes


def _check_admin(actor: User | None) -> None:
    # None is the system itself (the demo and management commands, self sign-up of a worker or employer account).
    if actor is not None and not actor.is_admin_role:
        raise PermissionDenied(_("Chỉ quản trị viên được tạo hoặc sửa tài khoản."))


def _check_role_areas(role: str, units: list) -> None:
    if role in AREA_ROLES and not units:
        raise ValidationError({"areas": _("Vai trò này cần ít nhất một địa bàn phụ trách.")})


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    role: str,
    password: str | None = None,
    area_codes: Sequence[str] = (),
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    _check_admin(actor)
    if role not in Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ: {role}.").format(role=role)})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Tên đăng nhập {name} đã có.").format(name=username)})
    units, _notes = areas_resolve(codes=area_codes, role=role)
    _check_role_areas(role, units)
    user = User(username=username, role=role, first_name=first_name, last_name=last_name, email=email)
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.areas.set(units)
    changes = {k: [None, v] for k, v in snapshot(user, AUDITED_FIELDS).items()}
    changes["areas"] = [None, sorted(u.code for u in units)]
    audit_record(actor=actor, action=AuditAction.CREATE, instance=user, changes=changes)
    return user


@transaction.atomic
def user_update(*, actor: User | None, user: User, data: dict, area_codes: Sequence[str] | None = None) -> User:
    """Change the given fields (and areas when `area_codes` is given); records old and new values."""
    _check_admin(actor)
    before = snapshot(user, AUDITED_FIELDS)
    before_areas = sorted(user.areas.values_list("code", flat=True))
    for field, value in data.items():
        if field not in AUDITED_FIELDS:
            raise ValidationError({field: _("Không được sửa trường này.")})
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    user.save()
    changes = diff(before, snapshot(user, AUDITED_FIELDS))
    if area_codes is not None:
        units, _notes = areas_resolve(codes=area_codes, role=user.role)
        _check_role_areas(user.role, units)
        user.areas.set(units)
        after_areas = sorted(u.code for u in units)
        if after_areas != before_areas:
            changes["areas"] = [before_areas, after_areas]
    if changes:
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=user, changes=changes)
    return user


@transaction.atomic
def user_set_password(*, actor: User, user: User, password: str) -> User:
    """A new password, by an administrator for anyone or by the user themself (the email reset); audited.

    The account's sign-in failures are forgotten (whoever sets the password controls the account) and its API
    token is withdrawn, so an old token cannot outlive a reset made because the account was at risk.
    """
    if actor.pk != user.pk and not actor.is_admin_role:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được đặt lại mật khẩu của người khác."))
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    Token.objects.filter(user=user).delete()
    axes_reset(username=user.username)
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=user, changes={"password": [None, PASSWORD_RESET]})
    return user


def user_token(*, user: User) -> str:
    """The user's API token, created on first use."""
    token, _created = Token.objects.get_or_create(user=user)
    return token.key


def username_generate(*, name: str) -> str:
    """A free username for a self-registered account: the folded name and random digits ("tranthilan.4821").

    Sign-up does not let people pick a username: refusing a taken one, or quietly altering it, would tell anyone
    which usernames exist. The random part makes the answer the same whether the plain name is taken or not.
    """
    stem = re.sub(r"[^a-z0-9]", "", fold(name))[:20] or "taikhoan"
    for digits in (4, 4, 4, 6, 6, 8, 8, 8):
        username = f"{stem}.{secrets.randbelow(10**digits):0{digits}d}"
        if not User.objects.filter(username__iexact=username).exists():
            return username
    raise RuntimeError("no free username after eight draws")
