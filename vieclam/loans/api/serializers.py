"""Loans in the API: ids for person and employer; codes for the borrower kind, status and step kinds."""

from __future__ import annotations

from rest_framework import serializers

from vieclam.loans.choices import BorrowerKind, EventKind
from vieclam.loans.models import Loan, LoanEvent

KIND_HELP = ", ".join(BorrowerKind.values)
EVENT_HELP = ", ".join(EventKind.values)


class LoanEventSerializer(serializers.ModelSerializer):
    persons = serializers.SerializerMethodField()

    class Meta:
        model = LoanEvent
        fields = ["id", "kind", "on", "amount", "term_months", "interest_rate", "workers", "persons", "note",
                  "recorded_at"]  # fmt: skip
        read_only_fields = fields

    def get_persons(self, event) -> list[int]:
        return [row.person_id for row in event.job_persons.all()]


class LoanSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="person_id", read_only=True, allow_null=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True, default=None, allow_null=True)
    employer = serializers.IntegerField(source="employer_id", read_only=True, allow_null=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True, default=None, allow_null=True)
    commune = serializers.CharField(source="commune.code", read_only=True)
    priority_group = serializers.CharField(source="priority_group.code", read_only=True, default=None, allow_null=True)
    policy = serializers.CharField(source="policy.code", read_only=True)

    class Meta:
        model = Loan
        fields = [
            "id", "borrower_kind", "person", "person_name", "employer", "employer_name", "commune", "purpose",
            "amount_requested", "jobs_new", "jobs_kept", "priority_group", "applied_on", "commune_confirmed_on",
            "policy", "status", "status_on", "approved_amount", "term_months", "interest_rate", "disbursed_amount",
            "disbursed_on", "jobs_created", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class LoanDetailSerializer(LoanSerializer):
    events = LoanEventSerializer(many=True, read_only=True)

    class Meta(LoanSerializer.Meta):
        fields = [*LoanSerializer.Meta.fields, "events"]
        read_only_fields = fields


class LoanInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (area, ceiling in force, priority group)."""

    borrower_kind = serializers.ChoiceField(choices=BorrowerKind.choices, help_text=KIND_HELP)
    person = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    employer = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1)
    purpose = serializers.CharField(max_length=400)
    amount_requested = serializers.IntegerField(min_value=1, max_value=10**15, help_text="đồng")
    jobs_new = serializers.IntegerField(required=False, min_value=0, max_value=100_000)
    jobs_kept = serializers.IntegerField(required=False, min_value=0, max_value=100_000)
    priority_group = serializers.CharField(required=False, allow_blank=True, max_length=60, help_text="Group code")
    applied_on = serializers.DateField()
    commune_confirmed_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class LoanEventInputSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=20, help_text=EVENT_HELP)
    on = serializers.DateField()
    amount = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=10**15)
    term_months = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=600)
    interest_rate = serializers.DecimalField(required=False, allow_null=True, max_digits=6, decimal_places=3)
    workers = serializers.IntegerField(required=False, allow_null=True, max_value=100_000)
    persons = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=1000)
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)
