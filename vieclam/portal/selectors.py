from __future__ import annotations

from django.db.models import QuerySet

from vieclam.accounts.scoping import scope_queryset
from vieclam.core.models import AuditEvent


def audit_event_list(*, viewer) -> QuerySet[AuditEvent]:
    """Audit events the viewer may read: only roles with history rights, only inside their areas."""
    if not getattr(viewer, "can_view_history", False):
        return AuditEvent.objects.none()
    return scope_queryset(AuditEvent.objects.all(), viewer).select_related("actor", "content_type", "area")
