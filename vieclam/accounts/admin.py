from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

from vieclam.accounts.models import User
from vieclam.accounts.services import AUDITED_FIELDS, PASSWORD_RESET
from vieclam.core.audit import audit_record, diff, snapshot
from vieclam.core.choices import AuditAction


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """The one registry the admin may edit; every save is audited like accounts.services.user_update.

    Django wraps the admin's change view in a transaction, so the audit event commits with the change.
    """

    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["areas"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("vieclam", {"fields": ["role", "areas", "phone"]})]

    def save_model(self, request, obj, form, change):
        old = User.objects.filter(pk=obj.pk).first() if change else None
        request._vieclam_before = (
            snapshot(old, AUDITED_FIELDS) if old else {},
            sorted(old.areas.values_list("code", flat=True)) if old else [],
        )
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        before, before_areas = getattr(request, "_vieclam_before", ({}, []))
        changes = diff(before, snapshot(user, AUDITED_FIELDS))
        after_areas = sorted(user.areas.values_list("code", flat=True))
        if after_areas != before_areas:
            changes["areas"] = [before_areas, after_areas]
        if changes or not change:
            action = AuditAction.UPDATE if change else AuditAction.CREATE
            audit_record(actor=request.user, action=action, instance=user, changes=changes)

    def user_change_password(self, request, id, form_url=""):
        """Django's own password page, audited like accounts.services.user_set_password (same transaction)."""
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = self.get_object(request, unquote(id))
                changes = {"password": [None, PASSWORD_RESET]}
                audit_record(actor=request.user, action=AuditAction.UPDATE, instance=user, changes=changes)
        return response

    def delete_model(self, request, obj):
        audit_record(actor=request.user, action=AuditAction.DELETE, instance=obj, changes={})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            audit_record(actor=request.user, action=AuditAction.DELETE, instance=user, changes={})
        super().delete_queryset(request, queryset)
