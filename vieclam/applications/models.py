"""Applications and referrals to vacancies ("ứng tuyển", "giới thiệu việc làm") and their dated timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.applications.choices import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    ApplicationChannel,
    ApplicationStatus,
    ClaimStatus,
    RefusalReason,
)
from vieclam.applications.querysets import ApplicationQuerySet
from vieclam.core.models import TimeStampedModel

__all__ = ("AccountClaim", "Application", "ApplicationEvent")


class Application(TimeStampedModel):
    """One person's candidacy for one vacancy, from submission (or referral) to hire, refusal or withdrawal.

    The columns hold the current state; `events` hold every transition with its time and actor. A hire records
    the labour contract (`contract_type`, an item code of the TT 11/2022 list "contract-types") and the start
    date: a hire with a contract is a successful job connection (TT 11/2022 Art. 3.4). Writes go through
    applications.services (transition table, scope, audit trail).
    """

    vacancy = models.ForeignKey(
        "vacancies.Vacancy", verbose_name=_("việc làm"), on_delete=models.PROTECT, related_name="applications"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="applications"
    )
    channel = models.CharField(_("hình thức"), max_length=10, choices=ApplicationChannel.choices)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ giới thiệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    status_changed_at = models.DateTimeField(_("đổi trạng thái lúc"), default=timezone.now)
    interview_at = models.DateTimeField(_("thời gian phỏng vấn"), null=True, blank=True)
    contract_type = models.CharField(_("loại hợp đồng lao động"), max_length=40, blank=True)
    start_date = models.DateField(_("ngày bắt đầu làm việc"), null=True, blank=True)
    refusal_reason = models.CharField(_("lý do không tuyển"), max_length=20, choices=RefusalReason.choices, blank=True)
    refusal_note = models.CharField(_("ghi chú lý do"), max_length=1000, blank=True)

    objects = ApplicationQuerySet.as_manager()

    # Scoping (accounts.scoping): staff see the applications of people living in their areas; the worker sees
    # their own and the employer's account sees those to its vacancies.
    area_path = "person__residence_commune"
    owner_path = ("person__account", "vacancy__employer__account")

    class Meta:
        verbose_name = _("hồ sơ ứng tuyển")
        verbose_name_plural = _("hồ sơ ứng tuyển")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "person"],
                condition=Q(status__in=OPEN_STATUSES),
                name="applications_application_unique_open",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.HIRED) | (~Q(contract_type="") & Q(start_date__isnull=False)),
                name="applications_application_hired_has_contract",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.REFUSED) | ~Q(refusal_reason=""),
                name="applications_application_refused_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.INTERVIEW_SCHEDULED) | Q(interview_at__isnull=False),
                name="applications_application_interview_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            models.Index(fields=["vacancy", "status"]),
            models.Index(fields=["created_at", "id"], name="applications_list_order"),  # the list's order, no sort
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.vacancy}"

    def get_absolute_url(self) -> str:
        return reverse("applications:application_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def successful_connection(self) -> bool:
        """Hired with a concluded labour contract: a "kết nối việc làm thành công" (TT 11/2022 Art. 3.4)."""
        return self.status == ApplicationStatus.HIRED and bool(self.contract_type)


class ApplicationEvent(models.Model):
    """One dated transition of an application and who made it (actor None: the system, e.g. expiry)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("từ trạng thái"), max_length=20, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=20, choices=ApplicationStatus.choices)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("diễn biến hồ sơ ứng tuyển")
        verbose_name_plural = _("diễn biến hồ sơ ứng tuyển")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '∅'} → {self.to_status}"


class AccountClaim(TimeStampedModel):
    """A sign-up whose CCCD or tax code is already in the registry: the new account waits for staff of the
    record's area to link it to that record (after checking the person's papers) or to refuse.

    Whoever signs up is told the same as for a new number and never sees the record; `declared` keeps what they
    stated (name, date of birth, phone…) for the officer to compare. `area` is the record's area when the claim was
    made, which decides which staff see it (accounts.scoping).
    """

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="claims"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), null=True, blank=True, on_delete=models.CASCADE
    )
    employer = models.ForeignKey(
        "employers.Employer", verbose_name=_("người sử dụng lao động"), null=True, blank=True, on_delete=models.CASCADE
    )
    area = models.ForeignKey("places.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT)
    declared = models.JSONField(_("thông tin tự khai"), default=dict)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)

    area_path = "area"

    class Meta:
        verbose_name = _("yêu cầu gắn tài khoản")
        verbose_name_plural = _("yêu cầu gắn tài khoản")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=True) ^ Q(employer__isnull=True), name="applications_claim_one_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} → {self.person or self.employer}"

    @property
    def record(self):
        return self.person or self.employer
