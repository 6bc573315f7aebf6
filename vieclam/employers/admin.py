from django.contrib import admin

from vieclam.employers.models import Employer


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    """Read-only: writes go through employers.services (area check and audit trail), i.e. the staff pages or API."""

    list_display = ["name", "tax_code", "id_kind", "employer_type", "commune", "in_industrial_zone"]
    list_filter = ["id_kind", "in_industrial_zone", "employer_type"]
    search_fields = ["search_text", "tax_code"]
    list_select_related = ["employer_type", "commune"]
    raw_id_fields = ["commune", "industry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
