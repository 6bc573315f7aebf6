from django.contrib import admin

from vieclam.seekers.models import JobSeekerProfile


@admin.register(JobSeekerProfile)
class JobSeekerProfileAdmin(admin.ModelAdmin):
    """Read-only: writes go through seekers.services (area check and audit trail), i.e. the staff pages or API."""

    list_display = ["person", "title", "occupation", "status", "registered_on"]
    list_filter = ["status"]
    search_fields = ["search_text"]
    list_select_related = ["person", "occupation"]
    raw_id_fields = ["person", "occupation", "workplace_1", "workplace_2"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
