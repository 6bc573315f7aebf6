"""Successful job connections, their follow-up checks, and the dated rules that fund and count them.

A connection is a job found through the centre that ended in a concluded labour contract (TT 11/2022/TT-BLĐTBXH
Art. 3.4). It is created by the hire of an application on the board, or recorded by staff when the centre
confirms a job found outside the board. Follow-ups check at 1, 3, 6 and 12 months (settings) whether the job
held; whether employment is sustained is decided by the dated SustainedRule. Writes go through
connections.services (area check, audit trail).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.connections.choices import (
    ConnectionSource,
    FollowUpResult,
    FollowUpStatus,
    FundingSource,
    SustainedRequirement,
)
from vieclam.core.dated import in_window
from vieclam.core.models import TimeStampedModel

__all__ = ("Connection", "FollowUp", "FundingNorm", "SustainedRule")

OPEN_STATUSES = [FollowUpStatus.DUE.value, FollowUpStatus.MISSED.value]  # not yet recorded: the queue


class DatedRule(models.Model):
    """Validity window (both ends inclusive, empty = open; core.dated), legal source and a note."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class FundingNorm(DatedRule):
    """The most programme money paid per successful connection in a period (TT 55/2023/TT-BTC Art. 72).

    Loaded from connections/data/funding_norms.csv; never deleted: a norm that ends gets a `valid_to`.
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    amount = models.PositiveIntegerField(_("mức chi tối đa (đồng/người)"))

    class Meta:
        verbose_name = _("định mức chi kết nối việc làm")
        verbose_name_plural = _("định mức chi kết nối việc làm")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return self.name_vi


class SustainedRule(DatedRule):
    """When employment counts as sustained ("việc làm bền vững"): the law does not define it, so it is data.

    Loaded from connections/data/sustained_rules.csv with its rationale; the rule in force on a connection's start
    date applies to it.
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    check_offset_months = models.PositiveSmallIntegerField(_("kiểm tra sau (tháng)"), default=6)
    requires = models.CharField(
        _("điều kiện"),
        max_length=30,
        choices=SustainedRequirement.choices,
        default=SustainedRequirement.CONTRACT_OR_INSURANCE,
    )
    rationale = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("quy tắc việc làm bền vững")
        verbose_name_plural = _("quy tắc việc làm bền vững")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return self.code


class Connection(TimeStampedModel):
    """One person's job with one employer from a start date, found through the centre, with its funding.

    `norm` is the FundingNorm in force on `start_date` and `norm_amount` the amount this connection may be paid
    (a snapshot: 0 when the source pays no programme money or when it would be paid twice, `double_funding_flag`).
    """

    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="connections"
    )
    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("người sử dụng lao động"),
        on_delete=models.PROTECT,
        related_name="connections",
    )
    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("hồ sơ ứng tuyển"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="connection",
    )
    occupation = models.ForeignKey(
        "codelists.Occupation",
        verbose_name=_("nghề nghiệp (VSCO 2020)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contract_type = models.CharField(_("loại hợp đồng lao động"), max_length=40)
    contract_number = models.CharField(_("số hợp đồng"), max_length=50, blank=True)
    start_date = models.DateField(_("ngày bắt đầu làm việc"))
    monthly_pay = models.PositiveIntegerField(_("tiền lương (đồng/tháng)"), null=True, blank=True)
    social_insurance = models.BooleanField(_("tham gia BHXH bắt buộc"), default=False)
    evidence_note = models.CharField(_("căn cứ xác nhận"), max_length=1000, blank=True)
    source = models.CharField(_("nguồn"), max_length=10, choices=ConnectionSource.choices)
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=15, choices=FundingSource.choices)
    norm = models.ForeignKey(
        FundingNorm,
        verbose_name=_("định mức áp dụng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    norm_amount = models.PositiveIntegerField(_("mức chi (đồng)"), default=0)
    double_funding_flag = models.BooleanField(_("không chi trùng"), default=False)
    double_funding_reason = models.CharField(_("lý do không chi"), max_length=400, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ theo dõi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_connections",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Scoping (accounts.scoping): staff of the person's commune (or province); the worker sees their own.
    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("kết nối việc làm thành công")
        verbose_name_plural = _("kết nối việc làm thành công")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "employer", "start_date"], name="connections_connection_unique_person_employer_day"
            ),
            models.CheckConstraint(condition=~Q(contract_type=""), name="connections_connection_has_contract"),
        ]
        indexes = [
            models.Index(fields=["person", "start_date"], name="connections_person_start"),  # timeline, 12-month rule
            models.Index(fields=["start_date", "id"], name="connections_list_order"),
            models.Index(fields=["counsellor", "start_date"], name="connections_counsellor"),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.employer.name}"

    def get_absolute_url(self) -> str:
        return reverse("connections:connection_detail", args=[self.pk])


class FollowUp(models.Model):
    """A check, some months after the start, that the connected person is still in work.

    `person`, `counsellor` and `priority` repeat the connection's so the queue reads one table in the order of an
    index: `priority` is 0 for the priority groups (poor / near-poor / recently escaped household, ethnic minority,
    a listed priority group such as disability) as they were when the check was scheduled, 1 otherwise.
    """

    connection = models.ForeignKey(
        Connection, verbose_name=_("kết nối việc làm"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ theo dõi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority = models.PositiveSmallIntegerField(_("thứ tự ưu tiên"), default=1)
    offset_months = models.PositiveSmallIntegerField(_("sau (tháng)"))
    due_on = models.DateField(_("ngày đến hạn"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.DUE
    )
    result = models.CharField(_("kết quả"), max_length=20, choices=FollowUpResult.choices, blank=True)
    has_contract = models.BooleanField(_("có HĐLĐ"), null=True, blank=True)
    has_social_insurance = models.BooleanField(_("có BHXH bắt buộc"), null=True, blank=True)
    checked_on = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), null=True, blank=True)

    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("theo dõi sau kết nối")
        verbose_name_plural = _("theo dõi sau kết nối")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["connection", "offset_months"], name="connections_followup_unique_offset"),
            models.CheckConstraint(
                condition=~Q(status=FollowUpStatus.DONE) | (~Q(result="") & Q(checked_on__isnull=False)),
                name="connections_followup_done_has_result",
            ),
        ]
        indexes = [
            # The queue: open checks, priority groups first, then by due date (whole area / one counsellor).
            models.Index(fields=["status", "priority", "due_on", "id"], name="connections_fu_queue"),
            models.Index(fields=["counsellor", "status", "priority", "due_on", "id"], name="connections_fu_mine"),
            models.Index(fields=["status", "due_on"], name="connections_fu_status_due"),
            # The queue shows two statuses (due, missed): an index holding only those rows is read in the queue's
            # order with no sort (an IN over the status column of the indexes above made PostgreSQL sort them all).
            models.Index(
                fields=["priority", "due_on", "id"], condition=Q(status__in=OPEN_STATUSES), name="connections_fu_open"
            ),
            models.Index(
                fields=["counsellor", "priority", "due_on", "id"],
                condition=Q(status__in=OPEN_STATUSES),
                name="connections_fu_open_mine",
            ),
            models.Index(fields=["person", "due_on"], name="connections_fu_person"),  # the person's timeline
        ]

    def __str__(self) -> str:
        return f"{self.connection_id} +{self.offset_months}"

    def get_absolute_url(self) -> str:
        return reverse("connections:followup_record", args=[self.pk])
