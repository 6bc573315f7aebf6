from django.contrib import admin

from vieclam.places.models import AdministrativeUnit, AreaClassRule


@admin.register(AreaClassRule)
class AreaClassRuleAdmin(admin.ModelAdmin):
    """Read-only: the rules are dated reference data loaded by `vieclam load_reference` from places/data/."""

    list_display = ["unit_type", "area_class", "legal_source", "note"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
