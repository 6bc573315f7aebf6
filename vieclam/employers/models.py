"""The employer registry: người sử dụng lao động as recorded on Mẫu 01 of TT 11/2022/TT-BLĐTBXH (part 1)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.core.text import fold
from vieclam.employers import taxcode
from vieclam.employers.choices import EMPLOYER_TYPES_LIST, PERSONAL_ID_TYPES, IdKind, SizeBand
from vieclam.places.choices import Level

__all__ = ("Employer",)


def validate_tax_code(value: str) -> None:
    try:
        taxcode.parse(value)
    except taxcode.TaxCodeError as exc:
        raise ValidationError(str(exc), code=exc.reason) from exc


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .\-]{6,18}[0-9]$",
    _("Số điện thoại chỉ gồm chữ số (có thể có +, dấu cách, dấu chấm, gạch ngang), từ 8 đến 20 ký tự."),
)


PERSONAL_ID_FOR_ORGANISATION = _(
    "Số định danh cá nhân 12 chữ số chỉ dùng cho hộ kinh doanh hoặc cá nhân; {type} cần mã số thuế 10 hoặc 13 chữ số."
)
ZONE_NAME_WITHOUT_ZONE = _("Chỉ ghi tên KCN/KKT khi người sử dụng lao động ở trong KCN/KKT.")


class Employer(TimeStampedModel):
    """An employer (enterprise, branch, state agency, household business or individual) in one commune.

    `tax_code` is stored normalised (a branch as XXXXXXXXXX-YYY) and `id_kind` is derived from it by the
    services. It is empty (NULL) only on a record an employer account made at sign-up with a tax code another
    record holds, until staff decide the account claim (applications.selfservice). `search_text` is the folded
    text that the list's `q` searches. Writes go through employers.services, which check the actor's area and
    record an audit event.
    """

    name = models.CharField(_("tên người sử dụng lao động"), max_length=255)
    tax_code = models.CharField(
        _("mã số thuế / số định danh"),
        max_length=14,
        null=True,
        blank=True,
        validators=[validate_tax_code],
        help_text=_("10 chữ số; chi nhánh XXXXXXXXXX-YYY; hộ kinh doanh, cá nhân: số định danh 12 chữ số."),
    )
    id_kind = models.CharField(_("loại mã"), max_length=12, choices=IdKind.choices, editable=False)
    employer_type = models.ForeignKey(
        "codelists.CodeItem",
        verbose_name=_("loại hình"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"code_list__slug": EMPLOYER_TYPES_LIST},
    )
    industry = models.ForeignKey(
        "codelists.Industry",
        verbose_name=_("ngành kinh tế chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("xã, phường, đặc khu"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.COMMUNE},
    )
    street_address = models.CharField(_("số nhà, đường, thôn/ấp"), max_length=255, blank=True)
    in_industrial_zone = models.BooleanField(_("trong khu công nghiệp/khu kinh tế"), default=False)
    zone_name = models.CharField(_("tên KCN/KKT"), max_length=200, blank=True)
    size_band = models.CharField(_("quy mô lao động"), max_length=10, choices=SizeBand.choices, blank=True)
    contact_person = models.CharField(_("người liên hệ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("thư điện tử"), blank=True)
    publish_contact = models.BooleanField(
        _("công khai điện thoại, thư điện tử trên sàn việc làm"),
        default=False,
        help_text=_("Chỉ khi người sử dụng lao động đồng ý; người tìm việc sẽ thấy để liên hệ trực tiếp."),
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản doanh nghiệp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employers",
    )
    search_text = models.TextField(editable=False, blank=True)

    # Scoping (accounts.scoping): officers see the employers of the communes (or provinces) they work in;
    # an employer's own account sees its own company.
    area_path = "commune"
    owner_path = "account"

    class Meta:
        verbose_name = _("người sử dụng lao động")
        verbose_name_plural = _("người sử dụng lao động")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["tax_code"], name="employers_employer_unique_tax_code"),
        ]
        # The list's order, alone and within a commune: read in order, no sort.
        indexes = [
            models.Index(fields=["name", "id"], name="employers_name_order"),
            models.Index(fields=["commune", "name", "id"], name="employers_commune_order"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.tax_code})" if self.tax_code else self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("employers:employer_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        personal = self.id_kind == IdKind.PERSONAL12
        if personal and self.employer_type_id and self.employer_type.code not in PERSONAL_ID_TYPES:
            errors["tax_code"] = PERSONAL_ID_FOR_ORGANISATION.format(type=self.employer_type.name_vi)
        if self.zone_name and not self.in_industrial_zone:
            errors["zone_name"] = ZONE_NAME_WITHOUT_ZONE
        if errors:
            raise ValidationError(errors)

    def build_search_text(self) -> str:
        """Folded name, codes, address and contact, so 'det may' finds 'Công ty Dệt May'."""
        parts = [self.name, self.tax_code, self.street_address, self.zone_name, self.contact_person, self.phone]
        return fold(" ".join(p for p in parts if p))
