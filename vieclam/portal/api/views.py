from rest_framework import generics, permissions

from vieclam.core.api.permissions import CanViewHistory
from vieclam.core.api.serializers import AuditEventSerializer
from vieclam.portal.filtersets import AuditEventFilterSet
from vieclam.portal.selectors import audit_event_list


class AuditEventListApi(generics.ListAPIView):
    """The audit trail inside the caller's areas (roles with history rights only)."""

    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilterSet
    permission_classes = [permissions.IsAuthenticated, CanViewHistory]

    def get_queryset(self):
        return audit_event_list(viewer=self.request.user)
