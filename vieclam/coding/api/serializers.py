"""Input and output of the occupation-suggestion endpoint."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

TITLE_MAX_LENGTH = 300
LIMIT_MAX = 20


class SuggestInputSerializer(serializers.Serializer):
    """Query string: the free-text job title and how many codes to return."""

    title = serializers.CharField(
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Thiếu tham số title: nhập chức danh công việc cần gợi ý mã nghề."),
            "blank": _("Tham số title không được để trống: nhập chức danh công việc cần gợi ý mã nghề."),
            "max_length": _("Tham số title dài tối đa {max_length} ký tự."),
        },
    )
    limit = serializers.IntegerField(
        default=5,
        min_value=1,
        max_value=LIMIT_MAX,
        error_messages={
            "invalid": _("Tham số limit phải là số nguyên từ 1 đến 20."),
            "min_value": _("Tham số limit phải là số nguyên từ 1 đến 20."),
            "max_value": _("Tham số limit phải là số nguyên từ 1 đến 20."),
        },
    )


class SuggestionSerializer(serializers.Serializer):
    """One suggested VSCO 2020 level-4 code; `score` is the confidence, 0..1."""

    code = serializers.CharField()
    name = serializers.CharField()
    score = serializers.FloatField()


class SuggestOutputSerializer(serializers.Serializer):
    title = serializers.CharField()
    results = SuggestionSerializer(many=True)
