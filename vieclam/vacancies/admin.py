from django.contrib import admin

from vieclam.vacancies.models import Vacancy


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    """Read-only: writes go through vacancies.services (area check, status rules, audit trail)."""

    list_display = ["title", "employer", "occupation", "positions_count", "status", "deadline", "exchange_province"]
    list_filter = ["status"]
    search_fields = ["search_text"]
    list_select_related = ["employer", "occupation", "exchange_province"]
    raw_id_fields = ["employer", "occupation", "workplace_commune", "exchange_province"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
