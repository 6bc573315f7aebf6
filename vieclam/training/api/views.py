"""Staff API of training classes and enrolments; every read and write stays inside the caller's areas."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from vieclam.accounts.scoping import scope_queryset
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.people.models import Person
from vieclam.places.models import AdministrativeUnit
from vieclam.training import selectors, services
from vieclam.training.api.serializers import (
    ClassInputSerializer,
    ClassSerializer,
    EnrolmentInputSerializer,
    EnrolmentSerializer,
    TransitionSerializer,
)
from vieclam.training.filtersets import ClassFilterSet, EnrolmentFilterSet
from vieclam.training.models import Course, Provider


@extend_schema_view(
    post=extend_schema(
        summary="Open a class (400 naming each wrong field).",
        request=ClassInputSerializer,
        responses={201: ClassSerializer},
    )
)
class ClassListApi(RegistryListApi):
    """Training classes held in the caller's areas, latest start first."""

    serializer_class = ClassSerializer
    filterset_class = ClassFilterSet
    list_selector = staticmethod(selectors.class_list)
    create_serializer_class = ClassInputSerializer
    result_serializer_class = ClassSerializer

    def perform_create(self, data: dict, **extras):
        values, errors = dict(data), {}
        values["course"] = Course.objects.filter(pk=data["course"]).first()
        if values["course"] is None:
            errors["course"] = _("Không có khóa đào tạo số {id}.").format(id=data["course"])
        values["provider"] = Provider.objects.filter(pk=data["provider"]).first()
        if values["provider"] is None:
            errors["provider"] = _("Không có cơ sở đào tạo số {id}.").format(id=data["provider"])
        values["venue_commune"] = (
            AdministrativeUnit.objects.current().filter(level="commune", code=data["venue_commune"]).first()
        )
        if values["venue_commune"] is None:
            errors["venue_commune"] = _("Không có xã, phường mã {code}.").format(code=data["venue_commune"])
        if errors:
            raise ValidationError(errors)
        row = services.class_create(actor=self.request.user, data=values)
        return selectors.class_get(viewer=self.request.user, pk=row.pk)


class ClassDetailApi(RegistryDetailApi):
    """One class; 404 when it does not exist or is held outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = ClassSerializer
    get_selector = staticmethod(selectors.class_get)


@extend_schema_view(
    post=extend_schema(
        summary="Enrol a person in a class (400 naming each wrong field: seats, twice, age, support above the norm).",
        request=EnrolmentInputSerializer,
        responses={201: EnrolmentSerializer},
    )
)
class EnrolmentListApi(RegistryListApi):
    """Enrolments of trainees living in the caller's areas, latest first."""

    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilterSet
    list_selector = staticmethod(selectors.enrolment_list)
    create_serializer_class = EnrolmentInputSerializer
    result_serializer_class = EnrolmentSerializer

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        values = dict(data)
        training_class = selectors.class_list(viewer=user).filter(pk=values.pop("training_class")).first()
        person = scope_queryset(Person.objects.all(), user).filter(pk=values.pop("person")).first()
        errors = {}
        if training_class is None:
            errors["training_class"] = _("Không có lớp số {id} trong địa bàn bạn phụ trách.").format(
                id=data["training_class"]
            )
        if person is None:
            errors["person"] = _("Không có người lao động số {id} trong địa bàn bạn phụ trách.").format(
                id=data["person"]
            )
        if errors:
            raise ValidationError(errors)
        row = services.enrolment_create(actor=user, training_class=training_class, person=person, data=values)
        return selectors.enrolment_get(viewer=user, pk=row.pk)


class EnrolmentTransitionApi(StaffApiMixin, generics.GenericAPIView):
    """Move an enrolment on: attending, completed (with its certificate) or dropped out; 400 names the field."""

    serializer_class = TransitionSerializer

    @extend_schema(request=TransitionSerializer, responses={200: EnrolmentSerializer})
    def post(self, request, pk: int):
        enrolment = selectors.enrolment_get(viewer=request.user, pk=pk)
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.enrolment_transition(actor=request.user, enrolment=enrolment, **serializer.validated_data)
        return Response(EnrolmentSerializer(selectors.enrolment_get(viewer=request.user, pk=pk)).data)
