"""Training classes and enrolments in the API: ids for class, person, course and provider; codes for the choices
(level, field, funding, status) and the priority group."""

from __future__ import annotations

from rest_framework import serializers

from vieclam.training.choices import ClassFunding, EnrolmentStatus
from vieclam.training.models import Enrolment, TrainingClass

FUNDING_HELP = ", ".join(ClassFunding.values)
STATUS_HELP = ", ".join(s for s in EnrolmentStatus.values if s != EnrolmentStatus.ENROLLED)


class ClassSerializer(serializers.ModelSerializer):
    course = serializers.IntegerField(source="course_id", read_only=True)
    course_name = serializers.CharField(source="course.name", read_only=True)
    occupation = serializers.CharField(source="course.occupation.code", read_only=True)
    level = serializers.CharField(source="course.level", read_only=True)
    field = serializers.CharField(source="course.field", read_only=True)
    provider = serializers.IntegerField(source="provider_id", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    venue_commune = serializers.CharField(source="venue_commune.code", read_only=True)
    venue_commune_name = serializers.CharField(source="venue_commune.name", read_only=True)

    class Meta:
        model = TrainingClass
        fields = [
            "id", "code", "course", "course_name", "occupation", "level", "field", "provider", "provider_name",
            "venue_commune", "venue_commune_name", "start_date", "end_date", "capacity", "funding", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class ClassInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (licence, area, dates, seats)."""

    code = serializers.CharField(required=False, allow_blank=True, max_length=40)
    course = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Course id")
    provider = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Provider id")
    venue_commune = serializers.CharField(max_length=5, help_text="Code of the commune (in your areas)")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    capacity = serializers.IntegerField(min_value=1, max_value=500)
    funding = serializers.ChoiceField(choices=ClassFunding.choices, help_text=FUNDING_HELP)


class EnrolmentSerializer(serializers.ModelSerializer):
    training_class = serializers.IntegerField(source="training_class_id", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    priority_group = serializers.CharField(source="priority_group.code", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Enrolment
        fields = [
            "id", "training_class", "person", "person_name", "priority_group", "funding", "support_amount", "status",
            "enrolled_on", "completed_on", "certificate_number", "dropped_on", "drop_reason", "employment_check_until",
        ]  # fmt: skip
        read_only_fields = fields


class EnrolmentInputSerializer(serializers.Serializer):
    training_class = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Class id")
    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Person id (in your areas)")
    priority_group = serializers.CharField(
        required=False, allow_blank=True, max_length=40, help_text="Priority group code; empty: from the person"
    )
    funding = serializers.ChoiceField(choices=ClassFunding.choices, required=False, help_text=FUNDING_HELP)
    support_amount = serializers.IntegerField(required=False, min_value=0, max_value=1_000_000_000)
    enrolled_on = serializers.DateField(required=False)


class TransitionSerializer(serializers.Serializer):
    status = serializers.CharField(max_length=10, help_text=STATUS_HELP)
    on = serializers.DateField()
    certificate_number = serializers.CharField(required=False, allow_blank=True, max_length=50)
    note = serializers.CharField(required=False, allow_blank=True, max_length=400)
