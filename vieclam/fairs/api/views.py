"""Staff API of fairs and their registrations; every read and write stays inside the caller's areas."""

from __future__ import annotations

import dataclasses

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.response import Response

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.fairs import selectors, services
from vieclam.fairs.api.serializers import (
    CheckInResultSerializer,
    CheckInSerializer,
    FairInputSerializer,
    FairReportSerializer,
    FairSerializer,
    FairStatusSerializer,
    InterestInputSerializer,
    InterestSerializer,
    RegistrationCreatedSerializer,
    RegistrationInputSerializer,
    RegistrationSerializer,
)
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.filtersets import FairFilterSet
from vieclam.fairs.models import Fair, FairBooth, FairRegistration
from vieclam.people.models import Person


@extend_schema_view(
    post=extend_schema(
        summary="Plan a fair in a commune of your areas (400 naming each wrong field).",
        request=FairInputSerializer,
        responses={201: FairSerializer},
    )
)
class FairListApi(RegistryListApi):
    """Fairs held in the caller's areas, newest first."""

    serializer_class = FairSerializer
    filterset_class = FairFilterSet
    list_selector = staticmethod(selectors.fair_list)
    create_serializer_class = FairInputSerializer
    result_serializer_class = FairSerializer
    create_service = staticmethod(services.fair_create)


class FairDetailApi(RegistryDetailApi):
    """One fair; 404 when it does not exist or is held outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = FairSerializer
    get_selector = staticmethod(selectors.fair_get)


class FairStatusApi(StaffApiMixin, generics.GenericAPIView):
    """Move a fair: planned → open → held → closed (400 for any other move, or "held" before its day)."""

    serializer_class = FairStatusSerializer

    @extend_schema(request=FairStatusSerializer, responses={200: FairSerializer})
    def post(self, request, pk: int):
        fair = selectors.fair_get(viewer=request.user, pk=pk)
        serializer = FairStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fair = services.fair_transition(actor=request.user, fair=fair, to_status=serializer.validated_data["status"])
        return Response(FairSerializer(fair).data)


class FairReportApi(StaffApiMixin, generics.GenericAPIView):
    """The fair's outcome (counting rules: fairs.selectors), with the line in the words of the centres' reports."""

    serializer_class = FairReportSerializer
    queryset = Fair.objects.none()  # the schema's model; reads go through the selectors (scoped)

    @extend_schema(responses={200: FairReportSerializer})
    def get(self, request, pk: int):
        fair = selectors.fair_get(viewer=request.user, pk=pk)
        report = selectors.fair_report(selectors.fair_list(viewer=request.user).filter(pk=fair.pk))
        return Response({**dataclasses.asdict(report), "line": selectors.fair_report_line(report)})


class StaffOrWorkerRegistering(permissions.BasePermission):
    """Staff roles for everything; a worker's account only to register itself (POST), as on the public page."""

    def has_permission(self, request, view):
        user = request.user
        if getattr(user, "is_staff_role", False):
            return True
        return request.method == "POST" and getattr(user, "role", None) == Role.WORKER


WORKER_FIELDS = ("fair", "booths", "channel", "client_key")


@extend_schema_view(
    post=extend_schema(
        summary="Register a worker for an open fair (capacity, date and status checked; 400 naming the field).",
        request=RegistrationInputSerializer,
        responses={201: RegistrationCreatedSerializer},
    )
)
class RegistrationListApi(RegistryListApi):
    """Registrations for the fairs in the caller's areas (`?fair=` narrows to one fair). A worker's account may
    POST its own registration (fair, booths) for a fair that is not a draft; the service checks the rest."""

    permission_classes = [permissions.IsAuthenticated, StaffOrWorkerRegistering]
    serializer_class = RegistrationSerializer
    filterset_class = None
    list_selector = staticmethod(selectors.registration_list)
    create_serializer_class = RegistrationInputSerializer
    result_serializer_class = RegistrationCreatedSerializer

    def get_queryset(self):
        rows = selectors.registration_list(viewer=self.request.user).prefetch_related("booths").order_by("-pk")
        fair = self.request.query_params.get("fair", "")
        return rows.filter(fair_id=int(fair)) if fair.isdigit() else rows

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        if not user.is_staff_role:
            return self._worker_registers(user, data)
        fair = selectors.fair_get(viewer=user, pk=data.pop("fair"))
        values = dict(data)
        if "person" in values:
            values["person"] = scope_queryset(Person.objects.all(), user).filter(pk=values["person"]).first()
            if values["person"] is None:
                raise ValidationError({"person": _("Không có người lao động số {id} trong địa bàn bạn phụ trách.")
                                       .format(id=data["person"])})  # fmt: skip
        if "booths" in values:
            values["booths"] = _booths_of(fair, values["booths"])
        return services.registration_create(actor=user, fair=fair, data=values)

    def _worker_registers(self, user, data: dict):
        other = sorted(set(data) - set(WORKER_FIELDS))
        if other:
            message = _("Người lao động tự đăng ký cho chính mình: không gửi trường này.")
            raise ValidationError(dict.fromkeys(other, message))
        fair = get_object_or_404(Fair.objects.exclude(status=FairStatus.PLANNED), pk=data.pop("fair"))
        if "booths" in data:
            data = {**data, "booths": _booths_of(fair, data["booths"])}
        return services.registration_create(actor=user, fair=fair, data=data)


def _booths_of(fair, wanted: list[int]) -> list[FairBooth]:
    booths = list(FairBooth.objects.filter(pk__in=wanted, fair=fair).select_related("employer"))
    missing = set(wanted) - {booth.pk for booth in booths}
    if missing:
        raise ValidationError({"booths": _("Gian hàng quan tâm: không có gian hàng số {ids} tại phiên này.")
                               .format(ids=", ".join(map(str, sorted(missing))))})  # fmt: skip
    return booths


class CheckInApi(StaffApiMixin, generics.GenericAPIView):
    """Check a worker in by QR token, CCCD or phone; checking in twice answers the first check-in (200 both), the
    second with `already_checked_in` true (the door page then says "đã đến lúc HH:MM")."""

    serializer_class = CheckInSerializer

    @extend_schema(request=CheckInSerializer, responses={200: CheckInResultSerializer})
    def post(self, request):
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        fair = selectors.fair_get(viewer=request.user, pk=data.pop("fair"))
        started = timezone.now()
        registration = services.registration_check_in(actor=request.user, fair=fair, **data)
        return Response(CheckInResultSerializer(registration, context={"started": started}).data)


class InterestApi(StaffApiMixin, generics.GenericAPIView):
    """A registration's wishes recorded at the fair (vocational training, working abroad), for the training and
    labour-export journeys to take up; staff of the fair's area (another area's registration: 404)."""

    serializer_class = InterestInputSerializer
    pagination_class = None  # a registration holds at most one interest per kind
    queryset = FairRegistration.objects.none()  # the schema's model; reads go through _registration (scoped)

    def _registration(self, pk: int) -> FairRegistration:
        return get_scoped_or_404(FairRegistration.objects.select_related("fair"), self.request.user, pk=pk)

    @extend_schema(responses={200: InterestSerializer(many=True)})
    def get(self, request, pk: int):
        registration = self._registration(pk)
        return Response(InterestSerializer(registration.interests.order_by("kind"), many=True).data)

    @extend_schema(request=InterestInputSerializer, responses={201: InterestSerializer})
    def post(self, request, pk: int):
        registration = self._registration(pk)
        serializer = InterestInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        interest = services.interest_record(actor=request.user, registration=registration, **serializer.validated_data)
        return Response(InterestSerializer(interest).data, status=201)
