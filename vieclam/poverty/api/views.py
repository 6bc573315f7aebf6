"""Poverty-standard API: classify a household (signed-in users) and list the standards (public)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from vieclam.core.dates import today
from vieclam.poverty import selectors
from vieclam.poverty.api.serializers import ClassifyInputSerializer, ClassifyOutputSerializer, PovertyStandardSerializer
from vieclam.poverty.filtersets import PovertyStandardFilterSet


class PovertyClassifyApi(APIView):
    """Classify a household under the poverty standard in force on `as_of`: poor, near_poor, average or not_poor."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=ClassifyInputSerializer, responses={200: ClassifyOutputSerializer})
    def post(self, request):
        serializer = ClassifyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = selectors.poverty_classify(
            as_of=data.get("as_of") or today(),
            area_type=data.get("area_type"),
            commune=data.get("commune"),
            income_per_capita=data.get("income_per_capita"),
            income_score=data.get("income_score"),
            deprivations=data["deprivations"],
        )
        return Response(ClassifyOutputSerializer(result).data)


class PovertyStandardListApi(generics.ListAPIView):
    """The poverty standards with their income lines per area and their deprivation indicators (public)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [AnonRateThrottle]
    serializer_class = PovertyStandardSerializer
    filterset_class = PovertyStandardFilterSet

    def get_queryset(self):
        return selectors.standard_list()
