"""List/create and detail/patch endpoints shared by the registries whose services return warnings.

A registry names its selectors, services and serializers; reads go through its selectors (which scope by area)
and writes through its services (which validate, resolve codes and audit; their notes, e.g. an old area code
mapped, come back in `warnings`), so the views stay thin and alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rest_framework import generics, status
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin


class RegistryListApi(StaffApiMixin, generics.ListAPIView):
    list_selector: ClassVar[Callable]
    create_service: ClassVar[Callable]
    create_serializer_class: ClassVar[type]
    result_serializer_class: ClassVar[type]

    def get_queryset(self):
        return type(self).list_selector(viewer=self.request.user)

    def post(self, request):
        serializer = self.create_serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = type(self).create_service(
            actor=request.user, data=serializer.validated_data, warnings=serializer.warnings
        )
        result = self.result_serializer_class(instance, context={"warnings": serializer.warnings})
        return Response(result.data, status=status.HTTP_201_CREATED)


class RegistryDetailApi(StaffApiMixin, generics.GenericAPIView):
    """GET one record (404 outside the caller's areas) and PATCH the given fields."""

    http_method_names = ["get", "patch", "head", "options"]
    get_selector: ClassVar[Callable]
    update_service: ClassVar[Callable]
    update_argument: ClassVar[str]  # the service's keyword for the record: employer=, vacancy=
    input_serializer_class: ClassVar[type]
    result_serializer_class: ClassVar[type]

    def get_object(self):
        return type(self).get_selector(viewer=self.request.user, pk=self.kwargs["pk"])

    def get(self, request, pk: int):
        return Response(self.get_serializer(self.get_object()).data)

    def patch(self, request, pk: int):
        instance = self.get_object()
        serializer = self.input_serializer_class(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = {self.update_argument: instance, "data": serializer.validated_data, "warnings": serializer.warnings}
        instance = type(self).update_service(actor=request.user, **changes)
        result = self.result_serializer_class(instance, context={"warnings": serializer.warnings})
        return Response(result.data)
