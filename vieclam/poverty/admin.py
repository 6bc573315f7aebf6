"""Read-only admin: the rules change by editing poverty/data/ and running `vieclam load_reference`."""

from django.contrib import admin

from vieclam.poverty.models import DeprivationIndicator, LowIncomeThreshold, PovertyLine, PovertyStandard


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PovertyLineInline(ReadOnlyMixin, admin.TabularInline):
    model = PovertyLine
    fields = ["area_class", "income_line", "average_upper", "poor_min_deprivations", "score_income_line",
              "score_per_deprivation", "score_poor_deprivation", "legal_source"]  # fmt: skip
    extra = 0


class DeprivationIndicatorInline(ReadOnlyMixin, admin.TabularInline):
    model = DeprivationIndicator
    fields = ["order", "code", "dimension", "name_vi", "valid_from", "valid_to"]
    extra = 0


@admin.register(PovertyStandard)
class PovertyStandardAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "name_vi", "legal_source", "valid_from", "valid_to"]
    inlines = [PovertyLineInline, DeprivationIndicatorInline]


@admin.register(LowIncomeThreshold)
class LowIncomeThresholdAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "area_class", "income_ceiling", "legal_source", "valid_from", "valid_to"]
