from rest_framework import serializers

from vieclam.people.choices import PovertyCause, Relationship, ReviewKind, Sex
from vieclam.people.models import Household, HouseholdReview, Person


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
    recently_exited_poverty = serializers.SerializerMethodField()

    class Meta:
        model = Household
        fields = [
            "id",
            "code",
            "commune",
            "address",
            "head_name",
            "poverty_class",
            "poverty_class_on",
            "poverty_exit_on",
            "recently_exited_poverty",
        ]

    def get_recently_exited_poverty(self, household) -> bool:
        from vieclam.people.reviews import recently_exited

        return recently_exited(household)


class HouseholdInputSerializer(serializers.Serializer):
    commune = serializers.CharField(max_length=5)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    head_name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class ReviewInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReviewKind.choices)
    reviewed_on = serializers.DateField()
    income_per_capita = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    income_score = serializers.DecimalField(
        max_digits=6, decimal_places=1, required=False, allow_null=True, min_value=0
    )
    deprivations = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    causes = serializers.ListField(child=serializers.ChoiceField(choices=PovertyCause.choices), required=False)
    decided_by = serializers.CharField(max_length=200, required=False, allow_blank=True)
    decision_number = serializers.CharField(max_length=50, required=False, allow_blank=True)


class ReviewSerializer(serializers.ModelSerializer):
    standard = serializers.CharField(source="standard.code")

    class Meta:
        model = HouseholdReview
        fields = [
            "id",
            "kind",
            "reviewed_on",
            "standard",
            "classification",
            "income_per_capita",
            "income_score",
            "deprivations",
            "causes",
            "reasons",
            "decided_by",
            "decision_number",
        ]
