"""Staff API of journeys abroad (scoped to the caller's areas), programmes and enterprises."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from vieclam.abroad import selectors, services
from vieclam.abroad.api.serializers import (
    EnterpriseSerializer,
    JourneyDetailSerializer,
    JourneyInputSerializer,
    JourneySerializer,
    ProgrammeSerializer,
    StepInputSerializer,
)
from vieclam.abroad.filtersets import EnterpriseFilterSet, JourneyFilterSet, ProgrammeFilterSet
from vieclam.abroad.models import Country, Programme
from vieclam.accounts.scoping import scope_queryset
from vieclam.codelists.models import Occupation
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.people.models import Person


def _country(values: dict, errors: dict) -> None:
    code = values.pop("country", "") or ""
    if code:
        values["country"] = Country.objects.filter(code=code.upper()).first()
        if values["country"] is None:
            errors["country"] = _("Không có nước mã {code}.").format(code=code)


@extend_schema_view(
    post=extend_schema(
        summary="Register a person to work abroad (400 naming each wrong field).",
        request=JourneyInputSerializer,
        responses={201: JourneyDetailSerializer},
    )
)
class JourneyListApi(RegistryListApi):
    """Journeys abroad of people in the caller's areas, newest registration first."""

    serializer_class = JourneySerializer
    filterset_class = JourneyFilterSet
    list_selector = staticmethod(selectors.journey_list)
    create_serializer_class = JourneyInputSerializer
    result_serializer_class = JourneyDetailSerializer

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        values = {k: v for k, v in data.items() if v not in (None, "")}
        errors: dict[str, str] = {}
        person = scope_queryset(Person.objects.select_related("residence_commune"), user).filter(pk=data["person"])
        values["person"] = person.first()
        if values["person"] is None:
            errors["person"] = _("Không có người lao động số {id} trong địa bàn bạn phụ trách.").format(
                id=data["person"]
            )
        if values.get("programme"):
            values["programme"] = Programme.objects.filter(pk=values["programme"]).first()
            if values["programme"] is None:
                errors["programme"] = _("Không có đơn hàng số {id}.").format(id=data["programme"])
        _country(values, errors)
        code = values.pop("occupation", "") or ""
        if code:
            values["occupation"] = Occupation.objects.filter(code=code).first()
            if values["occupation"] is None:
                errors["occupation"] = _("Không có nghề mã {code} (VSCO 2020).").format(code=code)
        if errors:
            raise ValidationError(errors)
        journey = services.journey_register(actor=user, data=values)
        return selectors.journey_get(viewer=user, pk=journey.pk)


class JourneyDetailApi(RegistryDetailApi):
    """One journey with its dated steps; 404 when its person lives outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = JourneyDetailSerializer
    get_selector = staticmethod(selectors.journey_get)


class JourneyStepApi(StaffApiMixin, generics.GenericAPIView):
    """Record the next step of a journey: 400 names the field (a departure before the contract, a return before the
    departure, a step out of order, a worker under 18)."""

    serializer_class = StepInputSerializer

    @extend_schema(request=StepInputSerializer, responses={200: JourneyDetailSerializer})
    def post(self, request, pk: int):
        journey = selectors.journey_get(viewer=request.user, pk=pk)
        serializer = StepInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = {k: v for k, v in serializer.validated_data.items() if v not in (None, "")}
        state, on = values.pop("state"), values.pop("on")
        errors: dict[str, str] = {}
        _country(values, errors)
        if errors:
            raise ValidationError(errors)
        services.journey_advance(actor=request.user, journey=journey, state=state, on=on, data=values)
        return Response(JourneyDetailSerializer(selectors.journey_get(viewer=request.user, pk=pk)).data)


class ProgrammeListApi(RegistryListApi):
    """Programmes (đơn hàng) of the licensed enterprises, newest first."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilterSet
    list_selector = staticmethod(selectors.programme_list)


class EnterpriseListApi(RegistryListApi):
    """Licensed service enterprises sending workers abroad."""

    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilterSet
    list_selector = staticmethod(selectors.enterprise_list)
