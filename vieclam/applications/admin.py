from django.contrib import admin

from vieclam.applications.models import Application, ApplicationEvent


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "at", "actor", "actor_username", "note", "data")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: every change goes through applications.services (transition table and audit trail)."""

    list_display = ("pk", "person", "vacancy", "channel", "status", "status_changed_at")
    list_filter = ("status", "channel")
    list_select_related = ("person", "vacancy")
    raw_id_fields = ("vacancy", "person", "referred_by")
    inlines = [ApplicationEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
