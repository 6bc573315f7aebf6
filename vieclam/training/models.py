"""Vocational training as a tracked journey: providers, courses, classes (lớp) and each trainee's enrolment with its
dated status events; the priority groups and the support norms are dated reference data (data/, SOURCES.md).

Writes go through training.services (area check, validation, audit trail in the same transaction).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.dated import in_window
from vieclam.core.models import TimeStampedModel
from vieclam.training.choices import (
    ClassFunding,
    DemandSource,
    EnrolmentStatus,
    ProviderKind,
    TrainingField,
    TrainingLevel,
)

__all__ = (
    "Course",
    "Enrolment",
    "EnrolmentEvent",
    "PriorityGroup",
    "Provider",
    "SupportNorm",
    "TrainingClass",
    "TrainingInterest",
)


class DatedRule(models.Model):
    """Validity window (both ends inclusive, empty = open; core.dated), legal source and a note."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=600, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return in_window(day, self.valid_from, self.valid_to)


class PriorityGroup(DatedRule):
    """A group the programme supports first (QĐ 46/2015/QĐ-TTg Art. 2–3 and its successors), with how it is found.

    `derive` names the fact of the person or household that shows it (training.rules.derived_groups): poor,
    near_poor, exited, ethnic_minority, rural; or a code of the person's "priority-groups" list (nguoi_khuyet_tat,
    ho_bi_thu_hoi_dat). Loaded from data/priority_groups.csv.
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    derive = models.CharField(_("xác định từ"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("nhóm ưu tiên đào tạo nghề")
        verbose_name_plural = _("nhóm ưu tiên đào tạo nghề")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name_vi


class SupportNorm(DatedRule):
    """The most a priority group's trainee may be paid towards the training cost of one course at the given levels
    (space-separated TrainingLevel values). `verified` is False where the amount could not be checked against the
    text. Loaded from data/support_norms.csv; never deleted: a norm that ends gets a `valid_to`."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    priority_group = models.ForeignKey(
        PriorityGroup, verbose_name=_("nhóm ưu tiên"), on_delete=models.PROTECT, related_name="norms"
    )
    levels = models.CharField(_("trình độ áp dụng"), max_length=100)
    amount = models.PositiveIntegerField(_("mức hỗ trợ tối đa (đồng/người/khóa)"))
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)

    class Meta:
        verbose_name = _("định mức hỗ trợ đào tạo nghề")
        verbose_name_plural = _("định mức hỗ trợ đào tạo nghề")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return self.code

    def covers_level(self, level: str) -> bool:
        return level in self.levels.split()


class Provider(TimeStampedModel):
    """A vocational training provider (cơ sở giáo dục nghề nghiệp or enterprise) and the occupations it is licensed
    to train (giấy chứng nhận đăng ký hoạt động GDNN), from the VSCO 2020 occupation list."""

    name = models.CharField(_("tên cơ sở đào tạo"), max_length=200)
    kind = models.CharField(_("loại cơ sở"), max_length=20, choices=ProviderKind.choices)
    commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    licence_number = models.CharField(_("số giấy chứng nhận đăng ký hoạt động"), max_length=50, blank=True)
    occupations = models.ManyToManyField(
        "codelists.Occupation", verbose_name=_("nghề được cấp phép đào tạo"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("cơ sở đào tạo nghề")
        verbose_name_plural = _("cơ sở đào tạo nghề")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["name", "commune"], name="training_provider_unique_name")]

    def __str__(self) -> str:
        return self.name


class Course(TimeStampedModel):
    """A training programme (chương trình đào tạo): occupation, level, field, duration and cost norm per trainee."""

    name = models.CharField(_("tên khóa đào tạo"), max_length=200)
    occupation = models.ForeignKey(
        "codelists.Occupation", verbose_name=_("nghề đào tạo (VSCO 2020)"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("trình độ"), max_length=15, choices=TrainingLevel.choices)
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=TrainingField.choices)
    duration_days = models.PositiveSmallIntegerField(_("thời gian đào tạo (ngày)"))
    cost_norm = models.PositiveIntegerField(_("định mức chi phí đào tạo (đồng/người/khóa)"), default=0)

    class Meta:
        verbose_name = _("khóa đào tạo nghề")
        verbose_name_plural = _("khóa đào tạo nghề")
        ordering = ["name", "pk"]
        constraints = [models.CheckConstraint(condition=Q(duration_days__gt=0), name="training_course_duration")]

    def __str__(self) -> str:
        return self.name


class TrainingClass(TimeStampedModel):
    """A class (lớp) of a course held by a provider in a commune, with its dates, seats and who pays."""

    code = models.CharField(_("số hiệu lớp"), max_length=40, blank=True)
    course = models.ForeignKey(Course, verbose_name=_("khóa đào tạo"), on_delete=models.PROTECT, related_name="classes")
    provider = models.ForeignKey(
        Provider, verbose_name=_("cơ sở đào tạo"), on_delete=models.PROTECT, related_name="classes"
    )
    venue_commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("nơi mở lớp"), on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("ngày khai giảng"))
    end_date = models.DateField(_("ngày kết thúc"))
    capacity = models.PositiveSmallIntegerField(_("số chỗ"))
    funding = models.CharField(_("nguồn kinh phí"), max_length=15, choices=ClassFunding.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    area_path = "venue_commune"

    class Meta:
        verbose_name = _("lớp đào tạo nghề")
        verbose_name_plural = _("lớp đào tạo nghề")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="training_class_dates"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="training_class_capacity"),
        ]
        indexes = [
            models.Index(fields=["start_date", "id"], name="training_class_list_order"),
            models.Index(fields=["venue_commune", "start_date"], name="training_class_commune"),
        ]

    def __str__(self) -> str:
        return self.code or f"{self.course.name} ({self.start_date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("training:class_detail", args=[self.pk])


class Enrolment(TimeStampedModel):
    """One person in one class: priority group (as found at enrolment), support paid, status and its dates.

    `support_norm` is the SupportNorm in force on the class start for the group and level; `support_amount` is what
    was paid, never above it. `employment_check_until` is the last day a job counts as "có việc làm sau đào tạo"
    (the completion day plus training.rules.EMPLOYED_WITHIN_MONTHS).
    """

    training_class = models.ForeignKey(
        TrainingClass, verbose_name=_("lớp"), on_delete=models.PROTECT, related_name="enrolments"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("học viên"), on_delete=models.PROTECT, related_name="training_enrolments"
    )
    priority_group = models.ForeignKey(
        PriorityGroup, verbose_name=_("nhóm ưu tiên"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    funding = models.CharField(_("nguồn kinh phí"), max_length=15, choices=ClassFunding.choices)
    support_norm = models.ForeignKey(
        SupportNorm, verbose_name=_("định mức áp dụng"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    support_amount = models.PositiveIntegerField(_("tiền hỗ trợ chi phí đào tạo (đồng)"), default=0)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    enrolled_on = models.DateField(_("ngày ghi danh"))
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    certificate_number = models.CharField(_("số chứng chỉ"), max_length=50, blank=True)
    dropped_on = models.DateField(_("ngày bỏ học"), null=True, blank=True)
    drop_reason = models.CharField(_("lý do bỏ học"), max_length=400, blank=True)
    employment_check_until = models.DateField(_("theo dõi việc làm đến ngày"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("học viên đào tạo nghề")
        verbose_name_plural = _("học viên đào tạo nghề")
        ordering = ["-enrolled_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["training_class", "person"], name="training_enrolment_unique_person"),
            models.CheckConstraint(
                condition=~Q(status=EnrolmentStatus.COMPLETED) | Q(completed_on__isnull=False),
                name="training_enrolment_completed_has_day",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "enrolled_on"], name="training_enrolment_person"),  # timeline
            models.Index(fields=["enrolled_on", "id"], name="training_enrolment_order"),
            models.Index(fields=["completed_on"], name="training_enrolment_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.training_class_id}"

    def get_absolute_url(self) -> str:
        return reverse("training:class_detail", args=[self.training_class_id])


class EnrolmentEvent(models.Model):
    """A dated change of an enrolment's status (the journey: ghi danh → đang học → hoàn thành / bỏ học)."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("học viên"), on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=EnrolmentStatus.choices)
    on = models.DateField(_("ngày"))
    note = models.CharField(_("ghi chú"), max_length=400, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("diễn biến học nghề")
        verbose_name_plural = _("diễn biến học nghề")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.status} {self.on}"


class TrainingInterest(TimeStampedModel):
    """A person's wish to learn an occupation, recorded at counselling, at a job fair or in the commune's survey
    ("điều tra, rà soát … lao động đăng ký học nghề"); the demand is these wishes by occupation and commune."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="training_interests"
    )
    occupation = models.ForeignKey(
        "codelists.Occupation", verbose_name=_("nghề muốn học (VSCO 2020)"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("nguồn ghi nhận"), max_length=15, choices=DemandSource.choices)
    recorded_on = models.DateField(_("ngày ghi nhận"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    area_path = "person__residence_commune"
    owner_path = "person__account"

    class Meta:
        verbose_name = _("nhu cầu học nghề")
        verbose_name_plural = _("nhu cầu học nghề")
        ordering = ["-recorded_on", "-pk"]
        indexes = [models.Index(fields=["recorded_on", "occupation"], name="training_interest_day")]

    def __str__(self) -> str:
        return f"{self.person} – {self.occupation_id}"
