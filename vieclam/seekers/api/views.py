"""API of job-seeker profiles: staff within their areas (every read and write stays inside the caller's areas),
and a worker's own profile at /me/job-seeker-profile/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from vieclam.accounts.choices import Role
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.seekers import selectors, services
from vieclam.seekers.api.serializers import (
    JobSeekerInputSerializer,
    JobSeekerListSerializer,
    JobSeekerSerializer,
    JobSeekerWriteResultSerializer,
    OwnJobSeekerInputSerializer,
    StatusInputSerializer,
)
from vieclam.seekers.filtersets import JobSeekerFilterSet

NO_PROFILE = _("Bạn chưa có hồ sơ tìm việc: gửi PUT để lập hồ sơ.")
NO_ACTIVE_PROFILE = _("Bạn không có hồ sơ tìm việc đang hoạt động: gửi PUT để lập hồ sơ mới.")


class IsWorker(permissions.BasePermission):
    """Worker accounts; staff and employers get 403 (staff use /job-seekers/)."""

    def has_permission(self, request, view):
        return getattr(request.user, "role", None) == Role.WORKER


@extend_schema_view(
    post=extend_schema(
        summary="Open an active profile for a person aged 15+ in the caller's areas (400 naming each wrong field).",
        request=JobSeekerInputSerializer,
        responses={201: JobSeekerWriteResultSerializer},
    )
)
class JobSeekerListApi(RegistryListApi):
    """Job seekers living in the caller's areas (ID masked). `q` ignores case and diacritics; the working-condition
    filters read as a job's requirement (`fine_hand_work_ok=true`, `lifting=5_to_20`, `hands=one_left`)."""

    serializer_class = JobSeekerListSerializer
    filterset_class = JobSeekerFilterSet
    list_selector = staticmethod(selectors.profile_list)
    create_serializer_class = JobSeekerInputSerializer
    result_serializer_class = JobSeekerWriteResultSerializer

    def perform_create(self, data: dict, **extras):
        person = data.pop("person")
        return services.profile_create(actor=self.request.user, person=person, data=data)


@extend_schema_view(
    patch=extend_schema(
        summary="Change the given fields; the audit trail keeps old and new values.",
        request=JobSeekerInputSerializer,
        responses={200: JobSeekerWriteResultSerializer},
    )
)
class JobSeekerDetailApi(RegistryDetailApi):
    """One profile; 404 when it does not exist or its person lives outside the caller's areas. Reading is audited."""

    serializer_class = JobSeekerSerializer
    get_selector = staticmethod(selectors.profile_get)
    open_selector = staticmethod(selectors.profile_open)
    update_service = staticmethod(services.profile_update)
    update_argument = "profile"
    input_serializer_class = JobSeekerInputSerializer
    result_serializer_class = JobSeekerWriteResultSerializer


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


class OwnJobSeekerApi(generics.GenericAPIView):
    """The signed-in worker's own job-seeker profile (Mẫu 02); other accounts get 403.

    GET: the active profile, else the latest placed or closed one (404 without any). PUT: the whole profile
    (`title` required): opens an active one when there is none (201), otherwise replaces the active one, fields
    left out going back to their defaults (200). PATCH: changes the given fields of the active profile (404
    without one). `person`, `status` and `registered_on` are set by staff. Writes are audited under the worker.
    """

    permission_classes = [permissions.IsAuthenticated, IsWorker]
    serializer_class = JobSeekerSerializer
    http_method_names = ["get", "put", "patch", "head", "options"]

    def get_object(self):
        """The profile GET answers (OPTIONS asks for it too, to describe the writable fields)."""
        profile = selectors.own_profile(viewer=self.request.user)
        if profile is None:
            raise NotFound(NO_PROFILE)
        return profile

    def get(self, request):
        return Response(JobSeekerSerializer(self.get_object()).data)

    @extend_schema(
        request=OwnJobSeekerInputSerializer,
        responses={200: JobSeekerWriteResultSerializer, 201: JobSeekerWriteResultSerializer},
    )
    def put(self, request):
        serializer = OwnJobSeekerInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        active = selectors.own_active_profile(viewer=request.user)
        if active is None:
            profile = services.profile_create_self(actor=request.user, data=data)
            return Response(
                JobSeekerWriteResultSerializer(selectors.own_profile_shown(profile)).data,
                status=status.HTTP_201_CREATED,
            )
        data = {**services.self_defaults(), **data}
        profile = services.profile_update_self(actor=request.user, profile=active, data=data)
        return Response(JobSeekerWriteResultSerializer(selectors.own_profile_shown(profile)).data)

    @extend_schema(request=OwnJobSeekerInputSerializer, responses={200: JobSeekerWriteResultSerializer})
    def patch(self, request):
        active = selectors.own_active_profile(viewer=request.user)
        if active is None:
            raise NotFound(NO_ACTIVE_PROFILE)
        serializer = OwnJobSeekerInputSerializer(data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        profile = services.profile_update_self(actor=request.user, profile=active, data=dict(serializer.validated_data))
        return Response(JobSeekerWriteResultSerializer(selectors.own_profile_shown(profile)).data)
