from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from vieclam.people import selectors, services
from vieclam.people.api.serializers import (
    HouseholdSerializer,
    PersonDetailSerializer,
    PersonInputSerializer,
    PersonListSerializer,
)
from vieclam.people.filtersets import HouseholdFilterSet, PersonFilterSet


class IsStaffRole(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(getattr(request.user, "is_staff_role", False))


class PersonListCreateApi(generics.ListAPIView):
    """Persons inside your areas (ID masked); POST registers one."""

    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
    serializer_class = PersonListSerializer
    filterset_class = PersonFilterSet

    def get_queryset(self):
        return selectors.person_list(viewer=self.request.user)

    @extend_schema(request=PersonInputSerializer, responses={201: PersonDetailSerializer})
    def post(self, request):
        data = PersonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        person, warnings = services.person_create(actor=request.user, data=data.validated_data)
        body = {**PersonDetailSerializer(person).data, "warnings": warnings}
        return Response(body, status=status.HTTP_201_CREATED)


class PersonDetailApi(generics.GenericAPIView):
    """A person's full record; reading it is audited."""

    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
    serializer_class = PersonDetailSerializer

    def get(self, request, pk: int):
        return Response(PersonDetailSerializer(selectors.person_open(viewer=request.user, pk=pk)).data)

    @extend_schema(request=PersonInputSerializer)
    def patch(self, request, pk: int):
        from vieclam.accounts.scoping import get_scoped_or_404

        person = get_scoped_or_404(selectors.person_list(viewer=request.user), request.user, pk=pk)
        data = PersonInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        person, warnings = services.person_update(actor=request.user, person=person, data=data.validated_data)
        return Response({**PersonDetailSerializer(person).data, "warnings": warnings})


class HouseholdListApi(generics.ListAPIView):
    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
    serializer_class = HouseholdSerializer
    filterset_class = HouseholdFilterSet

    def get_queryset(self):
        return selectors.household_list(viewer=self.request.user)
