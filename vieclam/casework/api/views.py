"""Staff API of case work; every read and write stays inside the caller's areas."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from vieclam.casework import selectors, services
from vieclam.casework.api.serializers import (
    CaseAssignmentInputSerializer,
    CaseAssignmentSerializer,
    CaseAssignmentUpdateSerializer,
    CounsellingSessionInputSerializer,
    CounsellingSessionSerializer,
    CounsellingSessionUpdateSerializer,
    GroupSessionInputSerializer,
    GroupSessionSerializer,
    GroupSessionWriteResultSerializer,
)
from vieclam.casework.filtersets import CaseFilterSet, GroupSessionFilterSet, SessionFilterSet
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi


@extend_schema_view(
    post=extend_schema(
        summary="Record a counselling session with a person of the caller's areas (400 naming each wrong field).",
        request=CounsellingSessionInputSerializer,
        responses={201: CounsellingSessionSerializer},
    )
)
class CounsellingSessionListApi(RegistryListApi):
    """Counselling sessions of people living in the caller's areas, newest first."""

    serializer_class = CounsellingSessionSerializer
    filterset_class = SessionFilterSet
    list_selector = staticmethod(selectors.session_list)
    create_service = staticmethod(services.session_create)
    create_serializer_class = CounsellingSessionInputSerializer
    result_serializer_class = CounsellingSessionSerializer


@extend_schema_view(
    patch=extend_schema(
        summary="Change the given fields (not the person); the audit trail keeps old and new values.",
        request=CounsellingSessionUpdateSerializer,
        responses={200: CounsellingSessionSerializer},
    )
)
class CounsellingSessionDetailApi(RegistryDetailApi):
    serializer_class = CounsellingSessionSerializer
    get_selector = staticmethod(selectors.session_get)
    update_service = staticmethod(services.session_update)
    update_argument = "session"
    input_serializer_class = CounsellingSessionUpdateSerializer
    result_serializer_class = CounsellingSessionSerializer


@extend_schema_view(
    post=extend_schema(
        summary="Record a group session (hội nghị tư vấn) in a commune of the caller's areas.",
        request=GroupSessionInputSerializer,
        responses={201: GroupSessionWriteResultSerializer},
    )
)
class GroupSessionListApi(RegistryListApi):
    """Group sessions held in the caller's areas, newest first."""

    serializer_class = GroupSessionSerializer
    filterset_class = GroupSessionFilterSet
    list_selector = staticmethod(selectors.group_list)
    create_service = staticmethod(services.group_session_create)
    create_serializer_class = GroupSessionInputSerializer
    result_serializer_class = GroupSessionWriteResultSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("attendance")


@extend_schema_view(
    patch=extend_schema(
        summary="Change the given fields; `attendees` replaces the list of named attendees.",
        request=GroupSessionInputSerializer,
        responses={200: GroupSessionWriteResultSerializer},
    )
)
class GroupSessionDetailApi(RegistryDetailApi):
    serializer_class = GroupSessionSerializer
    get_selector = staticmethod(selectors.group_get)
    update_service = staticmethod(services.group_session_update)
    update_argument = "group"
    input_serializer_class = GroupSessionInputSerializer
    result_serializer_class = GroupSessionWriteResultSerializer


@extend_schema_view(
    post=extend_schema(
        summary="Put a person of the caller's areas in the caseload of a counsellor working where they live.",
        request=CaseAssignmentInputSerializer,
        responses={201: CaseAssignmentSerializer},
    )
)
class CaseAssignmentListApi(RegistryListApi):
    """Case assignments of people living in the caller's areas, by next-action date."""

    serializer_class = CaseAssignmentSerializer
    filterset_class = CaseFilterSet
    list_selector = staticmethod(selectors.case_list)
    create_service = staticmethod(services.case_assign)
    create_serializer_class = CaseAssignmentInputSerializer
    result_serializer_class = CaseAssignmentSerializer


@extend_schema_view(
    patch=extend_schema(
        summary="Change the counsellor, the next action or its date.",
        request=CaseAssignmentUpdateSerializer,
        responses={200: CaseAssignmentSerializer},
    )
)
class CaseAssignmentDetailApi(RegistryDetailApi):
    serializer_class = CaseAssignmentSerializer
    get_selector = staticmethod(selectors.case_get)
    update_service = staticmethod(services.case_update)
    update_argument = "case"
    input_serializer_class = CaseAssignmentUpdateSerializer
    result_serializer_class = CaseAssignmentSerializer
