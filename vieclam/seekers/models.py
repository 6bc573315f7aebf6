"""Job-seeker profiles ("người tìm việc"): the job a registered person is looking for, TT 11/2022 Mẫu 02.

The person's identity, education and address live on people.Person (Mẫu 02 part 1–2 repeat Mẫu 03); a profile
holds parts 3–4: experience, the job sought, the working conditions the person can work in and availability.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.dates import today
from vieclam.core.models import TimeStampedModel
from vieclam.core.text import fold
from vieclam.seekers.choices import Hands, Lifting, ProfileStatus, WorkEnvironment

__all__ = ("JobSeekerProfile",)


class JobSeekerProfile(TimeStampedModel):
    """One job search of one person; a person has at most one active profile at a time.

    Coded answers hold item codes of the TT 11/2022 code lists (codelists.CodeItem; checked by the services).
    `experience`, `languages`, `skills` and `recruitment_modes` are JSON lists whose shape the services check.
    `search_text` is the folded person name, title and occupation name that `q` searches. Writes go through
    seekers.services (area check and audit trail).
    """

    person = models.ForeignKey(
        "people.Person", verbose_name=_("người tìm việc"), on_delete=models.PROTECT, related_name="job_seeker_profiles"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ProfileStatus.choices, default=ProfileStatus.ACTIVE
    )
    # Job sought (Mẫu 02 part 4)
    title = models.CharField(_("tên công việc cần tìm"), max_length=200)
    description = models.TextField(_("mô tả công việc"), blank=True)
    occupation = models.ForeignKey(
        "codelists.Occupation",
        verbose_name=_("nghề (VSCO 2020)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("chức vụ"), max_length=40, blank=True)
    experience_band = models.CharField(_("kinh nghiệm trong lĩnh vực cần tìm"), max_length=40, blank=True)
    workplace_1 = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("nơi làm việc ưu tiên 1"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    workplace_2 = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("nơi làm việc ưu tiên 2"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contract_type = models.CharField(_("loại hợp đồng lao động"), max_length=40, blank=True)
    working_time = models.CharField(_("hình thức làm việc"), max_length=40, blank=True)
    work_purpose = models.CharField(_("mục đích làm việc"), max_length=40, blank=True)
    desired_pay_min = models.PositiveBigIntegerField(_("lương mong muốn tối thiểu (đồng/tháng)"), null=True, blank=True)
    pay_band = models.CharField(_("mức lương"), max_length=40, blank=True)
    available_now = models.BooleanField(_("sẵn sàng làm việc ngay"), default=False)
    available_from = models.DateField(_("sẵn sàng làm việc từ ngày"), null=True, blank=True)
    # Experience and skills (Mẫu 02 parts 2–3)
    experience = models.JSONField(_("kinh nghiệm làm việc"), default=list, blank=True)
    worked_abroad = models.CharField(_("đã từng làm việc ở nước ngoài tại"), max_length=200, blank=True)
    languages = models.JSONField(_("ngoại ngữ"), default=list, blank=True)
    skills = models.JSONField(_("kỹ năng"), default=list, blank=True)
    # Working conditions the person can work in (Mẫu 02 "Điều kiện làm việc")
    work_environment = models.CharField(
        _("nơi làm việc"), max_length=10, choices=WorkEnvironment.choices, default=WorkEnvironment.ANY
    )
    lifting = models.CharField(_("trọng lượng nâng được"), max_length=10, choices=Lifting.choices, blank=True)
    can_stand_or_walk = models.BooleanField(_("đứng hoặc đi lại nhiều được"), default=True)
    hearing_speaking_ok = models.BooleanField(_("nghe, nói được"), default=True)
    vision_ok = models.BooleanField(_("nhìn được vật, chi tiết nhỏ"), default=True)
    fine_hand_work_ok = models.BooleanField(_("thao tác tay với đồ vật nhỏ được"), default=True)
    hands = models.CharField(_("dùng tay"), max_length=10, choices=Hands.choices, default=Hands.BOTH)
    recruitment_modes = models.JSONField(_("hình thức tuyển dụng"), default=list, blank=True)
    registered_on = models.DateField(_("ngày đăng ký"), default=today)
    search_text = models.CharField(max_length=600, editable=False, default="")
    # Not a column: the notes of the last write by the services (e.g. an old area code mapped), for the caller.
    warnings: list[str]

    # Scoping (accounts.scoping): officers see the profiles of the people living in their areas.
    # Copies of the person's residence, birth date and sex, kept in step by services and signals, so that
    # scoping and matching filter 30.000 profiles without joining 1.000.000 persons.
    commune = models.ForeignKey(
        "places.AdministrativeUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    birth_date = models.DateField(null=True, blank=True, editable=False)
    sex = models.CharField(max_length=6, blank=True, editable=False)
    technical_level = models.CharField(max_length=40, blank=True, editable=False)

    area_path = "commune"
    owner_path = "person__account"  # a worker sees their own profile

    class Meta:
        verbose_name = _("hồ sơ người tìm việc")
        verbose_name_plural = _("hồ sơ người tìm việc")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status=ProfileStatus.ACTIVE),
                name="seekers_jobseekerprofile_unique_active_person",
            ),
            models.CheckConstraint(
                condition=Q(desired_pay_min__gte=0), name="seekers_jobseekerprofile_pay_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(workplace_2__isnull=True) | Q(workplace_1__isnull=False),
                name="seekers_jobseekerprofile_workplace_2_after_1",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "registered_on"]),
            # The list's order (newest first; a b-tree reads backwards), alone and within a commune.
            models.Index(fields=["registered_on", "id"], name="seekers_profile_list_order"),
            models.Index(fields=["commune", "registered_on", "id"], name="seekers_profile_commune_order"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("seekers:profile_detail", args=[self.pk])

    def copy_person_facts(self) -> None:
        self.commune_id = self.person.residence_commune_id
        self.birth_date = self.person.date_of_birth
        self.sex = self.person.sex
        self.technical_level = self.person.technical_level

    def build_search_text(self) -> str:
        """Folded person name, title and occupation name, each word after a space: 'ke toan' finds 'Kế toán'."""
        occupation = self.occupation.display_name if self.occupation_id else ""
        return " " + fold(" ".join(p for p in (self.person.full_name, self.title, occupation) if p))
