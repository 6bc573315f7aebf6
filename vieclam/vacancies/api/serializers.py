"""Vacancies in the API: codes in and out (occupation 2411, commune 25459, province 80, item codes), employer by id.

`status` and the language `level` are plain strings in the schema, not enums: other apps have fields of the same
names with other choice sets, and the OpenAPI enum names would collide.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from vieclam.employers.api.serializers import CodeField
from vieclam.employers.models import Employer
from vieclam.places.api.fields import AreaCodeField
from vieclam.places.choices import Level
from vieclam.vacancies import selectors
from vieclam.vacancies.choices import CODED_FIELDS, SexRequirement
from vieclam.vacancies.models import Vacancy

STATUS_HELP = "draft, open, filled, closed, expired"
LEVEL_HELP = "good, fair, average (Tốt, Khá, Trung bình)"


def _item_help(field: str) -> str:
    return f"Item code of the TT 11/2022 list '{CODED_FIELDS[field]}' (GET /api/v1/codelists/)"


class VacancyLanguageSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=200)
    level = serializers.CharField(max_length=20, help_text=LEVEL_HELP)


class VacancySerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    status_name = serializers.CharField(source="get_status_display", read_only=True)
    employer = serializers.IntegerField(source="employer_id", read_only=True)
    employer_tax_code = serializers.CharField(source="employer.tax_code", read_only=True, allow_null=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    occupation = serializers.CharField(source="occupation.code", read_only=True)
    occupation_name = serializers.CharField(source="occupation.display_name", read_only=True)
    languages = VacancyLanguageSerializer(many=True, read_only=True)
    skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    benefits = serializers.ListField(child=serializers.CharField(), read_only=True)
    workplace_commune = serializers.CharField(source="workplace_commune.code", read_only=True)
    workplace_commune_name = serializers.CharField(source="workplace_commune.name", read_only=True)
    workplace_province = serializers.CharField(source="workplace_commune.province.code", read_only=True)
    workplace_province_name = serializers.CharField(source="workplace_commune.province.name", read_only=True)
    exchange_province = serializers.CharField(source="exchange_province.code", read_only=True)
    exchange_province_name = serializers.CharField(source="exchange_province.name", read_only=True)

    class Meta:
        model = Vacancy
        fields = [
            "id", "title", "status", "status_name", "employer", "employer_tax_code", "employer_name",
            "occupation", "occupation_name", "position", "positions_count", "description",
            "education_level", "technical_level", "experience", "languages", "skills",
            "age_min", "age_max", "sex_required", "restriction_reason",
            "workplace_commune", "workplace_commune_name", "workplace_province", "workplace_province_name",
            "contract_type", "working_time", "pay_min", "pay_max", "pay_band", "pay_negotiable", "benefits",
            "deadline", "exchange_province", "exchange_province_name", "created_at", "updated_at",
            "demands_outdoor", "demands_lifting", "demands_standing", "demands_hearing", "demands_vision",
            "demands_fine_hands", "demands_both_hands",
        ]  # fmt: skip
        read_only_fields = fields


class VacancyWriteResultSerializer(VacancySerializer):
    """The saved vacancy plus `warnings`, e.g. that an old commune code was mapped to its successor."""

    warnings = serializers.SerializerMethodField()

    class Meta(VacancySerializer.Meta):
        fields = [*VacancySerializer.Meta.fields, "warnings"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, vacancy) -> list[str]:
        return self.context.get("warnings", [])


class OccupationCodeField(CodeField):
    """A VSCO 2020 code in force; levels 1–4 only (checked by the model, so the API and the form say the same)."""

    def resolve(self, code: str):
        return selectors.occupation_resolve(code=code)


class EmployerIdField(serializers.IntegerField):
    """An employer by id; whether it lies in the caller's areas is checked by the service (same message)."""

    def run_validation(self, data=empty):
        pk = super().run_validation(data)
        if pk is None:
            return None
        employer = Employer.objects.filter(pk=pk).first()
        if employer is None:
            raise serializers.ValidationError(
                _("Không có người sử dụng lao động số {id} trong địa bàn bạn phụ trách.").format(id=pk)
            )
        return employer


def _item_field(field: str) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, max_length=40, help_text=_item_help(field))


class VacancyInputSerializer(serializers.Serializer):
    """What PATCH accepts (any subset) and, with `status`, POST; the services check every rule."""

    employer = EmployerIdField(min_value=1, help_text="Employer id (GET /api/v1/employers/)")
    title = serializers.CharField(max_length=255)
    occupation = OccupationCodeField(max_length=5, help_text="VSCO 2020 code of level 4, e.g. 2411")
    position = _item_field("position")
    positions_count = serializers.IntegerField(min_value=1)
    description = serializers.CharField(required=False, allow_blank=True)
    education_level = _item_field("education_level")
    technical_level = _item_field("technical_level")
    experience = _item_field("experience")
    languages = VacancyLanguageSerializer(many=True, required=False)
    skills = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    age_min = serializers.IntegerField(required=False, allow_null=True)
    age_max = serializers.IntegerField(required=False, allow_null=True)
    sex_required = serializers.ChoiceField(choices=SexRequirement.choices, required=False, allow_blank=True)
    restriction_reason = serializers.CharField(
        required=False, allow_blank=True, help_text="Legal ground; required with age_min, age_max or sex_required"
    )
    workplace_commune = AreaCodeField(
        levels=[Level.COMMUNE], max_length=5, help_text="25459; any province; an old code is mapped"
    )
    contract_type = _item_field("contract_type")
    working_time = _item_field("working_time")
    pay_min = serializers.IntegerField(required=False, allow_null=True, min_value=0, help_text="VND per month")
    pay_max = serializers.IntegerField(required=False, allow_null=True, min_value=0, help_text="VND per month")
    pay_band = _item_field("pay_band")
    pay_negotiable = serializers.BooleanField(required=False)
    benefits = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    deadline = serializers.DateField(required=False, allow_null=True)
    exchange_province = AreaCodeField(
        levels=[Level.PROVINCE],
        required=False,
        max_length=2,
        help_text="Default: the caller's province, else the workplace's",
    )
    demands_outdoor = serializers.BooleanField(required=False)
    demands_lifting = serializers.ChoiceField(choices=["", "under_5", "5_to_20", "over_20"], required=False)
    demands_standing = serializers.BooleanField(required=False)
    demands_hearing = serializers.BooleanField(required=False)
    demands_vision = serializers.BooleanField(required=False)
    demands_fine_hands = serializers.BooleanField(required=False)
    demands_both_hands = serializers.BooleanField(required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []

    def validate_languages(self, value: list) -> list[dict]:
        return [dict(item) for item in value]


class VacancyCreateSerializer(VacancyInputSerializer):
    status = serializers.CharField(required=False, help_text="draft (default) or open")


class VacancyStatusInputSerializer(serializers.Serializer):
    status = serializers.CharField(max_length=10, help_text=STATUS_HELP)
