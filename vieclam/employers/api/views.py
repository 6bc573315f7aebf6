"""Staff API of the employer registry; every read and write stays inside the caller's areas."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from vieclam.employers import selectors, services
from vieclam.employers.api.serializers import EmployerInputSerializer, EmployerSerializer, EmployerWriteResultSerializer
from vieclam.employers.filtersets import EmployerFilterSet


class IsStaffRole(permissions.BasePermission):
    """Administrators, province and commune officers and counsellors; employer and worker accounts get 403."""

    def has_permission(self, request, view):
        return bool(getattr(request.user, "is_staff_role", False))


class StaffApiMixin:
    permission_classes = [permissions.IsAuthenticated, IsStaffRole]


class EmployerListApi(StaffApiMixin, generics.ListAPIView):
    """Employers in the caller's areas. `q` ignores case and diacritics; codes filter commune, province, type…"""

    serializer_class = EmployerSerializer
    filterset_class = EmployerFilterSet

    def get_queryset(self):
        return selectors.employer_list(viewer=self.request.user)

    @extend_schema(request=EmployerInputSerializer, responses={201: EmployerWriteResultSerializer})
    def post(self, request):
        """Register an employer in a commune of the caller's areas (400 naming each wrong field)."""
        serializer = EmployerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        employer = services.employer_create(actor=request.user, data=serializer.validated_data)
        result = EmployerWriteResultSerializer(employer, context={"warnings": serializer.warnings})
        return Response(result.data, status=status.HTTP_201_CREATED)


class EmployerDetailApi(StaffApiMixin, generics.GenericAPIView):
    """One employer; 404 when it does not exist or lies outside the caller's areas."""

    serializer_class = EmployerSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return selectors.employer_get(viewer=self.request.user, pk=self.kwargs["pk"])

    def get(self, request, pk: int):
        return Response(EmployerSerializer(self.get_object()).data)

    @extend_schema(request=EmployerInputSerializer, responses={200: EmployerWriteResultSerializer})
    def patch(self, request, pk: int):
        """Change the given fields; the audit trail keeps old and new values."""
        employer = self.get_object()
        serializer = EmployerInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        employer = services.employer_update(actor=request.user, employer=employer, data=serializer.validated_data)
        result = EmployerWriteResultSerializer(employer, context={"warnings": serializer.warnings})
        return Response(result.data)
