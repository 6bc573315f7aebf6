"""Staff API of the vacancy registry; every read and write stays inside the exchanges of the caller's provinces."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from vieclam.employers.api.views import StaffApiMixin
from vieclam.vacancies import selectors, services
from vieclam.vacancies.api.serializers import (
    VacancyCreateSerializer,
    VacancyInputSerializer,
    VacancySerializer,
    VacancyStatusInputSerializer,
    VacancyWriteResultSerializer,
)
from vieclam.vacancies.filtersets import VacancyFilterSet


class VacancyListApi(StaffApiMixin, generics.ListAPIView):
    """Vacancies of the caller's exchanges. `q` ignores case and diacritics; `occupation=24` takes the subtree."""

    serializer_class = VacancySerializer
    filterset_class = VacancyFilterSet

    def get_queryset(self):
        return selectors.vacancy_list(viewer=self.request.user)

    @extend_schema(request=VacancyCreateSerializer, responses={201: VacancyWriteResultSerializer})
    def post(self, request):
        """Record a vacancy (draft, or open with `status: open`); 400 naming each wrong field."""
        serializer = VacancyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vacancy = services.vacancy_create(actor=request.user, data=serializer.validated_data)
        result = VacancyWriteResultSerializer(vacancy, context={"warnings": serializer.warnings})
        return Response(result.data, status=status.HTTP_201_CREATED)


class VacancyDetailApi(StaffApiMixin, generics.GenericAPIView):
    """One vacancy; 404 when it does not exist or its exchange lies outside the caller's areas."""

    serializer_class = VacancySerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return selectors.vacancy_get(viewer=self.request.user, pk=self.kwargs["pk"])

    def get(self, request, pk: int):
        return Response(VacancySerializer(self.get_object()).data)

    @extend_schema(request=VacancyInputSerializer, responses={200: VacancyWriteResultSerializer})
    def patch(self, request, pk: int):
        """Change the given fields (not the status: see …/status/); the audit trail keeps old and new values."""
        vacancy = self.get_object()
        serializer = VacancyInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        vacancy = services.vacancy_update(actor=request.user, vacancy=vacancy, data=serializer.validated_data)
        result = VacancyWriteResultSerializer(vacancy, context={"warnings": serializer.warnings})
        return Response(result.data)


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
