"""Public job data: what anyone may read about a live vacancy (never tax codes, contact persons or addresses)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.jobboard.display import APPLY_URL, pay_text

__all__ = ("JobDetailSerializer", "JobSerializer")


class JobPlaceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class JobCodedItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class JobWorkplaceSerializer(serializers.Serializer):
    commune = JobPlaceSerializer()
    province = JobPlaceSerializer()


class JobOccupationSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="display_name")


class JobPaySerializer(serializers.Serializer):
    """Monthly pay in đồng; `text` as the pages write it ('8 – 12 triệu đồng/tháng', 'Thỏa thuận')."""

    min = serializers.IntegerField(source="pay_min", allow_null=True)
    max = serializers.IntegerField(source="pay_max", allow_null=True)
    band = serializers.CharField(source="pay_band")
    negotiable = serializers.BooleanField(source="pay_negotiable")
    text = serializers.SerializerMethodField()

    def get_text(self, vacancy) -> str:
        labels = self.context.get("labels", {})
        band = labels.get(("pay_band", vacancy.pay_band), "") if vacancy.pay_band else ""
        return pay_text(
            pay_min=vacancy.pay_min, pay_max=vacancy.pay_max, band_label=band, negotiable=vacancy.pay_negotiable
        )


def _coded(serializer, field: str, vacancy) -> dict | None:
    code = getattr(vacancy, field)
    if not code:
        return None
    return {"code": code, "name": serializer.context.get("labels", {}).get((field, code), "")}


class JobFieldsSerializer(serializers.Serializer):
    """Fields common to a search result and a vacancy page; the source object is a Vacancy."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    occupation = JobOccupationSerializer()
    pay = JobPaySerializer(source="*")
    contract_type = serializers.SerializerMethodField()
    working_time = serializers.SerializerMethodField()
    positions_count = serializers.IntegerField()
    deadline = serializers.DateField(allow_null=True)
    posted_at = serializers.DateTimeField(source="created_at")
    url = serializers.SerializerMethodField()
    apply_url = serializers.SerializerMethodField()

    @extend_schema_field(JobCodedItemSerializer(allow_null=True))
    def get_contract_type(self, vacancy) -> dict | None:
        return _coded(self, "contract_type", vacancy)

    @extend_schema_field(JobCodedItemSerializer(allow_null=True))
    def get_working_time(self, vacancy) -> dict | None:
        return _coded(self, "working_time", vacancy)

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, vacancy) -> str:
        return reverse("jobboard:job_detail", args=[vacancy.pk])

    @extend_schema_field(OpenApiTypes.STR)
    def get_apply_url(self, vacancy) -> str:
        return APPLY_URL.format(id=vacancy.pk)


class JobEmployerBriefSerializer(serializers.Serializer):
    name = serializers.CharField()


class JobSerializer(JobFieldsSerializer):
    """A search result. The source is the vacancy of a JobIndex row loaded by jobboard.search.JobResults.rows,
    so its employer, occupation and (through vacancy.job_index) workplace come without further queries."""

    employer = JobEmployerBriefSerializer()
    workplace = serializers.SerializerMethodField()

    @extend_schema_field(JobWorkplaceSerializer)
    def get_workplace(self, vacancy) -> dict:
        return JobWorkplaceSerializer(vacancy.job_index).data


class JobPublicEmployerSerializer(serializers.Serializer):
    """jobboard.views.public_employer: name and place; phone and email only when the employer agreed to publish them."""

    name = serializers.CharField()
    commune = serializers.CharField()
    commune_code = serializers.CharField()
    province = serializers.CharField()
    zone_name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class JobLanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    level = serializers.CharField()


class JobRequirementsSerializer(serializers.Serializer):
    education_level = serializers.SerializerMethodField()
    technical_level = serializers.SerializerMethodField()
    experience = serializers.SerializerMethodField()
    languages = JobLanguageSerializer(many=True)
    skills = serializers.ListField(child=serializers.CharField())
    age_min = serializers.IntegerField(allow_null=True)
    age_max = serializers.IntegerField(allow_null=True)
    sex_required = serializers.CharField()
    restriction_reason = serializers.CharField()

    @extend_schema_field(JobCodedItemSerializer(allow_null=True))
    def get_education_level(self, vacancy) -> dict | None:
        return _coded(self, "education_level", vacancy)

    @extend_schema_field(JobCodedItemSerializer(allow_null=True))
    def get_technical_level(self, vacancy) -> dict | None:
        return _coded(self, "technical_level", vacancy)

    @extend_schema_field(JobCodedItemSerializer(allow_null=True))
    def get_experience(self, vacancy) -> dict | None:
        return _coded(self, "experience", vacancy)


class JobVacancyWorkplaceSerializer(serializers.Serializer):
    commune = JobPlaceSerializer(source="workplace_commune")
    province = JobPlaceSerializer(source="workplace_commune.province")


class JobDetailSerializer(JobFieldsSerializer):
    """A live vacancy's public page as data (source: a Vacancy; context: labels and employer)."""

    description = serializers.CharField()
    benefits = serializers.ListField(child=serializers.CharField())
    requirements = JobRequirementsSerializer(source="*")
    workplace = JobVacancyWorkplaceSerializer(source="*")
    employer = serializers.SerializerMethodField()

    @extend_schema_field(JobPublicEmployerSerializer)
    def get_employer(self, vacancy) -> dict:
        return self.context["employer"]
