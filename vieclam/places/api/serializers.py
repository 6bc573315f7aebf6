from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.places.models import AdministrativeUnit, Succession


class AreaSerializer(serializers.ModelSerializer):
    """A unit as it stood on the requested date (`as_of` in the serializer context)."""

    name = serializers.SerializerMethodField()
    unit_type = serializers.SerializerMethodField()
    area_class = serializers.SerializerMethodField()
    parent = serializers.CharField(source="parent.code", default=None, read_only=True)
    province = serializers.CharField(source="province.code", default=None, read_only=True)

    class Meta:
        model = AdministrativeUnit
        fields = [
            "code", "name", "short_name", "name_en", "level", "unit_type", "area_class",
            "parent", "province", "edition", "valid_from", "valid_to",
        ]  # fmt: skip

    def _version(self, unit):
        return unit.version_on(self.context["as_of"])

    @extend_schema_field(serializers.CharField())
    def get_name(self, unit) -> str:
        version = self._version(unit)
        return version.name if version else unit.name

    @extend_schema_field(serializers.CharField())
    def get_unit_type(self, unit) -> str:
        version = self._version(unit)
        return version.unit_type if version else unit.unit_type

    @extend_schema_field(serializers.CharField(allow_blank=True))
    def get_area_class(self, unit) -> str:
        version = self._version(unit)
        return version.area_class if version else unit.area_class


class SuccessorSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="successor.code")
    name = serializers.CharField(source="successor.name")

    class Meta:
        model = Succession
        fields = ["code", "name", "kind", "effective"]


class PredecessorSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="predecessor_code")
    name = serializers.CharField(source="predecessor_name")

    class Meta:
        model = Succession
        fields = ["code", "name", "kind", "effective"]


class AreaDetailSerializer(AreaSerializer):
    successors = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()

    class Meta(AreaSerializer.Meta):
        fields = [*AreaSerializer.Meta.fields, "successors", "predecessors"]

    @extend_schema_field(SuccessorSerializer(many=True))
    def get_successors(self, unit):
        return SuccessorSerializer(self.context["successions"][0], many=True).data

    @extend_schema_field(PredecessorSerializer(many=True))
    def get_predecessors(self, unit):
        return PredecessorSerializer(self.context["successions"][1], many=True).data
