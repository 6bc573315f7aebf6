"""Staff API of persons and households, on the registry API base: scoped reads (opening a person's record is
logged), writes through the services."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
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
from vieclam.people.models import Household
from vieclam.people.reviews import household_review_record


class PersonWrites:
    """The person services answer (person, warnings); the API answers the full record plus `warnings`."""

    def perform_create(self, data: dict, **extras):
        person, self.warnings = services.person_create(actor=self.request.user, data=data)
        return person

    def perform_update(self, instance, data: dict, **extras):
        person, self.warnings = services.person_update(actor=self.request.user, person=instance, data=data)
        return person

    def write_result(self, instance, serializer) -> dict:
        return {**PersonDetailSerializer(instance).data, "warnings": self.warnings}


@extend_schema_view(post=extend_schema(request=PersonInputSerializer, responses={201: PersonDetailSerializer}))
class PersonListCreateApi(PersonWrites, RegistryListApi):
    """Persons inside your areas (ID masked); POST registers one."""

    serializer_class = PersonListSerializer
    filterset_class = PersonFilterSet
    list_selector = staticmethod(selectors.person_list)
    create_serializer_class = PersonInputSerializer


@extend_schema_view(patch=extend_schema(request=PersonInputSerializer))
class PersonDetailApi(PersonWrites, RegistryDetailApi):
    """A person's full record; reading it is audited."""

    serializer_class = PersonDetailSerializer
    get_selector = staticmethod(selectors.person_get)
    open_selector = staticmethod(selectors.person_open)
    input_serializer_class = PersonInputSerializer


@extend_schema_view(post=extend_schema(request=HouseholdInputSerializer, responses={201: HouseholdSerializer}))
class HouseholdListCreateApi(RegistryListApi):
    """Households inside your areas with their current poverty class; POST creates one."""

    serializer_class = HouseholdSerializer
    filterset_class = HouseholdFilterSet
    list_selector = staticmethod(selectors.household_list)
    create_serializer_class = HouseholdInputSerializer
    result_serializer_class = HouseholdSerializer

    def perform_create(self, data: dict, **extras):
        return services.household_create(actor=self.request.user, **data)


class HouseholdReviewsApi(StaffApiMixin, generics.GenericAPIView):
    """A household's poverty reviews; POST records one, classified by the standard in force that day."""

    serializer_class = ReviewSerializer
    pagination_class = None  # every review, as a list: a household has a few
    queryset = Household.objects.none()  # read by the schema only (the id in the path is a household's)

    def _household(self, pk):
        return selectors.household_get(viewer=self.request.user, pk=pk)

    @extend_schema(responses={200: ReviewSerializer(many=True)})
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
