"""Staff API of plan targets: list and set (scoped, the list page's FilterSet), one target with its revisions,
and the allocation and revision actions. Only province officers and administrators write."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.targets import selectors, services
from vieclam.targets.api.serializers import (
    AllocationSerializer,
    ReviseSerializer,
    TargetDetailSerializer,
    TargetInputSerializer,
    TargetSerializer,
    unit_by_code,
)
from vieclam.targets.filtersets import TargetFilterSet
from vieclam.targets.models import Target


class WritesForManagers(permissions.BasePermission):
    """Every staff role reads; only province officers and administrators write (403 for others)."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or services.can_manage_targets(request.user)


@extend_schema_view(
    post=extend_schema(
        summary="Set a target (a year, or year_from..year_to for a plan) for a unit of your areas.",
        request=TargetInputSerializer,
        responses={201: TargetSerializer},
    )
)
class TargetListApi(RegistryListApi):
    """Targets of the caller's areas (a commune officer: the commune's), with the list page's filters."""

    permission_classes = [*StaffApiMixin.permission_classes, WritesForManagers]
    serializer_class = TargetSerializer
    filterset_class = TargetFilterSet
    list_selector = staticmethod(selectors.target_list)
    create_serializer_class = TargetInputSerializer
    result_serializer_class = TargetSerializer

    def perform_create(self, data: dict, **extras):
        year_to = data.get("year_to") or data["year_from"]
        return services.target_set(
            actor=self.request.user, indicator=data["indicator"], area=data["area"],
            years=(data["year_from"], year_to), value=data["value"], note=data.get("note", ""),
        )  # fmt: skip


class TargetDetailApi(RegistryDetailApi):
    """One target with its revisions (the original value stays); 404 outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = TargetDetailSerializer
    get_selector = staticmethod(selectors.target_get)


class TargetAllocateApi(StaffApiMixin, generics.GenericAPIView):
    """Share a province target among its communes (400 when a count's shares exceed the province's value)."""

    permission_classes = [*StaffApiMixin.permission_classes, WritesForManagers]
    serializer_class = AllocationSerializer
    queryset = Target.objects.none()

    @extend_schema(request=AllocationSerializer, responses={200: TargetSerializer(many=True)})
    def post(self, request, pk: int):
        target = selectors.target_get(viewer=request.user, pk=pk)
        serializer = AllocationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        edition = target.area.edition
        try:
            shares = {unit_by_code(s["commune"], edition): s["value"] for s in serializer.validated_data["shares"]}
        except ValidationError as exc:
            raise ValidationError({"shares": exc.detail}) from exc
        written = services.target_allocate(actor=request.user, target=target, shares=shares)
        return Response(TargetSerializer(written, many=True).data)


class TargetReviseApi(StaffApiMixin, generics.GenericAPIView):
    """A new value with its reason; the old value stays in the target's revisions."""

    permission_classes = [*StaffApiMixin.permission_classes, WritesForManagers]
    serializer_class = ReviseSerializer
    queryset = Target.objects.none()

    @extend_schema(request=ReviseSerializer, responses={200: TargetDetailSerializer})
    def post(self, request, pk: int):
        target = selectors.target_get(viewer=request.user, pk=pk)
        serializer = ReviseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.target_revise(actor=request.user, target=target, **serializer.validated_data)
        return Response(TargetDetailSerializer(selectors.target_get(viewer=request.user, pk=pk)).data)
