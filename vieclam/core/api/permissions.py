"""Who may call the staff API: one definition for every registry."""

from rest_framework import permissions


class IsStaffRole(permissions.BasePermission):
    """Administrators, province and commune officers and counsellors; employer and worker accounts get 403."""

    def has_permission(self, request, view):
        return bool(getattr(request.user, "is_staff_role", False))


class CanViewHistory(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(getattr(request.user, "can_view_history", False))


class StaffApiMixin:
    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
