"""Shared models: the audit trail of personal and registry data."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.core.choices import AuditAction, Channel

__all__ = ("AuditEvent", "TimeStampedModel")


class TimeStampedModel(models.Model):
    """Creation and last-change times for registry records."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """Who did what to which record, when, through which channel; written in the same transaction."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=10, choices=AuditAction.choices)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=200)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    area = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Scoping: an officer sees the history of records in their area only.
    area_path = "area"

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_username} {self.action} {self.object_repr}"
