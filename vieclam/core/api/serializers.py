from rest_framework import serializers

from vieclam.core.models import AuditEvent
from vieclam.core.privacy import mask_text, masked_changes


class AuditEventSerializer(serializers.ModelSerializer):
    """An audit event for the audit API, personal identifiers masked."""

    object_type = serializers.CharField(source="content_type.model", read_only=True)
    area = serializers.CharField(source="area.code", default=None, read_only=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id", "at", "actor_username", "action", "channel", "object_type", "object_id",
            "object_repr", "changes", "area",
        ]  # fmt: skip

    def to_representation(self, instance):
        """Identifiers masked as on the audit page (core.privacy): an audit reader needs who did what, not the CCCD."""
        data = super().to_representation(instance)
        data["changes"] = masked_changes(data["changes"])
        data["object_repr"] = mask_text(data["object_repr"])
        return data
