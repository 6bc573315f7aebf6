"""API of applications: scoped like the pages (staff by area; the worker and the employer their own)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions
from rest_framework.response import Response

from vieclam.applications import selectors, services
from vieclam.applications.api.serializers import (
    ApplicationCreateSerializer,
    ApplicationDetailSerializer,
    ApplicationSerializer,
    ApplicationTransitionSerializer,
)
from vieclam.applications.filtersets import ApplicationFilterSet
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.people.models import Person


class ApplicationListApi(RegistryListApi):
    """Applications the caller may see: staff those of people in their areas, a worker their own, an employer
    those to its vacancies."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilterSet
    list_selector = staticmethod(selectors.application_list)
    create_serializer_class = ApplicationCreateSerializer
    result_serializer_class = ApplicationDetailSerializer

    @extend_schema(request=ApplicationCreateSerializer, responses={201: ApplicationDetailSerializer})
    def post(self, request, *args, **kwargs):
        """A worker applies ({vacancy}); staff refer a person of their areas ({vacancy, person, note})."""
        return super().post(request, *args, **kwargs)

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        vacancy = _vacancy(user, data["vacancy"])
        if user.is_staff_role:
            if "person" not in data:
                raise ValidationError({"person": _("Trường này bắt buộc khi giới thiệu việc làm.")})
            person = _person(user, data["person"])
            application = services.application_refer(
                actor=user, vacancy=vacancy, person=person, note=data.get("note", "")
            )
        else:
            person = Person.objects.filter(pk=data["person"]).first() if "person" in data else None
            person = person or selectors.own_person(viewer=user)
            application = services.application_submit(actor=user, vacancy=vacancy, person=person)
        return selectors.application_get(viewer=user, pk=application.pk)


class ApplicationDetailApi(RegistryDetailApi):
    """One application with its timeline; 404 when it does not exist or is not the caller's to see."""

    http_method_names = ["get", "head", "options"]
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ApplicationDetailSerializer
    get_selector = staticmethod(selectors.application_get)


class ApplicationTransitionApi(generics.GenericAPIView):
    """Move an application: the employer (or staff) along submitted → seen → interview_scheduled → interviewed →
    offered → hired | refused; the worker (or staff) to withdrawn. 400 names the missing or wrong field."""

    serializer_class = ApplicationTransitionSerializer

    @extend_schema(request=ApplicationTransitionSerializer, responses={200: ApplicationDetailSerializer})
    def post(self, request, pk: int):
        application = selectors.application_get(viewer=request.user, pk=pk)
        serializer = ApplicationTransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.application_transition(
            actor=request.user,
            application=application,
            to_status=serializer.validated_data["to_status"],
            **serializer.service_data(),
        )
        application = selectors.application_get(viewer=request.user, pk=pk)
        return Response(ApplicationDetailSerializer(application, context={"request": request}).data)


def _vacancy(user, pk: int):
    try:
        return selectors.vacancy_for_application(viewer=user, pk=pk)
    except Http404 as exc:
        raise ValidationError({"vacancy": _("Không có việc làm số {id}.").format(id=pk)}) from exc


def _person(user, pk: int):
    try:
        return selectors.person_for_referral(viewer=user, pk=pk)
    except Http404 as exc:
        message = _("Không có người lao động số {id} trong địa bàn bạn phụ trách.").format(id=pk)
        raise ValidationError({"person": message}) from exc
