"""The indicator API's shapes: the catalogue, and one indicator's values (a table of rows in words)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vieclam.indicators.dims import DIMENSIONS
from vieclam.indicators.models import Indicator
from vieclam.indicators.selectors import group_name

__all__ = ("IndicatorSerializer", "ValuesSerializer")


def _number(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=24, decimal_places=4, coerce_to_string=False, allow_null=True, **kwargs)


class DisaggregationSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The value of `by=`.")
    label = serializers.CharField()


class IndicatorSerializer(serializers.ModelSerializer):
    group_label = serializers.SerializerMethodField()
    unit_label = serializers.CharField(source="get_unit_display")
    better_label = serializers.CharField(source="get_better_display")
    disaggregations = serializers.SerializerMethodField()
    is_ratio = serializers.BooleanField(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code", "name_vi", "name_en", "group", "group_label", "unit", "unit_label", "is_ratio", "decimals",
            "definition", "legal_source", "disaggregations", "better", "better_label", "key", "valid_from",
            "valid_to",
        ]  # fmt: skip

    def get_group_label(self, indicator: Indicator) -> str:
        return group_name(indicator.group)

    @staticmethod
    def _dims(indicator: Indicator) -> list[dict]:
        return [{"code": key, "label": str(DIMENSIONS.get(key, key))} for key in indicator.disaggregations or []]

    @extend_schema_field(DisaggregationSerializer(many=True))
    def get_disaggregations(self, indicator: Indicator) -> list[dict]:
        return DisaggregationSerializer(self._dims(indicator), many=True).data


class ValuesRowSerializer(serializers.Serializer):
    group = serializers.CharField(source="label", help_text="The group in words (never a code).")
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    value = _number(help_text="The figure; null for no value (a denominator of 0) or a suppressed small cell.")
    display = serializers.CharField(help_text='As read: "7.125", "5,67%", "—", "<5" (a small cell).')
    target = _number(help_text="The year's plan target (targets app), null without one.")
    achievement = _number(help_text="value / target × 100 (“đạt 142,1% kế hoạch”).")
    last_year_value = _number(source="last_value", help_text="The same period last year.")
    last_year_display = serializers.CharField(source="last_display")
    change = _number(help_text="value / same period last year × 100 (“125,4% so cùng kỳ”).")
    suppressed = serializers.BooleanField()


class ValuesAreaSerializer(serializers.Serializer):
    label = serializers.CharField()
    code = serializers.CharField(source="unit.code", allow_null=True, default=None)
    boundary = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField(), help_text="How records were placed in old units.")


class ValuesPeriodSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()


class ValuesProjectionSerializer(serializers.Serializer):
    low = _number()
    mid = _number()
    high = _number()
    text = serializers.CharField()


class ValuesSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    area = ValuesAreaSerializer()
    period = ValuesPeriodSerializer()
    last_year_period = ValuesPeriodSerializer(source="last_period")
    by = serializers.CharField(allow_null=True)
    by_label = serializers.CharField()
    boundary = serializers.CharField()
    as_of = serializers.DateField(allow_null=True)
    total = ValuesRowSerializer()
    rows = ValuesRowSerializer(many=True)
    projection = ValuesProjectionSerializer(
        allow_null=True, help_text="Year-end projection, for the current year of a count that accrues over it."
    )
