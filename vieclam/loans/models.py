"""Job-creation loans ("vay vốn hỗ trợ tạo việc làm, duy trì, mở rộng việc làm") as a tracked journey.

A loan application is made by a worker or by an establishment (household business, cooperative, enterprise: a
record of the employers registry) and confirmed by the commune; the social-policy bank (NHCSXH) appraises,
approves (amount, term, rate), disburses; a check verifies the jobs created; the loan ends repaid or written off,
or falls overdue. The bank keeps the ledger: only the steps and their dates are kept here (LoanEvent), with the
loan's current state repeated on Loan for lists. The ceilings, rates and priority groups are dated reference data
(loans/data/, SOURCES.md). Writes go through loans.services (area check, audit trail).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.dated import in_window
from vieclam.core.models import TimeStampedModel
from vieclam.loans.choices import AppliesTo, BorrowerKind, EventKind, LoanStatus

__all__ = ("Loan", "LoanEvent", "LoanJobPerson", "LoanPolicy", "PriorityGroup")


class DatedRule(models.Model):
    """Validity window (both ends inclusive, empty = open; core.dated), legal source and a note."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)
    note = models.CharField(_("ghi chú"), max_length=600, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class LoanPolicy(DatedRule):
    """The loan ceiling, longest term and rates for one kind of borrower in one period (loans/data/policies.csv)."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    borrower_kind = models.CharField(_("đối tượng vay"), max_length=20, choices=BorrowerKind.choices)
    max_amount = models.BigIntegerField(_("mức vay tối đa (đồng)"))
    max_per_job = models.BigIntegerField(_("tối đa cho một lao động (đồng)"), null=True, blank=True)
    max_term_months = models.PositiveSmallIntegerField(_("thời hạn vay tối đa (tháng)"))
    annual_rate = models.DecimalField(_("lãi suất (%/năm)"), max_digits=6, decimal_places=3)
    priority_rate = models.DecimalField(_("lãi suất đối tượng ưu tiên (%/năm)"), max_digits=6, decimal_places=3)

    class Meta:
        verbose_name = _("mức vay và lãi suất")
        verbose_name_plural = _("mức vay và lãi suất")
        ordering = ["valid_from", "borrower_kind"]

    def __str__(self) -> str:
        return self.code


class PriorityGroup(DatedRule):
    """A group the decree names for priority (lower rate): loans/data/priority_groups.csv."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name_vi = models.CharField(_("tên"), max_length=300)
    applies_to = models.CharField(_("áp dụng cho"), max_length=10, choices=AppliesTo.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đối tượng ưu tiên vay vốn")
        verbose_name_plural = _("đối tượng ưu tiên vay vốn")
        ordering = ["valid_from", "order", "code"]

    def __str__(self) -> str:
        return self.name_vi


class Loan(TimeStampedModel):
    """One application for a job-creation loan and where it stands.

    `person` is the borrowing worker, or the owner of a household business; `employer` the borrowing establishment
    (household business, cooperative, enterprise). `commune` is the borrower's commune (the worker's residence or
    the establishment's seat), copied at application: the area the loan is seen and counted in.
    """

    borrower_kind = models.CharField(_("đối tượng vay"), max_length=20, choices=BorrowerKind.choices)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("người vay (hoặc chủ hộ kinh doanh)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loans",
    )
    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("cơ sở sản xuất, kinh doanh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loans",
    )
    commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(_("mục đích vay"), max_length=400)
    amount_requested = models.BigIntegerField(_("số tiền đề nghị vay (đồng)"))
    jobs_new = models.PositiveIntegerField(_("số lao động tạo việc làm mới"), default=0)
    jobs_kept = models.PositiveIntegerField(_("số lao động duy trì, mở rộng việc làm"), default=0)
    priority_group = models.ForeignKey(
        PriorityGroup,
        verbose_name=_("đối tượng ưu tiên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_on = models.DateField(_("ngày nộp hồ sơ"))
    commune_confirmed_on = models.DateField(_("ngày UBND xã xác nhận"), null=True, blank=True)
    policy = models.ForeignKey(
        LoanPolicy, verbose_name=_("mức vay áp dụng"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=15, choices=LoanStatus.choices, default=LoanStatus.APPLIED)
    status_on = models.DateField(_("ngày của trạng thái"))
    approved_amount = models.BigIntegerField(_("số tiền được duyệt (đồng)"), null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("thời hạn vay (tháng)"), null=True, blank=True)
    interest_rate = models.DecimalField(_("lãi suất (%/năm)"), max_digits=6, decimal_places=3, null=True, blank=True)
    disbursed_amount = models.BigIntegerField(_("đã giải ngân (đồng)"), default=0)
    disbursed_on = models.DateField(_("ngày giải ngân lần đầu"), null=True, blank=True)
    jobs_created = models.PositiveIntegerField(_("số lao động được tạo việc làm (đã kiểm tra)"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Scoping (accounts.scoping): staff of the borrower's commune (or province); a worker sees their own loans.
    area_path = "commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("khoản vay tạo việc làm")
        verbose_name_plural = _("vay vốn tạo việc làm")
        ordering = ["-applied_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(employer__isnull=False), name="loans_loan_has_borrower"
            ),
            models.CheckConstraint(condition=Q(amount_requested__gt=0), name="loans_loan_amount_positive"),
            models.CheckConstraint(condition=Q(disbursed_amount__gte=0), name="loans_loan_disbursed_not_negative"),
        ]
        indexes = [
            models.Index(fields=["applied_on", "id"], name="loans_list_order"),
            models.Index(fields=["commune", "applied_on", "id"], name="loans_commune_order"),
            models.Index(fields=["person", "applied_on"], name="loans_person"),  # the person's timeline
            models.Index(fields=["status", "applied_on"], name="loans_status"),
        ]

    def __str__(self) -> str:
        return f"{self.borrower_name} ({self.applied_on:%d/%m/%Y})"

    @property
    def borrower_name(self) -> str:
        if self.employer_id is not None:
            return self.employer.name
        return self.person.full_name if self.person is not None else ""

    def get_absolute_url(self) -> str:
        return reverse("loans:loan_detail", args=[self.pk])


class LoanEvent(models.Model):
    """A dated step: appraisal, approval (amount, term, rate), rejection, disbursement (amount), the check of the
    jobs created (workers; optionally who), overdue, repaid, written off."""

    loan = models.ForeignKey(Loan, verbose_name=_("khoản vay"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("bước"), max_length=20, choices=EventKind.choices)
    on = models.DateField(_("ngày"))
    amount = models.BigIntegerField(_("số tiền (đồng)"), null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("thời hạn vay (tháng)"), null=True, blank=True)
    interest_rate = models.DecimalField(_("lãi suất (%/năm)"), max_digits=6, decimal_places=3, null=True, blank=True)
    workers = models.PositiveIntegerField(_("số lao động"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"))

    area_path = "loan__commune"
    owner_path = "loan__person__account"

    class Meta:
        verbose_name = _("bước của khoản vay")
        verbose_name_plural = _("các bước của khoản vay")
        ordering = ["on", "pk"]
        constraints = [
            # One check of the jobs a loan created: its figure is the loan's (a second would count them twice).
            models.UniqueConstraint(
                fields=["loan"], condition=Q(kind=EventKind.JOBS_CHECK), name="loans_event_one_jobs_check"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "on"], name="loans_event_kind_on"),  # the indicators
            models.Index(fields=["loan", "on"], name="loans_event_loan_on"),
        ]

    def __str__(self) -> str:
        return f"{self.loan_id} {self.kind} {self.on:%d/%m/%Y}"


class LoanJobPerson(models.Model):
    """A person the jobs check found in work thanks to the loan (a start of "lao động được giải quyết việc làm")."""

    jobs_check = models.ForeignKey(
        LoanEvent, verbose_name=_("lần kiểm tra"), on_delete=models.CASCADE, related_name="job_persons"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="loan_jobs"
    )

    class Meta:
        verbose_name = _("người được tạo việc làm từ khoản vay")
        verbose_name_plural = _("người được tạo việc làm từ khoản vay")
        constraints = [models.UniqueConstraint(fields=["jobs_check", "person"], name="loans_jobperson_unique")]

    def __str__(self) -> str:
        return f"{self.jobs_check_id} {self.person_id}"
