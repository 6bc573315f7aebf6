"""Staff API of the employer registry; every read and write stays inside the caller's areas."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.employers import selectors, services
from vieclam.employers.api.serializers import EmployerInputSerializer, EmployerSerializer, EmployerWriteResultSerializer
from vieclam.employers.filtersets import EmployerFilterSet


@extend_schema_view(
    post=extend_schema(
        summary="Register an employer in a commune of the caller's areas (400 naming each wrong field).",
        request=EmployerInputSerializer,
        responses={201: EmployerWriteResultSerializer},
    )
)
class EmployerListApi(RegistryListApi):
    """Employers in the caller's areas. `q` ignores case and diacritics; codes filter commune, province, type…"""

    serializer_class = EmployerSerializer
    filterset_class = EmployerFilterSet
    list_selector = staticmethod(selectors.employer_list)
    create_service = staticmethod(services.employer_create)
    create_serializer_class = EmployerInputSerializer
    result_serializer_class = EmployerWriteResultSerializer


@extend_schema_view(
    patch=extend_schema(
        summary="Change the given fields; the audit trail keeps old and new values.",
        request=EmployerInputSerializer,
        responses={200: EmployerWriteResultSerializer},
    )
)
class EmployerDetailApi(RegistryDetailApi):
    """One employer; 404 when it does not exist or lies outside the caller's areas."""

    serializer_class = EmployerSerializer
    get_selector = staticmethod(selectors.employer_get)
    update_service = staticmethod(services.employer_update)
    update_argument = "employer"
    input_serializer_class = EmployerInputSerializer
    result_serializer_class = EmployerWriteResultSerializer
