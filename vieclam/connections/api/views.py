"""Staff API of connections and follow-ups; every read and write stays inside the caller's areas."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_queryset
from vieclam.codelists.models import Occupation
from vieclam.connections import selectors, services
from vieclam.connections.api.serializers import (
    ConnectionInputSerializer,
    ConnectionSerializer,
    FollowUpRecordSerializer,
    FollowUpSerializer,
)
from vieclam.connections.filtersets import ConnectionFilterSet, FollowUpFilterSet
from vieclam.connections.views import QueuePaginator
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.core.paging import RegistryPagination
from vieclam.employers.models import Employer
from vieclam.people.models import Person


@extend_schema_view(
    post=extend_schema(
        summary="Record a connection the centre confirmed outside the board (400 naming each wrong field).",
        request=ConnectionInputSerializer,
        responses={201: ConnectionSerializer},
    )
)
class ConnectionListApi(RegistryListApi):
    """Successful job connections of people in the caller's areas, newest start first."""

    serializer_class = ConnectionSerializer
    filterset_class = ConnectionFilterSet
    list_selector = staticmethod(selectors.connection_list)
    create_serializer_class = ConnectionInputSerializer
    result_serializer_class = ConnectionSerializer

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        values = dict(data)
        errors: dict[str, str] = {}
        person = scope_queryset(Person.objects.select_related("residence_commune"), user).filter(pk=data["person"])
        values["person"] = person.first()
        if values["person"] is None:
            errors["person"] = _("Không có người lao động số {id} trong địa bàn bạn phụ trách.").format(
                id=data["person"]
            )
        values["employer"] = Employer.objects.filter(pk=data["employer"]).first()
        if values["employer"] is None:
            errors["employer"] = _("Không có người sử dụng lao động số {id}.").format(id=data["employer"])
        code = values.pop("occupation", "") or ""
        if code:
            values["occupation"] = Occupation.objects.filter(code=code).first()
            if values["occupation"] is None:
                errors["occupation"] = _("Không có nghề mã {code} (VSCO 2020).").format(code=code)
        username = values.pop("counsellor", "") or ""
        if username:
            values["counsellor"] = User.objects.filter(username=username).first()
            if values["counsellor"] is None:
                errors["counsellor"] = _("Không có tài khoản “{name}”.").format(name=username)
        if errors:
            raise ValidationError(errors)
        connection = services.connection_create(actor=user, data=values)
        return selectors.connection_get(viewer=user, pk=connection.pk)


class ConnectionDetailApi(RegistryDetailApi):
    """One connection; 404 when it does not exist or its person lives outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = ConnectionSerializer
    get_selector = staticmethod(selectors.connection_get)


class QueuePagination(RegistryPagination):
    django_paginator_class = QueuePaginator


class FollowUpListApi(RegistryListApi):
    """The follow-up queue: checks not yet recorded (due, overdue, missed) falling due within two weeks (or by
    `due_before`, YYYY-MM-DD) unless `status` is given; a counsellor's own connections unless `whole_area`;
    priority groups first, then by due date."""

    serializer_class = FollowUpSerializer
    filterset_class = FollowUpFilterSet
    pagination_class = QueuePagination
    list_selector = staticmethod(selectors.followup_list)

    def get_queryset(self):
        query = self.request.query_params
        whole_area = query.get("whole_area") in ("true", "True", "1")
        horizon = dt.date.max if query.get("due_before") else None  # the filter replaces the two-week horizon
        return selectors.followup_queue(
            viewer=self.request.user, whole_area=whole_area, open_only=not query.get("status"), horizon=horizon
        )


class FollowUpRecordApi(StaffApiMixin, generics.GenericAPIView):
    """Record what a check found: 400 names the field (a check before the job started, a result without a date)."""

    serializer_class = FollowUpRecordSerializer

    @extend_schema(request=FollowUpRecordSerializer, responses={200: FollowUpSerializer})
    def post(self, request, pk: int):
        follow_up = selectors.followup_get(viewer=request.user, pk=pk)
        serializer = FollowUpRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.followup_record(actor=request.user, follow_up=follow_up, data=dict(serializer.validated_data))
        follow_up = selectors.followup_get(viewer=request.user, pk=pk)
        return Response(FollowUpSerializer(follow_up).data)
