"""Job fairs (phiên giao dịch việc làm): the fair, its employers' booths, the workers' registrations and check-ins,
and the interests in training and labour export recorded there.

Hiring at a booth is not a model of its own: a worker who applies, is interviewed or hired at a booth does so
through an application of the job exchange (applications.services) to one of the booth's vacancies; the report
(fairs.selectors.fair_report) finds those applications by vacancy and date. Writes go through fairs.services
(area check, audit trail).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.fairs.choices import FairKind, FairStatus, InterestKind, RegistrationChannel
from vieclam.places.choices import Level

__all__ = ("Fair", "FairBooth", "FairInterest", "FairInterviewSlot", "FairRegistration")


class Fair(TimeStampedModel):
    """One fair on one day at a venue (a commune and an address; an online fair names the organising commune)."""

    name = models.CharField(_("tên phiên"), max_length=255)
    kind = models.CharField(_("loại phiên"), max_length=10, choices=FairKind.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    starts_at = models.TimeField(_("giờ bắt đầu"))
    ends_at = models.TimeField(_("giờ kết thúc"))
    commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("xã, phường, đặc khu"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.COMMUNE},
    )
    address = models.CharField(_("địa điểm"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.PositiveIntegerField(_("số người lao động tối đa"))
    target_groups = models.CharField(_("đối tượng tham gia"), max_length=500, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=FairStatus.choices, default=FairStatus.PLANNED)
    note = models.TextField(_("ghi chú"), blank=True)

    # Scoping (accounts.scoping): staff of the commune where the fair is held (or its province).
    area_path = "commune"

    class Meta:
        verbose_name = _("phiên giao dịch việc làm")
        verbose_name_plural = _("phiên giao dịch việc làm")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="fairs_fair_capacity_min"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="fairs_fair_ends_after_start"),
        ]
        indexes = [
            models.Index(fields=["held_on", "id"], name="fairs_fair_list_order"),
            models.Index(fields=["commune", "held_on"], name="fairs_fair_commune_date"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("fairs:fair_detail", args=[self.pk])


class FairBooth(TimeStampedModel):
    """An employer's place at a fair, with the vacancies it recruits for there; one booth per employer per fair."""

    fair = models.ForeignKey(Fair, verbose_name=_("phiên"), on_delete=models.CASCADE, related_name="booths")
    employer = models.ForeignKey(
        "employers.Employer", verbose_name=_("người sử dụng lao động"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("số gian hàng"), max_length=10, blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=200, blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=20, blank=True)
    vacancies = models.ManyToManyField(
        "vacancies.Vacancy", verbose_name=_("việc làm tuyển tại phiên"), related_name="fair_booths", blank=True
    )
    meeting_link = models.URLField(_("đường dẫn phỏng vấn trực tuyến"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đăng ký"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Staff of the fair's area; the employer's own account sees its booth.
    area_path = "fair__commune"
    owner_path = "employer__account"

    class Meta:
        verbose_name = _("gian hàng")
        verbose_name_plural = _("gian hàng")
        ordering = ["fair", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "employer"], name="fairs_booth_one_per_employer"),
            models.UniqueConstraint(fields=["fair", "number"], condition=~Q(number=""), name="fairs_booth_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number or '–'} {self.employer.name}"


class FairRegistration(TimeStampedModel):
    """A worker registered for a fair, online beforehand or at the door, and their check-in.

    `token` is the random secret printed in the worker's QR code (not guessable from ids); `client_key` is the key
    an offline check-in page sends with what it recorded, so a second sending of the same record changes nothing.
    """

    fair = models.ForeignKey(Fair, verbose_name=_("phiên"), on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("người lao động"),
        on_delete=models.PROTECT,
        related_name="fair_registrations",
        null=True,
        blank=True,
    )
    # What a visitor without an account typed on the public page. The registration is tied to a person record only
    # at the door, when an officer sees the card: a CCCD typed on a public page must not reveal or touch whose it is.
    applicant_name = models.CharField(_("họ và tên (tự khai)"), max_length=200, blank=True)
    applicant_national_id = models.CharField(_("số CCCD (tự khai)"), max_length=12, blank=True)
    applicant_phone = models.CharField(_("điện thoại (tự khai)"), max_length=20, blank=True)
    applicant_birth_date = models.DateField(_("ngày sinh (tự khai)"), null=True, blank=True)
    channel = models.CharField(_("hình thức đăng ký"), max_length=10, choices=RegistrationChannel.choices)
    booths = models.ManyToManyField(
        FairBooth, verbose_name=_("gian hàng quan tâm"), related_name="interested", blank=True
    )
    token = models.CharField(_("mã QR"), max_length=64, unique=True, editable=False)
    client_key = models.CharField(_("mã ghi nhận ngoại tuyến"), max_length=64, blank=True)
    checked_in_at = models.DateTimeField(_("đến phiên lúc"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận đến"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đăng ký"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    area_path = "fair__commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("đăng ký tham gia phiên")
        verbose_name_plural = _("đăng ký tham gia phiên")
        ordering = ["fair", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "person"], name="fairs_registration_once_per_fair"),
            models.UniqueConstraint(
                fields=["fair", "client_key"], condition=~Q(client_key=""), name="fairs_registration_client_key"
            ),
            models.UniqueConstraint(
                fields=["fair", "applicant_national_id"],
                condition=~Q(applicant_national_id=""),
                name="fairs_registration_applicant_once",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(applicant_national_id=""), name="fairs_registration_who"
            ),
        ]
        indexes = [
            models.Index(fields=["person", "created_at"], name="fairs_registration_person"),  # timeline
        ]

    def __str__(self) -> str:
        return f"{self.person or self.applicant_name} @ {self.fair_id}"


class FairInterest(TimeStampedModel):
    """A worker's wish, recorded at a fair, to train for a trade or to work abroad."""

    registration = models.ForeignKey(
        FairRegistration, verbose_name=_("đăng ký"), on_delete=models.CASCADE, related_name="interests"
    )
    kind = models.CharField(_("nhu cầu"), max_length=15, choices=InterestKind.choices)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    area_path = "registration__fair__commune"
    owner_path = "registration__person__account"

    class Meta:
        verbose_name = _("nhu cầu ghi nhận tại phiên")
        verbose_name_plural = _("nhu cầu ghi nhận tại phiên")
        ordering = ["registration", "kind"]
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="fairs_interest_once")]

    def __str__(self) -> str:
        return f"{self.registration_id} {self.kind}"


class FairInterviewSlot(TimeStampedModel):
    """A time a booth offers for an interview (online fairs: in its meeting room); a slot holds one worker."""

    booth = models.ForeignKey(FairBooth, verbose_name=_("gian hàng"), on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("bắt đầu"))
    minutes = models.PositiveSmallIntegerField(_("số phút"), default=15)
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        verbose_name=_("việc làm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration = models.OneToOneField(
        FairRegistration,
        verbose_name=_("người lao động đặt lịch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interview_slot",
    )
    booked_at = models.DateTimeField(_("đặt lúc"), null=True, blank=True)

    area_path = "booth__fair__commune"
    owner_path = "booth__employer__account"

    class Meta:
        verbose_name = _("lịch phỏng vấn")
        verbose_name_plural = _("lịch phỏng vấn")
        ordering = ["booth", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["booth", "starts_at"], name="fairs_slot_once_per_time"),
            models.CheckConstraint(condition=Q(minutes__gte=5), name="fairs_slot_minutes_min"),
        ]

    def __str__(self) -> str:
        return f"{self.booth_id} {self.starts_at:%d/%m/%Y %H:%M}"
