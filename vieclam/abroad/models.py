"""Working abroad under contract ("đi làm việc ở nước ngoài theo hợp đồng", Luật 69/2020/QH14): licensed service
enterprises, their programmes (đơn hàng), and each worker's journey as dated state events, with the support the
priority groups receive against dated norms.

A journey moves registered → selected → orientation and language training → visa and contract → departed →
working abroad → returned (on time or early) → back in work at home, one step at a time; each step is a
JourneyEvent with its date, and the journey keeps the dates it needs for lists and counts (departed_on,
returned_on…). Writes go through abroad.services (area check, audit trail).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.abroad.choices import JourneyState, ReturnKind, SupportGroup, SupportKind
from vieclam.core.dated import in_window
from vieclam.core.models import TimeStampedModel

__all__ = (
    "Country",
    "EligibilityRule",
    "Journey",
    "JourneyEvent",
    "JourneySupport",
    "Programme",
    "ServiceEnterprise",
    "SupportNorm",
)


class DatedRow(models.Model):
    """Validity window (both ends inclusive, empty = open; core.dated), legal source and a note."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class Country(DatedRow):
    """A destination country or territory (ISO 3166-1 alpha-2 code), loaded from abroad/data/countries.csv."""

    code = models.CharField(_("mã"), max_length=2, unique=True)
    name_vi = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("quốc gia, vùng lãnh thổ")
        verbose_name_plural = _("quốc gia, vùng lãnh thổ")
        ordering = ["order", "name_vi"]

    def __str__(self) -> str:
        return self.name_vi


class EligibilityRule(DatedRow):
    """Who may go: the least age on the day of registration and of departure (Luật 69/2020/QH14, Điều 44), in
    abroad/data/eligibility.csv."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    min_age = models.PositiveSmallIntegerField(_("tuổi tối thiểu"))

    class Meta:
        verbose_name = _("điều kiện đi làm việc ở nước ngoài")
        verbose_name_plural = _("điều kiện đi làm việc ở nước ngoài")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return self.code


class SupportNorm(DatedRow):
    """The most a priority group may receive for one kind of support, in a period (abroad/data/support_norms.csv).

    `max_amount` is in đồng; `max_share` caps it at a percentage of the programme's cost to the worker (a loan "up
    to 100% of the costs"); when both are given the smaller applies. `verified` is False for amounts this project
    could not read in the legal text (SOURCES.md)."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại hỗ trợ"), max_length=15, choices=SupportKind.choices)
    group = models.CharField(_("đối tượng"), max_length=20, choices=SupportGroup.choices)
    max_amount = models.PositiveBigIntegerField(_("mức tối đa (đồng/người)"), null=True, blank=True)
    max_share = models.PositiveSmallIntegerField(_("tối đa (% chi phí)"), null=True, blank=True)
    verified = models.BooleanField(_("đã kiểm chứng"), default=False)

    class Meta:
        verbose_name = _("định mức hỗ trợ đi làm việc ở nước ngoài")
        verbose_name_plural = _("định mức hỗ trợ đi làm việc ở nước ngoài")
        ordering = ["kind", "group", "valid_from", "code"]

    def __str__(self) -> str:
        return self.name_vi


class ServiceEnterprise(TimeStampedModel):
    """An enterprise licensed to send workers abroad (Luật 69/2020/QH14, Điều 9–10), linked to the employers'
    registry when it recruits at home too."""

    name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, unique=True)
    licence_number = models.CharField(_("số giấy phép"), max_length=50)
    licence_date = models.DateField(_("ngày cấp giấy phép"))
    licence_revoked_on = models.DateField(_("ngày thu hồi giấy phép"), null=True, blank=True)
    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("trong danh mục người sử dụng lao động"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài")
        verbose_name_plural = _("doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("abroad:enterprise_list") + f"?q={self.tax_code}"

    def licensed_on(self, day: dt.date) -> bool:
        return self.licence_date <= day and (self.licence_revoked_on is None or day < self.licence_revoked_on)


class Programme(TimeStampedModel):
    """A programme or order ("đơn hàng"): a country, an occupation, a foreign employer, a contract term and what it
    costs the worker."""

    name = models.CharField(_("tên đơn hàng"), max_length=255)
    enterprise = models.ForeignKey(
        ServiceEnterprise, verbose_name=_("doanh nghiệp dịch vụ"), on_delete=models.PROTECT, related_name="programmes"
    )
    country = models.ForeignKey(Country, verbose_name=_("nước đến"), on_delete=models.PROTECT, related_name="+")
    occupation = models.ForeignKey(
        "codelists.Occupation",
        verbose_name=_("nghề (VSCO 2020)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    foreign_employer = models.CharField(_("người sử dụng lao động ở nước ngoài"), max_length=255, blank=True)
    contract_months = models.PositiveSmallIntegerField(_("thời hạn hợp đồng (tháng)"))
    worker_cost = models.PositiveBigIntegerField(_("chi phí người lao động trả (đồng)"), default=0)
    service_fee = models.PositiveBigIntegerField(_("tiền dịch vụ (đồng)"), default=0)
    positions = models.PositiveIntegerField(_("số người cần tuyển"), null=True, blank=True)
    opened_on = models.DateField(_("ngày bắt đầu tuyển"))
    closed_on = models.DateField(_("ngày kết thúc tuyển"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn hàng đi làm việc ở nước ngoài")
        verbose_name_plural = _("đơn hàng đi làm việc ở nước ngoài")
        ordering = ["-opened_on", "-pk"]
        indexes = [models.Index(fields=["opened_on", "id"], name="abroad_programme_order")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("abroad:programme_list") + f"?enterprise={self.enterprise_id}"


class Journey(TimeStampedModel):
    """One worker's journey to work abroad under contract; `state` is the last step reached (events hold the days).

    Scoped by the person's commune of residence, like the other person registries."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="abroad_journeys"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("đơn hàng"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enterprise = models.ForeignKey(
        ServiceEnterprise,
        verbose_name=_("doanh nghiệp dịch vụ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("nước đến"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    occupation = models.ForeignKey(
        "codelists.Occupation",
        verbose_name=_("nghề (VSCO 2020)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    foreign_employer = models.CharField(_("người sử dụng lao động ở nước ngoài"), max_length=255, blank=True)
    contract_months = models.PositiveSmallIntegerField(_("thời hạn hợp đồng (tháng)"), null=True, blank=True)
    state = models.CharField(_("bước"), max_length=15, choices=JourneyState.choices, default=JourneyState.REGISTERED)
    registered_on = models.DateField(_("ngày đăng ký"))
    contract_signed_on = models.DateField(_("ngày ký hợp đồng"), null=True, blank=True)
    departed_on = models.DateField(_("ngày xuất cảnh"), null=True, blank=True)
    expected_return_on = models.DateField(_("ngày hết hạn hợp đồng"), null=True, blank=True)
    returned_on = models.DateField(_("ngày về nước"), null=True, blank=True)
    return_kind = models.CharField(_("về nước"), max_length=10, choices=ReturnKind.choices, blank=True)
    return_reason = models.CharField(_("lý do về trước hạn"), max_length=400, blank=True)
    back_in_work_on = models.DateField(_("ngày có việc làm sau khi về"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("người lao động đi làm việc ở nước ngoài")
        verbose_name_plural = _("người lao động đi làm việc ở nước ngoài")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(departed_on__isnull=True)
                | (Q(contract_signed_on__isnull=False) & Q(departed_on__gte=models.F("contract_signed_on"))),
                name="abroad_journey_departs_after_contract",
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True)
                | (Q(departed_on__isnull=False) & Q(returned_on__gt=models.F("departed_on"))),
                name="abroad_journey_returns_after_departure",
            ),
        ]
        indexes = [
            models.Index(fields=["registered_on", "id"], name="abroad_journey_list_order"),
            models.Index(fields=["person", "registered_on"], name="abroad_journey_person"),
            models.Index(fields=["state", "registered_on"], name="abroad_journey_state"),
            models.Index(fields=["departed_on", "returned_on"], name="abroad_journey_abroad"),
        ]

    def __str__(self) -> str:
        where = f" → {self.country}" if self.country_id else ""
        return f"{self.person}{where}"

    def get_absolute_url(self) -> str:
        return reverse("abroad:journey_detail", args=[self.pk])


class JourneyEvent(models.Model):
    """A dated step of a journey. `person` repeats the journey's so the timeline and the counts read one table."""

    journey = models.ForeignKey(Journey, verbose_name=_("hành trình"), on_delete=models.CASCADE, related_name="events")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="abroad_events"
    )
    state = models.CharField(_("bước"), max_length=15, choices=JourneyState.choices)
    on = models.DateField(_("ngày"))
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), default=timezone.now)

    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("bước của hành trình đi làm việc ở nước ngoài")
        verbose_name_plural = _("bước của hành trình đi làm việc ở nước ngoài")
        ordering = ["on", "pk"]
        constraints = [models.UniqueConstraint(fields=["journey", "state"], name="abroad_event_once_per_state")]
        indexes = [
            models.Index(fields=["state", "on"], name="abroad_event_state_on"),  # the counts
            models.Index(fields=["person", "on"], name="abroad_event_person"),  # the person's timeline
        ]

    def __str__(self) -> str:
        return f"{self.journey_id} {self.state} {self.on}"


class JourneySupport(TimeStampedModel):
    """Support a worker of a priority group received (a loan, training or procedure costs), within the norm in
    force on `granted_on`."""

    journey = models.ForeignKey(
        Journey, verbose_name=_("hành trình"), on_delete=models.CASCADE, related_name="supports"
    )
    norm = models.ForeignKey(SupportNorm, verbose_name=_("định mức"), on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    granted_on = models.DateField(_("ngày hỗ trợ"))
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    area_path = "journey__person__residence_commune"
    owner_path = "journey__person__account"

    class Meta:
        verbose_name = _("hỗ trợ đi làm việc ở nước ngoài")
        verbose_name_plural = _("hỗ trợ đi làm việc ở nước ngoài")
        ordering = ["granted_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["journey", "norm"], name="abroad_support_once_per_norm")]

    def __str__(self) -> str:
        return f"{self.journey_id} {self.norm_id} {self.amount}"
