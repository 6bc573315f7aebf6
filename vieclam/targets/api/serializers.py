"""Plan targets in the API: indicators by code, areas by code (and boundary set), values as decimals."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vieclam.places.models import AdministrativeUnit, Edition
from vieclam.targets.models import Target, TargetRevision

UNKNOWN_UNIT = _("Không có đơn vị hành chính mã “{code}” trong bộ đơn vị này.")
VALUE = {"max_digits": 16, "decimal_places": 2, "coerce_to_string": False}


class RevisionSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, default="")
    old_value = serializers.DecimalField(**VALUE, read_only=True)
    new_value = serializers.DecimalField(**VALUE, read_only=True)

    class Meta:
        model = TargetRevision
        fields = ["old_value", "new_value", "reason", "actor", "at"]
        read_only_fields = fields


class TargetSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name_vi", read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    area = serializers.CharField(source="area.code", read_only=True)
    area_name = serializers.CharField(source="area.name", read_only=True)
    area_edition = serializers.CharField(source="area.edition", read_only=True)
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)
    value = serializers.DecimalField(**VALUE, read_only=True, help_text="The value in force (after revisions).")
    original_value = serializers.DecimalField(**VALUE, read_only=True, help_text="The value first set.")

    class Meta:
        model = Target
        fields = [
            "id", "indicator", "indicator_name", "unit", "area", "area_name", "area_edition", "kind", "year_from",
            "year_to", "value", "original_value", "parent", "note", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class TargetDetailSerializer(TargetSerializer):
    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta(TargetSerializer.Meta):
        fields = [*TargetSerializer.Meta.fields, "revisions"]
        read_only_fields = fields


def unit_by_code(code: str, edition: str) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(edition=edition, code=code).first()
    if unit is None:
        raise serializers.ValidationError(str(UNKNOWN_UNIT).format(code=code))
    return unit


class TargetInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (years the unit existed, duplicates, your areas)."""

    indicator = serializers.CharField(max_length=60, help_text="Indicator code of the catalogue")
    area = serializers.CharField(max_length=5, help_text="Unit code: a province, a commune or an old district")
    area_edition = serializers.ChoiceField(
        choices=Edition.choices, default=Edition.POST_2025, help_text="post_2025_07 (default) or pre_2025_07"
    )
    year_from = serializers.IntegerField(min_value=2000, max_value=2100)
    year_to = serializers.IntegerField(min_value=2000, max_value=2100, required=False, help_text="Empty: a year target")
    value = serializers.DecimalField(max_digits=16, decimal_places=2)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)

    def validate(self, attrs):
        try:
            attrs["area"] = unit_by_code(attrs["area"], attrs.pop("area_edition"))
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"area": exc.detail}) from exc
        return attrs


class ShareSerializer(serializers.Serializer):
    commune = serializers.CharField(max_length=5, help_text="Commune code of the province")
    value = serializers.DecimalField(max_digits=16, decimal_places=2)


class AllocationSerializer(serializers.Serializer):
    shares = ShareSerializer(many=True, allow_empty=False)


class ReviseSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=16, decimal_places=2)
    reason = serializers.CharField(max_length=500, help_text="Why the target changes (required)")
