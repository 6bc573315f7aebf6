from rest_framework import serializers

from vieclam.people.choices import Relationship, Sex
from vieclam.people.models import Household, Person


class PersonInputSerializer(serializers.Serializer):
    """What a client may send; codes for areas and code lists, an id for the household."""

    national_id = serializers.CharField(max_length=12, required=False, allow_blank=True)
    full_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    ethnicity = serializers.CharField(max_length=2, required=False, allow_blank=True)
    residence_commune = serializers.CharField(max_length=5)
    permanent_commune = serializers.CharField(max_length=5, required=False, allow_blank=True)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    household = serializers.IntegerField(required=False, allow_null=True)
    relationship = serializers.ChoiceField(choices=Relationship.choices, required=False, allow_blank=True)
    social_insurance_code = serializers.CharField(max_length=10, required=False, allow_blank=True)
    priority_groups = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    education_level = serializers.CharField(max_length=40, required=False, allow_blank=True)
    technical_level = serializers.CharField(max_length=40, required=False, allow_blank=True)
    training_field = serializers.CharField(max_length=200, required=False, allow_blank=True)
    activity_status = serializers.CharField(max_length=40, required=False, allow_blank=True)
    employment_status = serializers.CharField(max_length=40, required=False, allow_blank=True)
    occupation = serializers.CharField(max_length=5, required=False, allow_blank=True)
    contract_type = serializers.CharField(max_length=40, required=False, allow_blank=True)
    workplace_type = serializers.CharField(max_length=40, required=False, allow_blank=True)
    workplace_commune = serializers.CharField(max_length=5, required=False, allow_blank=True)
    unemployment_duration = serializers.CharField(max_length=40, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)


class PersonListSerializer(serializers.ModelSerializer):
    """List rows: the ID masked, the birth date reduced to the year (personal data)."""

    national_id = serializers.CharField(source="masked_national_id")
    birth_year = serializers.IntegerField(source="date_of_birth.year")
    residence_commune = serializers.CharField(source="residence_commune.code")
    residence_commune_name = serializers.CharField(source="residence_commune.name")

    class Meta:
        model = Person
        fields = [
            "id",
            "national_id",
            "full_name",
            "birth_year",
            "sex",
            "residence_commune",
            "residence_commune_name",
            "household",
            "activity_status",
        ]


class PersonDetailSerializer(serializers.ModelSerializer):
    ethnicity = serializers.CharField(source="ethnicity.code", default=None)
    residence_commune = serializers.CharField(source="residence_commune.code")
    permanent_commune = serializers.CharField(source="permanent_commune.code", default=None)
    workplace_commune = serializers.CharField(source="workplace_commune.code", default=None)
    occupation = serializers.CharField(source="occupation.code", default=None)

    class Meta:
        model = Person
        fields = [
            "id",
            "national_id",
            "id_kind",
            "full_name",
            "date_of_birth",
            "sex",
            "ethnicity",
            "residence_commune",
            "permanent_commune",
            "address",
            "household",
            "relationship",
            "social_insurance_code",
            "priority_groups",
            "education_level",
            "technical_level",
            "training_field",
            "activity_status",
            "employment_status",
            "occupation",
            "contract_type",
            "social_insurance",
            "workplace_type",
            "workplace_commune",
            "unemployment_duration",
            "phone",
        ]


class HouseholdSerializer(serializers.ModelSerializer):
    commune = serializers.CharField(source="commune.code")

    class Meta:
        model = Household
        fields = ["id", "code", "commune", "address", "head_name"]
