"""The one staff API base of every registry: a list endpoint and a detail endpoint.

A registry names its selectors, services and serializers; reads go through its selectors (which scope by area,
and log the opening of a person's record) and writes through its services (which validate and audit), so the
views stay thin and alike:

- `RegistryListApi`: GET the scoped list, filtered by the registry's one FilterSet (the class its list page
  uses), paginated with bounded counts and pages (core.paging); POST creates through `create_service(actor=, data=)`.
- `RegistryDetailApi`: GET one record through `open_selector` (an audited read for personal records; defaults to
  `get_selector`), 404 outside the caller's areas; PATCH the given fields through
  `update_service(actor=, <update_argument>=record, data=)`.

A registry whose service has another shape overrides `perform_create` / `perform_update`, and one whose answer
has another shape overrides `write_result`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rest_framework import generics, status
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.paging import RegistryPagination

__all__ = ("RegistryDetailApi", "RegistryListApi")


class _Writes:
    """What the list and detail endpoints share: validate the input, call the service, answer the result."""

    result_serializer_class: ClassVar[type | None] = None

    def validated(self, serializer_class: type, *, partial: bool = False) -> Any:
        serializer = serializer_class(data=self.request.data, partial=partial, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer

    def service_extras(self, serializer) -> dict:
        """A serializer that collects `warnings` (old codes mapped…) hands the list on for the service to add to."""
        return {"warnings": serializer.warnings} if hasattr(serializer, "warnings") else {}

    def write_result(self, instance, serializer) -> Any:
        """The saved record through `result_serializer_class`, with the input's `warnings` (old codes mapped…)."""
        context = {**self.get_serializer_context(), "warnings": getattr(serializer, "warnings", [])}
        return self.result_serializer_class(instance, context=context).data


class RegistryListApi(_Writes, StaffApiMixin, generics.ListAPIView):
    list_selector: ClassVar[Callable]
    create_service: ClassVar[Callable | None] = None
    create_serializer_class: ClassVar[type | None] = None
    pagination_class = RegistryPagination  # bounded counts and pages: fast on a million rows

    def __init_subclass__(cls, **kwargs):
        # A read-only list must not offer POST: the schema would document it and a client would get a 405.
        super().__init_subclass__(**kwargs)
        if cls.create_serializer_class is None and "http_method_names" not in cls.__dict__:
            cls.http_method_names = [name for name in cls.http_method_names if name != "post"]

    def get_queryset(self):
        return type(self).list_selector(viewer=self.request.user)

    def post(self, request, *args, **kwargs):
        if self.create_serializer_class is None:
            return self.http_method_not_allowed(request, *args, **kwargs)
        serializer = self.validated(self.create_serializer_class)
        instance = self.perform_create(dict(serializer.validated_data), **self.service_extras(serializer))
        return Response(self.write_result(instance, serializer), status=status.HTTP_201_CREATED)

    def perform_create(self, data: dict, **extras):
        return type(self).create_service(actor=self.request.user, data=data, **extras)


class RegistryDetailApi(_Writes, StaffApiMixin, generics.GenericAPIView):
    http_method_names = ["get", "patch", "head", "options"]
    get_selector: ClassVar[Callable]  # get_selector(viewer=, pk=): the record for a write, 404 outside the areas
    open_selector: ClassVar[Callable | None] = None  # the record for a read (audited for personal records)
    update_service: ClassVar[Callable | None] = None
    update_argument: ClassVar[str] = ""  # the service's keyword for the record: employer=, vacancy=
    input_serializer_class: ClassVar[type | None] = None

    def get_object(self):
        return type(self).get_selector(viewer=self.request.user, pk=self.kwargs["pk"])

    def open_object(self):
        opener = type(self).open_selector or type(self).get_selector
        return opener(viewer=self.request.user, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.open_object()).data)

    def patch(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.validated(self.input_serializer_class, partial=True)
        instance = self.perform_update(instance, dict(serializer.validated_data), **self.service_extras(serializer))
        return Response(self.write_result(instance, serializer))

    def perform_update(self, instance, data: dict, **extras):
        changes = {self.update_argument: instance, "data": data, **extras}
        return type(self).update_service(actor=self.request.user, **changes)
