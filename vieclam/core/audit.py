"""Audit helpers called by services: one event per create, update, delete or read of a record.

Call them inside the service's transaction so the record and its audit event commit together.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from vieclam.core.choices import AuditAction
from vieclam.core.context import current_channel
from vieclam.core.models import AuditEvent


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict:
    """Field values of `instance` as JSON-safe data, to diff before and after a change."""
    names = fields or [f.attname for f in instance._meta.concrete_fields]
    return {name: _json_safe(getattr(instance, name)) for name in names}


def diff(before: dict, after: dict) -> dict:
    """{'field': [old, new]} for every field whose value changed."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def audit_record(*, actor, action: str, instance: models.Model, changes: dict | None = None, area=None) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_username=getattr(actor, "username", "") or "",
        action=action,
        channel=current_channel(),
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
        area=area,
    )


def audit_read(*, actor, instance: models.Model, area=None) -> AuditEvent:
    """Opening a person's full record is itself logged (personal data)."""
    return audit_record(actor=actor, action=AuditAction.READ, instance=instance, area=area)


def history_for(instance: models.Model):
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).select_related("actor")


def _json_safe(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value
