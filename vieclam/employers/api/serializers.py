"""Employers in the API: codes in and out (commune 25459, employer_type dn_fdi, industry C), never database ids."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from vieclam.employers import selectors, taxcode
from vieclam.employers.choices import SizeBand
from vieclam.employers.models import Employer
from vieclam.places.api.fields import AreaCodeField
from vieclam.places.choices import Level


class EmployerSerializer(serializers.ModelSerializer):
    # Plain text, not an enum: people's `id_kind` has other choices and the OpenAPI enum names would collide.
    id_kind = serializers.CharField(read_only=True, help_text="mst10, branch13, personal12")
    employer_type = serializers.CharField(source="employer_type.code", read_only=True)
    employer_type_name = serializers.CharField(source="employer_type.name_vi", read_only=True)
    industry = serializers.CharField(source="industry.code", default=None, read_only=True)
    industry_name = serializers.CharField(source="industry.name_vi", default=None, read_only=True)
    commune = serializers.CharField(source="commune.code", read_only=True)
    commune_name = serializers.CharField(source="commune.name", read_only=True)
    province = serializers.CharField(source="commune.province.code", read_only=True)
    province_name = serializers.CharField(source="commune.province.name", read_only=True)

    class Meta:
        model = Employer
        fields = [
            "id", "tax_code", "id_kind", "name", "employer_type", "employer_type_name", "industry", "industry_name",
            "commune", "commune_name", "province", "province_name", "street_address", "in_industrial_zone",
            "zone_name", "size_band", "contact_person", "phone", "email", "publish_contact", "created_at",
            "updated_at",
        ]  # fmt: skip


class EmployerWriteResultSerializer(EmployerSerializer):
    """The saved employer plus `warnings`, e.g. that an old commune code was mapped to its successor."""

    warnings = serializers.SerializerMethodField()

    class Meta(EmployerSerializer.Meta):
        fields = [*EmployerSerializer.Meta.fields, "warnings"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, employer) -> list[str]:
        return self.context.get("warnings", [])


class CodeField(serializers.CharField):
    """A code checked as text (length, blank), then turned into its row by `resolve`."""

    def run_validation(self, data=empty):
        code = super().run_validation(data)
        return None if code is None else self.resolve(code)

    def resolve(self, code: str):
        raise NotImplementedError


class IndustryCodeField(CodeField):
    """A VSIC code in force today: a section letter (C) or a level-4 code (1010)."""

    def resolve(self, code: str):
        return selectors.industry_resolve(code=code)


class EmployerInputSerializer(serializers.Serializer):
    """What POST (all required fields) and PATCH (any subset) accept; the services check the rest."""

    name = serializers.CharField(max_length=255)
    tax_code = serializers.CharField(max_length=20, help_text=str(Employer._meta.get_field("tax_code").help_text))
    employer_type = serializers.SlugRelatedField(
        slug_field="code",
        queryset=selectors.employer_type_list(),
        help_text="dn_nha_nuoc, dn_ngoai_nha_nuoc, dn_fdi, co_quan_nha_nuoc, ho_kinh_doanh, ca_nhan",
        error_messages={"does_not_exist": _("Không có loại hình “{value}”: chọn một loại hình của Mẫu 01.")},
    )
    industry = IndustryCodeField(required=False, allow_null=True, max_length=5, help_text="VSIC: C, 1010…")
    commune = AreaCodeField(
        levels=[Level.COMMUNE], max_length=5, help_text="25459; an old pre-2025 code is mapped and warned about"
    )
    street_address = serializers.CharField(required=False, allow_blank=True, max_length=255)
    in_industrial_zone = serializers.BooleanField(required=False)
    zone_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    size_band = serializers.ChoiceField(choices=SizeBand.choices, required=False, allow_blank=True)
    contact_person = serializers.CharField(required=False, allow_blank=True, max_length=150)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=20)
    email = serializers.EmailField(required=False, allow_blank=True)
    publish_contact = serializers.BooleanField(
        required=False, help_text="the employer agrees to show phone and email on the public job board"
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []
        self.fields["employer_type"].queryset = selectors.employer_type_list()

    def validate_tax_code(self, value: str) -> str:
        try:
            return taxcode.parse(value).code
        except taxcode.TaxCodeError as exc:
            raise serializers.ValidationError(str(exc), code=exc.reason) from exc
