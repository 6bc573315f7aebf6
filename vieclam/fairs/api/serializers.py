"""Fairs and registrations in the API: ids for fair, person and booths; codes for kind, status, channel and the
commune. A registration's QR token is returned only when it is created (the worker's confirmation)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.fairs.choices import FairKind, FairStatus, InterestKind, RegistrationChannel
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairInterviewSlot, FairRegistration

ID = {"min_value": 1, "max_value": 2**63 - 1}


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$", "example": "07:30:00"})
class ClockTimeField(serializers.TimeField):
    """A time of day without a zone ("07:30:00"): JSON Schema's "time" format requires an offset, so the schema
    says what is sent."""


class LinkField(serializers.CharField):
    """A web address, or "" when none was given (a schema "uri" would refuse the empty string)."""


class FairSerializer(serializers.ModelSerializer):
    commune = serializers.CharField(source="commune.code", read_only=True)
    commune_name = serializers.CharField(source="commune.name", read_only=True)
    organiser = serializers.CharField(source="organiser.username", read_only=True)
    starts_at = ClockTimeField(read_only=True)
    ends_at = ClockTimeField(read_only=True)

    class Meta:
        model = Fair
        fields = [
            "id", "name", "kind", "held_on", "starts_at", "ends_at", "commune", "commune_name", "address",
            "organiser", "capacity", "target_groups", "status", "note", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class FairInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (area, times, capacity)."""

    name = serializers.CharField(max_length=255)
    kind = serializers.ChoiceField(choices=FairKind.choices, help_text=", ".join(FairKind.values))
    held_on = serializers.DateField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    commune = serializers.CharField(max_length=10, help_text="Commune code (post-2025 list; old codes are mapped)")
    address = serializers.CharField(required=False, allow_blank=True, max_length=255)
    capacity = serializers.IntegerField(min_value=1, max_value=1_000_000)
    target_groups = serializers.CharField(required=False, allow_blank=True, max_length=500)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class FairStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=FairStatus.choices, help_text=", ".join(FairStatus.values))


class RegistrationSerializer(serializers.ModelSerializer):
    fair = serializers.IntegerField(source="fair_id", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.SerializerMethodField(
        help_text="The person's name; for a registration typed on the public page and not yet checked in (person "
        "null), the name typed"
    )
    booths = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = FairRegistration
        fields = ["id", "fair", "person", "person_name", "channel", "booths", "checked_in_at", "created_at"]
        read_only_fields = fields

    def get_person_name(self, row: FairRegistration) -> str:
        return row.person.full_name if row.person is not None else row.applicant_name


class RegistrationCreatedSerializer(RegistrationSerializer):
    class Meta(RegistrationSerializer.Meta):
        fields = [*RegistrationSerializer.Meta.fields, "token"]
        read_only_fields = fields


class CheckInResultSerializer(RegistrationSerializer):
    """A check-in's answer; `already_checked_in`: the worker had been checked in before this request (by another
    phone, or by the same record sent again), so this one changed nothing."""

    already_checked_in = serializers.SerializerMethodField()

    class Meta(RegistrationSerializer.Meta):
        fields = [*RegistrationSerializer.Meta.fields, "already_checked_in"]
        read_only_fields = fields

    def get_already_checked_in(self, registration) -> bool:
        return registration.checked_in_at < self.context["started"]


class RegistrationInputSerializer(serializers.Serializer):
    """A person by id (in your areas), or by CCCD and details (matched, or registered through the people services)."""

    fair = serializers.IntegerField(**ID)
    person = serializers.IntegerField(required=False, **ID)
    national_id = serializers.CharField(required=False, allow_blank=True, max_length=12)
    full_name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    date_of_birth = serializers.DateField(required=False)
    sex = serializers.CharField(required=False, allow_blank=True, max_length=6)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=20)
    residence_commune = serializers.CharField(required=False, allow_blank=True, max_length=10)
    channel = serializers.ChoiceField(
        choices=RegistrationChannel.choices, required=False, help_text=", ".join(RegistrationChannel.values)
    )
    booths = serializers.ListField(child=serializers.IntegerField(**ID), required=False, max_length=100)
    client_key = serializers.CharField(required=False, allow_blank=True, max_length=64)
    check_in = serializers.BooleanField(required=False)


class CheckInSerializer(serializers.Serializer):
    """One of token (the QR), national_id or phone; client_key makes a resend from an offline page harmless."""

    fair = serializers.IntegerField(**ID)
    token = serializers.CharField(required=False, allow_blank=True, max_length=64)
    national_id = serializers.CharField(required=False, allow_blank=True, max_length=12)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=20)
    client_key = serializers.CharField(required=False, allow_blank=True, max_length=64)


class BoothSerializer(serializers.ModelSerializer):
    fair = serializers.IntegerField(source="fair_id", read_only=True)
    employer = serializers.IntegerField(source="employer_id", read_only=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    vacancies = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    meeting_link = LinkField(read_only=True)

    class Meta:
        model = FairBooth
        fields = ["id", "fair", "employer", "employer_name", "number", "contact_name", "contact_phone", "vacancies",
                  "meeting_link", "created_at"]  # fmt: skip
        read_only_fields = fields


class BoothInputSerializer(serializers.Serializer):
    """Staff: an employer of their areas at a fair of their areas; an employer's account: its own employer at an
    open fair. Vacancies are the employer's open ones (ids)."""

    fair = serializers.IntegerField(**ID)
    employer = serializers.IntegerField(**ID)
    number = serializers.CharField(required=False, allow_blank=True, max_length=10)
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    contact_phone = serializers.CharField(required=False, allow_blank=True, max_length=20)
    vacancies = serializers.ListField(child=serializers.IntegerField(**ID), required=False, max_length=100)
    meeting_link = serializers.CharField(required=False, allow_blank=True, max_length=500)


class SlotSerializer(serializers.ModelSerializer):
    booth = serializers.IntegerField(source="booth_id", read_only=True)
    vacancy = serializers.IntegerField(source="vacancy_id", read_only=True, allow_null=True)
    registration = serializers.IntegerField(source="registration_id", read_only=True, allow_null=True)

    class Meta:
        model = FairInterviewSlot
        fields = ["id", "booth", "starts_at", "minutes", "vacancy", "registration", "booked_at"]
        read_only_fields = fields


class SlotInputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    minutes = serializers.IntegerField(required=False, min_value=5, max_value=240)
    vacancy = serializers.IntegerField(required=False, allow_null=True, **ID)


class SlotBookSerializer(serializers.Serializer):
    """Staff name the registration; a worker books for their own registration at the fair (may be left out)."""

    registration = serializers.IntegerField(required=False, **ID)


class InterestSerializer(serializers.ModelSerializer):
    registration = serializers.IntegerField(source="registration_id", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = FairInterest
        fields = ["id", "registration", "kind", "kind_label", "note", "created_at"]
        read_only_fields = fields


class InterestInputSerializer(serializers.Serializer):
    """A wish recorded at the fair: vocational training or working abroad (once per kind; again: its note)."""

    kind = serializers.ChoiceField(choices=InterestKind.choices, help_text=", ".join(InterestKind.values))
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)


class FairReportSerializer(serializers.Serializer):
    """The outcome of a fair (counting rules: fairs.selectors.fair_report) and the centres' sentence."""

    fairs = serializers.IntegerField()
    fairs_held_by_kind = serializers.DictField(child=serializers.IntegerField())
    employers = serializers.IntegerField()
    vacancies = serializers.IntegerField()
    positions = serializers.IntegerField()
    registered_online = serializers.IntegerField()
    registered_in_person = serializers.IntegerField()
    checked_in = serializers.IntegerField()
    applied = serializers.IntegerField()
    interviewed = serializers.IntegerField()
    interview_appointments = serializers.IntegerField()
    hired_at_fair = serializers.IntegerField()
    hired_within_30_days = serializers.IntegerField()
    labour_export = serializers.IntegerField()
    training = serializers.IntegerField()
    priority_groups = serializers.DictField(child=serializers.IntegerField())
    line = serializers.CharField()
