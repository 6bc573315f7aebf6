"""Journeys, programmes and enterprises in the API: ids for person, programme and enterprise; codes for country,
occupation, state and return kind."""

from __future__ import annotations

from rest_framework import serializers

from vieclam.abroad.choices import JourneyState
from vieclam.abroad.models import Journey, JourneyEvent, Programme, ServiceEnterprise

STATE_HELP = ", ".join(JourneyState.values)


class JourneyEventSerializer(serializers.ModelSerializer):
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = JourneyEvent
        fields = ["state", "on", "note", "recorded_by", "recorded_at"]
        read_only_fields = fields


class JourneySerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    programme = serializers.IntegerField(source="programme_id", read_only=True, allow_null=True)
    enterprise = serializers.IntegerField(source="enterprise_id", read_only=True, allow_null=True)
    country = serializers.CharField(source="country.code", read_only=True, default=None, allow_null=True)
    country_name = serializers.CharField(source="country.name_vi", read_only=True, default=None, allow_null=True)
    occupation = serializers.CharField(source="occupation.code", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Journey
        fields = [
            "id", "person", "person_name", "programme", "enterprise", "country", "country_name", "occupation",
            "foreign_employer", "contract_months", "state", "registered_on", "contract_signed_on", "departed_on",
            "expected_return_on", "returned_on", "return_kind", "return_reason", "back_in_work_on", "note",
        ]  # fmt: skip
        read_only_fields = fields


class JourneyDetailSerializer(JourneySerializer):
    events = JourneyEventSerializer(many=True, read_only=True)

    class Meta(JourneySerializer.Meta):
        fields = [*JourneySerializer.Meta.fields, "events"]
        read_only_fields = fields


class JourneyInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (area, age, one open journey per person)."""

    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Person id (in your areas)")
    programme = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    country = serializers.CharField(required=False, allow_blank=True, max_length=2, help_text="ISO 3166-1 alpha-2")
    occupation = serializers.CharField(required=False, allow_blank=True, max_length=5, help_text="VSCO 2020 code")
    foreign_employer = serializers.CharField(required=False, allow_blank=True, max_length=255)
    contract_months = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=120)
    registered_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class StepInputSerializer(serializers.Serializer):
    state = serializers.CharField(max_length=15, help_text=STATE_HELP)
    on = serializers.DateField()
    country = serializers.CharField(required=False, allow_blank=True, max_length=2, help_text="ISO 3166-1 alpha-2")
    foreign_employer = serializers.CharField(required=False, allow_blank=True, max_length=255)
    contract_months = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=120)
    return_reason = serializers.CharField(required=False, allow_blank=True, max_length=400)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class ProgrammeSerializer(serializers.ModelSerializer):
    enterprise = serializers.IntegerField(source="enterprise_id", read_only=True)
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)
    occupation = serializers.CharField(source="occupation.code", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Programme
        fields = ["id", "name", "enterprise", "enterprise_name", "country", "occupation", "foreign_employer",
                  "contract_months", "worker_cost", "service_fee", "positions", "opened_on", "closed_on"]  # fmt: skip
        read_only_fields = fields


class EnterpriseSerializer(serializers.ModelSerializer):
    employer = serializers.IntegerField(source="employer_id", read_only=True, allow_null=True)

    class Meta:
        model = ServiceEnterprise
        fields = ["id", "name", "tax_code", "licence_number", "licence_date", "licence_revoked_on", "employer",
                  "address", "phone"]  # fmt: skip
        read_only_fields = fields
