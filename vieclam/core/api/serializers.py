from rest_framework import serializers

from vieclam.core.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    object_type = serializers.CharField(source="content_type.model", read_only=True)
    area = serializers.CharField(source="area.code", default=None, read_only=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id", "at", "actor_username", "action", "channel", "object_type", "object_id",
            "object_repr", "changes", "area",
        ]  # fmt: skip
