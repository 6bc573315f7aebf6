"""Read-only admin: the code lists change by editing codelists/data/ and running `vieclam load_reference`."""

from django.contrib import admin

from vieclam.codelists.models import CodeItem, CodeList, EthnicGroup, Industry, Occupation


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ["code", "level", "display_name", "origin", "gap_type", "legal_source"]
    list_filter = ["level", "origin", "gap_type"]
    search_fields = ["code", "name_vi", "name_en"]


@admin.register(Industry)
class IndustryAdmin(ReadOnlyAdmin):
    list_display = ["code", "system", "level", "name_vi", "legal_source", "valid_from", "valid_to"]
    list_filter = ["system", "level"]
    search_fields = ["code", "name_vi"]


@admin.register(EthnicGroup)
class EthnicGroupAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_vi", "other_names"]
    search_fields = ["code", "name_vi", "other_names"]


class CodeItemInline(admin.TabularInline):
    model = CodeItem
    fields = ["order", "code", "name_vi", "name_en", "parent_code", "legal_source", "valid_from", "valid_to"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CodeList)
class CodeListAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name_vi", "legal_source", "valid_from", "valid_to"]
    search_fields = ["slug", "name_vi", "name_en"]
    inlines = [CodeItemInline]
