from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.core.api.permissions import IsStaffRole
from vieclam.people import selectors, services
from vieclam.people.api.serializers import (
    HouseholdInputSerializer,
    HouseholdSerializer,
    PersonDetailSerializer,
    PersonInputSerializer,
    PersonListSerializer,
    ReviewInputSerializer,
    ReviewSerializer,
)
from vieclam.people.filtersets import HouseholdFilterSet, PersonFilterSet
from vieclam.people.reviews import household_review_record


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
        person = get_scoped_or_404(selectors.person_list(viewer=request.user), request.user, pk=pk)
        data = PersonInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        person, warnings = services.person_update(actor=request.user, person=person, data=data.validated_data)
        return Response({**PersonDetailSerializer(person).data, "warnings": warnings})


class HouseholdListCreateApi(generics.ListAPIView):
    """Households inside your areas with their current poverty class; POST creates one."""

    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
    serializer_class = HouseholdSerializer
    filterset_class = HouseholdFilterSet

    def get_queryset(self):
        return selectors.household_list(viewer=self.request.user)

    @extend_schema(request=HouseholdInputSerializer, responses={201: HouseholdSerializer})
    def post(self, request):
        data = HouseholdInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        household = services.household_create(actor=request.user, **data.validated_data)
        return Response(HouseholdSerializer(household).data, status=status.HTTP_201_CREATED)


class HouseholdReviewsApi(generics.GenericAPIView):
    """A household's poverty reviews; POST records one, classified by the standard in force that day."""

    permission_classes = [permissions.IsAuthenticated, IsStaffRole]
    serializer_class = ReviewSerializer

    def _household(self, pk):
        return get_scoped_or_404(selectors.household_list(viewer=self.request.user), self.request.user, pk=pk)

    def get(self, request, pk: int):
        household = self._household(pk)
        return Response(ReviewSerializer(household.reviews.select_related("standard"), many=True).data)

    @extend_schema(request=ReviewInputSerializer, responses={201: ReviewSerializer})
    def post(self, request, pk: int):
        household = self._household(pk)
        data = ReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = household_review_record(actor=request.user, household=household, **data.validated_data)
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)
