"""Staff API of the indicators: the catalogue and one indicator's values for an area and period.

Access by area through accounts.scoping: a commune officer asking for the province or another commune gets a 404
naming the unit, never figures; workers, employers and visitors get 403.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.indicators import selectors
from vieclam.indicators.api.serializers import IndicatorSerializer, ValuesSerializer
from vieclam.indicators.filtersets import IndicatorFilterSet
from vieclam.indicators.forms import ValuesQueryForm
from vieclam.indicators.models import Indicator

__all__ = ("IndicatorDetailApi", "IndicatorListApi", "IndicatorValuesApi")

VALUES_PARAMETERS = [
    OpenApiParameter(
        "area", OpenApiTypes.STR,
        description="The unit's code (80 a province, 25459 a commune, 3 digits an old district), in force or before "
        "01/07/2025 (boundary=pre2025 reads codes of that edition first); any other number is a unit's id. "
        "Default: your own area.",
    ),
    OpenApiParameter(
        "period", OpenApiTypes.STR,
        description="2023, 2023-H1, 2023-Q2, 2023-05, 2021..2025, 2023-01-01..2023-03-31 or 01/01/2023-31/03/2023. "
        "Default: this year.",
    ),
    OpenApiParameter("by", OpenApiTypes.STR, description="One of the indicator's disaggregations, or commune."),
    OpenApiParameter(
        "boundary", OpenApiTypes.STR, enum=list(selectors.BOUNDARIES),
        description="2025 (= current, the default) or pre2025: by=commune then groups the communes into the old "
        "units they came from.",
    ),
    OpenApiParameter("as_of", OpenApiTypes.DATE, description="Figures as they stood on this day (dd/mm/yyyy or ISO)."),
]  # fmt: skip


class IndicatorListApi(StaffApiMixin, generics.ListAPIView):
    """The indicator catalogue: names, unit, definition, legal source, disaggregations and which way is better."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet
    queryset = Indicator.objects.order_by("order", "code")


class IndicatorDetailApi(StaffApiMixin, generics.RetrieveAPIView):
    """One indicator of the catalogue; 404 "Không có chỉ tiêu mã …" for an unknown code."""

    serializer_class = IndicatorSerializer
    queryset = Indicator.objects.all()

    def get_object(self) -> Indicator:
        return selectors.indicator_get(self.kwargs["code"])


class IndicatorValuesApi(StaffApiMixin, generics.GenericAPIView):
    """One indicator for an area of yours and a period: the total, the rows of `by` (groups in words), each
    against its target and the same period last year, and the year-end projection for the current year."""

    serializer_class = ValuesSerializer
    queryset = Indicator.objects.none()  # the schema's model; reads go through the selectors (scoped)
    pagination_class = None
    filter_backends: list = []

    @extend_schema(parameters=VALUES_PARAMETERS, responses={200: ValuesSerializer})
    def get(self, request, code: str):
        indicator = selectors.indicator_get(code)  # 404 before anything else is read
        form = ValuesQueryForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        values = selectors.indicator_values(user=request.user, code=indicator.code, **form.query())
        return Response(ValuesSerializer(values).data)
