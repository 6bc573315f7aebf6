"""The vacancy registry ("việc tìm người"): the positions an employer recruits for, Mẫu 01 of TT 11/2022 (part 2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.core.text import fold
from vieclam.places.choices import Level
from vieclam.vacancies.choices import TRANSITIONS, LanguageLevel, SexRequirement, VacancyStatus

__all__ = ("Vacancy",)

MIN_WORKING_AGE = 15  # Bộ luật Lao động 2019, Điều 3: người lao động từ đủ 15 tuổi (trừ ngoại lệ Chương XI)

RESTRICTION_WITHOUT_REASON = _(
    "Chỉ được giới hạn tuổi hoặc giới tính khi ghi căn cứ pháp lý ở ô “Căn cứ giới hạn” "
    "(ví dụ Điều 160 Bộ luật Lao động 2019): Điều 8 cấm phân biệt đối xử về giới tính, tuổi."
)
AGE_MIN_ABOVE_MAX = _("Tuổi tối thiểu ({low}) lớn hơn tuổi tối đa ({high}).")
PAY_MIN_ABOVE_MAX = _("Lương tối thiểu ({low} đồng) lớn hơn lương tối đa ({high} đồng).")
PAY_MISSING = _("Ghi mức lương (từ – đến, đồng/tháng), chọn khoảng lương, hoặc đánh dấu “Lương thỏa thuận”.")
NOT_A_LIST = _("Phải là một danh sách.")
BAD_TEXT_ITEM = _("Mục {n}: phải là chữ, không để trống, tối đa {max} ký tự.")
BAD_LANGUAGE = _("Mục {n}: cần tên ngoại ngữ và mức độ ({levels}).")

TEXT_ITEM_MAX = 200


class Vacancy(TimeStampedModel):
    """A vacancy of one employer, held by a provincial job exchange (`exchange_province`).

    The workplace may lie in any province: exchanges also advertise jobs elsewhere. Item codes (education_level,
    contract_type, pay_band…) are codes of the TT 11/2022 lists in codelists, kept as text so a record keeps its
    meaning when a list changes. Writes go through vacancies.services (area check, audit trail, status rules).
    """

    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("người sử dụng lao động"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    title = models.CharField(_("tên vị trí việc làm"), max_length=255)
    occupation = models.ForeignKey(
        "codelists.Occupation",
        verbose_name=_("nghề nghiệp (VSCO 2020)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("chức vụ"), max_length=40, blank=True)
    positions_count = models.PositiveIntegerField(_("số lượng cần tuyển"), validators=[MinValueValidator(1)])
    description = models.TextField(_("mô tả công việc"), blank=True)
    education_level = models.CharField(_("trình độ giáo dục phổ thông"), max_length=40, blank=True)
    technical_level = models.CharField(_("trình độ chuyên môn kỹ thuật"), max_length=40, blank=True)
    experience = models.CharField(_("kinh nghiệm"), max_length=40, blank=True)
    languages = models.JSONField(_("ngoại ngữ"), default=list, blank=True)
    skills = models.JSONField(_("kỹ năng"), default=list, blank=True)
    age_min = models.PositiveSmallIntegerField(
        _("tuổi tối thiểu"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_WORKING_AGE), MaxValueValidator(99)],
    )
    age_max = models.PositiveSmallIntegerField(
        _("tuổi tối đa"), null=True, blank=True, validators=[MinValueValidator(MIN_WORKING_AGE), MaxValueValidator(99)]
    )
    sex_required = models.CharField(_("giới tính"), max_length=6, choices=SexRequirement.choices, blank=True)
    restriction_reason = models.TextField(_("căn cứ giới hạn tuổi, giới tính"), blank=True)
    workplace_commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("nơi làm việc (xã, phường)"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.COMMUNE},
    )
    contract_type = models.CharField(_("loại hợp đồng"), max_length=40, blank=True)
    working_time = models.CharField(_("hình thức làm việc"), max_length=40, blank=True)
    pay_min = models.PositiveIntegerField(_("lương từ (đồng/tháng)"), null=True, blank=True)
    pay_max = models.PositiveIntegerField(_("lương đến (đồng/tháng)"), null=True, blank=True)
    pay_band = models.CharField(_("khoảng lương"), max_length=40, blank=True)
    pay_negotiable = models.BooleanField(_("lương thỏa thuận"), default=False)
    benefits = models.JSONField(_("chế độ phúc lợi"), default=list, blank=True)
    deadline = models.DateField(_("hạn nộp hồ sơ"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.DRAFT
    )
    exchange_province = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("sàn việc làm (tỉnh)"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.PROVINCE},
    )
    search_text = models.TextField(editable=False, blank=True)

    # Scoping (accounts.scoping): the provincial exchange holding the record. A province's province_id is itself,
    # so officers and counsellors of that province see its vacancies; commune officers do not.
    # What the job demands of the body (Mẫu 01 "điều kiện làm việc"), compared with a job seeker's tolerances
    # (Mẫu 02) so people with disabilities are matched fairly. Defaults demand nothing.
    demands_outdoor = models.BooleanField(_("làm việc ngoài trời"), default=False)
    demands_lifting = models.CharField(
        _("mang vác"),
        max_length=10,
        blank=True,
        help_text=_("under_5, 5_to_20 hoặc over_20 (kg); để trống nếu không cần"),
    )
    demands_standing = models.BooleanField(_("đứng hoặc đi lại nhiều"), default=False)
    demands_hearing = models.BooleanField(_("cần nghe, nói tốt"), default=False)
    demands_vision = models.BooleanField(_("cần thị lực tốt"), default=False)
    demands_fine_hands = models.BooleanField(_("cần thao tác tay tinh xảo"), default=False)
    demands_both_hands = models.BooleanField(_("cần dùng cả hai tay"), default=False)

    area_path = "exchange_province"
    owner_path = "employer__account"  # the employer's own account sees its vacancies

    class Meta:
        verbose_name = _("việc tìm người")
        verbose_name_plural = _("việc tìm người")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(positions_count__gte=1), name="vacancies_vacancy_positions_count_min"),
            models.CheckConstraint(
                condition=Q(pay_min__isnull=True) | Q(pay_max__isnull=True) | Q(pay_min__lte=F("pay_max")),
                name="vacancies_vacancy_pay_range",
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_min__lte=F("age_max")),
                name="vacancies_vacancy_age_range",
            ),
            models.CheckConstraint(
                condition=Q(pay_min__isnull=False)
                | Q(pay_max__isnull=False)
                | ~Q(pay_band="")
                | Q(pay_negotiable=True),
                name="vacancies_vacancy_pay_given",
            ),
            models.CheckConstraint(
                condition=~Q(restriction_reason="") | Q(age_min__isnull=True, age_max__isnull=True, sex_required=""),
                name="vacancies_vacancy_restriction_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["exchange_province", "status"]),
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["status", "occupation"]),
            # The list's order (newest first; a b-tree reads backwards), alone and within an exchange's province.
            models.Index(fields=["created_at", "id"], name="vacancies_list_order"),
            models.Index(fields=["exchange_province", "created_at", "id"], name="vacancies_province_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("vacancies:vacancy_detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self._clean_restriction(errors)
        self._clean_pay(errors)
        for field in ("skills", "benefits"):
            _check_text_list(getattr(self, field), field, errors)
        _check_languages(self.languages, errors)
        if errors:
            raise ValidationError(errors)

    def _clean_restriction(self, errors: dict) -> None:
        if not self.restriction_reason.strip():
            for field in ("age_min", "age_max", "sex_required"):
                if getattr(self, field) not in (None, ""):
                    errors.setdefault(field, []).append(RESTRICTION_WITHOUT_REASON)
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors.setdefault("age_min", []).append(AGE_MIN_ABOVE_MAX.format(low=self.age_min, high=self.age_max))

    def _clean_pay(self, errors: dict) -> None:
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            message = PAY_MIN_ABOVE_MAX.format(low=f"{self.pay_min:,}", high=f"{self.pay_max:,}").replace(",", ".")
            errors.setdefault("pay_min", []).append(message)
        if self.pay_min is None and self.pay_max is None and not self.pay_band and not self.pay_negotiable:
            errors.setdefault("pay_min", []).append(PAY_MISSING)

    def build_search_text(self) -> str:
        """Folded title, employer name and occupation name, so 'ke toan' finds 'Kế toán tổng hợp'."""
        parts = [self.title]
        if self.employer_id:
            parts.append(self.employer.name)
        if self.occupation_id:
            parts.append(self.occupation.display_name)
        return fold(" ".join(p for p in parts if p))

    @property
    def language_lines(self) -> list[str]:
        """Languages as 'Tiếng Anh: Khá', for pages."""
        return [f"{item['language']}: {LanguageLevel(item['level']).label}" for item in self.languages]

    @property
    def allowed_statuses(self) -> list[str]:
        """The statuses this vacancy may move to, in the order of VacancyStatus."""
        return [s for s in VacancyStatus.values if s in TRANSITIONS[self.status]]


def _check_text_list(value, field: str, errors: dict) -> None:
    if not isinstance(value, list):
        errors.setdefault(field, []).append(NOT_A_LIST)
        return
    for n, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip() or len(item) > TEXT_ITEM_MAX:
            errors.setdefault(field, []).append(BAD_TEXT_ITEM.format(n=n, max=TEXT_ITEM_MAX))


def _check_languages(value, errors: dict) -> None:
    if not isinstance(value, list):
        errors.setdefault("languages", []).append(NOT_A_LIST)
        return
    levels = ", ".join(LanguageLevel.values)
    for n, item in enumerate(value, start=1):
        ok = (
            isinstance(item, dict)
            and set(item) == {"language", "level"}
            and isinstance(item["language"], str)
            and 0 < len(item["language"].strip()) <= TEXT_ITEM_MAX
            and item["level"] in LanguageLevel.values
        )
        if not ok:
            errors.setdefault("languages", []).append(BAD_LANGUAGE.format(n=n, levels=levels))
