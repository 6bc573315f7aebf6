"""Applications in the API: ids for vacancy and person, status and reason codes as plain strings.

`status`, `to_status`, `channel` and `reason` are plain strings in the schema, not enums: other apps have fields
of the same names with other choice sets, and the OpenAPI enum names would collide.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.applications.choices import ApplicationStatus, RefusalReason
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.applications.services import transitions_for

STATUS_HELP = ", ".join(ApplicationStatus.values)
REASON_HELP = ", ".join(RefusalReason.values)


class ApplicationEventSerializer(serializers.ModelSerializer):
    from_status = serializers.CharField(read_only=True, help_text="'' for the submission")
    to_status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    actor = serializers.CharField(source="actor_username", read_only=True, help_text="'' for the system")

    class Meta:
        model = ApplicationEvent
        fields = ["from_status", "to_status", "at", "actor", "note", "data"]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    vacancy = serializers.IntegerField(source="vacancy_id", read_only=True)
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True)
    employer = serializers.IntegerField(source="vacancy.employer_id", read_only=True)
    employer_name = serializers.CharField(source="vacancy.employer.name", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    channel = serializers.CharField(read_only=True, help_text="applied, referred")
    channel_name = serializers.CharField(source="get_channel_display", read_only=True)
    referred_by = serializers.CharField(source="referred_by.username", default=None, read_only=True)
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    status_name = serializers.CharField(source="get_status_display", read_only=True)
    refusal_reason = serializers.CharField(read_only=True, help_text=REASON_HELP)
    successful_connection = serializers.BooleanField(read_only=True, help_text="Hired with a labour contract")

    class Meta:
        model = Application
        fields = [
            "id", "vacancy", "vacancy_title", "employer", "employer_name", "person", "person_name",
            "channel", "channel_name", "referred_by", "status", "status_name", "status_changed_at",
            "interview_at", "contract_type", "start_date", "refusal_reason", "refusal_note",
            "successful_connection", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class ApplicationDetailSerializer(ApplicationSerializer):
    """One application with its timeline and the statuses the caller may move it to now."""

    events = ApplicationEventSerializer(many=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField()

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "events", "allowed_transitions"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_allowed_transitions(self, application) -> list[str]:
        return transitions_for(self.context["request"].user, application)


class ApplicationCreateSerializer(serializers.Serializer):
    """A worker applies with {vacancy}; staff refer with {vacancy, person, note?}."""

    vacancy = serializers.IntegerField(min_value=1, help_text="Vacancy id (an open vacancy)")
    person = serializers.IntegerField(
        min_value=1, required=False, help_text="Person id: required for a referral; a worker may only give their own"
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, help_text="Referral note")


class ApplicationTransitionSerializer(serializers.Serializer):
    to_status = serializers.CharField(max_length=20, help_text=STATUS_HELP)
    interview_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Required for interview_scheduled"
    )
    contract_type = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Required for hired: item code of 'contract-types'"
    )
    start_date = serializers.DateField(required=False, allow_null=True, help_text="Required for hired")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=20, help_text=REASON_HELP)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    def service_data(self) -> dict:
        """The extra fields that were given (the service says which ones the move requires)."""
        data = dict(self.validated_data)
        data.pop("to_status")
        return {k: v for k, v in data.items() if v not in (None, "")}
