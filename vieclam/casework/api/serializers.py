"""Case work in the API: persons by id, users by username, code-list items and communes by their codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from vieclam.casework import selectors
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.people.selectors import person_pick_get
from vieclam.places.api.fields import AreaCodeField
from vieclam.places.choices import Level

PERSON_NOT_FOUND = _("Không có người lao động #{pk} trong địa bàn bạn phụ trách.")


class PersonIdField(serializers.IntegerField):
    """A person id, resolved within the caller's areas (outside them: the same answer as for no such person)."""

    def run_validation(self, data=empty):
        pk = super().run_validation(data)
        if pk is None:
            return None
        person = person_pick_get(viewer=self.context["request"].user, pk=pk)
        if person is None:
            raise serializers.ValidationError(str(PERSON_NOT_FOUND).format(pk=pk))
        return person


def _items(slug_help: str, queryset, **kwargs):
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=queryset,
        help_text=slug_help,
        error_messages={"does_not_exist": _("Không có mục “{value}” trong danh mục.")},
        **kwargs,
    )


TOPICS_HELP = "codes of 'counselling-topics' (GET /api/v1/code-lists/counselling-topics/)"
CHANNEL_HELP = "code of 'counselling-channels': tai_trung_tam, tai_xa_phuong, qua_dien_thoai, truc_tuyen"
UNIT_HELP = "code of 'group-session-unit-kinds': xa_phuong, truong_hoc, don_vi_quan_doi, …"


class _Names(serializers.ModelSerializer):
    topics = serializers.SerializerMethodField()
    topic_names = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_topics(self, record) -> list[str]:
        return [item.code for item in record.topics.all()]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_topic_names(self, record) -> list[str]:
        return [item.name for item in record.topics.all()]


class CounsellingSessionSerializer(_Names):
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    channel = serializers.CharField(source="channel.code", read_only=True)
    channel_name = serializers.CharField(source="channel.name", read_only=True)
    counsellor = serializers.CharField(source="counsellor.username", read_only=True)
    counsellor_name = serializers.CharField(source="counsellor.__str__", read_only=True)

    class Meta:
        model = CounsellingSession
        fields = [
            "id", "person", "person_name", "held_on", "topics", "topic_names", "channel", "channel_name",
            "counsellor", "counsellor_name", "outcome", "next_step", "next_action_on", "note", "created_at",
            "updated_at",
        ]  # fmt: skip


class _CounsellorInput(serializers.Serializer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        viewer = getattr(request, "user", None)
        for name in ("counsellor", "organiser"):
            if name in self.fields:
                self.fields[name].queryset = selectors.counsellor_choices(viewer=viewer)
        for name, queryset in (
            ("topics", selectors.topic_list()),
            ("channel", selectors.channel_list()),
            ("unit_kind", selectors.unit_kind_list()),
        ):
            if name in self.fields:
                field = self.fields[name]
                (field.child_relation if hasattr(field, "child_relation") else field).queryset = queryset


def _counsellor(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="username",
        queryset=selectors.counsellor_choices(viewer=None),
        error_messages={"does_not_exist": _("Tư vấn viên: không có người dùng “{value}” trong địa bàn của bạn.")},
        **kwargs,
    )


class CounsellingSessionInputSerializer(_CounsellorInput):
    person = PersonIdField(min_value=1, help_text="Person id (a person living in the caller's areas)")
    held_on = serializers.DateField()
    topics = _items(TOPICS_HELP, selectors.topic_list(), many=True)
    channel = _items(CHANNEL_HELP, selectors.channel_list())
    counsellor = _counsellor(required=False, help_text="username; default: the caller")
    outcome = serializers.CharField(required=False, allow_blank=True, max_length=300)
    next_step = serializers.CharField(required=False, allow_blank=True, max_length=300)
    next_action_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class CounsellingSessionUpdateSerializer(CounsellingSessionInputSerializer):
    """PATCH: any field but the person (a session with someone else is another session)."""

    person = None  # type: ignore[assignment]


class GroupSessionSerializer(_Names):
    commune = serializers.CharField(source="commune.code", read_only=True)
    commune_name = serializers.CharField(source="commune.name", read_only=True)
    unit_kind = serializers.CharField(source="unit_kind.code", read_only=True)
    unit_kind_name = serializers.CharField(source="unit_kind.name", read_only=True)
    organiser = serializers.CharField(source="organiser.username", read_only=True)
    attendees = serializers.SerializerMethodField()

    class Meta:
        model = GroupSession
        fields = [
            "id", "held_on", "commune", "commune_name", "unit_kind", "unit_kind_name", "unit_name", "topics",
            "topic_names", "headcount", "attendees", "organiser", "note", "created_at", "updated_at",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_attendees(self, group) -> list[int]:
        return sorted(row.person_id for row in group.attendance.all())


class GroupSessionWriteResultSerializer(GroupSessionSerializer):
    warnings = serializers.SerializerMethodField()

    class Meta(GroupSessionSerializer.Meta):
        fields = [*GroupSessionSerializer.Meta.fields, "warnings"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, group) -> list[str]:
        return self.context.get("warnings", [])


class GroupSessionInputSerializer(_CounsellorInput):
    held_on = serializers.DateField()
    commune = AreaCodeField(levels=[Level.COMMUNE], max_length=5, help_text="commune code, e.g. 25459")
    unit_kind = _items(UNIT_HELP, selectors.unit_kind_list())
    unit_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    topics = _items(TOPICS_HELP, selectors.topic_list(), many=True)
    headcount = serializers.IntegerField(help_text="attendances (lượt); not below the number of named attendees")
    attendees = serializers.ListField(
        child=PersonIdField(min_value=1), required=False, help_text="ids of persons known to have attended"
    )
    organiser = _counsellor(required=False, help_text="username; default: the caller")
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []


class CaseAssignmentSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(source="person_id", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    counsellor = serializers.CharField(source="counsellor.username", read_only=True)
    counsellor_name = serializers.CharField(source="counsellor.__str__", read_only=True)

    class Meta:
        model = CaseAssignment
        fields = [
            "id", "person", "person_name", "counsellor", "counsellor_name", "assigned_on", "next_action_on",
            "next_action", "created_at", "updated_at",
        ]  # fmt: skip


class CaseAssignmentInputSerializer(_CounsellorInput):
    person = PersonIdField(min_value=1, help_text="Person id (a person living in the caller's areas)")
    counsellor = _counsellor(help_text="username of a counsellor or officer working where the person lives")
    assigned_on = serializers.DateField(required=False, help_text="default: today")
    next_action_on = serializers.DateField(required=False, allow_null=True)
    next_action = serializers.CharField(required=False, allow_blank=True, max_length=300)


class CaseAssignmentUpdateSerializer(CaseAssignmentInputSerializer):
    person = None  # type: ignore[assignment]
