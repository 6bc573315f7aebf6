from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vieclam.places.choices import AreaClass
from vieclam.poverty.choices import Classification
from vieclam.poverty.models import DeprivationIndicator, PovertyLine, PovertyStandard

DATED = ["legal_source", "valid_from", "valid_to", "note"]
BOTH_INCOMES = _("Nhập một trong hai: thu nhập bình quân (income_per_capita) hoặc điểm thu nhập (income_score).")
BOTH_AREAS = _("Nhập một trong hai: khu vực (area_type) hoặc mã xã/phường (commune).")


class ClassifyInputSerializer(serializers.Serializer):
    as_of = serializers.DateField(
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.")},
        help_text="Ngày xét (mặc định: hôm nay); chọn chuẩn nghèo có hiệu lực vào ngày này.",
    )
    area_type = serializers.ChoiceField(
        choices=AreaClass.choices,
        required=False,
        error_messages={"invalid_choice": _("Khu vực “{input}” không hợp lệ: chọn rural hoặc urban.")},
    )
    commune = serializers.CharField(
        required=False, max_length=5, help_text="Mã xã/phường; khu vực lấy theo loại đơn vị vào ngày as_of."
    )
    income_per_capita = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=10**12,
        error_messages={
            "min_value": _("Thu nhập bình quân không được âm."),
            "invalid": _("Thu nhập bình quân phải là số nguyên (đồng/người/tháng)."),
        },
        help_text="Thu nhập bình quân (đồng/người/tháng).",
    )
    income_score = serializers.DecimalField(
        required=False,
        max_digits=7,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": _("Điểm thu nhập không được âm."), "invalid": _("Điểm thu nhập phải là số.")},
        help_text="Điểm thu nhập (điểm A, phiếu B theo TT 07/2021); điểm càng thấp càng nghèo.",
    )
    deprivations = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, help_text="Mã các chỉ số thiếu hụt."
    )

    def validate(self, attrs):
        errors = {}
        if ("income_per_capita" in attrs) == ("income_score" in attrs):
            errors["income_per_capita"] = errors["income_score"] = [BOTH_INCOMES]
        if ("area_type" in attrs) == ("commune" in attrs):
            errors["area_type"] = errors["commune"] = [BOTH_AREAS]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ClassifyOutputSerializer(serializers.Serializer):
    classification = serializers.ChoiceField(choices=Classification.choices)
    standard = serializers.CharField(help_text="Mã chuẩn nghèo đã áp dụng, ví dụ nd07_2021.")
    income_line = serializers.IntegerField(help_text="Chuẩn thu nhập của khu vực (đồng/người/tháng).")
    deprivation_count = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())


class PovertyLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = PovertyLine
        fields = [
            "area_class", "income_line", "average_upper", "poor_min_deprivations", "score_income_line",
            "score_per_deprivation", "score_poor_deprivation", "legal_source",
        ]  # fmt: skip


class DeprivationIndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeprivationIndicator
        fields = ["code", "dimension", "name_vi", "deprived_when", *DATED]


class PovertyStandardSerializer(serializers.ModelSerializer):
    lines = PovertyLineSerializer(many=True, read_only=True)
    indicators = DeprivationIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = PovertyStandard
        fields = ["code", "name_vi", *DATED, "lines", "indicators"]
