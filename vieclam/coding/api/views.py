"""Public API: VSCO 2020 occupation codes suggested for a free-text job title (no login)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from vieclam.coding.api.serializers import SuggestInputSerializer, SuggestOutputSerializer
from vieclam.coding.suggest import suggest_occupations


class PublicReadMixin:
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [AnonRateThrottle]


class OccupationSuggestApi(PublicReadMixin, APIView):
    """The best VSCO 2020 4-digit codes for a job title as posted, e.g. 'NHÂN VIÊN KINH DOANH (NGÀNH TÔN)'.

    Pay, place, urgency and experience in the title are ignored. `score` (0..1) is the similarity to the
    closest known occupation name or labelled real title; below about 0.5 the suggestion is a guess.
    """

    @extend_schema(
        parameters=[
            OpenApiParameter("title", str, required=True, description="Chức danh công việc (tối đa 300 ký tự)"),
            OpenApiParameter("limit", int, description="Số mã trả về, 1–20 (mặc định 5)"),
        ],
        responses=SuggestOutputSerializer,
    )
    def get(self, request):
        query = SuggestInputSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        title, limit = query.validated_data["title"], query.validated_data["limit"]
        results = suggest_occupations(title, limit=limit)
        return Response(SuggestOutputSerializer({"title": title, "results": results}).data)
