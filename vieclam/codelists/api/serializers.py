from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.codelists import selectors
from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Industry, Occupation

DATED = ["legal_source", "valid_from", "valid_to", "note"]


def level_field() -> serializers.IntegerField:
    """A plain integer: a `level` enum would collide in the OpenAPI schema with places' text `level` enum."""
    return serializers.IntegerField(read_only=True, min_value=1, max_value=5, help_text="1–5")


class OccupationSerializer(serializers.ModelSerializer):
    """`name` is the Vietnamese name (for an ISCO-08 fill, this project's translation; `name_en` is its ISCO title;
    for a VSCO row, `name_en` is this project's English name)."""

    level = level_field()
    name = serializers.CharField(source="display_name", read_only=True)
    parent = serializers.CharField(source="parent_code", read_only=True)

    class Meta:
        model = Occupation
        fields = ["code", "level", "name", "name_vi", "name_en", "parent", "origin", "gap_type", *DATED]


class OccupationRefSerializer(serializers.ModelSerializer):
    level = level_field()
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = Occupation
        fields = ["code", "level", "name", "origin"]


class OccupationDetailSerializer(OccupationSerializer):
    ancestors = serializers.SerializerMethodField()
    children = OccupationRefSerializer(many=True, read_only=True)

    class Meta(OccupationSerializer.Meta):
        fields = [*OccupationSerializer.Meta.fields, "ancestors", "children"]

    @extend_schema_field(OccupationRefSerializer(many=True))
    def get_ancestors(self, occupation):
        return OccupationRefSerializer(selectors.ancestors_of(occupation), many=True).data


class IndustrySerializer(serializers.ModelSerializer):
    level = level_field()
    parent = serializers.CharField(source="parent_code", read_only=True)

    class Meta:
        model = Industry
        fields = ["system", "code", "level", "name_vi", "name_en", "parent", "section", *DATED]


class IndustryRefSerializer(serializers.ModelSerializer):
    level = level_field()

    class Meta:
        model = Industry
        fields = ["code", "level", "name_vi", "name_en"]


class IndustryDetailSerializer(IndustrySerializer):
    ancestors = serializers.SerializerMethodField()
    children = IndustryRefSerializer(many=True, read_only=True)

    class Meta(IndustrySerializer.Meta):
        fields = [*IndustrySerializer.Meta.fields, "ancestors", "children"]

    @extend_schema_field(IndustryRefSerializer(many=True))
    def get_ancestors(self, industry):
        return IndustryRefSerializer(selectors.ancestors_of(industry), many=True).data


class EthnicGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = EthnicGroup
        fields = ["code", "name_vi", "name_en", "other_names", *DATED]


class CodeItemSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_code", read_only=True)

    class Meta:
        model = CodeItem
        fields = ["code", "name_vi", "name_en", "parent", "order", *DATED]


class CodeListSerializer(serializers.ModelSerializer):
    items = CodeItemSerializer(many=True, read_only=True)

    class Meta:
        model = CodeList
        fields = ["slug", "name_vi", "name_en", *DATED, "items"]
