"""Public, read-only API of administrative units (no login)."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, permissions
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from vieclam.places import selectors
from vieclam.places.api.serializers import AreaDetailSerializer, AreaSerializer
from vieclam.places.filtersets import AreaFilterSet
from vieclam.places.models import AdministrativeUnit

AS_OF = OpenApiParameter("as_of", OpenApiTypes.DATE, description="Ngày tham chiếu (mặc định: hôm nay)")


class PublicReadMixin:
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [AnonRateThrottle]


class AreaListApi(PublicReadMixin, generics.ListAPIView):
    """Administrative units in force on `as_of`; `q` ignores case and diacritics."""

    queryset = AdministrativeUnit.objects.all()
    serializer_class = AreaSerializer
    filterset_class = AreaFilterSet

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["as_of"] = getattr(self, "_as_of", None)
        return context

    def filter_queryset(self, queryset):
        filterset = AreaFilterSet(self.request.query_params, queryset=queryset, request=self.request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        self._as_of = filterset.as_of_date
        return filterset.qs.order_by("code")


class AreaDetailApi(PublicReadMixin, generics.GenericAPIView):
    """One unit as of a date, with its successors and predecessors across the 2025 reform."""

    serializer_class = AreaDetailSerializer

    @extend_schema(parameters=[AS_OF])
    def get(self, request, code: str):
        filterset = AreaFilterSet({"as_of": request.query_params.get("as_of", "")})
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        as_of = filterset.as_of_date
        unit = selectors.unit_get(code=code, as_of=as_of)
        if unit is None:
            raise exceptions.NotFound(_not_found_message(code, as_of))
        context = {"as_of": as_of, "successions": selectors.unit_successions(unit=unit), "request": request}
        return Response(AreaDetailSerializer(unit, context=context).data)


def _not_found_message(code: str, as_of) -> str:
    day = date_format(as_of, "SHORT_DATE_FORMAT")
    others = selectors.unit_any_period(code=code)
    if not others:
        return _("Không có đơn vị hành chính mã {code}.").format(code=code)
    periods = "; ".join(
        f"{u.name} ({date_format(u.valid_from, 'SHORT_DATE_FORMAT') if u.valid_from else '…'} – "
        f"{date_format(u.valid_to, 'SHORT_DATE_FORMAT') if u.valid_to else '…'})"
        for u in others
    )
    return _("Mã {code} không có hiệu lực vào ngày {day}. Mã này thuộc: {periods}.").format(
        code=code, day=day, periods=periods
    )
