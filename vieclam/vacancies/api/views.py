"""Staff API of the vacancy registry; every read and write stays inside the exchanges of the caller's provinces."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.vacancies import selectors, services
from vieclam.vacancies.api.serializers import (
    VacancyCreateSerializer,
    VacancyInputSerializer,
    VacancySerializer,
    VacancyStatusInputSerializer,
    VacancyWriteResultSerializer,
)
from vieclam.vacancies.filtersets import VacancyFilterSet


@extend_schema_view(
    post=extend_schema(
        summary="Record a vacancy (draft, or open with `status: open`); 400 naming each wrong field.",
        request=VacancyCreateSerializer,
        responses={201: VacancyWriteResultSerializer},
    )
)
class VacancyListApi(RegistryListApi):
    """Vacancies of the caller's exchanges. `q` ignores case and diacritics; `occupation=24` takes the subtree."""

    serializer_class = VacancySerializer
    filterset_class = VacancyFilterSet
    list_selector = staticmethod(selectors.vacancy_list)
    create_service = staticmethod(services.vacancy_create)
    create_serializer_class = VacancyCreateSerializer
    result_serializer_class = VacancyWriteResultSerializer


@extend_schema_view(
    patch=extend_schema(
        summary="Change the given fields (not the status: see …/status/); the audit trail keeps old and new values.",
        request=VacancyInputSerializer,
        responses={200: VacancyWriteResultSerializer},
    )
)
class VacancyDetailApi(RegistryDetailApi):
    """One vacancy; 404 when it does not exist or its exchange lies outside the caller's areas."""

    serializer_class = VacancySerializer
    get_selector = staticmethod(selectors.vacancy_get)
    update_service = staticmethod(services.vacancy_update)
    update_argument = "vacancy"
    input_serializer_class = VacancyInputSerializer
    result_serializer_class = VacancyWriteResultSerializer


class VacancyStatusApi(StaffApiMixin, generics.GenericAPIView):
    """Move a vacancy to another status: draft → open → filled | closed | expired; expired → open | closed."""

    serializer_class = VacancyStatusInputSerializer

    @extend_schema(request=VacancyStatusInputSerializer, responses={200: VacancySerializer})
    def post(self, request, pk: int):
        vacancy = selectors.vacancy_get(viewer=request.user, pk=pk)
        serializer = VacancyStatusInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vacancy = services.vacancy_set_status(
            actor=request.user, vacancy=vacancy, status=serializer.validated_data["status"]
        )
        return Response(VacancySerializer(vacancy).data)
