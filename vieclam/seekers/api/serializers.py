"""Job-seeker profiles in the API: codes in and out (occupation 2411, workplace 80 or 25459, item codes), the
person by id. Lists mask personal data (name, birth year and the last four digits of the ID only).

`status` is plain text here, not an OpenAPI enum: other apps have fields named `status` with other choices, and
the generated enum names would collide.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.accounts.scoping import scope_queryset
from vieclam.people.models import Person
from vieclam.seekers.choices import Hands, Lifting, RecruitmentMode, WorkEnvironment
from vieclam.seekers.models import JobSeekerProfile
from vieclam.seekers.services import SELF_FIELD_FIXED, UNKNOWN_FIELD

STATUS_HELP = "active, placed, closed"
AREA_HELP = "a province (80) or commune (25459) code; an old pre-2025 code is mapped and warned about"


class JobSeekerExperienceSerializer(serializers.Serializer):
    """One past job of Mẫu 02 part 3; months as YYYY-MM, `to` empty while it goes on."""

    employer = serializers.CharField(max_length=200)
    position = serializers.CharField(max_length=100, required=False, allow_blank=True)
    duty = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def get_fields(self):
        fields = super().get_fields()  # "from" is a Python keyword, so these two are added here
        fields["from"] = serializers.CharField(max_length=7, required=False, allow_blank=True, help_text="YYYY-MM")
        fields["to"] = serializers.CharField(max_length=7, required=False, allow_blank=True, help_text="YYYY-MM")
        return fields


class JobSeekerLanguageSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=50)
    level = serializers.CharField(max_length=10, required=False, allow_blank=True, help_text="good, fair, average")


class JobSeekerInputSerializer(serializers.Serializer):
    """What POST (person and title required) and PATCH (any subset) accept; the services check the rest."""

    person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.none(),
        help_text="id of a person (people registry) living in your areas, aged 15 or more",
        error_messages={"does_not_exist": _("Không có người #{pk_value} trong địa bàn của bạn.")},
    )
    status = serializers.CharField(required=False, help_text="changed only by POST …/status/")
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    occupation = serializers.CharField(
        max_length=5, required=False, allow_blank=True, allow_null=True, help_text="VSCO 2020 code, levels 1–5 (2411)"
    )
    position = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="job-positions")
    experience_band = serializers.CharField(
        max_length=40, required=False, allow_blank=True, help_text="experience-bands"
    )
    workplace_1 = serializers.CharField(
        max_length=5, required=False, allow_blank=True, allow_null=True, help_text=AREA_HELP
    )
    workplace_2 = serializers.CharField(
        max_length=5, required=False, allow_blank=True, allow_null=True, help_text=AREA_HELP
    )
    contract_type = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="contract-types")
    working_time = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="working-time")
    work_purpose = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="work-purposes")
    desired_pay_min = serializers.IntegerField(min_value=0, required=False, allow_null=True, help_text="VND/month")
    pay_band = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="pay-bands")
    available_now = serializers.BooleanField(required=False)
    available_from = serializers.DateField(required=False, allow_null=True)
    experience = JobSeekerExperienceSerializer(many=True, required=False)
    worked_abroad = serializers.CharField(max_length=200, required=False, allow_blank=True)
    languages = JobSeekerLanguageSerializer(many=True, required=False)
    skills = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    work_environment = serializers.ChoiceField(choices=WorkEnvironment.choices, required=False)
    lifting = serializers.ChoiceField(choices=Lifting.choices, required=False, allow_blank=True)
    can_stand_or_walk = serializers.BooleanField(required=False)
    hearing_speaking_ok = serializers.BooleanField(required=False)
    vision_ok = serializers.BooleanField(required=False)
    fine_hand_work_ok = serializers.BooleanField(required=False)
    hands = serializers.ChoiceField(choices=Hands.choices, required=False)
    recruitment_modes = serializers.ListField(
        child=serializers.ChoiceField(choices=RecruitmentMode.choices), required=False
    )
    registered_on = serializers.DateField(required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        viewer = request.user if request is not None else None
        if "person" in self.fields:
            self.fields["person"].queryset = scope_queryset(Person.objects.select_related("residence_commune"), viewer)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        for field in ("experience", "languages"):  # plain dicts and lists for the JSON columns
            if field in values:
                values[field] = [dict(item) for item in values[field]]
        return values


class OwnJobSeekerInputSerializer(JobSeekerInputSerializer):
    """What a worker sends about their own profile: PUT (title required) or PATCH (any subset).

    The person is the account's own; `person`, `status` and `registered_on` are set by staff, and sending them, or
    a field that does not exist, is a 400 naming the field rather than silently ignored.
    """

    person = None
    status = None
    registered_on = None

    STAFF_ONLY = ("person", "status", "registered_on")

    def to_internal_value(self, data):
        extra = {}
        if isinstance(data, Mapping):
            extra = {
                key: [str(SELF_FIELD_FIXED if key in self.STAFF_ONLY else UNKNOWN_FIELD)]
                for key in data
                if key not in self.fields
            }
        try:
            values = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if extra and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**exc.detail, **extra}) from exc
            raise
        if extra:
            raise serializers.ValidationError(extra)
        return values


class StatusInputSerializer(serializers.Serializer):
    status = serializers.CharField(help_text=STATUS_HELP)


class JobSeekerListSerializer(serializers.ModelSerializer):
    """A list row: the person's name, birth year and masked ID, never the full ID or the birth date."""

    full_name = serializers.CharField(source="person.full_name", read_only=True)
    birth_year = serializers.IntegerField(source="person.date_of_birth.year", read_only=True)
    national_id = serializers.CharField(source="person.masked_national_id", read_only=True)
    commune = serializers.CharField(source="person.residence_commune.code", read_only=True)
    commune_name = serializers.CharField(source="person.residence_commune.name", read_only=True)
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    occupation = serializers.CharField(source="occupation.code", default=None, read_only=True)
    occupation_name = serializers.CharField(source="occupation.display_name", default=None, read_only=True)
    workplace_1 = serializers.CharField(source="workplace_1.code", default=None, read_only=True)
    workplace_2 = serializers.CharField(source="workplace_2.code", default=None, read_only=True)

    class Meta:
        model = JobSeekerProfile
        fields = [
            "id", "person", "full_name", "birth_year", "national_id", "commune", "commune_name", "status", "title",
            "occupation", "occupation_name", "workplace_1", "workplace_2", "available_now", "available_from",
            "registered_on",
        ]  # fmt: skip


class JobSeekerSerializer(JobSeekerListSerializer):
    """The full profile (opening it is audited): the job sought, experience, tolerances and the contact phone."""

    phone = serializers.CharField(source="person.phone", read_only=True)
    workplace_1_name = serializers.CharField(source="workplace_1.name", default=None, read_only=True)
    workplace_2_name = serializers.CharField(source="workplace_2.name", default=None, read_only=True)
    experience = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()

    class Meta(JobSeekerListSerializer.Meta):
        fields = [
            *JobSeekerListSerializer.Meta.fields, "phone", "description", "position", "experience_band",
            "workplace_1_name", "workplace_2_name", "contract_type", "working_time", "work_purpose",
            "desired_pay_min", "pay_band", "experience", "worked_abroad", "languages", "skills", "work_environment",
            "lifting", "can_stand_or_walk", "hearing_speaking_ok", "vision_ok", "fine_hand_work_ok", "hands",
            "recruitment_modes", "created_at", "updated_at",
        ]  # fmt: skip

    @extend_schema_field(JobSeekerExperienceSerializer(many=True))
    def get_experience(self, profile) -> list[dict]:
        return profile.experience

    @extend_schema_field(JobSeekerLanguageSerializer(many=True))
    def get_languages(self, profile) -> list[dict]:
        return profile.languages


class JobSeekerWriteResultSerializer(JobSeekerSerializer):
    """The saved profile plus `warnings`, e.g. that an old area code was mapped to its successor."""

    warnings = serializers.SerializerMethodField()

    class Meta(JobSeekerSerializer.Meta):
        fields = [*JobSeekerSerializer.Meta.fields, "warnings"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, profile) -> list[str]:
        return getattr(profile, "warnings", [])
