"""Public, read-only API of the job board (no login): GET /api/v1/jobs/ and /api/v1/jobs/{id}/."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response

from vieclam.jobboard.api.serializers import JobDetailSerializer, JobSerializer
from vieclam.jobboard.choices import Sort
from vieclam.jobboard.forms import JobSearchForm, api_errors
from vieclam.jobboard.search import job_get, job_search
from vieclam.jobboard.views import public_employer
from vieclam.places.api.views import PublicReadMixin
from vieclam.vacancies.selectors import item_names

SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Từ khóa (≤ 200 ký tự), không phân biệt dấu, thứ tự tùy ý"),
    OpenApiParameter("province", OpenApiTypes.STR, description="Mã tỉnh hiện hành; mã hoặc tên tỉnh cũ (Long An)"),
    OpenApiParameter("commune", OpenApiTypes.STR, description="Mã xã, phường (5 chữ số; mã cũ được chuyển)"),
    OpenApiParameter("occupation", OpenApiTypes.STR, description="Mã nghề VSCO 2020 hoặc phần đầu của mã (24)"),
    OpenApiParameter("pay_min", OpenApiTypes.INT, description="Lương tháng ít nhất mong muốn (đồng)"),
    OpenApiParameter("contract_type", OpenApiTypes.STR, description="Mã loại hợp đồng (danh mục contract-types)"),
    OpenApiParameter("posted_within_days", OpenApiTypes.INT, description="Đăng trong N ngày qua (1–365)"),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=Sort.values, description="relevance (mặc định) | newest | pay"),
]


class JobListApi(PublicReadMixin, generics.ListAPIView):
    """Live vacancies (open, deadline not passed) matching every word of `q` and every filter; 400 names bad input."""

    serializer_class = JobSerializer
    filter_backends: list = []

    @extend_schema(parameters=SEARCH_PARAMETERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        form = JobSearchForm(request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(api_errors(form))
        results = job_search(form.to_query())
        # Paginate the ids (sorted in the index alone), then load the page's rows with their relations.
        ids = self.paginate_queryset(results.ids)
        serializer = self.get_serializer([row.vacancy for row in results.rows(ids)], many=True)
        return self.get_paginated_response(serializer.data)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "labels": item_names()}


class JobDetailApi(PublicReadMixin, generics.GenericAPIView):
    """One live vacancy with its requirements and the employer's public details; 404 when not live."""

    serializer_class = JobDetailSerializer

    def get(self, request, pk: int):
        vacancy = job_get(pk=pk)
        context = {"labels": item_names(), "employer": public_employer(vacancy.employer), "request": request}
        return Response(JobDetailSerializer(vacancy, context=context).data)
