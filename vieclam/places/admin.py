from django.contrib import admin

from vieclam.places.models import AdministrativeUnit, AreaClassRule


@admin.register(AreaClassRule)
class AreaClassRuleAdmin(admin.ModelAdmin):
    list_display = ["unit_type", "area_class", "legal_source", "note"]


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "unit_type", "area_class", "edition", "valid_from", "valid_to"]
    list_filter = ["edition", "level", "unit_type"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    readonly_fields = [f.name for f in AdministrativeUnit._meta.fields]

    def has_add_permission(self, request):
        return False  # reference data comes from `vieclam load_reference`, not from hand entry

    def has_delete_permission(self, request, obj=None):
        return False
