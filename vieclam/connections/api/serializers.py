"""Connections and follow-ups in the API: ids for person, employer and application; codes for occupation, contract
type, funding source and result; the counsellor by username."""

from __future__ import annotations

from rest_framework import serializers

from vieclam.connections.choices import FollowUpResult, FundingSource
from vieclam.connections.models import Connection, FollowUp

FUNDING_HELP = ", ".join(FundingSource.values)
RESULT_HELP = ", ".join(FollowUpResult.values)


class ConnectionSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    employer = serializers.IntegerField(source="employer_id", read_only=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    application = serializers.IntegerField(source="application_id", read_only=True, allow_null=True)
    occupation = serializers.CharField(source="occupation.code", read_only=True, default=None, allow_null=True)
    norm = serializers.CharField(source="norm.code", read_only=True, default=None, allow_null=True)
    norm_note = serializers.CharField(source="norm.note", read_only=True, default=None, allow_null=True)
    counsellor = serializers.CharField(source="counsellor.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Connection
        fields = [
            "id", "person", "person_name", "employer", "employer_name", "application", "occupation",
            "contract_type", "contract_number", "start_date", "monthly_pay", "social_insurance", "evidence_note",
            "source", "funding_source", "norm", "norm_note", "norm_amount", "double_funding_flag",
            "double_funding_reason", "counsellor", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class ConnectionInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (area, contract type, duplicates, double funding)."""

    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Person id (in your areas)")
    employer = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Employer id")
    occupation = serializers.CharField(required=False, allow_blank=True, max_length=5, help_text="VSCO 2020 code")
    contract_type = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Item code of 'contract-types' (required)"
    )
    contract_number = serializers.CharField(required=False, allow_blank=True, max_length=50)
    start_date = serializers.DateField()
    monthly_pay = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=1_000_000_000)
    social_insurance = serializers.BooleanField(required=False)
    evidence_note = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    funding_source = serializers.ChoiceField(choices=FundingSource.choices, help_text=FUNDING_HELP)
    counsellor = serializers.CharField(
        required=False, allow_blank=True, max_length=150, help_text="Username of the staff member following it up"
    )


class FollowUpSerializer(serializers.ModelSerializer):
    connection = serializers.IntegerField(source="connection_id", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    employer_name = serializers.CharField(source="connection.employer.name", read_only=True)
    start_date = serializers.DateField(source="connection.start_date", read_only=True)
    priority_group = serializers.SerializerMethodField()
    counsellor = serializers.CharField(source="counsellor.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = FollowUp
        fields = [
            "id", "connection", "person", "person_name", "employer_name", "start_date", "offset_months", "due_on",
            "status", "priority_group", "result", "has_contract", "has_social_insurance", "checked_on", "note",
            "counsellor",
        ]  # fmt: skip
        read_only_fields = fields

    def get_priority_group(self, follow_up) -> bool:
        return follow_up.priority == 0


class FollowUpRecordSerializer(serializers.Serializer):
    result = serializers.CharField(max_length=20, allow_blank=True, help_text=RESULT_HELP)
    checked_on = serializers.DateField(required=False, allow_null=True)
    has_contract = serializers.BooleanField(required=False)
    has_social_insurance = serializers.BooleanField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)
