"""Households and persons: the labour registry of TT 11/2022 Mẫu 03 and NĐ 318/2025 Art. 4."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.core.privacy import mask_identifier
from vieclam.people.ages import age_on
from vieclam.people.choices import ChangeKind, ConsentPurpose, IdKind, Relationship, ReviewKind, Sex
from vieclam.poverty.choices import Classification

__all__ = ("Consent", "Household", "HouseholdCounter", "HouseholdReview", "LabourEvent", "Person")

LABOUR_AGE = 15


class Household(TimeStampedModel):
    """A household at an address in a commune; its poverty history is kept by the poverty reviews."""

    code = models.CharField(_("mã hộ"), max_length=20, unique=True)
    commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("xã/phường"), on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("địa chỉ"), max_length=200, blank=True)
    head_name = models.CharField(_("chủ hộ"), max_length=100, blank=True)
    # The latest review's result, kept here so lists and indicators need no subquery (set by the review service).
    poverty_class = models.CharField(
        _("phân loại hộ"), max_length=10, choices=Classification.choices, blank=True, db_index=True
    )
    poverty_class_on = models.DateField(_("ngày phân loại"), null=True, blank=True)
    poverty_exit_on = models.DateField(_("ngày thoát nghèo"), null=True, blank=True)
    search_text = models.CharField(max_length=300, editable=False, db_index=True, default="")

    area_path = "commune"

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["code"]
        # The list's order, alone and within a commune (a commune officer's list): read in order, no sort.
        indexes = [models.Index(fields=["commune", "code"], name="people_household_commune_code")]

    def __str__(self) -> str:
        return f"{self.code} – {self.head_name}"


class HouseholdCounter(models.Model):
    """The last number given to a household of a commune (codes are <commune code>-<number>).

    The household service locks this row while it allocates, so officers creating households in one commune at
    once get different numbers, and a deleted household's number is never given again.
    """

    commune = models.OneToOneField(
        "places.AdministrativeUnit", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    last = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("bộ đếm mã hộ")
        verbose_name_plural = _("bộ đếm mã hộ")

    def __str__(self) -> str:
        return f"{self.commune_id}: {self.last}"


class Person(TimeStampedModel):
    """A resident: household member of any age; a labour record from age 15 (TT 11/2022 Chapter III)."""

    national_id = models.CharField(_("số CCCD/CMND"), max_length=12, unique=True, null=True, blank=True)
    id_kind = models.CharField(_("loại giấy tờ"), max_length=6, choices=IdKind.choices, blank=True)
    social_insurance_code = models.CharField(_("mã số BHXH"), max_length=10, blank=True)
    full_name = models.CharField(_("họ và tên"), max_length=100)
    date_of_birth = models.DateField(_("ngày sinh"))
    sex = models.CharField(_("giới tính"), max_length=6, choices=Sex.choices)
    ethnicity = models.ForeignKey(
        "codelists.EthnicGroup", verbose_name=_("dân tộc"), null=True, blank=True, on_delete=models.PROTECT
    )
    residence_commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("nơi ở hiện tại"), on_delete=models.PROTECT, related_name="+"
    )
    permanent_commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("nơi thường trú"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("địa chỉ chi tiết"), max_length=200, blank=True)
    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    relationship = models.CharField(_("quan hệ với chủ hộ"), max_length=12, choices=Relationship.choices, blank=True)
    # Coded answers of Mẫu 03: item codes of the TT 11/2022 lists in codelists (validated by the services).
    priority_groups = models.JSONField(_("đối tượng ưu tiên"), default=list, blank=True)
    education_level = models.CharField(_("trình độ phổ thông"), max_length=40, blank=True)
    technical_level = models.CharField(_("trình độ CMKT"), max_length=40, blank=True)
    training_field = models.CharField(_("chuyên ngành đào tạo"), max_length=200, blank=True)
    activity_status = models.CharField(_("tình trạng hoạt động kinh tế"), max_length=40, blank=True)
    employment_status = models.CharField(_("vị thế việc làm"), max_length=40, blank=True)
    occupation = models.ForeignKey(
        "codelists.Occupation", verbose_name=_("nghề nghiệp"), null=True, blank=True, on_delete=models.PROTECT
    )
    contract_type = models.CharField(_("hợp đồng lao động"), max_length=40, blank=True)
    social_insurance = models.CharField(_("BHXH"), max_length=20, blank=True)
    workplace_type = models.CharField(_("nơi làm việc"), max_length=40, blank=True)
    workplace_commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("địa bàn làm việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unemployment_duration = models.CharField(_("thời gian thất nghiệp"), max_length=40, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người lao động"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    search_text = models.CharField(max_length=300, editable=False, db_index=True, default="")
    # The day of the person's latest labour event (the day the record was made when it has none): on any day from it
    # on, the person's labour state is today's columns, so the indicators replay from the events only the persons
    # whose state_since is after the day asked (indicators.persons). Written by people.services
    # (labour_event_record; state_since_refresh after a bulk write of events).
    state_since = models.DateField(_("tình trạng từ ngày"), null=True, blank=True, editable=False, db_index=True)

    area_path = "residence_commune"
    owner_path = "account"  # a worker sees their own record

    class Meta:
        verbose_name = _("người lao động")
        verbose_name_plural = _("người lao động")
        ordering = ["full_name", "pk"]
        # The list's order (name, then id for equal names), alone and within a commune, so a page of a million
        # persons is read from the index in order instead of sorting them all.
        indexes = [
            models.Index(fields=["full_name", "id"], name="people_person_name_order"),
            models.Index(fields=["residence_commune", "full_name", "id"], name="people_person_commune_order"),
            models.Index(fields=["date_of_birth"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        # A full save of a record read before a later labour event was recorded must not put an older state_since
        # back: it is written by its own UPDATE (people.services.labour_event_record).
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "state_since"
            ]
        super().save(*args, **kwargs)

    def age_on(self, day: dt.date) -> int:
        """Completed years on `day` (a 29/02 birthday falls on 28/02 in a common year: people.ages)."""
        return age_on(self.date_of_birth, day)

    @property
    def masked_national_id(self) -> str:
        """Lists show only the last four digits (personal data)."""
        return mask_identifier(self.national_id or "")


class LabourEvent(models.Model):
    """A dated change of a person's labour status ("loại biến động"), so any past state is known."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    effective = models.DateField(_("ngày hiệu lực"))
    kind = models.CharField(_("loại biến động"), max_length=12, choices=ChangeKind.choices)
    changes = models.JSONField(_("thay đổi"), default=dict)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("biến động lao động")
        verbose_name_plural = _("biến động lao động")
        ordering = ["effective", "pk"]
        # Indicators read events by date: the starts of a month, the persons changed after a report's day (issue 12).
        # The starts of work in a period are events of a few kinds (abroad, status) among millions of registrations.
        indexes = [
            models.Index(fields=["effective"], name="people_labourevent_effective"),
            models.Index(fields=["kind", "effective"], name="people_labourevent_kind_day"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.effective} {self.kind}"


class HouseholdReview(models.Model):
    """One poverty review of a household (QĐ 24/2021, TT 07/2021): its inputs, the standard and the result."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("loại rà soát"), max_length=10, choices=ReviewKind.choices)
    reviewed_on = models.DateField(_("ngày rà soát"))
    standard = models.ForeignKey("poverty.PovertyStandard", verbose_name=_("chuẩn áp dụng"), on_delete=models.PROTECT)
    classification = models.CharField(_("kết quả"), max_length=10, choices=Classification.choices)
    income_per_capita = models.PositiveBigIntegerField(
        _("thu nhập bình quân (đồng/người/tháng)"), null=True, blank=True
    )
    income_score = models.DecimalField(_("điểm phiếu B1"), max_digits=6, decimal_places=1, null=True, blank=True)
    deprivations = models.JSONField(_("chỉ số thiếu hụt"), default=list, blank=True)
    causes = models.JSONField(_("nguyên nhân nghèo"), default=list, blank=True)
    reasons = models.JSONField(_("căn cứ phân loại"), default=list, blank=True)
    decided_by = models.CharField(_("người quyết định"), max_length=200, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả rà soát hộ")
        verbose_name_plural = _("kết quả rà soát hộ")
        ordering = ["household", "reviewed_on", "pk"]
        indexes = [models.Index(fields=["household", "-reviewed_on"])]

    def __str__(self) -> str:
        return f"{self.household_id} {self.reviewed_on} {self.classification}"


class Consent(models.Model):
    """A worker's consent to one purpose, with the date given and, once withdrawn, the date withdrawn.

    A consent is never edited: withdrawing dates the row, and agreeing again adds a new one, so the record says
    what the person had agreed to on any day (Luật 91/2025/QH15, NĐ 356/2025)."""

    person = models.ForeignKey(
        Person, verbose_name=_("người lao động"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("mục đích"), max_length=20, choices=ConsentPurpose.choices)
    given_at = models.DateTimeField(_("đồng ý lúc"))
    withdrawn_at = models.DateTimeField(_("rút lại lúc"), null=True, blank=True)

    # Scoping (accounts.scoping): a person's consents follow the person.
    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("sự đồng ý")
        ordering = ["person", "purpose", "given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="people_consent_one_in_force_per_purpose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_purpose_display()}"
