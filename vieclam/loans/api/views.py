"""Staff API of job-creation loans; every read and write stays inside the caller's areas."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from vieclam.accounts.scoping import scope_queryset
from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.employers.models import Employer
from vieclam.loans import selectors, services
from vieclam.loans.api.serializers import (
    LoanDetailSerializer,
    LoanEventInputSerializer,
    LoanEventSerializer,
    LoanInputSerializer,
    LoanSerializer,
)
from vieclam.loans.filtersets import LoanFilterSet
from vieclam.loans.models import PriorityGroup
from vieclam.people.models import Person


@extend_schema_view(
    post=extend_schema(
        summary="Record a loan application (400 naming each wrong field, e.g. an amount above the ceiling).",
        request=LoanInputSerializer,
        responses={201: LoanSerializer},
    )
)
class LoanListApi(RegistryListApi):
    """Job-creation loans of borrowers in the caller's areas, newest application first."""

    serializer_class = LoanSerializer
    filterset_class = LoanFilterSet
    list_selector = staticmethod(selectors.loan_list)
    create_serializer_class = LoanInputSerializer
    result_serializer_class = LoanSerializer

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        values = dict(data)
        errors: dict[str, str] = {}
        if data.get("person"):
            values["person"] = (
                scope_queryset(Person.objects.select_related("residence_commune"), user)
                .filter(pk=data["person"])
                .first()
            )
            if values["person"] is None:
                errors["person"] = _("Không có người lao động số {id} trong địa bàn bạn phụ trách.").format(
                    id=data["person"]
                )
        if data.get("employer"):
            values["employer"] = Employer.objects.select_related("commune").filter(pk=data["employer"]).first()
            if values["employer"] is None:
                errors["employer"] = _("Không có người sử dụng lao động số {id}.").format(id=data["employer"])
        code = values.pop("priority_group", "") or ""
        if code:
            values["priority_group"] = PriorityGroup.objects.filter(code=code).first()
            if values["priority_group"] is None:
                errors["priority_group"] = _("Không có đối tượng ưu tiên mã “{code}”.").format(code=code)
        if errors:
            raise ValidationError(errors)
        loan = services.loan_create(actor=user, data=values)
        return selectors.loan_get(viewer=user, pk=loan.pk)


class LoanDetailApi(RegistryDetailApi):
    """One loan with its steps; 404 when it does not exist or its borrower is outside the caller's areas."""

    http_method_names = ["get", "head", "options"]
    serializer_class = LoanDetailSerializer
    get_selector = staticmethod(selectors.loan_get)


class LoanEventApi(StaffApiMixin, generics.GenericAPIView):
    """Record a step: 400 names the field (disbursed above the approved amount or before approval, a jobs check
    before disbursement, a step out of order)."""

    serializer_class = LoanEventInputSerializer

    @extend_schema(request=LoanEventInputSerializer, responses={201: LoanEventSerializer})
    def post(self, request, pk: int):
        loan = selectors.loan_get(viewer=request.user, pk=pk)
        serializer = LoanEventInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        ids = values.pop("persons", None) or []
        if ids:
            found = {p.pk: p for p in Person.objects.filter(pk__in=ids)}
            missing = [i for i in ids if i not in found]
            if missing:
                raise ValidationError({"persons": _("Không có người lao động số {ids}.").format(
                    ids=", ".join(map(str, missing)))})  # fmt: skip
            values["persons"] = [found[i] for i in ids]
        event = services.loan_event_record(actor=request.user, loan=loan, data=values)
        return Response(LoanEventSerializer(event).data, status=status.HTTP_201_CREATED)
