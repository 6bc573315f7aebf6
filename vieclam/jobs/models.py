"""A background job: one long task run by the worker in batches, its progress and outcome."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.jobs.choices import JobState

__all__ = ("Job",)


class Job(models.Model):
    """`done` counts the rows processed (written or refused; `errors` of them refused) in whole batches: a batch
    and its progress commit in one transaction, so a worker killed mid-batch leaves `done` exactly where the data
    stops, and a rerun starts there.

    `attempt` increases with every enqueue; a batch commits only while the job is still on the attempt that runs
    it, so a worker thought dead that wakes up again cannot write next to the one that resumed the job."""

    kind = models.CharField(_("loại"), max_length=50)
    title = models.CharField(_("mô tả"), max_length=200, blank=True)
    state = models.CharField(_("trạng thái"), max_length=12, choices=JobState.choices, default=JobState.QUEUED)
    total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    errors = models.PositiveIntegerField(_("số lỗi"), default=0)
    messages = models.JSONField(_("các lỗi"), default=list, blank=True)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attempt = models.PositiveIntegerField(_("lần chạy"), default=1)
    cancel_requested = models.BooleanField(_("yêu cầu hủy"), default=False)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("báo gần nhất lúc"), null=True, blank=True)

    # Scoping (accounts.scoping): staff see the jobs of their area; others their own.
    area_path = "area"
    owner_path = "requested_by"

    class Meta:
        verbose_name = _("công việc chạy nền")
        verbose_name_plural = _("công việc chạy nền")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self) -> str:
        return self.title or self.kind

    def get_absolute_url(self) -> str:
        return reverse("jobs:job_detail", args=[self.pk])

    @property
    def shown_state(self) -> str:
        """The state to show: a running job whose worker stopped reporting is interrupted (the worker died)."""
        if self.state == JobState.RUNNING and self.stale:
            return JobState.INTERRUPTED
        return self.state

    @property
    def shown_state_label(self) -> str:
        return str(JobState(self.shown_state).label)

    @property
    def stale(self) -> bool:
        seen = self.heartbeat_at or self.started_at
        limit = dt.timedelta(seconds=settings.VIECLAM_JOB_STALE_SECONDS)
        return seen is not None and timezone.now() - seen > limit

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.state == JobState.DONE else 0
        return min(100, self.done * 100 // self.total)
