"""Staff API of job-seeker profiles; every read and write stays inside the caller's areas."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from vieclam.seekers import selectors, services
from vieclam.seekers.api.serializers import (
    JobSeekerInputSerializer,
    JobSeekerListSerializer,
    JobSeekerSerializer,
    JobSeekerWriteResultSerializer,
    StatusInputSerializer,
)
from vieclam.seekers.filtersets import JobSeekerFilterSet


class IsStaffRole(permissions.BasePermission):
    """Administrators, province and commune officers and counsellors; employer and worker accounts get 403."""

    def has_permission(self, request, view):
        return bool(getattr(request.user, "is_staff_role", False))


class StaffApiMixin:
    permission_classes = [permissions.IsAuthenticated, IsStaffRole]


class JobSeekerListApi(StaffApiMixin, generics.ListAPIView):
    """Job seekers living in the caller's areas (ID masked). `q` ignores case and diacritics; the working-condition
    filters read as a job's requirement (`fine_hand_work_ok=true`, `lifting=5_to_20`, `hands=one_left`)."""

    serializer_class = JobSeekerListSerializer
    filterset_class = JobSeekerFilterSet

    def get_queryset(self):
        return selectors.profile_list(viewer=self.request.user)

    @extend_schema(request=JobSeekerInputSerializer, responses={201: JobSeekerWriteResultSerializer})
    def post(self, request):
        """Open an active profile for a person aged 15+ in the caller's areas (400 naming each wrong field)."""
        serializer = JobSeekerInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        person = data.pop("person")
        profile = services.profile_create(actor=request.user, person=person, data=data)
        return Response(JobSeekerWriteResultSerializer(profile).data, status=status.HTTP_201_CREATED)


class JobSeekerDetailApi(StaffApiMixin, generics.GenericAPIView):
    """One profile; 404 when it does not exist or its person lives outside the caller's areas. Reading is audited."""

    serializer_class = JobSeekerSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get(self, request, pk: int):
        return Response(JobSeekerSerializer(selectors.profile_open(viewer=request.user, pk=pk)).data)

    @extend_schema(request=JobSeekerInputSerializer, responses={200: JobSeekerWriteResultSerializer})
    def patch(self, request, pk: int):
        """Change the given fields; the audit trail keeps old and new values."""
        profile = selectors.profile_get(viewer=request.user, pk=pk)
        serializer = JobSeekerInputSerializer(data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        profile = services.profile_update(actor=request.user, profile=profile, data=dict(serializer.validated_data))
        return Response(JobSeekerWriteResultSerializer(profile).data)


class JobSeekerStatusApi(StaffApiMixin, generics.GenericAPIView):
    """Mark a profile placed or closed, or reopen it (active) if the person has no other active profile."""

    serializer_class = StatusInputSerializer

    @extend_schema(request=StatusInputSerializer, responses={200: JobSeekerSerializer})
    def post(self, request, pk: int):
        profile = selectors.profile_get(viewer=request.user, pk=pk)
        serializer = StatusInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = services.profile_set_status(actor=request.user, profile=profile, **serializer.validated_data)
        return Response(JobSeekerSerializer(profile).data)
