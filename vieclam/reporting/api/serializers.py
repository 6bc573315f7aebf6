"""Reports in the API: the kind and the area by code, the period as its first and last day, the document's
figures (frozen once submitted) and the cells that changed since submission."""

from __future__ import annotations

from rest_framework import serializers

from vieclam.reporting.filtersets import kind_choices
from vieclam.reporting.models import Report


class ReportSerializer(serializers.ModelSerializer):
    kind_title = serializers.CharField(read_only=True)
    area = serializers.CharField(source="area.code", read_only=True)
    area_name = serializers.CharField(source="area.name", read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    submitted_by = serializers.CharField(source="submitted_by.username", read_only=True, default=None)
    reviewed_by = serializers.CharField(source="reviewed_by.username", read_only=True, default=None)

    class Meta:
        model = Report
        fields = [
            "id", "kind", "kind_title", "area", "area_name", "period_start", "period_end", "period_label", "status",
            "created_by", "created_at", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "comment",
        ]  # fmt: skip
        read_only_fields = fields


class ReportChangeSerializer(serializers.Serializer):
    table = serializers.IntegerField()
    row = serializers.IntegerField()
    column = serializers.IntegerField()
    now = serializers.CharField(help_text="The figure as calculated now, written the Vietnamese way")


class ReportDetailSerializer(ReportSerializer):
    document = serializers.JSONField(
        read_only=True, help_text="Title, unit, period, tables (columns, rows; numbers as {n: text}) and notes"
    )
    changes = ReportChangeSerializer(many=True, read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "document", "changes"]
        read_only_fields = fields


class ReportInputSerializer(serializers.Serializer):
    """What POST accepts; the service checks the rest (area in your scope, a half-year or a year, no duplicate)."""

    kind = serializers.ChoiceField(choices=kind_choices())
    area = serializers.CharField(max_length=10, help_text="Code of a province or commune in force (your areas)")
    period_start = serializers.DateField(help_text="1 January or 1 July")
    period_end = serializers.DateField(help_text="30 June or 31 December")


class ReportStepSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, max_length=5000,
                                    help_text="Required when returning a report")  # fmt: skip
