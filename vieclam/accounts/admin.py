from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from vieclam.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["areas"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("vieclam", {"fields": ["role", "areas", "phone"]})]
