"""Staff API of reports: list and create inside the caller's areas, one report with its figures, and the workflow
steps (submit, approve, return). Reads go through reporting.selectors, writes through reporting.services."""

from __future__ import annotations

from django.db.models import Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.core.reportdoc import cell_text, document_to_dict
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting import selectors, services
from vieclam.reporting.api.serializers import (
    ReportDetailSerializer,
    ReportInputSerializer,
    ReportSerializer,
    ReportStepSerializer,
)
from vieclam.reporting.filtersets import ReportFilterSet
from vieclam.reporting.models import Report


def _unit(code: str) -> AdministrativeUnit | None:
    units = AdministrativeUnit.objects.current().filter(Q(level=Level.PROVINCE) | Q(level=Level.COMMUNE))
    return units.filter(code=code).first()


def _create(*, actor, data: dict) -> Report:
    return services.report_create(actor=actor, kind=data["kind"], area=_unit(data["area"]),
                                  period_start=data["period_start"], period_end=data["period_end"])  # fmt: skip


@extend_schema_view(
    post=extend_schema(
        summary="Start a report (draft) for a province or commune of your areas over a half-year or a year.",
        request=ReportInputSerializer,
        responses={201: ReportSerializer},
    )
)
class ReportListApi(RegistryListApi):
    """Reports of the caller's areas (a commune officer: their commune's), latest period first."""

    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    list_selector = staticmethod(selectors.report_list)
    create_serializer_class = ReportInputSerializer
    result_serializer_class = ReportSerializer
    create_service = staticmethod(_create)


def detail_data(report: Report) -> dict:
    view = selectors.report_view(report)
    changes = [
        {"table": t, "row": r, "column": c,
         "now": cell_text(value, view.document.tables[t].columns[c])}
        for (t, r, c), value in sorted(view.changes.items())
    ]  # fmt: skip
    return {**ReportSerializer(report).data, "document": document_to_dict(view.document), "changes": changes}


class ReportDetailApi(RegistryDetailApi):
    """One report with its figures (as submitted, once submitted) and the cells that differ now; 404 outside the
    caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = ReportDetailSerializer
    get_selector = staticmethod(selectors.report_get)

    def get(self, request, *args, **kwargs):
        return Response(detail_data(self.open_object()))


class _StepApi(StaffApiMixin, generics.GenericAPIView):
    serializer_class = ReportStepSerializer
    queryset = Report.objects.none()  # the schema's model; reads go through the selectors (scoped)

    def step(self, actor, report: Report, comment: str) -> Report:
        raise NotImplementedError

    @extend_schema(request=ReportStepSerializer, responses={200: ReportSerializer})
    def post(self, request, pk: int):
        report = selectors.report_get(viewer=request.user, pk=pk)
        serializer = ReportStepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = self.step(request.user, report, serializer.validated_data.get("comment", ""))
        return Response(ReportSerializer(report).data)


class ReportSubmitApi(_StepApi):
    """Submit a draft or returned report: its figures are frozen as calculated now (403 outside your role/area)."""

    def step(self, actor, report, comment):
        return services.report_submit(actor=actor, report=report)


class ReportApproveApi(_StepApi):
    """Approve a submitted report (province officers)."""

    def step(self, actor, report, comment):
        return services.report_approve(actor=actor, report=report, comment=comment)


class ReportReturnApi(_StepApi):
    """Return a submitted report with the reason in `comment` (province officers; 400 without a reason)."""

    def step(self, actor, report, comment):
        return services.report_return(actor=actor, report=report, comment=comment)
